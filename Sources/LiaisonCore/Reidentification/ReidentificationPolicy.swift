import Foundation

/// The rules of re-identification under four eyes: who sees a request, who approves it in
/// which capacity, which step may follow which, and when time ends it. Pure: the store locks
/// and writes rows, the HTTP layer answers; both ask these rules first.
public struct ReidentificationPolicy: Sendable, Hashable {
    /// Whose two approvals release a value.
    public enum Approvers: String, Sendable, Hashable, Codable, CaseIterable {
        /// An admin of the producer and the gateway's data-protection officer (an auditor of
        /// `governance.operator`).
        case producerAdminAndDPO = "producer-admin+dpo"
        /// Two different admins of the producer.
        case twoProducerAdmins = "two-producer-admins"

        /// The capacities the approvals must fill, one approval each.
        public var roles: [ReidentificationRequest.ApproverRole] {
            switch self {
            case .producerAdminAndDPO: [.producerAdmin, .dpo]
            case .twoProducerAdmins: [.producerAdmin, .producerAdmin]
            }
        }
    }

    public var approvers: Approvers
    /// The operator organisation (`governance.operator`), whose auditors act as the DPO and
    /// whose admins and auditors read every request.
    public var operatorOrganisation: String?
    /// How long a request waits for its approvals.
    public var requestTTL: TimeInterval
    /// How long the requester has to retrieve an approved value.
    public var retrievalTTL: TimeInterval

    public init(
        approvers: Approvers = .twoProducerAdmins, operatorOrganisation: String? = nil, requestTTL: TimeInterval = 72 * 3600,
        retrievalTTL: TimeInterval = 3600
    ) {
        self.approvers = approvers
        self.operatorOrganisation = operatorOrganisation
        self.requestTTL = requestTTL
        self.retrievalTTL = retrievalTTL
    }

    /// Why a step is refused; each maps to one problem at the HTTP edge.
    public enum Refusal: Error, Sendable, Hashable {
        /// The key names no person, so neither asking nor approving can be accounted for (403).
        case personRequired
        /// Not the caller's to see: another consumer, another producer (404).
        case notFound
        /// The caller's organisation and role approve nothing under the request's rule (403).
        case notAnApprover
        /// Whoever asked does not approve (403).
        case requesterCannotApprove
        /// This person approved it already; the second approval is another person's (403).
        case alreadyApproved
        /// The approval still missing is one of this capacity (403).
        case otherApproverRequired(ReidentificationRequest.ApproverRole)
        /// The request's status does not allow the step (409).
        case wrongState(ReidentificationRequest.Status)
        /// Its time ran out, before approval or before retrieval (410).
        case expired
        /// The value was retrieved once; never again (410).
        case alreadyRetrieved
        /// The value's vault entry was erased or purged; nothing can be revealed (410).
        case valueErased
        /// Rejecting needs a reason (422).
        case reasonRequired

        /// A short stable code, for the audit trail.
        public var code: String {
            switch self {
            case .personRequired: "person-required"
            case .notFound: "not-found"
            case .notAnApprover: "not-an-approver"
            case .requesterCannotApprove: "requester-cannot-approve"
            case .alreadyApproved: "already-approved"
            case .otherApproverRequired(let role): "\(role.rawValue)-required"
            case .wrongState(let status): "wrong-state-\(status.rawValue)"
            case .expired: "expired"
            case .alreadyRetrieved: "already-retrieved"
            case .valueErased: "value-erased"
            case .reasonRequired: "reason-required"
            }
        }
    }

    /// What the rules make of one step: the change to record, or a refusal — with the final
    /// status time or erasure gave the request, which is recorded all the same.
    public enum Decision: Sendable, Hashable {
        case allow(ReidentificationChange)
        case refuse(Refusal, closing: ReidentificationRequest.Status?)
    }

    // MARK: Who

    /// Who may read a request: the person who asked; admins and auditors of the producer and
    /// of the operator organisation.
    public func mayRead(_ request: ReidentificationRequest, by principal: Principal) -> Bool {
        switch principal.role {
        case .consumer: principal.actor.isSamePerson(as: request.requester)
        case .admin, .auditor: [request.producer, operatorOrganisation].contains(principal.organisation)
        case .producer: false
        }
    }

    /// The capacity in which `principal` approves `request`, if any: an admin of its producer;
    /// under `producer-admin+dpo`, an auditor of the operator organisation as the DPO.
    public func approverRole(of principal: Principal, for request: ReidentificationRequest) -> ReidentificationRequest.ApproverRole? {
        if principal.role == .admin, principal.organisation == request.producer { return .producerAdmin }
        if request.rule == .producerAdminAndDPO, principal.role == .auditor, let operatorOrganisation,
            principal.organisation == operatorOrganisation
        {
            return .dpo
        }
        return nil
    }

    // MARK: Steps

