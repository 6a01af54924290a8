import Foundation
import LiaisonCore
import Testing

@Suite struct AgreementVersionTests {
    @Test("The version hash changes with every part of the document, not with the agreement's standing")
    func versionIdentity() {
        let base = Fixtures.agreement()
        var changes: [Agreement] = []
        var changed = base
        changed.fields.remove(.title)
        changes.append(changed)
        changed = base
        changed.personalData[.email] = .mask
        changes.append(changed)
        changed = base
        changed.personalDataByRole = [.email: [.offender: .reveal]]
        changed.legalBasis = "MoU art. 7"
        changes.append(changed)
        changed = base
        changed.match.maxTLP = .red
        changes.append(changed)
        changed = base
        changed.match.offences = [.computerRelatedFraud]
        changes.append(changed)
        changed = base
        changed.webhook = Agreement.Webhook(url: "https://police.example/hook", secret: Secret(bytes: [1, 2, 3]))
        changes.append(changed)
        changed = base
        changed.contacts = [Agreement.Contact(party: .consumer, role: "duty officer", name: "Insp. Test")]
        changes.append(changed)
        changed = base
        changed.iep = IEPPolicy()
        changes.append(changed)
        changed = base
        changed.validUntil = Date(timeIntervalSince1970: 1_900_000_000)
        changes.append(changed)
        changes.append(Fixtures.agreement(key: Array(repeating: 8, count: 32)))
        let hashes = Set(changes.map(\.versionHash))
        #expect(hashes.count == changes.count && !hashes.contains(base.versionHash))

        var same = base
        same.status = .suspended
        #expect(same.versionHash == base.versionHash)
        #expect(base.versionHash.count == 64)
    }

    @Test("A document reads back as the same agreement, and only with the secrets it names")
    func roundTrip() throws {
        var agreement = Fixtures.agreement(personalData: [.email: .pseudonymise, .ipv4: .generalise])
        agreement.personalDataByRole = [.phone: [.victim: .mask, .offender: .reveal]]
        agreement.legalBasis = "Art. 4"
        agreement.title = "MoU CERT–police"
        agreement.validFrom = Date(timeIntervalSince1970: 1_780_000_000)
        agreement.contacts = [Agreement.Contact(party: .producer, role: "duty", name: "Ana", email: "duty@cert.example", phone: "+381 11 000")]
        var policy = IEPPolicy()
        policy.attribution = .mustNot
        policy.tlp = .amber
        policy.endDate = Date(timeIntervalSince1970: 1_900_000_000)
        agreement.iep = policy
        agreement.match.offences = [.computerRelatedFraud, .illegalAccess]
        agreement.webhook = Agreement.Webhook(url: "https://police.example/hook", secret: Secret(bytes: Array(repeating: 9, count: 32)))
        let read = try Agreement(document: agreement.document, secrets: agreement.secrets)
        #expect(read == agreement)
        #expect(read.versionHash == agreement.versionHash)
        #expect(throws: AgreementDocumentError.secretMismatch) {
            try Agreement(document: agreement.document, secrets: .init(pseudonymKey: Secret(bytes: Array(repeating: 1, count: 32)), webhookSecret: agreement.webhook?.secret))
        }
        #expect(throws: AgreementDocumentError.secretMismatch) {
            try Agreement(document: agreement.document, secrets: .init(pseudonymKey: agreement.pseudonymKey, webhookSecret: nil))
        }
        #expect(throws: AgreementDocumentError.malformed) {
            try Agreement(document: .object(["id": .string("x")]), secrets: .init(pseudonymKey: nil, webhookSecret: nil))
        }
        // The document never holds a secret itself.
        let text = String(decoding: agreement.document.canonicalBytes, as: UTF8.self)
        #expect(text.contains("\"pseudonym_key\":\"sha256:") && !text.contains("BwcHBwcH") && !text.contains("CQkJCQkJ"))
    }

    @Test("A suspended or terminated agreement withholds, naming its standing")
    func standing() {
        for status in [Agreement.Status.suspended, .terminated] {
            var agreement = Fixtures.agreement()
            agreement.status = status
            #expect(agreement.decision(for: Fixtures.protected().incident) == .withhold(reasons: [.agreementNotActive(status)]))
            #expect(WithholdReason.agreementNotActive(status).code == "agreement-\(status.rawValue)")
        }
    }
}

