import Crypto
import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonServer
import LiaisonTestSupport
import PostgresNIO
import Testing

@Suite(.timeLimit(.minutes(5))) struct VaultLifecycleTests {
    /// Commits one incident with `description`; returns the tokens it holds.
    func commit(_ db: TestDatabase.Handle, _ store: PostgresIncidentStore, description: String) async throws -> [Token] {
        let draft = IncidentDraft(
            naturalKey: UUID().uuidString, classification: .undetermined, tlp: .green, title: "t", description: description,
            firstSeen: nil, lastSeen: nil, observables: [])
        let receipt = try await IntakeFixture.commit(store, [draft])
        let incident = try #require(receipt.incidentIDs.first)
        return try await IntakeFixture.tokens(store, incident: incident)
    }

    @Test("A lookup hash is HMAC-SHA256 of KIND:value under the lookup key, whatever the value holds")
    func lookupHashDefinition() throws {
        let lookup = Secret(bytes: (0..<32).map { UInt8($0 * 7 % 256) })
        let cipher = try VaultCipher(keys: ["k1": Secret(bytes: Array(repeating: 1, count: 32))], currentKeyID: "k1", lookupKey: lookup)
        for (kind, value) in [(PersonalDataKind.email, "ana@example.rs"), (.ipv4, "203.0.113.9"), (.person, "Đorđe Čolić"), (.email, "")] {
            let expected = HMAC<SHA256>.authenticationCode(for: Array("\(kind.rawValue):\(value)".utf8), using: SymmetricKey(data: lookup.bytes))
            #expect(cipher.lookupHash(kind: kind, value: value) == Data(expected))
            // Computed again from the same cipher: the keyed state it starts from is not used up.
            #expect(cipher.lookupHash(kind: kind, value: value) == Data(expected))
        }
        #expect(cipher.lookupHash(kind: .email, value: "a") != cipher.lookupHash(kind: .email, value: "b"))
    }

    @Test("Rotation re-seals old entries under the new key; lookups and erasure still work")
    func rotate() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let lookup = Secret(bytes: Array(repeating: 11, count: 32))
            let old = Secret(bytes: Array(repeating: 1, count: 32)), new = Secret(bytes: Array(repeating: 2, count: 32))
            let before = PostgresIncidentStore(
                client: db.client, vault: try VaultCipher(keys: ["k1": old], currentKeyID: "k1", lookupKey: lookup), signer: db.store.signer, logger: TestDatabase.logger)
            let first = try await commit(db, before, description: "mail ana@example.rs")
            let after = PostgresIncidentStore(
                client: db.client, vault: try VaultCipher(keys: ["k1": old, "k2": new], currentKeyID: "k2", lookupKey: lookup),
                signer: db.store.signer, logger: TestDatabase.logger)
            #expect(try await after.rotateVault(batchSize: 1) == 1)
            #expect(try await after.rotateVault() == 0)
            let onlyNew = PostgresIncidentStore(
                client: db.client, vault: try VaultCipher(keys: ["k2": new], currentKeyID: "k2", lookupKey: lookup), signer: db.store.signer, logger: TestDatabase.logger)
            let token = try #require(first.first)
            #expect(try await onlyNew.vaultValues(for: [token])[token]?.plaintext == "ana@example.rs")
            #expect(try await onlyNew.eraseVaultEntries(kind: .email, value: "ANA@EXAMPLE.RS ", actor: "test") == 1)
            #expect(try await onlyNew.eraseVaultEntries(kind: .email, value: "ana@example.rs", actor: "test") == 0)
        }
    }

    @Test("Erasure removes every entry of a person, leaves the incidents, and is audited without the value")
    func erase() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let a = try await commit(db, db.store, description: "call +381 64 123 4567")
            _ = try await commit(db, db.store, description: "again +381641234567, and +381 11 222 3333")
            #expect(try await db.store.eraseVaultEntries(kind: .phone, value: "+381 (64) 123-4567", actor: "dpo") == 2)
            #expect(try await TestDatabase.rowCounts(db)["vault_entries"] == 1)
            #expect(try await TestDatabase.rowCounts(db)["incidents"] == 2)
            let token = try #require(a.first)
            #expect(try await db.store.vaultValues(for: [token]).isEmpty)
            let audit = try await TestDatabase.allTextOutsideVault(db).joined(separator: "\n")
            #expect(audit.contains("\"entries\": 2") && audit.contains("\"kind\": \"phone\""))
            #expect(!GatewayFixture.holdsVictimPhone(audit))
        }
    }

    @Test("Purge deletes only entries past retention")
    func purge() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let short = PostgresIncidentStore(
                client: db.client, vault: db.store.vault, signer: db.store.signer, retention: VaultRetention(defaultDays: 30, byKind: [.phone: 1]),
                logger: TestDatabase.logger)
            _ = try await commit(db, short, description: "ana@example.rs called +381 64 123 4567")
            #expect(try await short.purgeExpiredVaultEntries(now: Date().addingTimeInterval(2 * 86_400)) == 1)
            #expect(try await short.purgeExpiredVaultEntries(now: Date().addingTimeInterval(2 * 86_400)) == 0)
            #expect(try await short.purgeExpiredVaultEntries(now: Date().addingTimeInterval(31 * 86_400)) == 1)
        }
    }
}
