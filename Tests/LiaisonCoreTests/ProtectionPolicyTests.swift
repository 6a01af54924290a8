import Foundation
import LiaisonCore
import Testing

@Suite struct ProtectionPolicyTests {
    func protect(_ observables: [Observable], description: String = "", policy: ProtectionPolicy = .standard) -> IncidentProtector.Result {
        let draft = IncidentDraft(
            naturalKey: "k", classification: .undetermined, tlp: .green, title: "t", description: description,
            firstSeen: nil, lastSeen: nil, observables: observables)
        return IncidentProtector(policy: policy).protect(draft, id: UUID(), producer: "cert", receivedAt: Date())
    }

    @Test("Victim and unknown addresses are personal data; the offender's and infrastructure are shared as indicators", arguments: [
        (ObservableRole.victim, true), (.unknown, true), (.offender, false), (.infrastructure, false),
    ])
    func ipByRole(role: ObservableRole, personal: Bool) {
        let result = protect([Observable(kind: .ipv4, value: "198.51.100.7", role: role)])
        #expect((Token(text: result.incident.observables[0].value) != nil) == personal)
        #expect(result.vault.count == (personal ? 1 : 0))
    }

    @Test("A victim's account name is personal data; an offender's account travels as an indicator", arguments: [
        (ObservableRole.victim, true), (.unknown, true), (.offender, false), (.infrastructure, false),
    ])
    func accountByRole(role: ObservableRole, personal: Bool) {
        let result = protect([Observable(kind: .userAccount, value: "jovana88", role: role)])
        #expect((Token(text: result.incident.observables[0].value) != nil) == personal)
        #expect(result.vault.map(\.plaintext) == (personal ? ["jovana88"] : []))
    }

    @Test("E-mail, phone and IBAN are personal data whatever the role")
    func alwaysPersonal() {
        let result = protect([
            Observable(kind: .email, value: "fraudster@example.org", role: .offender),
            Observable(kind: .phone, value: "+90 532 123 45 67", role: .offender),
            Observable(kind: .iban, value: "RS35 2600 0560 1001 6113 79", role: .infrastructure),
        ])
        #expect(result.incident.observables.allSatisfy { Token(text: $0.value) != nil })
        #expect(result.vault.map(\.plaintext).sorted() == ["+905321234567", "RS35260005601001611379", "fraudster@example.org"])
    }

    @Test("A URL keeps its value but loses the personal data inside it")
    func urlWithEmail() throws {
        let result = protect([Observable(kind: .url, value: "https://evil.example/track?u=ana.markovic@example.rs&x=1", role: .offender)])
        let value = result.incident.observables[0].value
        #expect(value.hasPrefix("https://evil.example/track?u=[[pd:email:"))
        #expect(!value.contains("markovic"))
        #expect(result.vault.first?.role == .offender)
    }

    @Test("An operator's policy can make offender addresses personal too")
    func configurable() {
        var policy = ProtectionPolicy.standard
        policy.personalRoles[.ipv4] = Set(ObservableRole.allCases)
        let result = protect([Observable(kind: .ipv4, value: "203.0.113.9", role: .offender)], policy: policy)
        #expect(result.vault.count == 1)
    }
}

@Suite struct RenderActionTests {
    func render(_ kind: ObservableKind, _ value: String, _ action: RenderAction) throws -> String? {
        let draft = IncidentDraft(
            naturalKey: "k", classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .green, title: "t",
            description: "", firstSeen: nil, lastSeen: nil, observables: [Observable(kind: kind, value: value, role: .victim)])
        let result = IncidentProtector().protect(draft, id: UUID(), producer: "cert", receivedAt: Date())
        let pd = try #require(kind.personalDataKind)
        let agreement = Agreement(
            id: "a", producer: "cert", consumer: "police", legalBasis: "Art. 4", match: .init(taxonomies: ["fraud"], maxTLP: .red),
            fields: [.observables], personalData: [pd: action], pseudonymKey: Secret(bytes: Array(repeating: 1, count: 32)),
            webhook: nil)
        guard case .share(let projection) = agreement.decision(for: result.incident) else { return nil }
        let plaintexts = Dictionary(uniqueKeysWithValues: result.vault.map { ($0.token, $0.plaintext) })
        return projection.rendered(plaintexts: plaintexts).observables?.first?.value
    }

