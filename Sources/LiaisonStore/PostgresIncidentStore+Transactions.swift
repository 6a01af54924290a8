import Foundation
import PostgresNIO

extension PostgresIncidentStore {
    /// Runs `body` in one transaction. After a serialization failure or a deadlock it runs
    /// the whole body again, up to `attempts` times in all, then gives up with
    /// ``StoreError/databaseBusy``; any other PostgreSQL failure leaves classified (see
    /// ``StoreError/classify(_:)``). `body` must therefore only read and write through the
    /// connection, with `guardedQuery`: nothing outside the database may change before the commit.
    public func withTransaction<T>(
        attempts: Int = 3, isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending T
    ) async throws -> sending T {
        var attempt = 1
        while true {
            do {
                return try await client.withConnection(isolation: isolation) { connection in
                    try await transaction(on: connection, isolation: isolation, body)
                }
            } catch where StoreError.isRetryable(error) && attempt < attempts {
                logger.notice("transaction retried", metadata: ["attempt": "\(attempt)"])
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...(20 * attempt))))
            } catch {
                throw StoreError.classify(error)
            }
        }
    }

    /// BEGIN, `body`, COMMIT on one connection, every statement guarded (see `guardedQuery`).
    /// After a failure it rolls back only while the connection is open: a ROLLBACK sent on a
    /// closed connection would never be answered, and PostgreSQL ends the transaction itself
    /// when its connection goes. The error thrown is the one that failed the transaction.
    private func transaction<T>(
        on connection: PostgresConnection, isolation: isolated (any Actor)?,
        _ body: (PostgresConnection) async throws -> sending T
    ) async throws -> sending T {
        try await connection.guardedQuery("BEGIN", logger: logger)
        let value: T
        do {
            value = try await body(connection)
        } catch {
            if !connection.isClosed { _ = try? await connection.guardedQuery("ROLLBACK", logger: logger) }
            throw error
        }
        try await connection.guardedQuery("COMMIT", logger: logger)
        return value
    }
}
