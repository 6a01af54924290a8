import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// The disclosure of version `version` of incident `id` to `consumer` (its latest when nil).
    public func disclosure(of id: UUID, version: Int?, to consumer: String) async throws -> StoredDisclosure? {
        try await disclosures(
            """
            SELECT id, seq, incident_id, incident_version, agreement_id, agreement_version, consumer FROM deliveries
            WHERE incident_id = \(id) AND consumer = \(consumer) AND (\(version)::int4 IS NULL OR incident_version = \(version))
            ORDER BY incident_version DESC, seq DESC LIMIT 1
            """
        ).first
    }

    /// Stores a new request and its audit entry, and, with `notify`, queues the producer's
    /// notification, in one transaction.
    public func insertReidentification(_ request: ReidentificationRequest, notify: Bool) async throws {
        try await withTransaction { connection in
            try await connection.guardedQuery(
                """
                INSERT INTO reidentification_requests (
                    id, consumer, consumer_person, producer, incident_id, incident_version, agreement_id, delivery_id, token,
                    pointer, rendering, case_reference, legal_basis, justification, rule, status, created_at, expires_at)
                VALUES (\(request.id), \(request.requester.organisation), \(request.requester.person), \(request.producer),
                        \(request.incidentID), \(request.incidentVersion), \(request.agreementID), \(request.deliveryID),
                        \(request.token.text), \(request.pointer), \(request.rendering.rawValue), \(request.grounds.caseReference),
                        \(request.grounds.legalBasis), \(request.grounds.justification), \(request.rule.rawValue),
                        \(request.status.rawValue), \(request.createdAt), \(request.expiresAt))
                """, logger: logger)
            if notify {
                try await connection.guardedQuery(
                    """
                    INSERT INTO reidentification_notifications (request_id, producer, status)
                    VALUES (\(request.id), \(request.producer), 'pending')
                    """, logger: logger)
            }
            var details = Self.auditDetails(request)
            details["delivery"] = request.deliveryID.uuidString
            details["pointer"] = request.pointer
            details["rendering"] = request.rendering.rawValue
            details["rule"] = request.rule.rawValue
            details["expires_at"] = RFC3339.string(from: request.expiresAt)
            try await appendAudit(
                by: request.requester, action: "reidentification-request", subject: "reidentification:\(request.id)",
                details: details, on: connection)
        }
    }

    /// Records a request refused before it was stored (the value at the place named was
    /// erased): who tried, which incident and token, and why.
    public func recordRefusedReidentification(
        by actor: AuditActor, incident: UUID, version: Int, token: Token, reason: String
    ) async throws {
        try await audit(
            by: actor, action: "reidentification-refuse", subject: "incident:\(incident)",
            details: ["incident_version": version, "token": token.text, "reason": reason])
    }

    /// Runs `body` with one request's row locked until the transaction ends, so that two
    /// approvals (or an approval and a retrieval) of one request cannot interleave.
    public func withReidentification<T>(
        _ id: UUID, isolation: isolated (any Actor)? = #isolation, _ body: (ReidentificationTransaction) async throws -> sending T
    ) async throws -> sending T {
        try await withTransaction(isolation: isolation) { connection in
            try await body(ReidentificationTransaction(store: self, connection: connection, id: id))
        }
    }

    /// Requests newest first: of `producer`'s incidents, or asked by `requester`, or all
    /// when both are nil; of one status, or the one with `id`, when given.
    public func reidentifications(
        id: UUID? = nil, producer: String?, requester: AuditActor?, status: ReidentificationRequest.Status? = nil, limit: Int
    ) async throws -> [ReidentificationRequest] {
        try await client.withConnection { connection in
            try await requests(
                """
                SELECT id, consumer, consumer_person, producer, incident_id, incident_version, agreement_id, delivery_id, token, pointer,
                       rendering, case_reference, legal_basis, justification, rule, status, reason, created_at, expires_at,
                       retrieval_deadline, closed_at
                FROM reidentification_requests
                WHERE (\(id)::uuid IS NULL OR id = \(id)) AND (\(producer)::text IS NULL OR producer = \(producer))
                  AND (\(requester?.organisation)::text IS NULL OR (consumer = \(requester?.organisation) AND consumer_person = \(requester?.person)))
                  AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
                ORDER BY created_at DESC, id LIMIT \(limit)
                """, on: connection)
        }
    }

    /// Closes every open request whose time ran out at `now` (``ReidentificationRequest/hasExpired(at:)``:
    /// pending past `expires_at`, approved past its retrieval deadline), each with an audit
    /// entry by the gateway. Returns how many.
    @discardableResult
    public func expireDueReidentifications(at now: Date = Date()) async throws -> Int {
        try await withTransaction { connection in
            let due = try await requests(
                """
                SELECT id, consumer, consumer_person, producer, incident_id, incident_version, agreement_id, delivery_id, token, pointer,
                       rendering, case_reference, legal_basis, justification, rule, status, reason, created_at, expires_at,
                       retrieval_deadline, closed_at
                FROM reidentification_requests
                WHERE (status = 'pending' AND expires_at <= \(now)) OR (status = 'approved' AND retrieval_deadline <= \(now))
                ORDER BY created_at FOR UPDATE SKIP LOCKED
                """, on: connection)
            var expired = 0
            for request in due where request.hasExpired(at: now) {
                try await writeStep(request.applying(.close(.expired), at: now), after: .close(.expired), by: .gateway, on: connection)
                expired += 1
            }
            return expired
        }
    }

    /// Writes `request` as `change` left it (its status, deadline, reason, close time, and a
    /// new approval), with the step's audit entry by `actor`.
    func writeStep(
        _ request: ReidentificationRequest, after change: ReidentificationChange, by actor: AuditActor, on connection: PostgresConnection
    ) async throws {
        try await connection.guardedQuery(
            """
            UPDATE reidentification_requests SET status = \(request.status.rawValue), reason = \(request.reason),
                   retrieval_deadline = \(request.retrievalDeadline), closed_at = \(request.closedAt)
            WHERE id = \(request.id)
            """, logger: logger)
        var details = Self.auditDetails(request)
        if case .approve(let approval, let deadline) = change {
            try await connection.guardedQuery(
                """
                INSERT INTO reidentification_approvals (request_id, organisation, person, role, at)
                VALUES (\(request.id), \(approval.approver.organisation), \(approval.approver.person), \(approval.role.rawValue), \(approval.at))
                """, logger: logger)
            details["role"] = approval.role.rawValue
            if let deadline { details["retrieval_deadline"] = RFC3339.string(from: deadline) }
        }
        try await appendAudit(by: actor, action: change.auditAction, subject: "reidentification:\(request.id)", details: details, on: connection)
    }

    /// Reads requests with their approvals.
    func requests(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [ReidentificationRequest] {
        let rows = try await connection.guardedQuery(query, logger: logger)
        var found: [ReidentificationRequest] = []
        for try await row in rows.decode(
            (UUID, String, String, String, UUID, Int, String, UUID, String, String, String, String, String, String, String,
             String, String?, Date, Date, Date?, Date?).self)
        {
            found.append(try ReidentificationRequest(row))
        }
        guard !found.isEmpty else { return [] }
        let approvals = try await connection.guardedQuery(
            """
            SELECT request_id, organisation, person, role, at FROM reidentification_approvals
            WHERE request_id = ANY(\(found.map(\.id))::uuid[]) ORDER BY at, person
            """, logger: logger)
        var byRequest: [UUID: [ReidentificationRequest.Approval]] = [:]
        for try await (id, organisation, person, role, at) in approvals.decode((UUID, String, String, String, Date).self) {
            guard let role = ReidentificationRequest.ApproverRole(rawValue: role) else {
                throw StoreError.undecodableRow(table: "reidentification_approvals", key: id.uuidString)
            }
            byRequest[id, default: []].append(.init(approver: AuditActor(organisation: organisation, person: person), role: role, at: at))
        }
        return found.map { request in
            var request = request
            request.approvals = byRequest[request.id] ?? []
            return request
        }
    }

    /// What every audit entry of a request names: identifiers and the token, never a value or
    /// the grounds' text.
    static func auditDetails(_ request: ReidentificationRequest) -> [String: any Sendable & Encodable] {
        [
            "incident": request.incidentID.uuidString, "incident_version": request.incidentVersion, "agreement": request.agreementID,
            "token": request.token.text, "consumer": request.requester.organisation, "status": request.status.rawValue,
        ]
    }
}