@Suite struct SharingPlannerTests {
    @Test("New incidents are disclosed under each active agreement that shares them, naming its version")
    func newIncidents() {
        let incident = Fixtures.protected().incident
        var other = Fixtures.agreement()
        other.id = "cert-to-prosecutor"
        other.consumer = "prosecutor"
        var suspended = Fixtures.agreement()
        suspended.id = "cert-to-fiu"
        suspended.status = .suspended
        let disclosures = SharingPlanner.disclosures(ofNew: [incident], under: [Fixtures.agreement(), other, suspended])
        #expect(disclosures.map(\.agreementID) == ["cert-to-police", "cert-to-prosecutor"])
        #expect(disclosures.allSatisfy { $0.incidentVersion == 1 && $0.incidentID == incident.id && !$0.push })
        #expect(disclosures[0].agreementVersion == Fixtures.agreement().versionHash)
    }

    @Test("An update is disclosed only where what the consumer sees changes")
    func updates() {
        let first = Fixtures.protected()
        let vault = Dictionary(uniqueKeysWithValues: first.vault.map { ($0.token, VaultValue(plaintext: $0.plaintext, role: $0.role)) })
        // The same content again, protected anew (new tokens, same values): nothing to send.
        var again = Fixtures.protected()
        again.incident.id = first.incident.id
        let same = IncidentUpdate(incident: again.incident, vault: again.vault, version: 2, modified: nil, previous: first.incident)
        let noDescription = Fixtures.agreement(fields: [.classification, .title])
        #expect(SharingPlanner.disclosures(ofUpdates: [same], under: [Fixtures.agreement()], previousVault: vault).isEmpty)
        // A new title: every agreement that shares titles discloses version 2.
        var retitled = again
        retitled.incident.title = "Phishing page for a bank, second wave"
        let update = IncidentUpdate(incident: retitled.incident, vault: retitled.vault, version: 2, modified: nil, previous: first.incident)
        let tokens = SharingPlanner.tokensToCompare([update], under: [Fixtures.agreement()])
        #expect(tokens == Set(first.vault.map(\.token)))
        let disclosures = SharingPlanner.disclosures(ofUpdates: [update], under: [Fixtures.agreement(), noDescription], previousVault: vault)
        #expect(disclosures.count == 2 && disclosures.allSatisfy { $0.incidentVersion == 2 })
    }
}

@Suite struct AgreementGovernanceTests {
    static let ana = AuditActor(organisation: "cert", person: "Ana")
    static let bojan = AuditActor(organisation: "cert", person: "Bojan")
    static let insp = AuditActor(organisation: "police", person: "Insp. Test")

    func version(_ number: Int, _ state: AgreementVersion.State, by proposer: AuditActor = ana, agreement: Agreement = Fixtures.agreement())
        -> AgreementVersion
    {
        AgreementVersion(agreementID: agreement.id, number: number, state: state, agreement: agreement, createdBy: proposer, proposedBy: proposer)
    }

