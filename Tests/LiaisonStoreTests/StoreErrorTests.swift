import Foundation
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import _ConnectionPoolModule
import Synchronization
import Testing

/// PostgreSQL failures are classified once, in the store, from what the server said.
@Suite(.timeLimit(.minutes(5))) struct StoreErrorTests {
    /// Each SQLSTATE raised by the real server, and what the store makes of it.
    static let cases: [(String, StoreError)] = [
        ("40001", .databaseBusy), ("40P01", .databaseBusy),
        ("57P01", .databaseUnavailable), ("57P03", .databaseUnavailable), ("08006", .databaseUnavailable),
        ("53100", .databaseUnavailable), ("53300", .databaseUnavailable),
        ("42601", .queryFailed(sqlState: "42601")), ("22P02", .queryFailed(sqlState: "22P02")),
    ]

    @Test("Each class of server error becomes its own StoreError", arguments: cases)
    func classify(state: String, expected: StoreError) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let result: StoreError? = try await db.client.withConnection { connection in
                do {
                    try await connection.query(
                        """
                        CREATE FUNCTION pg_temp.liaison_raise(state text) RETURNS void LANGUAGE plpgsql
                        AS $$ BEGIN RAISE EXCEPTION 'raised' USING ERRCODE = state; END $$
                        """, logger: TestDatabase.logger)
                    for try await _ in try await connection.query("SELECT pg_temp.liaison_raise(\(state))", logger: TestDatabase.logger) {}
                    return nil
                } catch {
                    let classified = StoreError.classify(error)
                    if !(classified is StoreError) { Issue.record("unclassified: \(String(reflecting: error))") }
                    return classified as? StoreError
                }
            }
            #expect(result == expected)
        }
    }

    @Test("A unique violation names its constraint, never the values")
    func uniqueViolation() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await db.client.query("INSERT INTO organisations (id) VALUES ('cert')", logger: TestDatabase.logger)
            do {
                try await db.client.query("INSERT INTO organisations (id) VALUES ('cert')", logger: TestDatabase.logger)
                Issue.record("no error")
            } catch {
                #expect(StoreError.classify(error) as? StoreError == .uniqueViolation(constraint: "organisations_pkey"))
            }
        }
    }

    @Test("A server that cannot be reached, or a pool that gave up connecting, is unavailable")
    func unreachable() async throws {
        #expect(StoreError.classify(ConnectionPoolError.connectionCreationCircuitBreakerTripped) as? StoreError == .databaseUnavailable)
        #expect(StoreError.classify(ConnectionPoolError.poolShutdown) as? StoreError == .databaseUnavailable)
        #expect(StoreError.classify(ConnectionPoolError.requestCancelled) is ConnectionPoolError)
        do {
            // A connection refused at once (the pool would retry for a minute before giving up).
            let connection = try await PostgresConnection.connect(
                configuration: .init(host: "127.0.0.1", port: BuiltBinary.freePort(), username: "liaison", password: nil, database: nil, tls: .disable),
                id: 1, logger: TestDatabase.logger)
            try await connection.close()
            Issue.record("connected to a closed port")
        } catch {
            #expect(StoreError.classify(error) as? StoreError == .databaseUnavailable, "\(String(reflecting: error))")
        }
    }

    @Test("A transaction is run again after a serialization failure, and gives up as busy after its attempts")
    func retries() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let runs = Mutex(0)
            let value = try await db.store.withTransaction { connection -> Int in
                let run = runs.withLock { count -> Int in
                    count += 1
                    return count
                }
                if run == 1 {
                    try await connection.query(
                        "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$",
                        logger: TestDatabase.logger)
                }
                return run
            }
            #expect(value == 2)
            runs.withLock { $0 = 0 }
            await #expect(throws: StoreError.databaseBusy) {
                try await db.store.withTransaction { connection in
                    runs.withLock { $0 += 1 }
                    try await connection.query(
                        "DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = 'deadlock_detected'; END $$",
                        logger: TestDatabase.logger)
                }
            }
            #expect(runs.withLock { $0 } == 3)
        }
    }
}
