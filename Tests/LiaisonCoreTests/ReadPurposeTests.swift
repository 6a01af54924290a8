import Foundation
import LiaisonCore
import Testing

@Suite struct ReadPurposeTests {
    @Test(
        "Reads case and basis, plain or quoted, in any order and name case",
        arguments: [
            ("case=KT-2026-114; basis=ZKP art. 286", "KT-2026-114", "ZKP art. 286"),
            ("case=KT-2026-114", "KT-2026-114", nil),
            ("  case = 2026/PU-77 ;\tbasis=Law on Police, art. 12  ", "2026/PU-77", "Law on Police, art. 12"),
            ("basis=\"Art. 8; para. 2\"; case=\"A \\\"quoted\\\" ref\"", "A \"quoted\" ref", "Art. 8; para. 2"),
            ("CASE=Prijava 17/2026; Basis=Zakon o policiji, čl. 12", "Prijava 17/2026", "Zakon o policiji, čl. 12"),
            ("case=a=b", "a=b", nil),
        ] as [(String, String, String?)])
    func reads(text: String, reference: String, basis: String?) throws {
        let purpose = try ReadPurpose(parsing: text)
        #expect(purpose.caseReference == reference)
        #expect(purpose.basis == basis)
    }

    @Test(
        "Refuses what breaks a rule, naming the rule",
        arguments: [
            ("", ReadPurpose.Malformed.caseMissing),
            ("   ", .caseMissing),
            ("basis=ZKP art. 286", .caseMissing),
            ("KT-2026-114", .syntax),
            ("case=KT-1;", .syntax),
            ("case=\"KT-1", .syntax),
            ("case=\"KT-1\" extra", .syntax),
            ("case=KT\"1", .syntax),
            ("case=KT\\1", .syntax),
            ("=KT-1", .syntax),
            ("ca se=KT-1", .syntax),
            ("case=KT-1; officer=Petra", .unknownParameter),
            ("case=KT-1; case=KT-2", .repeated),
            ("case=KT-1; basis=", .emptyValue),
            ("case=\"  \"", .emptyValue),
            ("case=" + String(repeating: "x", count: 129), .caseTooLong),
            ("case=KT-1; basis=" + String(repeating: "b", count: 513), .basisTooLong),
            ("case=" + String(repeating: "x", count: 2100), .tooLong),
            ("case=KT-1\u{0}", .controlCharacter),
            ("case=KT-1\r\nX-Other: 1", .controlCharacter),
            ("case=KT\u{202E}1-TK", .controlCharacter),
            ("case=KT\u{2028}1", .controlCharacter),
            ("case=KT\t1", .controlCharacter),
            ("case=\u{85}KT", .controlCharacter),
        ] as [(String, ReadPurpose.Malformed)])
    func refuses(text: String, rule: ReadPurpose.Malformed) {
        #expect(throws: rule) { try ReadPurpose(parsing: text) }
    }

    @Test("Bounds count characters, not bytes: 128 Cyrillic characters are a valid case")
    func boundsInCharacters() throws {
        let reference = String(repeating: "Ж", count: ReadPurpose.maxCaseLength)
        #expect(try ReadPurpose(parsing: "case=\(reference)").caseReference == reference)
        #expect(throws: ReadPurpose.Malformed.caseTooLong) { try ReadPurpose(parsing: "case=\(reference)Ж") }
    }

    @Test("The query form is the same text, percent-decoded")
    func queryForm() throws {
        let query = "case%3DKT-2026-114%3B%20basis%3DZKP%20art.%20286"
        let decoded = try #require(query.removingPercentEncoding)
        #expect(try ReadPurpose(parsing: decoded) == ReadPurpose(caseReference: "KT-2026-114", basis: "ZKP art. 286"))
    }

