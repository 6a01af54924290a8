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
    /// A row scheduled later than this claim's `now()` counts as scheduled before the clock was
    /// set back only if it is also later than `clock_timestamp()`: a retry or claim that another
    /// worker committed after this transaction began would otherwise be due at once (fault
    /// scenario 4 saw a 500 retried 0.01 s after it was recorded). The condition on the stable
    /// `now()` lets the partial indexes serve the scan.
    /// `connection`, when given, runs the claim inside the transaction open on it.
    public func claimDueDeliveries(
        limit: Int, lease: Duration, on connection: PostgresConnection? = nil
    ) async throws -> [DeliveryJob] {
        let leaseSeconds = Double(lease.components.seconds) + Double(lease.components.attoseconds) / 1e18
        let rows = try await fetch(
            """
            UPDATE deliveries SET attempts = attempts + 1, scheduled_at = now(),
                   next_attempt_at = now() + make_interval(secs => \(leaseSeconds))
            WHERE id IN (SELECT id FROM deliveries
                         WHERE status = 'pending' AND (next_attempt_at <= now() OR scheduled_at > now())
                           AND (next_attempt_at <= now() OR scheduled_at > clock_timestamp())
                         ORDER BY next_attempt_at LIMIT \(limit)
                         FOR UPDATE SKIP LOCKED)
            RETURNING id, seq, incident_id, incident_version, agreement_id, agreement_version, consumer, attempts
            """, logger: logger, on: connection)
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

    /// A delivery the receiver accepted: its audit record and the status it answered.
    public struct Delivered: Sendable {
        public var job: DeliveryJob
        public var record: DisclosureRecord
        public var status: Int

        public init(job: DeliveryJob, record: DisclosureRecord, status: Int) {
            self.job = job
            self.record = record
            self.status = status
        }
    }

    /// Records deliveries the receivers accepted, and audits each disclosure (and any reveal),
    /// in one transaction: one update and one ledger append for the lot. Returns, per delivery
    /// found, the seconds from the row's creation (the intake's commit) to now, for the
    /// enqueue→2xx histogram.
    @discardableResult
    public func markDelivered(_ delivered: [Delivered]) async throws -> [UUID: Double] {
        guard !delivered.isEmpty else { return [:] }
        let ids = delivered.map(\.job.id), statuses = delivered.map(\.status)
        return try await withTransaction { connection in
            let rows = try await connection.guardedQuery(
                """
                UPDATE deliveries d SET status = 'delivered', delivered_at = now(), last_status = k.status, last_error = NULL
                FROM unnest(\(ids)::uuid[], \(statuses)::int4[]) AS k(id, status)
                WHERE d.id = k.id
                RETURNING d.id, EXTRACT(EPOCH FROM clock_timestamp() - d.created_at)::float8
                """, logger: logger)
            var waited: [UUID: Double] = [:]
            for try await (id, seconds) in rows.decode((UUID, Double).self) { waited[id] = seconds }
            try await appendDisclosures(delivered.map(\.record), transport: "webhook", on: connection)
            return waited
        }
    }

    /// Records a failed attempt: the row is due again `delay` from now on the database's clock
    /// (the one leases and claims use, so the gateway's own clock cannot shorten or stretch the
    /// wait).
    public func scheduleRetry(_ job: DeliveryJob, after delay: Duration, status: Int?, error: String) async throws {
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        try await fetch(
            """
            UPDATE deliveries SET next_attempt_at = now() + make_interval(secs => \(seconds)), scheduled_at = now(),
                   last_status = \(status), last_error = \(error)
            WHERE id = \(job.id)
            """, logger: logger)
    }

    /// Gives up on a delivery after its last allowed attempt, or when the receiver is gone.
    public func markDead(_ job: DeliveryJob, status: Int?, error: String) async throws {
        try await fetch(
            """
            UPDATE deliveries SET status = 'dead', dead_at = now(), last_status = \(status), last_error = \(error)
            WHERE id = \(job.id)
            """, logger: logger)
    }

    /// Ends a pending delivery without sending it, because its agreement no longer stands
    /// (suspended, terminated or gone): `reason` is the code that says which.
    public func markWithheld(_ job: DeliveryJob, reason: String) async throws {
        try await fetch(
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
        let rows = try await fetch(
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

/// A delivery as admins see it: which incident version went to whom under which agreement
/// version, and how its sending stands. No content.
public struct DeliveryRecord: Sendable, Hashable, Codable {
    public var id: UUID
    public var incidentID: UUID
    public var incidentVersion: Int
    public var agreementID: String
    public var agreementVersion: String?
    public var consumer: String
    public var status: String
    public var attempts: Int
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    /// Every state a delivery can be in.
    public static let statuses = ["pending", "delivered", "dead", "pull-only", "withheld"]

    enum CodingKeys: String, CodingKey {
        case id, consumer, status, attempts
        case incidentID = "incident_id"
        case incidentVersion = "incident_version"
        case agreementID = "agreement_id"
        case agreementVersion = "agreement_version"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case createdAt = "created_at"
        case deliveredAt = "delivered_at"
    }
}

/// What a replay request found.
public enum DeliveryReplay: Sendable {
    case replayed(DeliveryRecord)
    case notFound
    case notDead(String)
}

extension PostgresIncidentStore {
    /// Deliveries, newest first: of agreements `party` is a party to (every one when nil), of
    /// one consumer and status when given.
    public func deliveries(party: String?, consumer: String?, status: String?, limit: Int) async throws -> [DeliveryRecord] {
        try await deliveryRecords(
            """
            SELECT d.id, d.incident_id, d.incident_version, d.agreement_id, d.agreement_version, d.consumer, d.status,
                   d.attempts, d.last_status, d.last_error, d.created_at, d.delivered_at
            FROM deliveries d JOIN agreements a ON a.id = d.agreement_id
            WHERE (\(party)::text IS NULL OR a.producer = \(party) OR a.consumer = \(party))
              AND (\(consumer)::text IS NULL OR d.consumer = \(consumer))
              AND (\(status)::text IS NULL OR d.status = \(status))
            ORDER BY d.seq DESC LIMIT \(limit)
            """)
    }

    /// Puts a dead delivery back in the queue, due now, attempts reset; audited. Its id, and
    /// so its `webhook-id`, stays.
    public func replayDelivery(_ id: UUID, party: String?, by actor: AuditActor) async throws -> DeliveryReplay {
        try await withTransaction { connection -> DeliveryReplay in
            let rows = try await connection.guardedQuery(
                """
                SELECT d.status FROM deliveries d JOIN agreements a ON a.id = d.agreement_id
                WHERE d.id = \(id) AND (\(party)::text IS NULL OR a.producer = \(party) OR a.consumer = \(party))
                FOR UPDATE OF d
                """, logger: logger)
            var status: String?
            for try await value in rows.decode(String.self) { status = value }
            guard let status else { return .notFound }
            guard status == "dead" else { return .notDead(status) }
            try await connection.guardedQuery(
                """
                UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), scheduled_at = now(), last_error = NULL
                WHERE id = \(id)
                """, logger: logger)
            try await appendAudit(by: actor, action: "replay-delivery", subject: "delivery:\(id)", on: connection)
            guard let record = try await deliveryRecords(
                """
                SELECT id, incident_id, incident_version, agreement_id, agreement_version, consumer, status, attempts,
                       last_status, last_error, created_at, delivered_at FROM deliveries WHERE id = \(id)
                """, on: connection).first
            else { return .notFound }
            return .replayed(record)
        }
    }

    private func deliveryRecords(_ query: PostgresQuery, on connection: PostgresConnection? = nil) async throws -> [DeliveryRecord] {
        let rows = try await fetch(query, logger: logger, on: connection)
        var found: [DeliveryRecord] = []
        for try await (id, incident, version, agreement, agreementVersion, consumer, status, attempts, lastStatus, lastError, created, delivered)
            in rows.decode((UUID, UUID, Int, String, Data?, String, String, Int, Int?, String?, Date, Date?).self)
        {
            found.append(DeliveryRecord(
                id: id, incidentID: incident, incidentVersion: version, agreementID: agreement, agreementVersion: agreementVersion?.hexString,
                consumer: consumer, status: status, attempts: attempts, lastStatus: lastStatus, lastError: lastError, createdAt: created,
                deliveredAt: delivered))
        }
        return found
    }
}
