import Foundation

/// The rules that govern agreement versions: who may approve what, which state may follow
/// which, which version is in force when. Pure: the store keeps rows, the admin API and the
/// CLI ask these rules before they write.
public struct AgreementGovernance: Sendable, Hashable {
    /// Whose approval makes a proposal active.
    public enum Approval: String, Sendable, Hashable, Codable, CaseIterable {
        /// An admin who is a different person from the one who drafted and proposed it.
        case twoPersons = "two-persons"
        /// As `two-persons`, and the approver belongs to the party organisation that did
        /// not propose: each party's organisation has then consented.
        case eachParty = "each-party"
    }

    public var approval: Approval
    /// The organisation that runs the gateway: its admins act on every agreement and key.
    public var operatorOrganisation: String?

    public init(approval: Approval = .twoPersons, operatorOrganisation: String? = nil) {
        self.approval = approval
        self.operatorOrganisation = operatorOrganisation
    }

    /// Why a step is refused. Each maps to one HTTP status (the admin API) and exit code (CLI).
    public enum Refusal: Error, Sendable, Hashable {
        /// The key belongs to no named person, so four eyes cannot be counted (403).
        case personRequired
        /// The caller's organisation is not a party to the agreement, nor the operator (403).
        case notAParty
        /// The approver drafted or proposed this version (403).
        case samePerson
        /// Under `each-party`, the approver must belong to this organisation (403).
        case otherPartyRequired(String)
        /// The version is not in a state that allows this step (409).
        case wrongState(AgreementVersion.State)
        /// Only the latest proposal of an agreement can be approved (409).
        case notLatestProposal(latest: Int)
        /// The agreement was terminated; nothing follows (409).
        case agreementTerminated
        /// Rejection, suspension and termination need a reason (422).
        case reasonRequired
    }

    /// Whether `actor` may act on `agreement` at all: a party's admin or the operator's.
    public func mayAct(_ actor: AuditActor, on agreement: Agreement) -> Bool {
        [agreement.producer, agreement.consumer, operatorOrganisation].contains(actor.organisation)
    }

    /// Checks that `approver` may approve `version`, given every version of its agreement.
    public func checkApproval(
        of version: AgreementVersion, by approver: AuditActor, among versions: [AgreementVersion]
    ) throws(Refusal) {
        guard approver.person != nil else { throw .personRequired }
        guard mayAct(approver, on: version.agreement) else { throw .notAParty }
        if versions.contains(where: { $0.state == .terminated }) { throw .agreementTerminated }
        guard version.state == .proposed else { throw .wrongState(version.state) }
        let latest = versions.filter { $0.state == .proposed }.map(\.number).max() ?? version.number
        guard version.number == latest else { throw .notLatestProposal(latest: latest) }
        if approver.isSamePerson(as: version.createdBy) || version.proposedBy.map(approver.isSamePerson(as:)) == true {
            throw .samePerson
        }
        if approval == .eachParty, let proposer = version.proposedBy {
            let parties = [version.agreement.producer, version.agreement.consumer]
            if let other = parties.first(where: { $0 != proposer.organisation }), approver.organisation != other {
                throw .otherPartyRequired(other)
            }
        }
    }

    /// Checks a step other than approval: `to` is the state it would leave `version` in.
    public func checkTransition(
        of version: AgreementVersion, to next: AgreementVersion.State, by actor: AuditActor, reason: String?,
        among versions: [AgreementVersion]
    ) throws(Refusal) {
        guard actor.person != nil else { throw .personRequired }
        guard mayAct(actor, on: version.agreement) else { throw .notAParty }
        if versions.contains(where: { $0.state == .terminated }) { throw .agreementTerminated }
        let allowed: [AgreementVersion.State: Set<AgreementVersion.State>] = [
            .draft: [.proposed], .proposed: [.rejected, .draft], .approved: [.suspended, .terminated],
            .suspended: [.approved, .terminated],
        ]
        guard allowed[version.state]?.contains(next) == true else { throw .wrongState(version.state) }
        if [.rejected, .suspended, .terminated].contains(next), (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw .reasonRequired
        }
    }

    /// The version in force for one agreement at `now`: the highest-numbered approved or
    /// suspended version whose window holds `now`, with the agreement's standing set from its
    /// state; a terminated agreement's last version, standing `terminated`; nil when none.
    public static func inForce(_ versions: [AgreementVersion], at now: Date) -> Agreement? {
        if let terminated = versions.filter({ $0.state == .terminated }).max(by: { $0.number < $1.number }) {
            var agreement = terminated.agreement
            agreement.status = .terminated
            return agreement
        }
        guard let current = versions.filter({ [.approved, .suspended].contains($0.state) && $0.isValid(at: now) })
            .max(by: { $0.number < $1.number })
        else { return nil }
        var agreement = current.agreement
        agreement.status = current.state == .suspended ? .suspended : .active
        return agreement
    }

    /// What time alone changes at `now`: approved versions past their window expire, and
    /// approved versions below the one in force are superseded.
    public static func dueTransitions(_ versions: [AgreementVersion], at now: Date) -> [(number: Int, to: AgreementVersion.State)] {
        var due: [(Int, AgreementVersion.State)] = []
        let inForce = versions.filter { [.approved, .suspended].contains($0.state) && $0.isValid(at: now) }.map(\.number).max()
        for version in versions where version.state == .approved {
            if let until = version.window.until, until <= now {
                due.append((version.number, .expired))
            } else if let inForce, version.number < inForce {
                due.append((version.number, .superseded))
            }
        }
        return due
    }
}