    /// A new request by `principal`, a consumer's named person.
    public func newRequest(
        id: UUID, by principal: Principal, disclosure: StoredValueReference, grounds: ReidentificationRequest.Grounds, at now: Date
    ) throws(Refusal) -> ReidentificationRequest {
        guard principal.role == .consumer, principal.organisation == disclosure.consumer else { throw .notFound }
        guard principal.person != nil else { throw .personRequired }
        return ReidentificationRequest(
            id: id, requester: principal.actor, producer: disclosure.producer, incidentID: disclosure.incidentID,
            incidentVersion: disclosure.incidentVersion, agreementID: disclosure.agreementID, deliveryID: disclosure.deliveryID,
            token: disclosure.located.token, pointer: disclosure.pointer, rendering: disclosure.located.rendering, grounds: grounds,
            rule: approvers, createdAt: now, expiresAt: now.addingTimeInterval(requestTTL))
    }

    /// An approval by `principal`. `valueKept` says whether the value's vault entry still exists.
    public func approval(of request: ReidentificationRequest, by principal: Principal, valueKept: Bool, at now: Date) -> Decision {
        guard mayRead(request, by: principal) else { return .refuse(.notFound, closing: nil) }
        guard principal.person != nil else { return .refuse(.personRequired, closing: nil) }
        guard let role = approverRole(of: principal, for: request) else { return .refuse(.notAnApprover, closing: nil) }
        if let ended = ending(request, at: now, valueKept: valueKept) { return ended }
        guard request.status == .pending else { return .refuse(refusal(for: request.status), closing: nil) }
        if principal.actor.isSamePerson(as: request.requester) { return .refuse(.requesterCannotApprove, closing: nil) }
        if request.approvals.contains(where: { principal.actor.isSamePerson(as: $0.approver) }) {
            return .refuse(.alreadyApproved, closing: nil)
        }
        let missing = request.missingApprovals
        guard missing.contains(role) else { return .refuse(.otherApproverRequired(missing.first ?? role), closing: nil) }
        let completes = missing.count == 1
        return .allow(.approve(
            .init(approver: principal.actor, role: role, at: now), retrievalDeadline: completes ? now.addingTimeInterval(retrievalTTL) : nil))
    }

    /// A rejection by `principal`, who could approve, with a reason.
    public func rejection(of request: ReidentificationRequest, by principal: Principal, reason: String?, at now: Date) -> Decision {
        guard mayRead(request, by: principal) else { return .refuse(.notFound, closing: nil) }
        guard principal.person != nil else { return .refuse(.personRequired, closing: nil) }
        guard approverRole(of: principal, for: request) != nil else { return .refuse(.notAnApprover, closing: nil) }
        if request.hasExpired(at: now) { return .refuse(.expired, closing: .expired) }
        guard request.status == .pending else { return .refuse(refusal(for: request.status), closing: nil) }
        guard let reason, !reason.allSatisfy(\.isWhitespace) else { return .refuse(.reasonRequired, closing: nil) }
        return .allow(.reject(reason: reason))
    }

    /// The retrieval: only by the person who asked, once, approved, before the deadline, and
    /// while the value is kept.
    public func retrieval(of request: ReidentificationRequest, by principal: Principal, valueKept: Bool, at now: Date) -> Decision {
        guard principal.role == .consumer, principal.actor.isSamePerson(as: request.requester) else {
            return .refuse(.notFound, closing: nil)
        }
        if let ended = ending(request, at: now, valueKept: valueKept) { return ended }
        guard request.status == .approved else { return .refuse(refusal(for: request.status), closing: nil) }
        return .allow(.retrieve)
    }

    /// What time or erasure did to a request still open: it expired, or its value is gone.
    private func ending(_ request: ReidentificationRequest, at now: Date, valueKept: Bool) -> Decision? {
        guard !request.status.isFinal else { return nil }
        if request.hasExpired(at: now) { return .refuse(.expired, closing: .expired) }
        if !valueKept { return .refuse(.valueErased, closing: .erased) }
        return nil
    }

    /// The refusal a status gives a step it does not allow.
    private func refusal(for status: ReidentificationRequest.Status) -> Refusal {
        switch status {
        case .retrieved: .alreadyRetrieved
        case .expired: .expired
        case .erased: .valueErased
        default: .wrongState(status)
        }
    }
}

/// The disclosure in which a consumer saw a value, and the value located in it: what a new
/// request is made from.
public struct StoredValueReference: Sendable, Hashable {
    public var consumer: String
    public var producer: String
    public var incidentID: UUID
    public var incidentVersion: Int
    public var agreementID: String
    public var deliveryID: UUID
    public var pointer: String
    public var located: LocatedValue

    public init(
        consumer: String, producer: String, incidentID: UUID, incidentVersion: Int, agreementID: String, deliveryID: UUID,
        pointer: String, located: LocatedValue
    ) {
        self.consumer = consumer
        self.producer = producer
        self.incidentID = incidentID
        self.incidentVersion = incidentVersion
        self.agreementID = agreementID
        self.deliveryID = deliveryID
        self.pointer = pointer
        self.located = located
    }
}
