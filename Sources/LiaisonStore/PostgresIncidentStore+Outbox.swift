import Foundation
import LiaisonCore
import PostgresNIO

/// A delivery claimed by a worker: which incident goes out under which agreement.
public struct DeliveryJob: Sendable, Hashable {
    public var id: UUID
    public var incidentID: Incident.ID
    public var agreementID: String
    /// Attempts so far, including the one this claim starts.
    public var attempts: Int
}

extension PostgresIncidentStore {
    /// Claims up to `limit` due deliveries. The claim counts an attempt and pushes the
    /// next attempt `lease` ahead, then commits, so a worker that dies mid-send leaves
    /// the row to be claimed again once the lease runs out: nothing is lost, and the
    /// receiver deduplicates by `webhook-id`. `SKIP LOCKED` lets replicas share the queue.
    public func claimDueDeliveries(limit: Int, lease: Duration) async throws -> [DeliveryJob] {
        let leaseSeconds = Double(lease.components.seconds)
        let rows = try await client.query(
            """
            UPDATE deliveries SET attempts = attempts + 1,
                   next_attempt_at = now() + make_interval(secs => \(leaseSeconds))
            WHERE id IN (SELECT id FROM deliveries
                         WHERE status = 'pending' AND next_attempt_at <= now()
                         ORDER BY next_attempt_at LIMIT \(limit)
                         FOR UPDATE SKIP LOCKED)
            RETURNING id, incident_id, agreement_id, attempts
            """, logger: logger)
        var jobs: [DeliveryJob] = []
        for try await (id, incidentID, agreementID, attempts) in rows.decode((UUID, UUID, String, Int).self) {
            jobs.append(DeliveryJob(id: id, incidentID: incidentID, agreementID: agreementID, attempts: attempts))
        }
        return jobs
    }

    /// Records a delivery the receiver accepted, and audits the disclosure (and any reveal).
    public func markDelivered(_ job: DeliveryJob, rendering: Rendering, agreement: Agreement, status: Int) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                """
                UPDATE deliveries SET status = 'delivered', delivered_at = now(), last_status = \(status),
                       last_error = NULL
                WHERE id = \(job.id)
                """, logger: logger)
            try await appendDisclosure(
                rendering, incidentID: job.incidentID, agreement: agreement, transport: "webhook", delivery: job.id,
                on: connection)
        }
    }

    /// Records a failed attempt: the row is due again at `retryAt`.
    public func scheduleRetry(_ job: DeliveryJob, at retryAt: Date, status: Int?, error: String) async throws {
        try await client.query(
            """
            UPDATE deliveries SET next_attempt_at = \(retryAt), last_status = \(status), last_error = \(error)
            WHERE id = \(job.id)
            """, logger: logger)
    }

    /// Gives up on a delivery after its last allowed attempt.
    public func markDead(_ job: DeliveryJob, status: Int?, error: String) async throws {
        try await client.query(
            """
            UPDATE deliveries SET status = 'dead', last_status = \(status), last_error = \(error)
            WHERE id = \(job.id)
            """, logger: logger)
    }

    /// A delivery's state, for the admin API and tests.
    public struct DeliveryState: Sendable, Hashable {
        public var id: UUID
        public var incidentID: UUID
        public var agreementID: String
        public var status: String
        public var attempts: Int
        public var lastStatus: Int?
    }

    public func deliveries(incidentID: UUID) async throws -> [DeliveryState] {
        let rows = try await client.query(
            """
            SELECT id, incident_id, agreement_id, status, attempts, last_status FROM deliveries
            WHERE incident_id = \(incidentID) ORDER BY seq
            """, logger: logger)
        var states: [DeliveryState] = []
        for try await (id, incident, agreement, status, attempts, last) in rows.decode(
            (UUID, UUID, String, String, Int, Int?).self)
        {
            states.append(.init(id: id, incidentID: incident, agreementID: agreement, status: status, attempts: attempts, lastStatus: last))
        }
        return states
    }
}
