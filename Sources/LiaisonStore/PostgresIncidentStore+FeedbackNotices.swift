import Foundation
import LiaisonCore
import PostgresNIO

/// A producer's notice of new feedback, claimed for sending, with its attempts so far
/// (including the one this claim starts).
public struct FeedbackNotice: Sendable, Hashable {
    public var feedback: Feedback
    public var attempts: Int
}

extension PostgresIncidentStore {
    /// Claims up to `limit` due feedback notices, as ``claimDueReidentificationNotices(limit:lease:)``
    /// claims its own: the claim counts an attempt and pushes the next one `lease` ahead.
    public func claimDueFeedbackNotices(limit: Int, lease: Duration) async throws -> [FeedbackNotice] {
        let rows = try await fetch(
            """
            WITH claimed AS (
                UPDATE feedback_notifications SET attempts = attempts + 1,
                       next_attempt_at = now() + make_interval(secs => \(Double(lease.components.seconds)))
                WHERE feedback_id IN (SELECT feedback_id FROM feedback_notifications
                                      WHERE status = 'pending' AND next_attempt_at <= now()
                                      ORDER BY next_attempt_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING feedback_id, attempts)
            SELECT feedback_id, attempts FROM claimed
            """, logger: logger)
        var claimed: [(UUID, Int)] = []
        for try await row in rows.decode((UUID, Int).self) { claimed.append(row) }
        let stored = try await feedback(ids: claimed.map(\.0))
        return try claimed.map { id, attempts in
            guard let feedback = stored[id] else { throw StoreError.undecodableRow(table: "feedback", key: id.uuidString) }
            return FeedbackNotice(feedback: feedback, attempts: attempts)
        }
    }

    /// Records what became of one attempt to send a feedback notice.
    public func resolveFeedbackNotice(_ notice: FeedbackNotice, status: String, retryAt: Date?, lastStatus: Int?, error: String?) async throws {
        try await fetch(
            """
            UPDATE feedback_notifications
            SET status = \(status), next_attempt_at = COALESCE(\(retryAt), next_attempt_at), last_status = \(lastStatus),
                last_error = \(error), sent_at = CASE WHEN \(status) = 'sent' THEN now() END
            WHERE feedback_id = \(notice.feedback.id)
            """, logger: logger)
    }

    /// A feedback notice's state (`pending`, `sent`, `dead`) and attempts, for tests and operators.
    public func feedbackNoticeState(of id: UUID) async throws -> (status: String, attempts: Int)? {
        let rows = try await fetch(
            "SELECT status, attempts FROM feedback_notifications WHERE feedback_id = \(id)", logger: logger)
        for try await (status, attempts) in rows.decode((String, Int).self) { return (status, attempts) }
        return nil
    }
}
