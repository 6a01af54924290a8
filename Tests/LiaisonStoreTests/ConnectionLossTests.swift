import Foundation
@testable import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

/// A connection PostgreSQL closes under a transaction. postgres-nio drops a statement written to
/// a closed connection without answering it, so the ROLLBACK it sent after such a failure waited
/// for ever (fault scenario 2: a delivery worker stalled until restart). Each test ends the
/// connection from the server with `pg_terminate_backend`, as a stopping server does.
@Suite(.timeLimit(.minutes(5))) struct ConnectionLossTests {
    struct BodyFailed: Error {}

    @Test("A statement on a connection the server closed fails at once as unavailable")
    func statementOnClosedConnection() async throws {
        try await TestDatabase.withSchema { handle in
            let started = ContinuousClock.now
            await #expect(throws: StoreError.databaseUnavailable) {
                try await handle.store.withTransaction { connection in
                    try await Self.terminate(connection)
                    _ = try await connection.guardedQuery("SELECT 1", logger: TestDatabase.logger)
                }
            }
            #expect(ContinuousClock.now - started < .seconds(5))
            // The pool replaces the lost connection: the store answers again.
            let rows = try await handle.store.fetch("SELECT 41 + 1", logger: TestDatabase.logger)
            #expect(try rows.rows.map { try $0.decode(Int.self) } == [42])
        }
    }

    @Test("A transaction whose connection was lost gives up without a ROLLBACK and throws the body's error")
    func noRollbackOnClosedConnection() async throws {
        try await TestDatabase.withSchema { handle in
            let started = ContinuousClock.now
            await #expect(throws: BodyFailed.self) {
                try await handle.store.withTransaction { connection in
                    _ = try await connection.guardedQuery("CREATE TABLE lost (n int)", logger: TestDatabase.logger)
                    try await Self.terminate(connection)
                    throw BodyFailed()
                }
            }
            #expect(ContinuousClock.now - started < .seconds(5))
            // Nothing of the lost transaction stayed.
            let rows = try await handle.store.fetch("SELECT to_regclass('lost') IS NULL", logger: TestDatabase.logger)
            #expect(try rows.rows.map { try $0.decode(Bool.self) } == [true])
        }
    }

    @Test("A statement waiting when its connection is ended fails as unavailable, and fetch reads on")
    func waitingStatement() async throws {
        try await TestDatabase.withSchema { handle in
            await #expect(throws: StoreError.databaseUnavailable) {
                try await handle.store.withTransaction { connection in
                    let pid = try await connection.guardedQuery("SELECT pg_backend_pid()", logger: TestDatabase.logger)
                        .collect().map { try $0.decode(Int32.self) }.first!
                    async let sleeping = connection.guardedQuery("SELECT pg_sleep(30)", logger: TestDatabase.logger).collect()
                    try await Task.sleep(for: .milliseconds(300))
                    _ = try await handle.store.fetch("SELECT pg_terminate_backend(\(pid))", logger: TestDatabase.logger)
                    _ = try await sleeping
                }
            }
            let rows = try await handle.store.fetch("SELECT 1", logger: TestDatabase.logger)
            #expect(rows.rows.count == 1)
        }
    }

    /// Ends `connection`'s server process from inside and waits until the client sees it closed.
    static func terminate(_ connection: PostgresConnection) async throws {
        _ = try? await connection.guardedQuery("SELECT pg_terminate_backend(pg_backend_pid())", logger: TestDatabase.logger).collect()
        for _ in 0..<100 where !connection.isClosed { try await Task.sleep(for: .milliseconds(20)) }
        #expect(connection.isClosed)
    }
}
