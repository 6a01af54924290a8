import AsyncHTTPClient
import Foundation
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonIntake
import LiaisonServer
import LiaisonStore
import Logging
import ServiceLifecycle

/// The HTTP application of a benchmark, on an ephemeral loopback port of this process, over a
/// `BenchGateway` store: a producer `bench-cert`, a consumer `bench-police`, and one approved
/// agreement between them that shares every field of every RSIT class (with `webhook`, if
/// given). `extra` services (a delivery worker) run beside the application until `body` ends.
struct BenchServer: Sendable {
    var http: HTTPClient
    var base: String
    var producerKey: String
    var consumerKey: String
    var store: PostgresIncidentStore
    var agreements: AgreementRegistry
    var logger: Logger

    static let agreementID = "bench-cert-to-bench-police"

    static func run(
        store: PostgresIncidentStore, migrator: Migrator, webhook: Agreement.Webhook? = nil,
        extra: @Sendable (AgreementRegistry) -> [any Service] = { _ in [] }, _ body: @Sendable (BenchServer) async throws -> Void
    ) async throws {
        let logger = BenchGateway.logger
        let producerKey = try await store.createAPIKey(organisation: "bench-cert", role: .producer).key
        let consumerKey = try await store.createAPIKey(organisation: "bench-police", role: .consumer, person: "Test Person").key
        let agreement = Agreement(
            id: agreementID, producer: "bench-cert", consumer: "bench-police",
            match: .init(taxonomies: Set(RSIT.types.keys), maxTLP: .red), fields: Set(IncidentField.allCases),
            personalData: [.email: .pseudonymise, .ipv4: .mask], pseudonymKey: Secret(bytes: Array(repeating: 7, count: 32)),
            webhook: webhook)
        try await AgreementRecords(store: store, governance: AgreementGovernance())
            .apply([agreement], approve: true, source: AuditActor(organisation: "gateway", person: "bench"))
        let registry = AgreementRegistry()
        try await registry.refresh(from: store)
        let dependencies = GatewayDependencies(
            store: store, migrator: migrator, agreements: registry,
            parser: EventBatchParser(), stixReader: STIXBundleReader(defaultTLP: .amber), maxBodyBytes: 256 << 20)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(dependencies, host: "127.0.0.1", port: 0, logger: logger) { portSink.yield($0) }
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let server = ServiceGroup(configuration: .init(services: [app] + extra(registry), logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            let context = BenchServer(
                http: http, base: "http://127.0.0.1:\(port)", producerKey: producerKey, consumerKey: consumerKey, store: store,
                agreements: registry, logger: logger)
            do {
                try await body(context)
            } catch {
                await server.triggerGracefulShutdown()
                throw error
            }
            await server.triggerGracefulShutdown()
        }
        try await http.shutdown()
    }

    /// POSTs `count` IntelMQ events numbered from `first` as one NDJSON request; throws unless `201`.
    func submitEvents(from first: Int, count: Int) async throws {
        var request = HTTPClientRequest(url: base + "/v1/intake/events?format=intelmq")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(producerKey)")
        request.headers.add(name: "Content-Type", value: "application/x-ndjson")
        request.body = .bytes(BenchData.intelMQ(from: first, count: count).body)
        let response = try await http.execute(request, timeout: .minutes(10))
        let answer = try await response.body.collect(upTo: 64 << 20)
        guard response.status == .created else {
            throw BenchFailure(status: Int(response.status.code), body: String(buffer: answer).prefix(400).description)
        }
    }
}

/// Percentiles and the load average, as every benchmark here prints them.
enum BenchFigures {
    /// The nearest-rank percentile `p` (0...1) of `values`, which must not be empty.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[max(0, min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }

    /// `/proc/loadavg`'s 1, 5 and 15 minute averages: the machine is shared, so figures are
    /// printed beside the load they were measured under.
    static func load() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return "load average " + text.split(separator: " ").prefix(3).joined(separator: " ") + " (\(ProcessInfo.processInfo.activeProcessorCount) cores)"
    }
}
