import Foundation
import LiaisonCore
@testable import LiaisonDelivery
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

/// Accepted deliveries are recorded in batches: one transaction marks them all delivered and
/// appends, in the order given, each one's `disclose` entry (and its `reveal` entry right
/// after, when it showed values) with dense ledger indexes and its row in `disclosures`.
@Suite(.timeLimit(.minutes(5))) struct DeliveredBatchTests {
    @Test("A batch of accepted deliveries is marked and audited in order, reveals right after their disclosures")
    func batchInOrder() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await StoreFixture.prepare(db.store)
            for index in 0..<3 {
                _ = try await StoreFixture.push(db.store, email: "victim\(index)@example.rs", key: "stix:indicator--\(index)")
            }
            try await db.client.query(
                "UPDATE deliveries SET status = 'pending', next_attempt_at = now()", logger: TestDatabase.logger)
            let jobs = try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60)).sorted { $0.disclosure.sequence < $1.disclosure.sequence }
            try #require(jobs.count == 3)
            let revealed: [Set<Token>] = [[Token(kind: .email, id: "a1"), Token(kind: .email, id: "a0")], [], [Token(kind: .email, id: "c")]]
            let purpose = DisclosurePurpose(source: .agreement, basis: "LED Art. 8", statement: "case work")
            let delivered = zip(jobs, revealed).map { job, tokens in
                PostgresIncidentStore.Delivered(
                    job: job, record: DisclosureRecord(
                        disclosure: job.disclosure, bytesSHA256: String(repeating: "a", count: 64),
                        projectionSHA256: String(repeating: "b", count: 64), revealed: tokens, legalBasis: "LED Art. 8",
                        purpose: purpose, person: nil),
                    status: 202)
            }
            let before = try await count(db, "SELECT count(*) FROM audit_log")
            let waited = try await db.store.markDelivered(delivered)
            #expect(Set(waited.keys) == Set(jobs.map(\.id)))
            #expect(waited.values.allSatisfy { $0 >= 0 })

            for state in try await deliveryStates(db) {
                #expect(state == ("delivered", 202))
            }
            // Five entries after the ones before, indexes dense, in the order of the batch.
            let rows = try await db.client.query(
                """
                SELECT leaf_index, action, subject, coalesce(details ->> 'delivery', ''), coalesce(details ->> 'tokens', '')
                FROM audit_log WHERE leaf_index >= \(before) ORDER BY leaf_index
                """, logger: TestDatabase.logger)
            var entries: [(Int64, String, String, String, String)] = []
            for try await row in rows.decode((Int64, String, String, String, String).self) { entries.append(row) }
            #expect(entries.map(\.0) == Array(before..<(before + 5)))
            #expect(entries.map(\.1) == ["disclose", "reveal", "disclose", "disclose", "reveal"])
            let subjects = jobs.map { "incident:\($0.disclosure.incident.id)" }
            #expect(entries.map(\.2) == [subjects[0], subjects[0], subjects[1], subjects[2], subjects[2]])
            #expect(entries.map(\.3) == [jobs[0].id.uuidString, "", jobs[1].id.uuidString, jobs[2].id.uuidString, ""])
            #expect(entries[1].4 == "[[pd:email:a0]],[[pd:email:a1]]")
            #expect(entries[4].4 == "[[pd:email:c]]")

            // One disclosures row per disclose entry, at its time, with what the record said.
            let disclosures = try await db.client.query(
                """
                SELECT d.delivery_id, d.transport, d.purpose_source, d.purpose_case IS NULL, d.purpose_basis, d.purpose_statement,
                       d.at = a.at AND a.action = 'disclose', d.agreement_version = j.agreement_version
                FROM disclosures d JOIN audit_log a ON a.seq = d.audit_seq JOIN deliveries j ON j.id = d.delivery_id
                ORDER BY d.audit_seq
                """, logger: TestDatabase.logger)
            var found: [UUID] = []
            for try await (delivery, transport, source, noCase, basis, statement, atEntry, sameVersion) in disclosures.decode(
                (UUID, String, String, Bool, String, String, Bool, Bool).self)
            {
                found.append(delivery)
                #expect(transport == "webhook" && source == "agreement" && noCase && basis == "LED Art. 8" && statement == "case work")
                #expect(atEntry && sameVersion)
            }
            #expect(found == jobs.map(\.id))
        }
    }

    @Test("A batch naming an incident that is not there writes nothing")
    func allOrNothing() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await StoreFixture.prepare(db.store)
            _ = try await StoreFixture.push(db.store)
            try await db.client.query(
                "UPDATE deliveries SET status = 'pending', next_attempt_at = now()", logger: TestDatabase.logger)
            let job = try #require(try await db.store.claimDueDeliveries(limit: 10, lease: .seconds(60)).first)
            var stray = job.disclosure
            stray.deliveryID = UUID()
            stray.incident = IncidentVersionKey(id: UUID(), version: 1)
            var strayJob = job
            strayJob.disclosure = stray
            let record = { (disclosure: StoredDisclosure) in
                DisclosureRecord(
                    disclosure: disclosure, bytesSHA256: "", projectionSHA256: "", revealed: [], legalBasis: nil,
                    purpose: DisclosurePurpose(source: .agreement), person: nil)
            }
            let before = try await count(db, "SELECT count(*) FROM audit_log")
            // The stray one's ledger entry has no incident to index it by, so its disclosures
            // row is missing: the batch must not half-commit that.
            let batch = [
                PostgresIncidentStore.Delivered(job: job, record: record(job.disclosure), status: 200),
                PostgresIncidentStore.Delivered(job: strayJob, record: record(stray), status: 200),
            ]
            await #expect(throws: (any Error).self) { try await db.store.markDelivered(batch) }
            #expect(try await count(db, "SELECT count(*) FROM audit_log") == before)
            #expect(try await deliveryStates(db).map(\.0) == ["pending"])
        }
    }

    @Test("Senders recording at once are all recorded, each exactly once, and each learns its own wait")
    func recorderUnderLoad() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            try await StoreFixture.prepare(db.store)
            for index in 0..<40 {
                _ = try await StoreFixture.push(db.store, email: "victim\(index)@example.rs", key: "stix:indicator--\(index)")
            }
            try await db.client.query(
                "UPDATE deliveries SET status = 'pending', next_attempt_at = now()", logger: TestDatabase.logger)
            let jobs = try await db.store.claimDueDeliveries(limit: 100, lease: .seconds(60))
            try #require(jobs.count == 40)
            let recorder = DeliveredRecorder(store: db.store)
            let before = try await count(db, "SELECT count(*) FROM audit_log")
            let answered = try await withThrowingTaskGroup(of: (UUID, Double?).self) { group in
                for job in jobs {
                    group.addTask {
                        let record = DisclosureRecord(
                            disclosure: job.disclosure, bytesSHA256: "", projectionSHA256: "", revealed: [], legalBasis: nil,
                            purpose: DisclosurePurpose(source: .agreement), person: nil)
                        return (job.id, try await recorder.record(.init(job: job, record: record, status: 204)))
                    }
                }
                var answered: [UUID: Double?] = [:]
                for try await (id, waited) in group { answered[id] = waited }
                return answered
            }
            #expect(Set(answered.keys) == Set(jobs.map(\.id)))
            #expect(answered.values.allSatisfy { $0 != nil })
            #expect(try await deliveryStates(db).allSatisfy { $0 == ("delivered", 204) })
            #expect(try await count(db, "SELECT count(*) FROM audit_log") == before + 40)
            #expect(try await count(db, "SELECT count(DISTINCT delivery_id) FROM disclosures WHERE transport = 'webhook'") == 40)
            let span = try await count(db, "SELECT max(leaf_index) - min(leaf_index) + 1 FROM audit_log")
            #expect(try await count(db, "SELECT count(*) FROM audit_log") == span)
        }
    }

    private func count(_ db: TestDatabase.Handle, _ sql: String) async throws -> Int64 {
        let rows = try await db.client.query(PostgresQuery(unsafeSQL: sql), logger: TestDatabase.logger)
        for try await value in rows.decode(Int64.self) { return value }
        return 0
    }

    private func deliveryStates(_ db: TestDatabase.Handle) async throws -> [(String, Int?)] {
        let rows = try await db.client.query("SELECT status, last_status FROM deliveries ORDER BY seq", logger: TestDatabase.logger)
        var states: [(String, Int?)] = []
        for try await row in rows.decode((String, Int?).self) { states.append(row) }
        return states
    }
}
