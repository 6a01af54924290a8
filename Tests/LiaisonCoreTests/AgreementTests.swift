import Foundation
import LiaisonCore
import Testing

@Suite struct AgreementTests {
    @Test("Shares an incident of its producer, taxonomy and TLP range")
    func shares() {
        guard case .share = Fixtures.agreement().decision(for: Fixtures.protected().incident) else {
            Issue.record("expected share")
            return
        }
    }

    @Test("Withholds with every reason that applies")
    func withholds() {
        var incident = Fixtures.protected().incident
        incident.producer = "other-cert"
        incident.classification = Classification(taxonomy: "vulnerable", type: "weak-crypto")!
        incident.tlp = .red
        let decision = Fixtures.agreement().decision(for: incident)
        #expect(decision == .withhold(reasons: [.otherProducer, .taxonomyNotCovered("vulnerable"), .tlpAboveLimit(.red, limit: .amber)]))
    }

    @Test("Withholds TLP:AMBER+STRICT from an agreement that stops at TLP:AMBER")
    func strictAboveAmber() {
        var incident = Fixtures.protected().incident
        incident.tlp = .amberStrict
        #expect(Fixtures.agreement().decision(for: incident) == .withhold(reasons: [.tlpAboveLimit(.amberStrict, limit: .amber)]))
    }
}

@Suite struct ProjectionTests {
    func render(_ agreement: Agreement, _ result: IncidentProtector.Result = Fixtures.protected()) throws -> ProjectedIncident {
        guard case .share(let projection) = agreement.decision(for: result.incident) else { throw CancellationError() }
        let plaintexts = Fixtures.plaintexts(result).filter { projection.tokensNeedingPlaintext.contains($0.key) }
        return projection.rendered(plaintexts: plaintexts)
    }

    @Test("Shares only the fields it names; id and TLP always travel")
    func fields() throws {
        let projected = try render(Fixtures.agreement(fields: [.classification]))
        #expect(projected.classification?.type == "phishing")
        #expect(projected.tlp == .amber)
        #expect(projected.title == nil && projected.description == nil && projected.observables == nil)
        #expect(projected.producer == nil && projected.firstSeen == nil)
    }

    @Test("Drops personal data an agreement does not name")
    func dropsUnnamed() throws {
        let projected = try render(Fixtures.agreement(personalData: [:]))
        #expect(projected.observables?.map(\.kind) == [.url, .ipv4])
        #expect(projected.description?.contains("[redacted]") == true)
        #expect(projected.description?.contains("[[pd:") == false)
    }

    @Test("Masks e-mail to first letter and domain, phone to its last three digits")
    func masks() throws {
        let projected = try render(Fixtures.agreement(personalData: [.email: .mask, .phone: .mask]))
        #expect(projected.observables?[1].value == "a***@example.rs")
        #expect(projected.observables?[2].value == "***567")
    }

    @Test("Pseudonyms are stable for one key and differ between keys")
    func pseudonyms() throws {
        let result = Fixtures.protected()
        let first = try render(Fixtures.agreement(), result).observables?[1].value
        let again = try render(Fixtures.agreement(), Fixtures.protected()).observables?[1].value
        let other = try render(Fixtures.agreement(key: Array(repeating: 9, count: 32)), result).observables?[1].value
        #expect(first == again)
        #expect(first != other)
        #expect(first?.hasPrefix("pseudonym:email:") == true)
    }

    @Test("Renders a token whose vault entry is gone as erased")
    func erased() throws {
        let result = Fixtures.protected()
        guard case .share(let projection) = Fixtures.agreement().decision(for: result.incident) else { return }
        let projected = projection.rendered(plaintexts: [:])
        #expect(projected.observables?[1].value == "[erased]")
    }

    @Test("Asks the vault only for tokens it will show")
    func needsPlaintext() throws {
        let result = Fixtures.protected()
        guard case .share(let projection) = Fixtures.agreement(personalData: [.phone: .mask]).decision(for: result.incident)
        else { return }
        #expect(projection.tokensNeedingPlaintext.map(\.kind) == [.phone])
    }
}
