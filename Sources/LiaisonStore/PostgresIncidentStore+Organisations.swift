import Crypto
import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Whether an organisation of this id exists.
    public func organisationExists(_ id: String) async throws -> Bool {
        let rows = try await client.query("SELECT 1 FROM organisations WHERE id = \(id)", logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// Whether the database answers a query.
    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

    /// Waits for the database to answer, or throws ``StoreError/databaseUnavailable``
    /// after `timeout`: the client would otherwise wait for a connection indefinitely.
    public func waitUntilReachable(timeout: Duration = .seconds(10)) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await ping()
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let reached = try await group.next() ?? false
            group.cancelAll()
            guard reached else { throw StoreError.databaseUnavailable }
        }
    }
}
