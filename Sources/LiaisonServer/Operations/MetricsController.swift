import Hummingbird
import LiaisonStore
import Logging

/// `GET /metrics`: the gateway's figures in the Prometheus text format (version 0.0.4).
/// The database gauges (queue depth and oldest pending age per consumer, dead deliveries,
/// ledger size and checkpoint age, vault entries, sessions) are read at each scrape, by
/// ``PostgresIncidentStore/operationalFigures()``; if the database does not answer, the
/// scrape still succeeds with `liaison_database_up 0`, `liaison_ready 0` and the process's
/// own counters.
struct MetricsController {
    let metrics: GatewayMetrics
    let store: PostgresIncidentStore
    let migrator: Migrator
    /// `metrics.token`: when set, a scrape must send it as a bearer token (401 otherwise).
    let token: String?

    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    func addRoutes(to router: Router<LiaisonRequestContext>) {
        router.get("metrics") { request, context in
            if let token {
                let sent = request.headers[.authorization].flatMap(APIKeyAuthenticator.bearer(fromAuthorization:))
                guard let sent, Self.equalInConstantTime(sent, token) else { throw Problem.metricsUnauthenticated }
            }
            let figures: OperationalFigures?
            do {
                figures = try await store.operationalFigures()
            } catch {
                context.logger.warning("metrics: database figures unavailable", metadata: ["error": "\(type(of: error))"])
                figures = nil
            }
            // As /readyz decides: the database answers and every migration is applied.
            var ready = false
            if figures != nil { ready = (try? await migrator.pendingMigrations())?.isEmpty ?? false }
            metrics.sample(figures, ready: ready)
            return Response(
                status: .ok, headers: [.contentType: Self.contentType, .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.text())))
        }
    }

    /// Compares every byte whatever the first difference, so timing tells nothing but the length.
    static func equalInConstantTime(_ lhs: String, _ rhs: String) -> Bool {
        let (a, b) = (Array(lhs.utf8), Array(rhs.utf8))
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
