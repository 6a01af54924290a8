import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonTestSupport
import NIOCore
import PostgresNIO
import Testing

/// Migration 0006 checks the references of intake's bulk tables once per statement instead
/// of with a foreign key per row; these are the guarantees the keys gave, checked again.
@Suite(.timeLimit(.minutes(5))) struct ReferenceIntegrityTests {
    /// One committed incident, with its receipt, custody record, vault entry and delivery.
    func seed(_ db: TestDatabase.Handle) async throws -> (incident: UUID, receipt: UUID) {
        try await StoreFixture.prepare(db.store)
        let receipt = try await StoreFixture.push(db.store)
        return (try #require(receipt.outcomes.first?.incidentID), receipt.id)
    }

    func refused(_ db: TestDatabase.Handle, _ sql: PostgresQuery, state: String) async {
        do {
            try await db.client.query(sql, logger: TestDatabase.logger)
            Issue.record("accepted: \(sql.sql)")
        } catch let error as PSQLError {
            #expect(error.serverInfo?[.sqlState] == state, "\(sql.sql)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("A row naming an organisation, incident, receipt or agreement that does not exist is refused, and none of its statement stays")
    func missingReferences() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (incident, receipt) = try await seed(db)
            let missing = UUID.random()
            let before = try await TestDatabase.rowCounts(db)
            // Each statement inserts one good row and one bad one: both go.
            await refused(db, """
                INSERT INTO custody_records (incident_id, version, receipt_id, producer, transport, body_sha256, received_at, details)
                SELECT i, 2, \(receipt), 'cert', 'http-events', decode(repeat('00', 32), 'hex'), now(), '{}'
                FROM unnest(ARRAY[\(incident), \(missing)]) AS i
                """, state: "23503")
            // Receipts are checked once per distinct value: one good, one missing.
            await refused(db, """
                INSERT INTO custody_records (incident_id, version, receipt_id, producer, transport, body_sha256, received_at, details)
                SELECT \(incident), v, r, 'cert', 'http-events', decode(repeat('00', 32), 'hex'), now(), '{}'
                FROM unnest(ARRAY[3, 4], ARRAY[\(receipt), \(missing)]) AS u(v, r)
                """, state: "23503")
            await refused(db, """
                INSERT INTO vault_entries (token, incident_id, kind, role, key_id, sealed, lookup_hash, retain_until)
                SELECT t, i, 'email', 'victim', 'k', '\\x00', '\\x00', now()
                FROM unnest(ARRAY['[[pd:email:00000000000000a1]]', '[[pd:email:00000000000000a2]]'], ARRAY[\(incident), \(missing)]) AS u(t, i)
                """, state: "23503")
            await refused(db, """
                INSERT INTO deliveries (id, incident_id, incident_version, agreement_id, consumer, status, added_at)
                VALUES (\(UUID.random()), \(missing), 1, \(StoreFixture.agreement.id), 'police', 'pull-only', now())
                """, state: "23503")
            await refused(db, """
                INSERT INTO deliveries (id, incident_id, incident_version, agreement_id, consumer, status, added_at)
                VALUES (\(UUID.random()), \(incident), 5, 'no-such-agreement', 'police', 'pull-only', now())
                """, state: "23503")
            await refused(db, """
                INSERT INTO incidents (id, producer, natural_key, received_at, classification_taxonomy, classification_type,
                                       tlp, title, description, observables, redactions)
                VALUES (\(UUID.random()), 'nobody', 'ref:2', now(), 'fraud', 'phishing', 'TLP:GREEN', 't', '', '[]', '[]')
                """, state: "23503")
            // COPY is checked like INSERT.
            do {
                try await db.client.withConnection { connection in
                    try await connection.copyFrom(
                        table: "deliveries", columns: ["id", "incident_id", "incident_version", "agreement_id", "consumer", "status", "added_at"],
                        logger: TestDatabase.logger
                    ) { writer in
                        try await writer.write(ByteBuffer(string: "\(UUID.random())\t\(missing)\t1\t\(StoreFixture.agreement.id)\tpolice\tpull-only\t2026-12-03 10:00:00+00\n"))
                    }
                }
                Issue.record("COPY naming a missing incident was accepted")
            } catch let error as PSQLError {
                #expect(error.serverInfo?[.sqlState] == "23503")
            }
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("Organisations, incidents, receipts and agreements are never deleted, truncated or given a new id")
    func referencedRowsStay() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (incident, receipt) = try await seed(db)
            let before = try await TestDatabase.rowCounts(db)
            let changes: [PostgresQuery] = [
                "DELETE FROM incidents WHERE id = \(incident)", "DELETE FROM receipts WHERE id = \(receipt)",
                "DELETE FROM agreements", "DELETE FROM organisations WHERE id = 'cert'",
                "UPDATE incidents SET id = \(UUID.random()) WHERE id = \(incident)", "UPDATE agreements SET id = 'renamed'",
                "UPDATE receipts SET id = \(UUID.random())", "UPDATE organisations SET id = 'renamed' WHERE id = 'cert'",
            ]
            let truncations = ["organisations", "incidents", "receipts", "agreements"].map { PostgresQuery(unsafeSQL: "TRUNCATE \($0) CASCADE") }
            for sql in changes + truncations { await refused(db, sql, state: "23001") }
            #expect(try await TestDatabase.rowCounts(db) == before)
            // Other changes to the rows go on as before.
            try await db.client.query("UPDATE incidents SET title = 'Phishing kit, renamed' WHERE id = \(incident)", logger: TestDatabase.logger)
        }
    }

    @Test("A custody record, vault entry or delivery keeps the references it was written with")
    func referencesDoNotMove() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await seed(db)
            let changes: [PostgresQuery] = [
                "UPDATE custody_records SET incident_id = \(UUID.random())", "UPDATE custody_records SET receipt_id = \(UUID.random())",
                "UPDATE vault_entries SET incident_id = \(UUID.random())", "UPDATE deliveries SET incident_id = \(UUID.random())",
                "UPDATE deliveries SET agreement_id = 'elsewhere'", "UPDATE incidents SET producer = 'police'",
            ]
            for sql in changes { await refused(db, sql, state: "23001") }
            // The outbox still moves a delivery along.
            try await db.client.query("UPDATE deliveries SET attempts = attempts + 1", logger: TestDatabase.logger)
        }
    }
}