typealias ReidentificationRow = (
    UUID, String, String, String, UUID, Int, String, UUID, String, String, String, String, String, String, String,
    String, String?, Date, Date, Date?, Date?
)

extension ReidentificationRequest {
    init(_ row: ReidentificationRow) throws {
        let (id, consumer, person, producer, incident, version, agreement, delivery, token, pointer, rendering, caseReference,
             legalBasis, justification, rule, status, reason, created, expires, deadline, closed) = row
        guard let token = Token(text: token), let rendering = RenderAction(rawValue: rendering),
            let rule = ReidentificationPolicy.Approvers(rawValue: rule), let status = Status(rawValue: status)
        else { throw StoreError.undecodableRow(table: "reidentification_requests", key: id.uuidString) }
        self.init(
            id: id, requester: AuditActor(organisation: consumer, person: person), producer: producer, incidentID: incident,
            incidentVersion: version, agreementID: agreement, deliveryID: delivery, token: token, pointer: pointer,
            rendering: rendering,
            grounds: Grounds(caseReference: caseReference, legalBasis: legalBasis, justification: justification), rule: rule,
            status: status, reason: reason, createdAt: created, expiresAt: expires, retrievalDeadline: deadline, closedAt: closed)
    }
}

/// One request inside one transaction (``PostgresIncidentStore/withReidentification(_:isolation:_:)``),
/// its row locked.
public struct ReidentificationTransaction: Sendable {
    let store: PostgresIncidentStore
    let connection: PostgresConnection
    public let id: UUID

