import Foundation
import LiaisonCore
import PostgresNIO

/// A delivery claimed by a worker: the disclosure to push, and its attempts so far.
public struct DeliveryJob: Sendable, Hashable {
    public var disclosure: StoredDisclosure
    /// Attempts so far, including the one this claim starts.
    public var attempts: Int

    public var id: UUID { disclosure.deliveryID }
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
            RETURNING id, seq, incident_id, incident_version, agreement_id, agreement_version, consumer, attempts
            """, logger: logger)
        var jobs: [DeliveryJob] = []
        for try await (id, seq, incident, version, agreement, agreementVersion, consumer, attempts) in rows.decode(
            (UUID, Int64, UUID, Int, String, Data?, String, Int).self)
        {
            let disclosure = StoredDisclosure(
                deliveryID: id, sequence: seq, incident: IncidentVersionKey(id: incident, version: version),
                agreementID: agreement, agreementVersion: agreementVersion?.hexString, consumer: consumer)
            jobs.append(DeliveryJob(disclosure: disclosure, attempts: attempts))
        }
        return jobs
    }

    /// Records a delivery the receiver accepted, and audits the disclosure (and any reveal).
    public func markDelivered(_ job: DeliveryJob, record: DisclosureRecord, status: Int) async throws {
        try await withTransaction { connection in
            try await connection.query(
                """
                UPDATE deliveries SET status = 'delivered', delivered_at = now(), last_status = \(status),
                       last_error = NULL
                WHERE id = \(job.id)
                """, logger: logger)
            try await appendDisclosure(record, transport: "webhook", on: connection)
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

    /// Gives up on a delivery after its last allowed attempt, or when the receiver is gone.
    public func markDead(_ job: DeliveryJob, status: Int?, error: String) async throws {
        try await client.query(
            """
            UPDATE deliveries SET status = 'dead', last_status = \(status), last_error = \(error)
            WHERE id = \(job.id)
            """, logger: logger)
    }

    /// Ends a pending delivery without sending it, because its agreement no longer stands
    /// (suspended, terminated or gone): `reason` is the code that says which.
    public func markWithheld(_ job: DeliveryJob, reason: String) async throws {
        try await client.query(
            "UPDATE deliveries SET status = 'withheld', last_error = \(reason) WHERE id = \(job.id)", logger: logger)
    }

    /// A delivery's state, for the admin API and tests.
    public struct DeliveryState: Sendable, Hashable {
        public var id: UUID
        public var incidentID: UUID
        public var incidentVersion: Int
        public var agreementID: String
        public var agreementVersion: String?
        public var status: String
        public var attempts: Int
        public var lastStatus: Int?
        public var lastError: String?
    }

    public func deliveries(incidentID: UUID) async throws -> [DeliveryState] {
        let rows = try await client.query(
            """
            SELECT id, incident_id, incident_version, agreement_id, agreement_version, status, attempts, last_status, last_error
            FROM deliveries WHERE incident_id = \(incidentID) ORDER BY seq
            """, logger: logger)
        var states: [DeliveryState] = []
        for try await (id, incident, version, agreement, agreementVersion, status, attempts, last, error) in rows.decode(
            (UUID, UUID, Int, String, Data?, String, Int, Int?, String?).self)
        {
            states.append(.init(
                id: id, incidentID: incident, incidentVersion: version, agreementID: agreement,
                agreementVersion: agreementVersion?.hexString, status: status, attempts: attempts, lastStatus: last,
                lastError: error))
        }
        return states
    }
}
