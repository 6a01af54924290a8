import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

// postgres-nio (1.33) hands a statement to the connection's channel without a write promise.
// When the channel has already closed — PostgreSQL stopped between the pool's lease and the
// statement, or a transaction's ROLLBACK after the failure that closed it — the statement never
// reaches the protocol handler and its answer never comes: the caller waits for ever (fault
// scenario 2 found it: a delivery worker stalled until restart, an intake request unanswered).
// Every statement therefore goes through `guardedQuery`, which refuses a closed connection at
// once and otherwise waits for the answer or for the connection to close, whichever is first.

extension PostgresConnection {
    /// How often a waiting statement looks whether its connection has closed meanwhile.
    static let closedPollInterval = TimeAmount.milliseconds(250)

    /// Runs one statement as ``query(_:logger:file:line:)`` does, but fails it with
    /// ``StoreError/databaseUnavailable`` if the connection is closed or closes before the
    /// statement is answered. Once answered, its rows stream as usual: a connection lost
    /// after that fails the row stream itself.
    func guardedQuery(
        _ query: PostgresQuery, logger: Logger, file: String = #fileID, line: Int = #line
    ) async throws -> PostgresRowSequence {
        guard !isClosed else { throw StoreError.databaseUnavailable }
        let outcome = OnceOutcome()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.install(continuation)
            let statement = Task {
                do { outcome.finish(.success(try await self.query(query, logger: logger, file: file, line: line))) } catch {
                    outcome.finish(.failure(error))
                }
            }
            self.eventLoop.scheduleRepeatedTask(initialDelay: Self.closedPollInterval, delay: Self.closedPollInterval) { poll in
                if outcome.isFinished {
                    poll.cancel()
                } else if self.isClosed {
                    poll.cancel()
                    statement.cancel()
                    outcome.finish(.failure(StoreError.databaseUnavailable))
                }
            }
        }
    }
}

extension PostgresConnection {
    /// BEGIN, `body`, COMMIT on this connection, every statement guarded (see `guardedQuery`).
    /// After a failure it rolls back only while the connection is open: a ROLLBACK sent on a
    /// closed connection would never be answered, and PostgreSQL ends the transaction itself
    /// when its connection goes. The error thrown is the one that failed the transaction.
    func guardedTransaction<T>(
        logger: Logger, isolation: isolated (any Actor)? = #isolation, _ body: (PostgresConnection) async throws -> sending T
    ) async throws -> sending T {
        try await guardedQuery("BEGIN", logger: logger)
        let value: T
        do {
            value = try await body(self)
        } catch {
            if !isClosed { _ = try? await guardedQuery("ROLLBACK", logger: logger) }
            throw error
        }
        try await guardedQuery("COMMIT", logger: logger)
        return value
    }
}

/// The one answer a guarded statement gives: the first of its result and the closed
/// connection's failure; later ones are dropped.
private final class OnceOutcome: Sendable {
    private struct State {
        var continuation: CheckedContinuation<PostgresRowSequence, any Error>?
        var finished = false
    }
    private let state = NIOLockedValueBox(State())

    var isFinished: Bool { state.withLockedValue { $0.finished } }

    func install(_ continuation: CheckedContinuation<PostgresRowSequence, any Error>) {
        state.withLockedValue { $0.continuation = continuation }
    }

    func finish(_ result: Result<PostgresRowSequence, any Error>) {
        let continuation = state.withLockedValue { state -> CheckedContinuation<PostgresRowSequence, any Error>? in
            guard !state.finished else { return nil }
            state.finished = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: result)
    }
}

/// The rows of a statement run on a connection leased only for it: read to the end before the
/// connection went back to the pool, so a caller iterates (and decodes) them as it would a
/// ``PostgresRowSequence``.
struct FetchedRows: AsyncSequence, Sendable {
    typealias Element = PostgresRow
    let rows: [PostgresRow]

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: IndexingIterator<[PostgresRow]>
        mutating func next() async throws -> PostgresRow? { base.next() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: rows.makeIterator()) }
}

extension PostgresIncidentStore {
    /// How many leases a statement or transaction takes before a closed connection counts as
    /// the database being unavailable.
    static let leaseAttempts = 3
    /// The pause before leasing again, for the pool to learn of the close.
    static let closedLeasePause = Duration.milliseconds(20)

    /// Runs one statement, guarded as ``PostgresConnection/guardedQuery(_:logger:file:line:)``,
    /// on `connection` or else on a connection of its own from the pool, and reads all its rows.
    /// For statements whose answers are small; a long result streams from `guardedQuery`.
    @discardableResult
    func fetch(
        _ query: PostgresQuery, logger: Logger, on connection: PostgresConnection? = nil,
        file: String = #fileID, line: Int = #line
    ) async throws -> FetchedRows {
        guard let connection else {
            // The pool can hand out a connection the server has just closed (it learns of the
            // close a moment later): such a lease is given back and another taken.
            for _ in 1..<Self.leaseAttempts {
                let rows = try await client.withConnection { connection -> FetchedRows? in
                    connection.isClosed ? nil : try await fetch(query, logger: logger, on: connection, file: file, line: line)
                }
                if let rows { return rows }
                try await Task.sleep(for: Self.closedLeasePause)
            }
            return try await client.withConnection { try await fetch(query, logger: logger, on: $0, file: file, line: line) }
        }
        return FetchedRows(rows: try await connection.guardedQuery(query, logger: logger, file: file, line: line).collect())
    }
}