    /// The request, locked; nil when there is none.
    public func request() async throws -> ReidentificationRequest? {
        try await store.requests(
            """
            SELECT id, consumer, consumer_person, producer, incident_id, incident_version, agreement_id, delivery_id, token, pointer,
                   rendering, case_reference, legal_basis, justification, rule, status, reason, created_at, expires_at,
                   retrieval_deadline, closed_at
            FROM reidentification_requests WHERE id = \(id) FOR UPDATE
            """, on: connection
        ).first
    }

    /// Whether the vault still holds `token`'s entry (not erased, not purged), without opening it.
    public func valueKept(_ token: Token) async throws -> Bool {
        let rows = try await connection.guardedQuery("SELECT 1 FROM vault_entries WHERE token = \(token.text)", logger: store.logger)
        for try await _ in rows { return true }
        return false
    }

    /// `token`'s value opened, or nil when its entry is gone.
    public func value(_ token: Token) async throws -> VaultValue? {
        try await store.vaultValues(for: [token], on: connection)[token]
    }

    /// Writes `request` as `change` left it, with the step's audit entry by `actor`.
    public func save(_ request: ReidentificationRequest, after change: ReidentificationChange, by actor: AuditActor) async throws {
        try await store.writeStep(request, after: change, by: actor, on: connection)
    }

    /// Records a refused step on `request` by `actor`, with the refusal's code. A caller the
    /// request is not shown to (``ReidentificationPolicy/Refusal/notFound``) is recorded
    /// without the request's details, since it may read its own organisation's entries.
    public func recordRefusal(
        _ refusal: ReidentificationPolicy.Refusal, of request: ReidentificationRequest, step: String, by actor: AuditActor
    ) async throws {
        var details = refusal == .notFound ? [:] : PostgresIncidentStore.auditDetails(request)
        details["reason"] = refusal.code
        details["step"] = step
        try await store.appendAudit(
            by: actor, action: "reidentification-refuse", subject: "reidentification:\(request.id)", details: details, on: connection)
    }
}
