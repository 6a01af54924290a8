import Hummingbird
import LiaisonStore
import Logging

/// `/healthz` answers while the process serves; `/readyz` only when the database
/// answers and every migration this binary ships has been applied.
struct HealthController {
    let store: PostgresIncidentStore
    let migrator: Migrator

    struct Status: Codable {
        var status: String
        var pendingMigrations: [String]?

        enum CodingKeys: String, CodingKey {
            case status
            case pendingMigrations = "pending_migrations"
        }
    }

    func addRoutes(to router: Router<LiaisonRequestContext>) {
        router.get("healthz") { _, _ in try JSONResponse.make(.ok, Status(status: "ok")) }
        router.get("readyz") { _, _ in
            do {
                let pending = try await migrator.pendingMigrations()
                guard pending.isEmpty else {
                    return try JSONResponse.make(.serviceUnavailable, Status(status: "migrations pending", pendingMigrations: pending))
                }
                return try JSONResponse.make(.ok, Status(status: "ready"))
            } catch let error as StoreError where error != .databaseUnavailable {
                return try JSONResponse.make(.serviceUnavailable, Status(status: "migration history differs"))
            } catch {
                return try JSONResponse.make(.serviceUnavailable, Status(status: "database unreachable"))
            }
        }
    }
}
