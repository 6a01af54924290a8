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
        var attempt = 1, closedLeases = 0
        while true {
            do {
                return try await client.withConnection(isolation: isolation) { connection in
                    // A connection the server has just closed, leased before the pool learnt of it.
                    guard !connection.isClosed else { throw ClosedLease() }
                    return try await connection.guardedTransaction(logger: logger, isolation: isolation, body)
                }
            } catch is ClosedLease {
                guard closedLeases < Self.leaseAttempts - 1 else { throw StoreError.databaseUnavailable }
                closedLeases += 1
                try await Task.sleep(for: Self.closedLeasePause)
            } catch where StoreError.isRetryable(error) && attempt < attempts {
                logger.notice("transaction retried", metadata: ["attempt": "\(attempt)"])
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...(20 * attempt))))
            } catch {
                throw StoreError.classify(error)
            }
        }
    }
}

/// A lease of a connection that had already closed: taken again, not counted as an attempt.
private struct ClosedLease: Error {}
