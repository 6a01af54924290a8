import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Stores one feedback with the plaintexts its text held (sealed in the vault under the
    /// incident, as intake seals them), its ledger entry (identifiers and counts, never the
    /// text) and, when `notify`, the producer's webhook notice: all in one transaction.
    public func insertFeedback(_ feedback: Feedback, vault: [VaultItem], notify: Bool, by actor: AuditActor) async throws {
        try await withTransaction { connection in
            try await insertVaultEntries(on: connection, [(feedback.incidentID, vault)])
            try await connection.guardedQuery(
                """
                INSERT INTO feedback (id, incident_id, incident_version, producer, consumer, agreement_id, delivery_id, status, detail,
                                      created_at)
                VALUES (\(feedback.id), \(feedback.incidentID), \(feedback.incidentVersion), \(feedback.producer), \(feedback.consumer),
                        \(feedback.agreementID), \(feedback.deliveryID), \(feedback.status.rawValue), \(feedback.detail),
                        \(feedback.createdAt))
                """, logger: logger)
            if notify {
                try await connection.guardedQuery(
                    """
                    INSERT INTO feedback_notifications (feedback_id, producer, status) VALUES (\(feedback.id), \(feedback.producer), 'pending')
                    """, logger: logger)
            }
            try await appendAudit(
                by: actor, action: "feedback", subject: "incident:\(feedback.incidentID)",
                details: [
                    "feedback": feedback.id.uuidString, "status": feedback.status.rawValue, "incident_version": feedback.incidentVersion,
                    "agreement": feedback.agreementID, "delivery": feedback.deliveryID.uuidString, "tokens": vault.count,
                ], on: connection)
        }
    }

    /// Feedback on `producer`'s incidents after position `after` in the order it was stored,
    /// at most `limit`, each with its position.
    public func feedback(producer: String, after: Int64, limit: Int) async throws -> [(sequence: Int64, feedback: Feedback)] {
        try await feedback(
            """
            SELECT seq, id, incident_id, incident_version, producer, consumer, agreement_id, delivery_id, status, detail, created_at
            FROM feedback WHERE producer = \(producer) AND seq > \(after) ORDER BY seq LIMIT \(limit)
            """)
    }

    /// Feedback by id, in one statement.
    public func feedback(ids: [UUID]) async throws -> [UUID: Feedback] {
        let found = try await feedback(
            """
            SELECT seq, id, incident_id, incident_version, producer, consumer, agreement_id, delivery_id, status, detail, created_at
            FROM feedback WHERE id = ANY(\(ids)::uuid[])
            """)
        return Dictionary(found.map { ($0.feedback.id, $0.feedback) }) { first, _ in first }
    }

    private func feedback(_ query: PostgresQuery) async throws -> [(sequence: Int64, feedback: Feedback)] {
        let rows = try await fetch(query, logger: logger)
        var found: [(Int64, Feedback)] = []
        for try await (seq, id, incident, version, producer, consumer, agreement, delivery, status, detail, created) in rows.decode(
            (Int64, UUID, UUID, Int, String, String, String, UUID, String, String?, Date).self)
        {
            guard let status = Feedback.Status(rawValue: status) else {
                throw StoreError.undecodableRow(table: "feedback", key: id.uuidString)
            }
            found.append((seq, Feedback(
                id: id, incidentID: incident, incidentVersion: version, producer: producer, consumer: consumer, agreementID: agreement,
                deliveryID: delivery, status: status, detail: detail, createdAt: created)))
        }
        return found
    }
}
