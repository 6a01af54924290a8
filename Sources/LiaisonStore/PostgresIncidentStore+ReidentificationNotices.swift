import Foundation
import LiaisonCore
import PostgresNIO

/// A producer's notification of a new re-identification request, claimed for sending: what
/// the webhook says (identifiers, the value's kind, the deadlines — never a value, nor the
/// grounds' text) and its attempts so far.
public struct ReidentificationNotice: Sendable, Hashable {
    public var requestID: UUID
    public var producer: String
    public var consumer: String
    public var incidentID: UUID
    public var incidentVersion: Int
    public var agreementID: String
    public var kind: PersonalDataKind
    public var rendering: RenderAction
    public var rule: ReidentificationPolicy.Approvers
    public var createdAt: Date
    public var expiresAt: Date
    /// Attempts so far, including the one this claim starts.
    public var attempts: Int
}

extension PostgresIncidentStore {
    /// Claims up to `limit` due notifications, as ``claimDueDeliveries(limit:lease:)`` claims
    /// deliveries: the claim counts an attempt and pushes the next one `lease` ahead, so a
    /// worker that dies mid-send leaves the row to be claimed again.
    public func claimDueReidentificationNotices(limit: Int, lease: Duration) async throws -> [ReidentificationNotice] {
        let rows = try await fetch(
            """
            WITH claimed AS (
                UPDATE reidentification_notifications SET attempts = attempts + 1,
                       next_attempt_at = now() + make_interval(secs => \(Double(lease.components.seconds)))
                WHERE request_id IN (SELECT request_id FROM reidentification_notifications
                                     WHERE status = 'pending' AND next_attempt_at <= now()
                                     ORDER BY next_attempt_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING request_id, attempts)
            SELECT r.id, r.producer, r.consumer, r.incident_id, r.incident_version, r.agreement_id, r.token, r.rendering, r.rule,
                   r.created_at, r.expires_at, c.attempts
            FROM claimed c JOIN reidentification_requests r ON r.id = c.request_id
            """, logger: logger)
        var notices: [ReidentificationNotice] = []
        for try await (id, producer, consumer, incident, version, agreement, token, rendering, rule, created, expires, attempts)
            in rows.decode((UUID, String, String, UUID, Int, String, String, String, String, Date, Date, Int).self)
        {
            guard let token = Token(text: token), let rendering = RenderAction(rawValue: rendering),
                let rule = ReidentificationPolicy.Approvers(rawValue: rule)
            else { throw StoreError.undecodableRow(table: "reidentification_requests", key: id.uuidString) }
            notices.append(ReidentificationNotice(
                requestID: id, producer: producer, consumer: consumer, incidentID: incident, incidentVersion: version,
                agreementID: agreement, kind: token.kind, rendering: rendering, rule: rule, createdAt: created, expiresAt: expires,
                attempts: attempts))
        }
        return notices
    }

    /// A notification the producer's receiver accepted.
    public func markNoticeSent(_ notice: ReidentificationNotice, status: Int) async throws {
        try await fetch(
            """
            UPDATE reidentification_notifications SET status = 'sent', sent_at = now(), last_status = \(status), last_error = NULL
            WHERE request_id = \(notice.requestID)
            """, logger: logger)
    }

    /// A failed attempt, due again at `retryAt`.
    public func scheduleNoticeRetry(_ notice: ReidentificationNotice, at retryAt: Date, status: Int?, error: String) async throws {
        try await fetch(
            """
            UPDATE reidentification_notifications SET next_attempt_at = \(retryAt), last_status = \(status), last_error = \(error)
            WHERE request_id = \(notice.requestID)
            """, logger: logger)
    }

    /// Gives up on a notification (its last attempt, a 410, or no webhook configured now);
    /// the request stays in the admin API.
    public func markNoticeDead(_ notice: ReidentificationNotice, status: Int?, error: String) async throws {
        try await fetch(
            """
            UPDATE reidentification_notifications SET status = 'dead', last_status = \(status), last_error = \(error)
            WHERE request_id = \(notice.requestID)
            """, logger: logger)
    }

    /// A notification's state (`pending`, `sent`, `dead`) and attempts, for tests and operators.
    public func noticeState(of requestID: UUID) async throws -> (status: String, attempts: Int)? {
        let rows = try await fetch(
            "SELECT status, attempts FROM reidentification_notifications WHERE request_id = \(requestID)", logger: logger)
        for try await (status, attempts) in rows.decode((String, Int).self) { return (status, attempts) }
        return nil
    }
}
