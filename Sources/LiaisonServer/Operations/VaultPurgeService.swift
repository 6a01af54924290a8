import LiaisonStore
import Logging
import ServiceLifecycle

/// Deletes vault entries past their retention date, at start and then every `interval`
/// (GDPR Art. 5(1)(e)). A failed run is logged and tried again at the next interval.
struct VaultPurgeService: Service {
    let store: PostgresIncidentStore
    let interval: Duration
    let logger: Logger
    var metrics: GatewayMetrics?

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let purged = try await store.purgeExpiredVaultEntries()
                metrics?.vaultPurged(purged)
                if purged > 0 { logger.notice("vault entries past retention deleted", metadata: ["entries": "\(purged)"]) }
            } catch {
                logger.warning("vault purge failed; will retry", metadata: ["error": "\(type(of: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
