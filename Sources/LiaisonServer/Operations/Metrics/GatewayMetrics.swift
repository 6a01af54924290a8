import CoreMetrics
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonStore
import Synchronization

/// Everything one gateway counts, for `GET /metrics`. Names follow Prometheus conventions
/// (`liaison_` prefix, `_total` for counters, base units such as `_seconds`). Labels hold
/// only values from fixed sets (transport, outcome, route pattern, method, status code,
/// personal-data kind, failure class) or configured organisation ids (consumers): never a
/// personal value, an incident, key or receipt id, a raw path or an address.
public final class GatewayMetrics: Sendable {
    private let exposition: PrometheusExposition
    /// Consumers and session states a previous scrape saw: set to 0 when they drop out of
    /// the database's answer, so a drained queue reads 0 rather than its last value.
    private let seen = Mutex<(consumers: Set<String>, states: Set<String>)>(([], []))

    public init() {
        exposition = PrometheusExposition()
        // Present from the first scrape, so rates start at 0 rather than at the first purge.
        Counter(label: "liaison_vault_purged_entries_total", factory: factory).increment(by: 0)
    }

    /// The factory every counting component is handed.
    public var factory: any MetricsFactory { exposition.factory }

    /// The delivery worker's counters, over this gateway's registry.
    public var delivery: DeliveryMetrics { DeliveryMetrics(factory: factory) }

    /// One HTTP request answered: by route pattern (`/v1/incidents/{id}`, never the raw
    /// path; `unmatched` for a 404 outside every route), method and status code.
    func requestAnswered(route: String, method: String, status: Int, seconds: Double) {
        Counter(
            label: "liaison_http_requests_total",
            dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory
        ).increment()
        CoreMetrics.Timer(
            label: "liaison_http_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factory
        ).recordNanoseconds(Int64(max(0, seconds) * 1e9))
    }

    /// One push through the intake pipeline: the request by its result, each object by its
    /// outcome, and the personal data the protector moved to the vault, by kind.
    func intake(transport: Transport, outcome: IntakePipeline.Outcome, vaulted: [PersonalDataKind]) {
        let result: String
        var objects: [Receipt.Outcome.Status] = []
        switch outcome {
        case .committed(let signed):
            result = "committed"
            objects = signed.receipt.outcomes.map(\.status)
        case .replayed: result = "replayed"
        case .duplicate, .duplicates: result = "duplicate"
        }
        Counter(
            label: "liaison_intake_requests_total", dimensions: [("transport", transport.rawValue), ("result", result)],
            factory: factory
        ).increment()
        for (status, count) in Dictionary(grouping: objects, by: \.self).mapValues(\.count) {
            Counter(
                label: "liaison_intake_objects_total", dimensions: [("transport", transport.rawValue), ("outcome", status.rawValue)],
                factory: factory
            ).increment(by: count)
        }
        for (kind, count) in Dictionary(grouping: vaulted, by: \.self).mapValues(\.count) {
            Counter(label: "liaison_personal_data_found_total", dimensions: [("kind", kind.rawValue)], factory: factory)
                .increment(by: count)
        }
    }

    /// The most connections this gateway's PostgreSQL pool opens (`postgres-nio` publishes
    /// no figures of its pool's use, so `liaison_database_sessions` is read from the server).
    public func databasePool(maximumConnections: Int) {
        gauge("liaison_database_pool_max_connections").record(maximumConnections)
    }

    /// Vault entries deleted at the end of their retention.
    func vaultPurged(_ entries: Int) {
        Counter(label: "liaison_vault_purged_entries_total", factory: factory).increment(by: entries)
    }

    /// Sets the gauges read from the database at scrape time; `nil`: the database did not
    /// answer, and only `liaison_database_up` and `liaison_ready` change.
    func sample(_ figures: OperationalFigures?, ready: Bool) {
        gauge("liaison_database_up").record(figures == nil ? 0 : 1)
        gauge("liaison_ready").record(ready ? 1 : 0)
        guard let figures else { return }
        let (consumers, states) = seen.withLock { seen in
            seen.consumers.formUnion(figures.pending.keys)
            seen.consumers.formUnion(figures.dead.keys)
            seen.states.formUnion(figures.databaseSessions.keys)
            return seen
        }
        for consumer in consumers {
            let pending = figures.pending[consumer]
            gauge("liaison_delivery_queue_depth", ("consumer", consumer)).record(pending?.count ?? 0)
            gauge("liaison_delivery_oldest_pending_age_seconds", ("consumer", consumer)).record(pending?.oldestSeconds ?? 0)
            gauge("liaison_deliveries_dead", ("consumer", consumer)).record(figures.dead[consumer] ?? 0)
        }
        for state in states {
            gauge("liaison_database_sessions", ("state", state)).record(figures.databaseSessions[state] ?? 0)
        }
        gauge("liaison_ledger_entries").record(figures.ledgerEntries)
        gauge("liaison_ledger_checkpoint_size").record(figures.checkpoint?.size ?? 0)
        gauge("liaison_ledger_unsealed_entries").record(figures.ledgerEntries - (figures.checkpoint?.size ?? 0))
        if let checkpoint = figures.checkpoint {
            gauge("liaison_ledger_checkpoint_age_seconds").record(checkpoint.ageSeconds)
        }
        gauge("liaison_vault_entries").record(figures.vaultEntries)
    }

    /// The Prometheus text exposition of everything counted so far.
    public func text() -> [UInt8] { exposition.text() }

    private func gauge(_ label: String, _ dimensions: (String, String)...) -> Gauge {
        Gauge(label: label, dimensions: dimensions, factory: factory)
    }
}
