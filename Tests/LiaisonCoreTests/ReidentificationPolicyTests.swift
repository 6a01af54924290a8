import Foundation
import LiaisonCore
import Testing

/// Four eyes on re-identification: two distinct persons in the capacities the rule names,
/// never the requester; one retrieval, by the requester, before the deadline; time and erasure
/// close a request, and a final status never moves.
@Suite struct ReidentificationPolicyTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static let requester = Principal(organisation: "police", role: .consumer, person: "Petra Analyst")
    static let ana = Principal(organisation: "cert", role: .admin, person: "Ana Admin")
    static let bojan = Principal(organisation: "cert", role: .admin, person: "Bojan Admin")
    static let dpo = Principal(organisation: "gateway-op", role: .auditor, person: "Dara DPO")

    static func policy(_ approvers: ReidentificationPolicy.Approvers) -> ReidentificationPolicy {
        ReidentificationPolicy(approvers: approvers, operatorOrganisation: "gateway-op", requestTTL: 3600, retrievalTTL: 600)
    }

    static func request(_ policy: ReidentificationPolicy) throws -> ReidentificationRequest {
        let reference = StoredValueReference(
            consumer: "police", producer: "cert", incidentID: UUID(), incidentVersion: 1, agreementID: "cert-to-police",
            deliveryID: UUID(), pointer: "/observables/1/value",
            located: LocatedValue(token: Token(kind: .email, id: "0123456789abcdef"), rendering: .pseudonymise))
        return try policy.newRequest(
            id: UUID(), by: requester, disclosure: reference,
            grounds: .init(caseReference: "KT-1/26", legalBasis: "CPC art. 286", justification: "Victim contact"), at: t0)
    }

    /// Applies an allowed step, or fails the test.
    static func apply(_ decision: ReidentificationPolicy.Decision, to request: ReidentificationRequest, at now: Date) throws -> ReidentificationRequest {
        guard case .allow(let change) = decision else { throw Unexpected(decision: decision) }
        return request.applying(change, at: now)
    }

    struct Unexpected: Error { var decision: ReidentificationPolicy.Decision }

    @Test("Producer admin and DPO approve; the second approval opens the retrieval window; the requester retrieves once")
    func happyPath() throws {
        let policy = Self.policy(.producerAdminAndDPO)
        var request = try Self.request(policy)
        #expect(request.status == .pending && request.expiresAt == Self.t0.addingTimeInterval(3600))
        request = try Self.apply(policy.approval(of: request, by: Self.ana, valueKept: true, at: Self.t0 + 10), to: request, at: Self.t0 + 10)
        #expect(request.status == .pending && request.missingApprovals == [.dpo])
        request = try Self.apply(policy.approval(of: request, by: Self.dpo, valueKept: true, at: Self.t0 + 20), to: request, at: Self.t0 + 20)
        #expect(request.status == .approved && request.retrievalDeadline == Self.t0 + 620)
        #expect(policy.retrieval(of: request, by: Self.ana, valueKept: true, at: Self.t0 + 30) == .refuse(.notFound, closing: nil))
        request = try Self.apply(policy.retrieval(of: request, by: Self.requester, valueKept: true, at: Self.t0 + 30), to: request, at: Self.t0 + 30)
        #expect(request.status == .retrieved && request.closedAt == Self.t0 + 30)
        #expect(policy.retrieval(of: request, by: Self.requester, valueKept: true, at: Self.t0 + 40) == .refuse(.alreadyRetrieved, closing: nil))
    }

    @Test(
        "Who may approve a pending request, by rule",
        arguments: [
            (ReidentificationPolicy.Approvers.producerAdminAndDPO, ana, nil as ReidentificationPolicy.Refusal?),
            (.producerAdminAndDPO, dpo, nil),
            (.twoProducerAdmins, ana, nil),
            (.twoProducerAdmins, dpo, .notAnApprover),
            (.producerAdminAndDPO, Principal(organisation: "cert", role: .auditor, person: "Audra"), .notAnApprover),
            (.producerAdminAndDPO, Principal(organisation: "gateway-op", role: .admin, person: "Oskar"), .notAnApprover),
            (.producerAdminAndDPO, Principal(organisation: "other-cert", role: .admin, person: "Olga"), .notFound),
            (.producerAdminAndDPO, Principal(organisation: "police", role: .admin, person: "Pavle"), .notFound),
            (.producerAdminAndDPO, requester, .notAnApprover),
            (.producerAdminAndDPO, Principal(organisation: "cert", role: .admin), .personRequired),
        ])
    func approvers(rule: ReidentificationPolicy.Approvers, approver: Principal, refusal: ReidentificationPolicy.Refusal?) throws {
        let policy = Self.policy(rule)
        let decision = policy.approval(of: try Self.request(policy), by: approver, valueKept: true, at: Self.t0 + 1)
        if let refusal {
            #expect(decision == .refuse(refusal, closing: nil))
        } else {
            guard case .allow(.approve(let approval, nil)) = decision else { Issue.record("\(decision)"); return }
            #expect(approval.approver == approver.actor)
        }
    }

    @Test("The same person twice, a second admin where the DPO is due, and the requester are refused")
    func fourEyes() throws {
        let both = Self.policy(.producerAdminAndDPO)
        var request = try Self.request(both)
        request = try Self.apply(both.approval(of: request, by: Self.ana, valueKept: true, at: Self.t0 + 1), to: request, at: Self.t0 + 1)
        #expect(both.approval(of: request, by: Self.ana, valueKept: true, at: Self.t0 + 2) == .refuse(.alreadyApproved, closing: nil))
        #expect(both.approval(of: request, by: Self.bojan, valueKept: true, at: Self.t0 + 2) == .refuse(.otherApproverRequired(.dpo), closing: nil))

        let admins = Self.policy(.twoProducerAdmins)
        var second = try Self.request(admins)
        second = try Self.apply(admins.approval(of: second, by: Self.ana, valueKept: true, at: Self.t0 + 1), to: second, at: Self.t0 + 1)
        #expect(admins.approval(of: second, by: Self.ana, valueKept: true, at: Self.t0 + 2) == .refuse(.alreadyApproved, closing: nil))
        second = try Self.apply(admins.approval(of: second, by: Self.bojan, valueKept: true, at: Self.t0 + 2), to: second, at: Self.t0 + 2)
        #expect(second.status == .approved && second.approvals.map(\.role) == [.producerAdmin, .producerAdmin])

        // A requester who is also the operator's auditor does not approve their own request.
        var operatorAsConsumer = both
        operatorAsConsumer.operatorOrganisation = "police"
        let ownDPOKey = Principal(organisation: "police", role: .auditor, person: "Petra Analyst")
        #expect(operatorAsConsumer.approval(of: try Self.request(operatorAsConsumer), by: ownDPOKey, valueKept: true, at: Self.t0 + 1)
            == .refuse(.requesterCannotApprove, closing: nil))
    }

    @Test("Time ends a request: unapproved past its expiry, approved past its retrieval deadline")
    func expiry() throws {
        let policy = Self.policy(.twoProducerAdmins)
        let request = try Self.request(policy)
        let late = Self.t0 + 3600
        #expect(policy.approval(of: request, by: Self.ana, valueKept: true, at: late) == .refuse(.expired, closing: .expired))
        #expect(policy.rejection(of: request, by: Self.ana, reason: "no", at: late) == .refuse(.expired, closing: .expired))
        #expect(policy.retrieval(of: request, by: Self.requester, valueKept: true, at: late) == .refuse(.expired, closing: .expired))
        var approved = try Self.apply(policy.approval(of: request, by: Self.ana, valueKept: true, at: Self.t0 + 1), to: request, at: Self.t0 + 1)
        approved = try Self.apply(policy.approval(of: approved, by: Self.bojan, valueKept: true, at: Self.t0 + 2), to: approved, at: Self.t0 + 2)
        #expect(policy.retrieval(of: approved, by: Self.requester, valueKept: true, at: Self.t0 + 602) == .refuse(.expired, closing: .expired))
        let closed = approved.applying(.close(.expired), at: Self.t0 + 602)
        #expect(closed.status == .expired && !closed.hasExpired(at: Self.t0 + 10_000))
        #expect(policy.retrieval(of: closed, by: Self.requester, valueKept: true, at: Self.t0 + 603) == .refuse(.expired, closing: nil))
    }

    @Test("An erased value closes the request at approval and at retrieval, and is never released")
    func erasure() throws {
        let policy = Self.policy(.twoProducerAdmins)
        let request = try Self.request(policy)
        #expect(policy.approval(of: request, by: Self.ana, valueKept: false, at: Self.t0 + 1) == .refuse(.valueErased, closing: .erased))
        var approved = try Self.apply(policy.approval(of: request, by: Self.ana, valueKept: true, at: Self.t0 + 1), to: request, at: Self.t0 + 1)
        approved = try Self.apply(policy.approval(of: approved, by: Self.bojan, valueKept: true, at: Self.t0 + 2), to: approved, at: Self.t0 + 2)
        #expect(policy.retrieval(of: approved, by: Self.requester, valueKept: false, at: Self.t0 + 3) == .refuse(.valueErased, closing: .erased))
        let erased = approved.applying(.close(.erased), at: Self.t0 + 3)
        #expect(policy.retrieval(of: erased, by: Self.requester, valueKept: true, at: Self.t0 + 4) == .refuse(.valueErased, closing: nil))
    }

    @Test("Rejection needs a reason and a pending request; retrieval needs an approved one, by the very person who asked")
    func rejectionAndRetrieval() throws {
        let policy = Self.policy(.twoProducerAdmins)
        let request = try Self.request(policy)
        #expect(policy.rejection(of: request, by: Self.ana, reason: "  ", at: Self.t0 + 1) == .refuse(.reasonRequired, closing: nil))
        #expect(policy.retrieval(of: request, by: Self.requester, valueKept: true, at: Self.t0 + 1) == .refuse(.wrongState(.pending), closing: nil))
        let colleague = Principal(organisation: "police", role: .consumer, person: "Other Analyst")
        #expect(policy.retrieval(of: request, by: colleague, valueKept: true, at: Self.t0 + 1) == .refuse(.notFound, closing: nil))
        #expect(!policy.mayRead(request, by: colleague) && policy.mayRead(request, by: Self.requester) && policy.mayRead(request, by: Self.dpo))
        let rejected = try Self.apply(policy.rejection(of: request, by: Self.bojan, reason: "not proportionate", at: Self.t0 + 2), to: request, at: Self.t0 + 2)
        #expect(rejected.status == .rejected && rejected.reason == "not proportionate")
        #expect(policy.approval(of: rejected, by: Self.ana, valueKept: true, at: Self.t0 + 3) == .refuse(.wrongState(.rejected), closing: nil))
        #expect(policy.retrieval(of: rejected, by: Self.requester, valueKept: true, at: Self.t0 + 3) == .refuse(.wrongState(.rejected), closing: nil))
    }

    @Test("Only a consumer's named person asks, and only about its own disclosures")
    func asking() throws {
        let policy = Self.policy(.twoProducerAdmins)
        let reference = StoredValueReference(
            consumer: "police", producer: "cert", incidentID: UUID(), incidentVersion: 1, agreementID: "a", deliveryID: UUID(),
            pointer: "/description", located: LocatedValue(token: Token(kind: .phone, id: "0123456789abcdef"), rendering: .mask))
        let grounds = ReidentificationRequest.Grounds(caseReference: "c", legalBasis: "l", justification: "j")
        #expect(throws: ReidentificationPolicy.Refusal.personRequired) {
            try policy.newRequest(id: UUID(), by: Principal(organisation: "police", role: .consumer), disclosure: reference, grounds: grounds, at: Self.t0)
        }
        #expect(throws: ReidentificationPolicy.Refusal.notFound) {
            try policy.newRequest(id: UUID(), by: Principal(organisation: "fiu", role: .consumer, person: "F"), disclosure: reference, grounds: grounds, at: Self.t0)
        }
    }
}