    @Test("Four eyes: another named person of a party approves the latest proposal; the proposer, a keyless person or an outsider cannot")
    func approval() throws {
        let governance = AgreementGovernance()
        let proposal = version(2, .proposed)
        let versions = [version(1, .approved), proposal]
        try governance.checkApproval(of: proposal, by: Self.bojan, among: versions)
        try governance.checkApproval(of: proposal, by: Self.insp, among: versions)
        #expect(throws: AgreementGovernance.Refusal.samePerson) { try governance.checkApproval(of: proposal, by: Self.ana, among: versions) }
        #expect(throws: AgreementGovernance.Refusal.personRequired) {
            try governance.checkApproval(of: proposal, by: AuditActor(organisation: "cert"), among: versions)
        }
        #expect(throws: AgreementGovernance.Refusal.notAParty) {
            try governance.checkApproval(of: proposal, by: AuditActor(organisation: "elsewhere", person: "X"), among: versions)
        }
        let newer = version(3, .proposed)
        #expect(throws: AgreementGovernance.Refusal.notLatestProposal(latest: 3)) {
            try governance.checkApproval(of: proposal, by: Self.bojan, among: versions + [newer])
        }
        #expect(throws: AgreementGovernance.Refusal.wrongState(.approved)) {
            try governance.checkApproval(of: versions[0], by: Self.bojan, among: versions)
        }
        // Each party: the approver belongs to the party that did not propose.
        let eachParty = AgreementGovernance(approval: .eachParty)
        #expect(throws: AgreementGovernance.Refusal.otherPartyRequired("police")) {
            try eachParty.checkApproval(of: proposal, by: Self.bojan, among: versions)
        }
        try eachParty.checkApproval(of: proposal, by: Self.insp, among: versions)
        // The operator's admins act on every agreement.
        try AgreementGovernance(operatorOrganisation: "ministry").checkApproval(
            of: proposal, by: AuditActor(organisation: "ministry", person: "Op"), among: versions)
    }

    @Test("Rejection, suspension and termination need a reason; termination is final")
    func transitions() throws {
        let governance = AgreementGovernance()
        let active = version(1, .approved)
        #expect(throws: AgreementGovernance.Refusal.reasonRequired) {
            try governance.checkTransition(of: active, to: .suspended, by: Self.bojan, reason: " ", among: [active])
        }
        try governance.checkTransition(of: active, to: .suspended, by: Self.bojan, reason: "audit", among: [active])
        #expect(throws: AgreementGovernance.Refusal.wrongState(.approved)) {
            try governance.checkTransition(of: active, to: .proposed, by: Self.bojan, reason: nil, among: [active])
        }
        let ended = version(1, .terminated)
        #expect(throws: AgreementGovernance.Refusal.agreementTerminated) {
            try governance.checkTransition(of: version(2, .draft), to: .proposed, by: Self.ana, reason: nil, among: [ended, version(2, .draft)])
        }
    }

    @Test("The highest approved version valid now is in force; time expires and supersedes versions by itself")
    func inForce() {
        var first = Fixtures.agreement()
        first.validUntil = Date(timeIntervalSince1970: 2_000)
        var second = Fixtures.agreement(personalData: [.email: .mask])
        second.validFrom = Date(timeIntervalSince1970: 1_000)
        let versions = [version(1, .approved, agreement: first), version(2, .approved, agreement: second)]
        #expect(AgreementGovernance.inForce(versions, at: Date(timeIntervalSince1970: 500))?.versionHash == first.versionHash)
        #expect(AgreementGovernance.inForce(versions, at: Date(timeIntervalSince1970: 1_500))?.versionHash == second.versionHash)
        let due = AgreementGovernance.dueTransitions(versions, at: Date(timeIntervalSince1970: 1_500))
        #expect(due.map(\.number) == [1] && due.first?.to == .superseded)
        #expect(AgreementGovernance.dueTransitions(versions, at: Date(timeIntervalSince1970: 2_500)).map(\.to) == [.expired])
        var policy = IEPPolicy()
        policy.endDate = Date(timeIntervalSince1970: 1_200)
        second.iep = policy
        let bounded = [version(1, .superseded, agreement: first), version(2, .approved, agreement: second)]
        #expect(AgreementGovernance.inForce(bounded, at: Date(timeIntervalSince1970: 1_300)) == nil)
        #expect(AgreementGovernance.inForce([version(1, .suspended)], at: Date())?.status == .suspended)
        #expect(AgreementGovernance.inForce([version(1, .approved), version(2, .terminated)], at: Date())?.status == .terminated)
    }
}

@Suite struct IEPProjectionTests {
    @Test("Attribution must-not keeps the producer out, must puts it in; the policy and offences travel with the projection")
    func attribution() throws {
        let incident = Fixtures.protected().incident
        for (attribution, fields, shown) in [
            (IEPPolicy.Attribution.mustNot, Set(IncidentField.allCases), false), (.must, Set<IncidentField>([.title]), true),
            (.may, Set<IncidentField>([.title]), false),
        ] {
            var agreement = Fixtures.agreement(fields: fields)
            var policy = IEPPolicy()
            policy.attribution = attribution
            agreement.iep = policy
            guard case .share(let projection) = agreement.decision(for: incident) else { throw CancellationError() }
            let rendered = projection.rendered(plaintexts: [:])
            #expect((rendered.producer != nil) == shown, "\(attribution)")
            #expect(rendered.policy == policy)
            #expect(rendered.offences == (fields.contains(.classification) ? [.computerRelatedForgery, .computerRelatedFraud] : nil))
        }
    }
}