    @Test("Generalises each kind to what still serves an investigation", arguments: [
        (ObservableKind.ipv4, "198.51.100.77", "198.51.100.0/24"),
        (.ipv6, "2001:db8:abcd:12::1", "2001:db8:abcd::/48"),
        (.ipv6, "2001:db8::1", "2001:db8:0::/48"),
        (.email, "ana@example.rs", "*@example.rs"),
        (.iban, "RS35260005601001611379", "RS"),
        (.cryptoWallet, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bitcoin"),
        (.cryptoWallet, "0x52908400098527886E0F7030069857D2E4169EE7", "ethereum"),
    ])
    func generalise(kind: ObservableKind, value: String, expected: String) throws {
        #expect(try render(kind, value, .generalise) == expected)
    }

    @Test("Masks each kind to a recognisable fragment", arguments: [
        (ObservableKind.email, "ana@example.rs", "a***@example.rs"),
        (.phone, "+381 64 123 4567", "***567"),
        (.iban, "RS35 2600 0560 1001 6113 79", "RS***1379"),
    ])
    func mask(kind: ObservableKind, value: String, expected: String) throws {
        #expect(try render(kind, value, .mask) == expected)
    }

    @Test("Reveals the normalised value and reports it for the audit trail")
    func reveal() throws {
        #expect(try render(.phone, "+381 64 123 4567", .reveal) == "+381641234567")
    }
}

@Suite struct RenderingLeakTests {
    static let samples: [(ObservableKind, String)] = [
        (.email, "marija.nikolic@example.mk"), (.phone, "+389 70 123 456"), (.iban, "AL47 2121 1009 0000 0002 3569 8741"),
        (.paymentCard, "4111 1111 1111 1111"), (.nationalID, "0101990710008"), (.person, "Marija Nikolić"),
        (.ipv4, "198.51.100.23"), (.ipv6, "2001:db8:85a3::8a2e:370:7334"),
        (.cryptoWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
    ]

    @Test("No action but reveal lets a victim's value through, for any kind", arguments: [RenderAction.drop, .mask, .pseudonymise, .generalise])
    func noLeak(action: RenderAction) throws {
        for (kind, value) in Self.samples {
            let personalKind = try #require(kind.personalDataKind)
            if action == .generalise, !RenderAction.generalisable.contains(personalKind) { continue }
            let draft = IncidentDraft(
                naturalKey: "k", classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .green, title: "t",
                description: "see \(value) here", firstSeen: nil, lastSeen: nil, observables: [Observable(kind: kind, value: value, role: .victim)])
            let result = IncidentProtector().protect(draft, id: UUID(), producer: "cert", receivedAt: Date())
            let agreement = Agreement(
                id: "a", producer: "cert", consumer: "police", match: .init(taxonomies: ["fraud"], maxTLP: .red),
                fields: Set(IncidentField.allCases), personalData: [personalKind: action],
                pseudonymKey: Secret(bytes: Array(repeating: 1, count: 32)), webhook: nil)
            guard case .share(let projection) = agreement.decision(for: result.incident) else { throw CancellationError() }
            let plaintexts = Dictionary(uniqueKeysWithValues: result.vault.map { ($0.token, $0.plaintext) })
            let json = String(decoding: try CanonicalJSON.encode(projection.rendered(plaintexts: plaintexts)), as: UTF8.self)
            let normalised = PersonalDataNormaliser.normalise(value, as: personalKind)
            #expect(!json.contains(value) && !json.contains(normalised), "\(kind.rawValue) leaks under \(action.rawValue)")
            #expect(projection.revealedTokens(plaintexts: plaintexts).isEmpty)
        }
    }
}

@Suite struct RoleActionTests {
    @Test("An agreement can treat one kind differently by role: the offender's address revealed, the victim's masked")
    func byRole() throws {
        let draft = IncidentDraft(
            naturalKey: "k", classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .green, title: "t",
            description: "", firstSeen: nil, lastSeen: nil,
            observables: [
                Observable(kind: .email, value: "scammer@example.org", role: .offender),
                Observable(kind: .email, value: "victim@example.rs", role: .victim),
                Observable(kind: .email, value: "bystander@example.rs", role: .unknown),
            ])
        let result = IncidentProtector().protect(draft, id: UUID(), producer: "cert", receivedAt: Date())
        var agreement = Agreement(
            id: "a", producer: "cert", consumer: "police", legalBasis: "Art. 4", match: .init(taxonomies: ["fraud"], maxTLP: .red),
            fields: [.observables], personalData: [:], pseudonymKey: nil, webhook: nil)
        agreement.personalDataByRole = [.email: [.offender: .reveal, .victim: .mask]]
        guard case .share(let projection) = agreement.decision(for: result.incident) else { throw CancellationError() }
        #expect(projection.tokensNeedingPlaintext.count == 3)
        let plaintexts = Dictionary(uniqueKeysWithValues: result.vault.map { ($0.token, $0.plaintext) })
        let roles = Dictionary(uniqueKeysWithValues: result.vault.map { ($0.token, $0.role) })
        let values = projection.rendered(plaintexts: plaintexts, roles: roles).observables?.map(\.value)
        #expect(values == ["scammer@example.org", "v***@example.rs"])
        #expect(projection.revealedTokens(plaintexts: plaintexts, roles: roles).map(\.kind) == [.email])
        #expect(result.incident.redactions.map(\.role) == [.offender, .victim, .unknown])
    }

