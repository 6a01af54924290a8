import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

@Suite(.timeLimit(.minutes(5))) struct IncidentVersionTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func count(_ db: TestDatabase.Handle, _ sql: PostgresQuery) async throws -> Int {
        for try await n in try await db.client.query(sql, logger: TestDatabase.logger).decode(Int.self) { return n }
        return -1
    }

    @Test("A newer version updates the incident, keeps the old one in history and delivers again")
    func newerVersionUpdates() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await StoreFixture.prepare(db.store)
            let first = try await StoreFixture.push(db.store, modified: Self.t0)
            #expect(first.outcomes.map(\.status) == [.accepted])
            let id = try #require(first.outcomes.first?.incidentID)

            let second = try await StoreFixture.push(db.store, modified: Self.t0.addingTimeInterval(60), title: "Phishing kit, second wave")
            #expect(second.outcomes.map(\.status) == [.updated])
            #expect(second.outcomes.first?.incidentID == id)
            #expect(try await count(db, "SELECT version FROM incidents WHERE id = \(id)") == 2)
            #expect(try await count(db, "SELECT count(*)::int FROM incident_versions WHERE incident_id = \(id)") == 1)
            #expect(try await count(db, "SELECT count(*)::int FROM custody_records WHERE incident_id = \(id)") == 2)
            #expect(try await count(db, "SELECT count(*)::int FROM deliveries WHERE incident_id = \(id)") == 2)
            #expect(try await db.store.incidents(ids: [id])[id]?.title == "Phishing kit, second wave")
            // History holds tokens, never the plaintext.
            #expect(try await !TestDatabase.allTextOutsideVault(db).joined().contains("ana@example.rs"))
        }
    }

    @Test("The same or an older version writes nothing and answers with the receipt that holds it")
    func sameOrOlderIsDuplicate() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await StoreFixture.prepare(db.store)
            let first = try await StoreFixture.push(db.store, modified: Self.t0)
            let counts = try await TestDatabase.rowCounts(db)
            for modified in [Self.t0, Self.t0.addingTimeInterval(-60)] {
                guard case .duplicate(let held) = try await StoreFixture.submit(db.store, modified: modified, title: "changed") else {
                    Issue.record("a re-sent version was not answered as a duplicate")
                    continue
                }
                #expect(held.receipt.id == first.id)
            }
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("An update that the consumer's projection does not show makes no new delivery")
    func unsharedChangeNoDelivery() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await StoreFixture.prepare(db.store)
            let first = try await StoreFixture.push(db.store, modified: Self.t0)
            let id = try #require(first.outcomes.first?.incidentID)
            // Only the description changes, which this agreement does not share; the e-mail
            // gets a new token but renders to the same pseudonym.
            let second = try await StoreFixture.push(db.store, modified: Self.t0.addingTimeInterval(60), description: "second")
            #expect(second.outcomes.map(\.status) == [.updated])
            #expect(try await count(db, "SELECT count(*)::int FROM deliveries WHERE incident_id = \(id)") == 1)
            // A changed e-mail address does change the pseudonym the consumer sees.
            _ = try await StoreFixture.push(db.store, modified: Self.t0.addingTimeInterval(120), email: "other@example.rs")
            #expect(try await count(db, "SELECT count(*)::int FROM deliveries WHERE incident_id = \(id)") == 2)
        }
    }
}
