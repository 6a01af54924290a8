import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

/// `liaison audit verify` against a ledger tampered with directly in PostgreSQL, as a
/// superuser would: the append-only triggers switched off, then an edit, a deletion, a
/// truncation, a swap. Each is found and its entry named.
@Suite(.timeLimit(.minutes(5))) struct AuditVerifyTests {
    /// The key the test store signs with (32 bytes of 5), so the binary checks the same checkpoints.
    static let environment = ["LIAISON_RECEIPT_KEY": Data(repeating: 5, count: 32).base64EncodedString()]

    /// 30 entries, sealed at 10, 20 and 30; then `tamper` runs as superuser; then the binary verifies.
    static func verify(
        arguments: [String] = [], tamper: @Sendable (PostgresConnection) async throws -> Void
    ) async throws -> BuiltBinary.Result {
        try await TestDatabase.withSchema { (db) async throws in
            let key = db.store.signer.checkpointKey(name: "liaison.invalid/ledger")
            for index in 0..<30 {
                try await db.store.audit(
                    by: AuditActor(organisation: "cert", person: nil), action: "intake", subject: "receipt:\(index)",
                    details: ["accepted": index])
                if index % 10 == 9 {
                    let sealed = try await db.store.sealLedger(key: key)
                    #expect(sealed?.size == Int64(index + 1), "\(String(describing: sealed))")
                }
            }
            try await db.client.withConnection { connection in
                try await connection.query("SET session_replication_role = replica", logger: TestDatabase.logger)
                try await tamper(connection)
                try await connection.query("RESET session_replication_role", logger: TestDatabase.logger)
            }
            return try await BuiltBinary.run(
                ["audit", "verify"] + arguments, environment: environment.merging(db.gatewayEnvironment) { $1 })
        }
    }

    @Test("An untouched ledger verifies: size, root and the three checkpoints")
    func untouched() async throws {
        let result = try await Self.verify { _ in }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ledger verified: 30 entries") && result.stdout.contains("3 checkpoints checked"))
    }

    @Test("An edited detail is found and its entry named")
    func edited() async throws {
        let result = try await Self.verify { connection in
            try await connection.query(
                "UPDATE audit_log SET details = '{\"accepted\": 999}' WHERE leaf_index = 7", logger: TestDatabase.logger)
        }
        #expect(result.status == 65)
        #expect(result.stderr.contains("first: entry 7 was edited"), "\(result.stderr)")
    }

    @Test("A deleted row is found and named")
    func deleted() async throws {
        let result = try await Self.verify { connection in
            try await connection.query("DELETE FROM audit_log WHERE leaf_index = 12", logger: TestDatabase.logger)
        }
        #expect(result.status == 65 && result.stderr.contains("first: entry 12 is missing"), "\(result.stderr)")
    }

    @Test("Two swapped rows are found and named as reordered")
    func swapped() async throws {
        let result = try await Self.verify { connection in
            try await connection.query(
                """
                UPDATE audit_log SET leaf_index = CASE leaf_index WHEN 4 THEN 1000 WHEN 15 THEN 4 END WHERE leaf_index IN (4, 15);
                """, logger: TestDatabase.logger)
            try await connection.query("UPDATE audit_log SET leaf_index = 15 WHERE leaf_index = 1000", logger: TestDatabase.logger)
        }
        #expect(result.status == 65)
        #expect(result.stderr.contains("first: entry 4 is the entry sealed at 15"), "\(result.stderr)")
        #expect(result.stderr.contains("entry 15 is the entry sealed at 4"), "\(result.stderr)")
    }

    @Test("A truncated ledger is found against the database's checkpoints")
    func truncated() async throws {
        let result = try await Self.verify { connection in
            try await connection.query("DELETE FROM audit_log WHERE leaf_index >= 25", logger: TestDatabase.logger)
        }
        #expect(result.status == 65 && result.stderr.contains("ends after 25 entries, but the checkpoint of 30 (database)"), "\(result.stderr)")
    }

    @Test("Emptied entries, nodes and checkpoints are found against a copy of the checkpoints kept outside")
    func wipedEverything() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoints-\(UUID().uuidString).txt")
        let result = try await Self.verify(arguments: ["--checkpoints", copy.path]) { connection in
            var notes = ""
            for try await note in try await connection.query("SELECT note FROM ledger_checkpoints ORDER BY size", logger: TestDatabase.logger)
                .decode(String.self)
            {
                notes += note + "\n"
            }
            try notes.write(to: copy, atomically: true, encoding: .utf8)
            try await connection.query("TRUNCATE audit_log, ledger_nodes, ledger_checkpoints CASCADE", logger: TestDatabase.logger)
        }
        #expect(result.status == 65)
        #expect(result.stderr.contains("ends after 0 entries, but the checkpoint of 10 (\(copy.path))"), "\(result.stderr)")
    }

    @Test("An entry edited with its sealed hash removed still fails the signed root")
    func rewrittenWithHash() async throws {
        let result = try await Self.verify { connection in
            try await connection.query(
                "UPDATE audit_log SET actor = 'police' WHERE leaf_index = 22", logger: TestDatabase.logger)
            try await connection.query("DELETE FROM ledger_nodes WHERE level = 0 AND idx = 22", logger: TestDatabase.logger)
        }
        #expect(result.status == 65)
        #expect(result.stderr.contains("the tree of the first 30 entries does not have the root signed"), "\(result.stderr)")
    }

    @Test("A checkpoints file that is not checkpoints is refused with 65")
    func badFile() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoints-\(UUID().uuidString).txt")
        try "not a checkpoint\n\n".write(to: copy, atomically: true, encoding: .utf8)
        let result = try await Self.verify(arguments: ["--checkpoints", copy.path]) { _ in }
        #expect(result.status == 65 && result.stderr.contains(copy.path), "\(result.stderr)")
    }
}
