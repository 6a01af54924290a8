import Foundation

/// A consumer's request to learn the plaintext behind one value it received rendered — masked,
/// pseudonymised or generalised — in a disclosure, for one case, on a stated legal basis. It
/// names the value by its token, never by the value: the plaintext stays in the vault until two
/// distinct persons have approved (``ReidentificationPolicy``), and then leaves it once, to the
/// person who asked, before a deadline.
///
/// `pending` → `approved` (the last approval needed) → `retrieved`; `pending` → `rejected`;
/// `pending` or `approved` → `expired` (time) or `erased` (the vault entry went). The four last
/// are final.
public struct ReidentificationRequest: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, approved, rejected, expired, retrieved, erased

        /// Whether nothing follows.
        public var isFinal: Bool { self != .pending && self != .approved }
    }

    /// In which capacity someone approves.
    public enum ApproverRole: String, Sendable, Hashable, Codable, CaseIterable {
        /// An admin of the producer whose incident holds the value.
        case producerAdmin = "producer-admin"
        /// The gateway's data-protection officer: an auditor of the operator organisation.
        case dpo
    }

    /// One approval: who, in which capacity, when.
    public struct Approval: Sendable, Hashable {
        public var approver: AuditActor
        public var role: ApproverRole
        public var at: Date

        public init(approver: AuditActor, role: ApproverRole, at: Date) {
            self.approver = approver
            self.role = role
            self.at = at
        }
    }

    /// Why the consumer asks: its case, the law that allows it, and its reasons (bounded text:
    /// ``ReidentificationGrounds``).
    public struct Grounds: Sendable, Hashable {
        public var caseReference: String
        public var legalBasis: String
        public var justification: String

        public init(caseReference: String, legalBasis: String, justification: String) {
            self.caseReference = caseReference
            self.legalBasis = legalBasis
            self.justification = justification
        }
    }

    public var id: UUID
    /// The consumer organisation and the named person who asked; only that person retrieves.
    public var requester: AuditActor
    public var producer: String
    /// The disclosure in which the consumer saw the value: incident version, agreement and
    /// delivery row.
    public var incidentID: UUID
    public var incidentVersion: Int
    public var agreementID: String
    public var deliveryID: UUID
    public var token: Token
    /// Where the value stood in the projection the consumer received (a JSON Pointer), and
    /// what the agreement made of it there.
    public var pointer: String
    public var rendering: RenderAction
    public var grounds: Grounds
    /// The approval rule in force when it was asked; it stays the request's rule.
    public var rule: ReidentificationPolicy.Approvers
    public var status: Status
    public var approvals: [Approval]
    /// A rejection's reason.
    public var reason: String?
    public var createdAt: Date
    /// A request not approved by then expires.
    public var expiresAt: Date
    /// Set by the approval that completes it: the value is retrieved before then, or never.
    public var retrievalDeadline: Date?
    /// When it reached a final status.
    public var closedAt: Date?

    public init(
        id: UUID, requester: AuditActor, producer: String, incidentID: UUID, incidentVersion: Int, agreementID: String,
        deliveryID: UUID, token: Token, pointer: String, rendering: RenderAction, grounds: Grounds,
        rule: ReidentificationPolicy.Approvers, status: Status = .pending, approvals: [Approval] = [], reason: String? = nil,
        createdAt: Date, expiresAt: Date, retrievalDeadline: Date? = nil, closedAt: Date? = nil
    ) {
        self.id = id
        self.requester = requester
        self.producer = producer
        self.incidentID = incidentID
        self.incidentVersion = incidentVersion
        self.agreementID = agreementID
        self.deliveryID = deliveryID
        self.token = token
        self.pointer = pointer
        self.rendering = rendering
        self.grounds = grounds
        self.rule = rule
        self.status = status
        self.approvals = approvals
        self.reason = reason
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.retrievalDeadline = retrievalDeadline
        self.closedAt = closedAt
    }

    /// Whether time alone has ended it at `now`: pending past `expiresAt`, or approved past
    /// its retrieval deadline.
    public func hasExpired(at now: Date) -> Bool {
        switch status {
        case .pending: now >= expiresAt
        case .approved: retrievalDeadline.map { now >= $0 } ?? false
        default: false
        }
    }

    /// The approvals still needed, by capacity, in the rule's order.
    public var missingApprovals: [ApproverRole] {
        var missing = rule.roles
        for approval in approvals {
            if let index = missing.firstIndex(of: approval.role) { missing.remove(at: index) }
        }
        return missing
    }

    /// The request after `change`, taken at `now`.
    public func applying(_ change: ReidentificationChange, at now: Date) -> ReidentificationRequest {
        var next = self
        switch change {
        case .approve(let approval, let retrievalDeadline):
            next.approvals.append(approval)
            if let retrievalDeadline {
                next.status = .approved
                next.retrievalDeadline = retrievalDeadline
            }
        case .reject(let reason):
            next.status = .rejected
            next.reason = reason
            next.closedAt = now
        case .retrieve:
            next.status = .retrieved
            next.closedAt = now
        case .close(let status):
            next.status = status
            next.closedAt = now
        }
        return next
    }
}

/// One step on a request, as ``ReidentificationPolicy`` allows it.
public enum ReidentificationChange: Sendable, Hashable {
    /// An approval; `retrievalDeadline` is set when it is the last one needed.
    case approve(ReidentificationRequest.Approval, retrievalDeadline: Date?)
    case reject(reason: String)
    /// The value leaves the vault, once.
    case retrieve
    /// What time or erasure did: `expired` or `erased`.
    case close(ReidentificationRequest.Status)

    /// The audit trail's action for it.
    public var auditAction: String {
        switch self {
        case .approve: "reidentification-approve"
        case .reject: "reidentification-reject"
        case .retrieve: "reidentification-retrieve"
        case .close(let status): "reidentification-\(status.rawValue)"
        }
    }
}

/// The bounds on a request's grounds, in Unicode code points (as PostgreSQL counts): text a
/// person wrote, kept with the request and never in the audit trail, which names the request.
public enum ReidentificationGrounds {
    public static let maxCaseReference = 200
    public static let maxLegalBasis = 500
    public static let maxJustification = 2000
}