    @Test("A batch's drafts come out as each would alone, repeated text included, each with its own tokens")
    func batchMatchesSingleDrafts() {
        // The same title and custody text in every draft (scanned once for the batch), a
        // description that differs, and a known value that appears only in the second title.
        let drafts = (0..<3).map { index in
            IncidentDraft(
                naturalKey: "k\(index)", classification: .undetermined, tlp: .green,
                title: "Phishing reported by ana@example.rs" + (index == 1 ? " for 203.0.113.9" : ""),
                description: "Victim \(index): marko\(index)@example.org", firstSeen: nil, lastSeen: nil,
                observables: [Observable(kind: .ipv4, value: "203.0.113.9", role: .victim)],
                custody: [
                    CustodyField(name: "note", content: .text("Forwarded by ana@example.rs")),
                    CustodyField(name: "to", content: .addressText("abuse@bank.internal")),
                ])
        }
        let protector = IncidentProtector()
        let batch = protector.protect(drafts, producer: "cert", receivedAt: Date(timeIntervalSince1970: 1_780_000_000))
        #expect(batch.count == 3)
        #expect(Set(batch.map(\.incident.id)).count == 3)
        for (draft, result) in zip(drafts, batch) {
            let alone = protector.protect(draft, id: result.incident.id, producer: "cert", receivedAt: result.incident.receivedAt)
            #expect(Token.labelled(result.incident.title) == Token.labelled(alone.incident.title))
            #expect(Token.labelled(result.incident.description) == Token.labelled(alone.incident.description))
            #expect(result.incident.custody.mapValues(Token.labelled) == alone.incident.custody.mapValues(Token.labelled))
            #expect(result.vault.map(\.plaintext) == alone.vault.map(\.plaintext))
            #expect(result.incident.redactions.map(\.field) == alone.incident.redactions.map(\.field))
            #expect(result.naturalKey == draft.naturalKey)
        }
        #expect(batch[0].vault.map(\.plaintext).contains("ana@example.rs"))
        #expect(!batch[0].incident.title.contains("ana@example.rs"))
        #expect(!batch[2].incident.custody["note", default: ""].contains("ana@example.rs"))
        // Tokens are never shared between incidents, even for text scanned once.
        let tokens = batch.map { Set($0.vault.map(\.token)) }
        #expect(tokens[0].isDisjoint(with: tokens[1]) && tokens[1].isDisjoint(with: tokens[2]))
    }
}
