import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

@Suite(.timeLimit(.minutes(5))) struct MigratorTests {
    @Test("Applying migrations again changes nothing and leaves none pending")
    func idempotent() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            #expect(try await db.migrator.migrate().isEmpty)
            #expect(try await db.migrator.pendingMigrations().isEmpty)
        }
    }

    @Test("Replicas migrating at once apply each file once")
    func concurrent() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await db.client.query("DROP TABLE schema_migrations", logger: TestDatabase.logger)
            try await db.client.query("DROP SCHEMA \(unescaped: db.schema) CASCADE", logger: TestDatabase.logger)
            try await db.client.query("CREATE SCHEMA \(unescaped: db.schema)", logger: TestDatabase.logger)
            let results = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 { group.addTask { try await db.migrator.migrate() } }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            let names = try Migrator.bundledMigrations().map(\.name)
            // Each file is applied by one of them; each step takes the lock anew, so they may
            // take turns between files.
            #expect(results.flatMap { $0 }.sorted() == names)
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct VaultTests {
    @Test("Seals with AES-GCM bound to its token; opens only with the right key and token")
    func sealOpen() throws {
        let key = Secret(bytes: Array(repeating: 1, count: 32))
        let vault = try VaultCipher(keys: ["k1": key], currentKeyID: "k1", lookupKey: key)
        let token = Token(kind: .email, id: "0123456789abcdef")
        let sealed = try vault.seal("ana@example.rs", token: token)
        #expect(!String(decoding: sealed, as: UTF8.self).contains("ana@example.rs"))
        #expect(try vault.open(sealed, keyID: "k1", token: token) == "ana@example.rs")
        #expect(throws: StoreError.self) { try vault.open(sealed, keyID: "k1", token: Token(kind: .email, id: "fedcba9876543210")) }
        #expect(throws: StoreError.vaultKeyUnknown(keyID: "k2")) { try vault.open(sealed, keyID: "k2", token: token) }
        let other = try VaultCipher(keys: ["k1": Secret(bytes: Array(repeating: 2, count: 32))], currentKeyID: "k1", lookupKey: key)
        #expect(throws: StoreError.self) { try other.open(sealed, keyID: "k1", token: token) }
    }

    @Test("Refuses keys that are not 32 bytes")
    func keyLength() {
        #expect(throws: StoreError.self) { try VaultCipher(keys: ["k1": Secret(bytes: [1, 2, 3])], currentKeyID: "k1", lookupKey: Secret(bytes: Array(repeating: 1, count: 32))) }
    }

    @Test("Stores only ciphertext and decrypts what projections need")
    func roundTripThroughDatabase() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let draft = IncidentDraft(
                naturalKey: "k", classification: .undetermined, tlp: .green, title: "t",
                description: "call +381 64 123 4567", firstSeen: nil, lastSeen: nil, observables: [])
            try await GatewayFixture.install(db.store, [])
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let receipt = try await IntakeFixture.commit(db.store, [draft])
            #expect(receipt.outcomes.map(\.status) == [.accepted])
            let incident = try #require(receipt.incidentIDs.first)
            let token = try #require(try await IntakeFixture.tokens(db.store, incident: incident).first)
            #expect(try await db.store.vaultValues(for: [token])[token]?.plaintext == "+381641234567")
            for try await sealed in try await db.client.query("SELECT sealed FROM vault_entries", logger: TestDatabase.logger).decode(Data.self) {
                #expect(!String(decoding: sealed, as: UTF8.self).contains("381641234567"))
            }
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct AuditLogTests {
    @Test("Numbers entries densely from 0, leaves no gap after a rollback, and refuses edits, deletions and truncation of entries, nodes and checkpoints")
    func ledger() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            struct Abandoned: Error {}
            for index in 0..<3 {
                try await db.store.audit(by: AuditActor(organisation: "test"), action: "check", subject: "s\(index)", details: ["n": index])
                await #expect(throws: Abandoned.self) {
                    try await db.store.withTransaction { connection in
                        try await connection.query(
                            """
                            INSERT INTO audit_log (leaf_index, actor, action, subject)
                            SELECT coalesce(max(leaf_index) + 1, 0), 'test', 'abandoned', 'x' FROM audit_log
                            """, logger: TestDatabase.logger)
                        throw Abandoned()
                    }
                }
            }
            let rows = try await db.client.query("SELECT leaf_index, subject FROM audit_log ORDER BY seq", logger: TestDatabase.logger)
            var found: [String] = []
            for try await (index, subject) in rows.decode((Int64, String).self) { found.append("\(index):\(subject)") }
            #expect(found == ["0:s0", "1:s1", "2:s2"])
            let key = db.store.signer.checkpointKey(name: "liaison.invalid/ledger")
            #expect(try await db.store.sealLedger(key: key)?.size == 3)
            #expect(try await db.store.sealLedger(key: key) == nil)
            for statement in [
                "UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log", "UPDATE ledger_nodes SET idx = idx",
                "DELETE FROM ledger_nodes", "TRUNCATE ledger_nodes", "DELETE FROM ledger_checkpoints", "TRUNCATE ledger_checkpoints",
            ] {
                await #expect(throws: PSQLError.self, "\(statement)") {
                    try await db.client.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
                }
            }
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct APIKeyTests {
    @Test("Stores only a key's SHA-256 and resolves the key to its organisation and role")
    func keys() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let key = try await db.store.createAPIKey(organisation: "demo-cert", role: .producer).key
            #expect(key.hasPrefix("lsn_") && key.count > 40)
            let principal = try #require(try await db.store.principal(forKey: key))
            #expect(principal.organisation == "demo-cert" && principal.role == .producer && principal.person == nil)
            #expect(try await db.store.principal(forKey: key + "x") == nil)
            for value in try await TestDatabase.allTextOutsideVault(db) { #expect(!value.contains(key)) }
        }
    }
}