    @Test(
        "A read needs a purpose when the deciding version or the version in force requires one",
        arguments: [(true, true, true), (true, false, true), (false, true, true), (false, false, false)])
    func required(decided: Bool, inForce: Bool, expected: Bool) {
        var decidedUnder = Fixtures.agreement(), current = Fixtures.agreement()
        decidedUnder.requiresPurpose = decided
        current.requiresPurpose = inForce
        #expect(ReadPurpose.isRequired(decidedUnder: decidedUnder, inForce: current) == expected)
    }

    @Test("The ledger's purpose: the reader's, its basis defaulting to the agreement's; a push's is the agreement's")
    func disclosurePurpose() {
        var agreement = Fixtures.agreement()
        agreement.legalBasis = "MoU art. 4"
        agreement.purpose = "Investigation of computer-related fraud"
        #expect(DisclosurePurpose.read(ReadPurpose(caseReference: "KT-1"), under: agreement)
            == DisclosurePurpose(source: .request, caseReference: "KT-1", basis: "MoU art. 4"))
        #expect(DisclosurePurpose.read(ReadPurpose(caseReference: "KT-1", basis: "ZKP art. 286"), under: agreement).basis == "ZKP art. 286")
        #expect(DisclosurePurpose.read(nil, under: agreement) == DisclosurePurpose(source: .none))
        #expect(DisclosurePurpose.push(under: agreement)
            == DisclosurePurpose(source: .agreement, basis: "MoU art. 4", statement: "Investigation of computer-related fraud"))
    }
}

@Suite struct RequirePurposeDocumentTests {
    @Test("require_purpose defaults to true and is written only when false, so earlier versions keep their hash")
    func document() throws {
        let agreement = Fixtures.agreement()
        #expect(agreement.requiresPurpose)
        guard case .object(let members) = agreement.document else { throw CancellationError() }
        #expect(members["require_purpose"] == nil)
        var relaxed = agreement
        relaxed.requiresPurpose = false
        guard case .object(let relaxedMembers) = relaxed.document else { throw CancellationError() }
        #expect(relaxedMembers["require_purpose"] == .bool(false))
        #expect(relaxed.versionHash != agreement.versionHash)
        let secrets = relaxed.secrets
        #expect(try Agreement(document: relaxed.document, secrets: secrets).requiresPurpose == false)
        #expect(try Agreement(document: agreement.document, secrets: secrets).requiresPurpose)
        var wrong = relaxedMembers
        wrong["require_purpose"] = .string("no")
        #expect(throws: AgreementDocumentError.malformed) { try Agreement(document: .object(wrong), secrets: secrets) }
    }
}

@Suite struct ValueRenderingTests {
    let result = Fixtures.protected()
    var email: VaultItem { result.vault.first { $0.token.kind == .email }! }
    let disclosedAt = Date(timeIntervalSince1970: 1_780_000_200)

    @Test("Renders a value as the agreement version did: its action, not-shared, drop, or erased when erased before")
    func renderings() {
        let projection = Projection(incident: result.incident, agreement: Fixtures.agreement())
        #expect(projection.rendering(of: email.token, role: email.role, disclosedAt: disclosedAt, erasedAt: nil) == .pseudonymise)
        #expect(projection.rendering(of: email.token, role: email.role, disclosedAt: disclosedAt, erasedAt: disclosedAt.addingTimeInterval(60))
            == .pseudonymise)
        #expect(projection.rendering(of: email.token, role: email.role, disclosedAt: disclosedAt, erasedAt: disclosedAt.addingTimeInterval(-60))
            == .erased)
        let classificationOnly = Projection(incident: result.incident, agreement: Fixtures.agreement(fields: [.classification]))
        #expect(classificationOnly.rendering(of: email.token, role: email.role, disclosedAt: disclosedAt, erasedAt: nil) == .notShared)
        let dropping = Projection(incident: result.incident, agreement: Fixtures.agreement(personalData: [:]))
        #expect(dropping.rendering(of: email.token, role: email.role, disclosedAt: disclosedAt, erasedAt: nil) == .drop)
        #expect(!ValueRendering.drop.showsValue && ValueRendering.mask.showsValue && !ValueRendering.erased.showsValue)
    }
}
