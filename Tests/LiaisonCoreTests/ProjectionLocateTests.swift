import Foundation
import LiaisonCore
import Testing

/// A consumer names a value by where it saw it in its projection and as what; the projection
/// is rendered again, and only a value shown masked, pseudonymised or generalised is found.
@Suite struct ProjectionLocateTests {
    let protected = Fixtures.protected()

    func vault(_ result: IncidentProtector.Result, without kinds: Set<PersonalDataKind> = []) -> [Token: VaultValue] {
        Dictionary(uniqueKeysWithValues: result.vault.filter { !kinds.contains($0.token.kind) }.map {
            ($0.token, VaultValue(plaintext: $0.plaintext, role: $0.role))
        })
    }

    func shown(_ projection: Projection, _ vault: [Token: VaultValue]) -> ProjectedIncident {
        projection.rendering(vault: vault).projected
    }

    @Test("An observable's pointer and rendered value find its token and what the agreement made of it")
    func observable() throws {
        let projection = Projection(incident: protected.incident, agreement: Fixtures.agreement())
        let vault = vault(protected)
        let observables = try #require(shown(projection, vault).observables)
        let email = try #require(observables.firstIndex { $0.kind == .email })
        let found = try projection.locate(pointer: "/observables/\(email)/value", shown: observables[email].value, vault: vault).get()
        #expect(found.token.kind == .email && found.rendering == .pseudonymise)
        #expect(protected.vault.first { $0.token == found.token }?.plaintext.contains("ana.markovic") == true)
    }

    @Test("A masked value in free text is found by its rendering; the same value twice is one token")
    func freeText() throws {
        let projection = Projection(incident: protected.incident, agreement: Fixtures.agreement())
        let found = try projection.locate(pointer: "/description", shown: "***567", vault: vault(protected)).get()
        #expect(found.token.kind == .phone && found.rendering == .mask)
        let description = try #require(shown(projection, vault(protected)).description)
        let pseudonym = try #require(description.split(separator: " ").first { $0.hasPrefix("pseudonym:email:") })
        let email = try projection.locate(pointer: "/description", shown: String(pseudonym), vault: vault(protected)).get()
        #expect(email.token.kind == .email && email.rendering == .pseudonymise)
    }

    @Test(
        "Places that hold no value the consumer may ask for are refused with the reason",
        arguments: [
            ("/observables/0/value", "https://bank-login.example.net/", LocateFailure.notPersonalData),
            ("/observables/1/value", "pseudonym:email:0000000000000000", .notShownThere),
            ("/observables/9/value", "***567", .noSuchPlace),
            ("/observables/01/value", "***567", .noSuchPlace),
            ("/observables/-1/value", "***567", .noSuchPlace),
            ("/producer", "cert", .noSuchPlace),
            ("description", "***567", .noSuchPlace),
            ("/description", "***999", .notShownThere),
            ("/description", "Victim", .notPersonalData),
        ])
    func refusals(pointer: String, text: String, failure: LocateFailure) {
        let projection = Projection(incident: protected.incident, agreement: Fixtures.agreement())
        #expect(projection.locate(pointer: pointer, shown: text, vault: vault(protected)) == .failure(failure))
    }

    @Test("A field the agreement does not share is no place to ask about")
    func unsharedField() {
        let projection = Projection(incident: protected.incident, agreement: Fixtures.agreement(fields: [.title, .observables]))
        #expect(projection.locate(pointer: "/description", shown: "***567", vault: vault(protected)) == .failure(.noSuchPlace))
    }

    @Test("A value shown in plaintext is not asked for; an erased one says so")
    func revealedAndErased() throws {
        var revealing = Fixtures.agreement(personalData: [.email: .pseudonymise, .phone: .reveal])
        revealing.legalBasis = "MoU art. 7"
        let shownPhone = "+381641234567"
        let revealed = Projection(incident: protected.incident, agreement: revealing)
        let phoneIndex = try #require(shown(revealed, vault(protected)).observables?.firstIndex { $0.kind == .phone })
        #expect(revealed.locate(pointer: "/observables/\(phoneIndex)/value", shown: shownPhone, vault: vault(protected)) == .failure(.revealed))

        let projection = Projection(incident: protected.incident, agreement: Fixtures.agreement())
        let erasedVault = vault(protected, without: [.phone])
        let observables = try #require(shown(projection, erasedVault).observables)
        let index = try #require(observables.firstIndex { $0.kind == .phone })
        #expect(observables[index].value == "[erased]")
        let phoneToken = try #require(protected.vault.first { $0.token.kind == .phone }?.token)
        #expect(projection.locate(pointer: "/observables/\(index)/value", shown: "[erased]", vault: erasedVault) == .failure(.erased(phoneToken)))
        #expect(projection.locate(pointer: "/description", shown: "[erased]", vault: erasedVault) == .failure(.erased(phoneToken)))
    }

    @Test("Two different values rendered alike in free text are ambiguous; dropped observables do not shift the pointer")
    func ambiguousAndDropped() throws {
        let first = Token(kind: .phone, id: "00000000000000a1"), second = Token(kind: .phone, id: "00000000000000b2")
        let card = Token(kind: .paymentCard, id: "00000000000000c3")
        let incident = Incident(
            id: UUID(), producer: "cert", receivedAt: Date(), classification: Classification(taxonomy: "fraud", type: "phishing")!,
            tlp: .amber, title: "Calls", description: "From \(first.text) and \(second.text)", firstSeen: nil, lastSeen: nil,
            observables: [Observable(kind: .paymentCard, value: card.text, role: .victim), Observable(kind: .phone, value: second.text, role: .victim)],
            redactions: [])
        let vault: [Token: VaultValue] = [
            first: VaultValue(plaintext: "+381641110567", role: .victim), second: VaultValue(plaintext: "+381652220567", role: .victim),
            card: VaultValue(plaintext: "4111111111111111", role: .victim),
        ]
        let projection = Projection(incident: incident, agreement: Fixtures.agreement(personalData: [.phone: .mask]))
        #expect(projection.locate(pointer: "/description", shown: "***567", vault: vault) == .failure(.ambiguous))
        // The card is dropped, so the phone is the first observable the consumer saw.
        let found = try projection.locate(pointer: "/observables/0/value", shown: "***567", vault: vault).get()
        #expect(found.token == second)
        #expect(projection.locate(pointer: "/description", shown: "[redacted]", vault: vault) == .failure(.notShownThere))
    }
}
