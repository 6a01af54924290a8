import Foundation
import LiaisonCore
import Testing

@Suite struct AgreementVersionTests {
    @Test("The version hash changes with every rule and the pseudonym key, not with standing or webhook")
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
        changes.append(Fixtures.agreement(key: Array(repeating: 8, count: 32)))
        let hashes = Set(changes.map(\.versionHash))
        #expect(hashes.count == changes.count && !hashes.contains(base.versionHash))

        var same = base
        same.status = .suspended
        same.webhook = Agreement.Webhook(url: "https://police.example/hook", secret: Secret(bytes: [1, 2, 3]))
        #expect(same.versionHash == base.versionHash)
        #expect(base.versionHash.count == 64)
    }

    @Test("A policy document reads back as the same rules, and only with the key it names")
    func roundTrip() throws {
        var agreement = Fixtures.agreement(personalData: [.email: .pseudonymise, .ipv4: .generalise])
        agreement.personalDataByRole = [.phone: [.victim: .mask, .offender: .reveal]]
        agreement.legalBasis = "Art. 4"
        let read = try Agreement(policyDocument: agreement.policyDocument, pseudonymKey: agreement.pseudonymKey)
        #expect(read.versionHash == agreement.versionHash)
        #expect(read.personalDataByRole == agreement.personalDataByRole && read.fields == agreement.fields)
        #expect(throws: AgreementDocumentError.pseudonymKeyMismatch) {
            try Agreement(policyDocument: agreement.policyDocument, pseudonymKey: Secret(bytes: Array(repeating: 1, count: 32)))
        }
        #expect(throws: AgreementDocumentError.malformed) {
            try Agreement(policyDocument: .object(["id": .string("x")]), pseudonymKey: nil)
        }
        // The document never holds the key itself.
        let text = String(decoding: agreement.policyDocument.canonicalBytes, as: UTF8.self)
        #expect(text.contains("\"pseudonym_key\":\"sha256:") && !text.contains("BwcHBwcH"))
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
