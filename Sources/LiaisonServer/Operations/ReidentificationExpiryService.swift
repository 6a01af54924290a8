import LiaisonStore
import Logging
import ServiceLifecycle

/// Closes re-identification requests whose time ran out — pending past their expiry, approved
/// past their retrieval deadline — every `interval`, so that each expiry is in the audit trail
/// when it happens, not only when someone next looks. A failed run is logged and tried again.
struct ReidentificationExpiryService: Service {
    let store: PostgresIncidentStore
    var interval: Duration = .seconds(60)
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let expired = try await store.expireDueReidentifications()
                if expired > 0 { logger.notice("re-identification requests expired", metadata: ["requests": "\(expired)"]) }
            } catch {
                logger.warning("re-identification expiry failed; will retry", metadata: ["error": "\(type(of: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
