import Foundation
import LiaisonCore
import LiaisonTestTools
import Testing

/// STIX 2.1 bundles rendered from projections: valid for the OASIS validator in strict mode
/// (the pinned PyPI `stix2-validator` in the Python environment `deploy/local/test` makes),
/// deterministic, and never carrying what the agreement withholds.
@Suite(.timeLimit(.minutes(5))) struct STIXExportTests {

    static let draft = IncidentDraft(
        naturalKey: "stix:1",
        classification: Classification(taxonomy: "fraud", type: "phishing")!,
        tlp: .amber,
        title: "Phishing of bank customers",
        description: "Victim ana.markovic@example.rs was called from +381 64 123 4567 by the offender.",
        firstSeen: Date(timeIntervalSince1970: 1_780_000_000), lastSeen: Date(timeIntervalSince1970: 1_780_003_600),
        observables: [
            Observable(kind: .url, value: "https://bank-login.example.net/verify?id=7", role: .offender),
            Observable(kind: .domain, value: "bank-login.example.net", role: .offender),
            Observable(kind: .email, value: "ana.markovic@example.rs", role: .victim),
            Observable(kind: .email, value: "payouts@mule-mail.example.com", role: .offender),
            Observable(kind: .phone, value: "+381 64 123 4567", role: .victim),
            Observable(kind: .ipv4, value: "203.0.113.7", role: .offender),
            Observable(kind: .ipv6, value: "2001:db8:85a3::8a2e:370:7334", role: .offender),
            Observable(kind: .ipv4, value: "198.51.100.23", role: .victim),
            Observable(kind: .ipv6, value: "2001:db8:1::23", role: .victim),
            Observable(kind: .iban, value: "RS35260005601001611379", role: .offender),
            Observable(kind: .hashSHA256, value: String(repeating: "ab", count: 32), role: .offender),
            Observable(kind: .asn, value: "AS64500", role: .infrastructure),
            Observable(kind: .userAccount, value: "ana.m", role: .victim),
        ])

    static func protected(id: UUID = UUID(uuidString: "6f1c4c1e-7a53-4f0e-9f7e-0d3c9b2a1e55")!) -> IncidentProtector.Result {
        IncidentProtector().protect(draft, id: id, producer: "cert-rs", receivedAt: Date(timeIntervalSince1970: 1_780_000_100))
    }

    static func vault(_ result: IncidentProtector.Result) -> [Token: VaultValue] {
        Dictionary(uniqueKeysWithValues: result.vault.map { ($0.token, VaultValue(plaintext: $0.plaintext, role: $0.role)) })
    }

    static func agreement(
        _ action: RenderAction, fields: Set<IncidentField> = Set(IncidentField.allCases), iep: IEPPolicy? = nil
    ) -> Agreement {
        var agreement = Agreement(
            id: "cert-rs-to-police", producer: "cert-rs", consumer: "police", legalBasis: action == .reveal ? "MoU art. 5" : nil,
            match: .init(taxonomies: ["fraud"], maxTLP: .red), fields: fields,
            personalData: Dictionary(uniqueKeysWithValues: PersonalDataKind.allCases.map { ($0, action) }),
            pseudonymKey: Secret(bytes: Array(repeating: 9, count: 32)), webhook: nil)
        agreement.iep = iep
        return agreement
    }

    static func bundle(
        _ agreement: Agreement, result: IncidentProtector.Result = protected(), vault: [Token: VaultValue]? = nil,
        tlp: TLP = .amber, version: Int = 1, modified: Date = Date(timeIntervalSince1970: 1_780_000_100)
    ) -> STIXBundle {
        var incident = result.incident
        incident.tlp = tlp
        return Projection(incident: incident, agreement: agreement).stixBundle(
            vault: vault ?? Self.vault(result), version: version, modified: modified, agreementVersion: agreement.versionHash)
    }

    static func objects(_ bundle: STIXBundle) -> [[String: JSONValue]] {
        guard case .object(let members) = bundle.document, case .array(let objects)? = members["objects"] else { return [] }
        return objects.compactMap { if case .object(let object) = $0 { object } else { nil } }
    }

    static func text(_ bundle: STIXBundle) -> String { String(decoding: bundle.bytes, as: UTF8.self) }

    /// A varied set: every personal-data action, mixed roles, an erased vault entry, every
    /// TLP label, with and without an IEP policy and attribution, few fields and all.
    static func variedBundles() -> [(String, STIXBundle)] {
        var bundles: [(String, STIXBundle)] = []
        var policy = IEPPolicy()
        policy.name = "CERT to police"
        policy.tlp = .amber
        policy.attribution = .must
        policy.permittedActions = .internallyVisibleActions
        policy.startDate = Date(timeIntervalSince1970: 1_770_000_000)
        for action in RenderAction.allCases {
            bundles.append(("action-\(action.rawValue)", bundle(agreement(action, iep: policy))))
        }
        var mixed = agreement(.generalise)
        mixed.personalData[.phone] = .mask
        mixed.personalData[.iban] = .pseudonymise
        mixed.personalDataByRole = [.email: [.offender: .reveal, .victim: .pseudonymise], .ipv4: [.offender: .reveal]]
        mixed.legalBasis = "MoU art. 5"
        bundles.append(("mixed-roles", bundle(mixed)))
        var erased = vault(protected())
        for token in erased.keys where token.kind == .email || token.kind == .ipv4 { erased[token] = nil }
        bundles.append(("erased", bundle(agreement(.reveal), vault: erased)))
        var hidden = policy
        hidden.attribution = .mustNot
        bundles.append(("attribution-must-not", bundle(agreement(.reveal, iep: hidden))))
        bundles.append(("few-fields", bundle(agreement(.reveal, fields: [.classification]))))
        for tlp in TLP.allCases {
            bundles.append(("tlp-\(tlp.rawValue.dropFirst(4).lowercased())", bundle(agreement(.mask), tlp: tlp)))
        }
        bundles.append(("malformed-values", Projection(incident: malformed, agreement: agreement(.reveal)).stixBundle(
            vault: [:], version: 1, modified: malformed.receivedAt, agreementVersion: "0")))
        bundles.append(("version-2", bundle(agreement(.pseudonymise, iep: policy), version: 2, modified: Date(timeIntervalSince1970: 1_780_090_000))))
        return bundles
    }

    /// Values no SCO may hold, kept plain (none is personal data): each must go to the extension.
    static let malformed = Incident(
        id: UUID(uuidString: "11111111-2222-4333-8444-555555555555")!, producer: "cert-rs", receivedAt: Date(timeIntervalSince1970: 1_780_000_000),
        classification: Classification(taxonomy: "malicious-code", type: "c2-server")!, tlp: .green, title: "C2", description: "",
        firstSeen: nil, lastSeen: nil,
        observables: [
            Observable(kind: .ipv4, value: "203.0.113.300", role: .offender),
            Observable(kind: .ipv4, value: "203.0.113.07", role: .offender),
            Observable(kind: .ipv6, value: "2001:db8::1::2", role: .offender),
            Observable(kind: .domain, value: "-bad-.example", role: .offender),
            Observable(kind: .domain, value: "localhost", role: .offender),
            Observable(kind: .url, value: "bank-login.example.net/no-scheme", role: .offender),
            Observable(kind: .url, value: "https://example.net/a b", role: .offender),
            Observable(kind: .hashSHA256, value: "not-a-digest", role: .offender),
            Observable(kind: .asn, value: "AS-ONE", role: .infrastructure),
            Observable(kind: .ipv4, value: "192.0.2.1", role: .offender),
        ],
        redactions: [])

    @Test("A value that is no valid SCO value goes to the extension, never into an SCO")
    func malformedValuesStayOut() throws {
        let objects = Self.objects(Projection(incident: Self.malformed, agreement: Self.agreement(.reveal)).stixBundle(
            vault: [:], version: 1, modified: Self.malformed.receivedAt, agreementVersion: "0"))
        let scos = objects.filter { $0["type"] != nil && $0["created"] == nil }
        #expect(scos.count == 1)
        #expect(scos.first?["value"] == .string("192.0.2.1"))
        let incident = try #require(objects.first { $0["type"] == .string("incident") })
        guard case .object(let extensions)? = incident["extensions"], case .object(let ours)? = extensions[STIXBundle.extensionID],
            case .array(let entries)? = ours["observables"]
        else {
            Issue.record("no observables in the extension")
            return
        }
        #expect(entries.count == 9)
    }

    @Test("Every bundle passes the OASIS stix2-validator in strict mode, with no warnings")
    func bundlesValidate() throws {
        try #require(STIXValidator.missing == nil, "\(STIXValidator.missing ?? "")")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-stix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundles = Self.variedBundles()
        for (name, bundle) in bundles {
            try Data(bundle.bytes).write(to: directory.appendingPathComponent("\(name).json"))
        }
        let (status, output) = try STIXValidator.run(directory)
        #expect(status == 0, "\(output)")
        #expect(!output.contains("[!]") && !output.contains("[X]"), "\(output)")
        #expect(output.components(separatedBy: "STIX JSON: Valid").count - 1 == bundles.count, "\(output)")
    }

    @Test("The validator refuses a bundle with a warning (a UUIDv5 incident id), so a pass means something")
    func validatorRefuses() throws {
        try #require(STIXValidator.missing == nil, "\(STIXValidator.missing ?? "")")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-stix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var objects = Self.objects(Self.bundle(Self.agreement(.reveal)))
        let index = try #require(objects.firstIndex { $0["type"] == .string("incident") })
        objects[index]["id"] = .string("incident--6f1c4c1e-7a53-5f0e-9f7e-0d3c9b2a1e55")
        let broken = JSONValue.object([
            "type": "bundle", "id": "bundle--6f1c4c1e-7a53-4f0e-9f7e-0d3c9b2a1e55", "objects": .array(objects.map(JSONValue.object)),
        ])
        try Data(broken.canonicalBytes).write(to: directory.appendingPathComponent("broken.json"))
        let (status, _) = try STIXValidator.run(directory)
        #expect(status != 0)
    }

    @Test("Every Liaison extension in those bundles matches schemas/stix-liaison-extension.schema.json")
    func extensionMatchesItsSchema() throws {
        try #require(TestPython.missing("python") == nil, "\(TestPython.missing("python") ?? "")")
        var payloads: [JSONValue] = []
        for (_, bundle) in Self.variedBundles() {
            for object in Self.objects(bundle) {
                if case .object(let extensions)? = object["extensions"], let ours = extensions[STIXBundle.extensionID] {
                    payloads.append(ours)
                }
            }
        }
        #expect(payloads.count > 40)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-stix-extensions-\(UUID().uuidString).json")
        try Data(JSONValue.array(payloads).canonicalBytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            validator = Draft202012Validator(json.load(open(sys.argv[1])), format_checker=Draft202012Validator.FORMAT_CHECKER)
            failed = 0
            for index, payload in enumerate(json.load(open(sys.argv[2]))):
                for error in validator.iter_errors(payload):
                    print(index, "/".join(map(str, error.absolute_path)), error.message)
                    failed = 1
            sys.exit(failed)
            """
        let (status, text) = try TestPython.run(
            "python", ["-c", script, TestPython.root.appendingPathComponent("schemas/stix-liaison-extension.schema.json").path, file.path])
        #expect(status == 0, "\(text)")
    }

    @Test("The same disclosed version gives the same ids and bytes; a new version a new modified")
    func determinism() throws {
        let agreement = Self.agreement(.pseudonymise)
        let first = Self.bundle(agreement), again = Self.bundle(agreement)
        #expect(first.bytes == again.bytes)
        let later = Date(timeIntervalSince1970: 1_780_090_000)
        let second = Self.bundle(agreement, version: 2, modified: later)
        func incident(_ bundle: STIXBundle) throws -> [String: JSONValue] {
            try #require(Self.objects(bundle).first { $0["type"] == .string("incident") })
        }
        #expect(try incident(first)["id"] == incident(second)["id"])
        #expect(try incident(first)["created"] == incident(second)["created"])
        #expect(try incident(first)["modified"] != incident(second)["modified"])
        #expect(try incident(second)["modified"] == .string(RFC3339.string(from: later)))
        guard case .object(let one) = first.document, case .object(let two) = second.document else { return }
        #expect(one["id"] != two["id"])
        // Another incident gives other ids, the same value the same SCO id (STIX 2.1 §2.9).
        let other = Self.bundle(agreement, result: Self.protected(id: UUID(uuidString: "0a3e1f7c-2b4d-4c6e-8f10-123456789abc")!))
        #expect(try incident(other)["id"] != incident(first)["id"])
        let urls = { (bundle: STIXBundle) in Self.objects(bundle).filter { $0["type"] == .string("url") }.map { $0["id"] } }
        #expect(!urls(first).isEmpty && urls(first) == urls(other))
    }

    @Test("IEP attribution must-not keeps the producer out even when the agreement shares it")
    func attributionMustNot() {
        var policy = IEPPolicy()
        policy.attribution = .mustNot
        let bundle = Self.bundle(Self.agreement(.reveal, fields: Set(IncidentField.allCases), iep: policy))
        let objects = Self.objects(bundle)
        #expect(!objects.contains { $0["type"] == .string("identity") && $0["name"] == .string("cert-rs") })
        #expect(objects.filter { $0["type"] == .string("identity") }.count == 1)
        #expect(!Self.text(bundle).contains("cert-rs\""))
        #expect(!objects.contains { $0["where_sighted_refs"] != nil })

        let attributed = Self.objects(Self.bundle(Self.agreement(.reveal)))
        #expect(attributed.contains { $0["type"] == .string("identity") && $0["name"] == .string("cert-rs") })
    }

    @Test("Masked, pseudonymised and dropped values leave no plaintext in the bundle", arguments: [RenderAction.mask, .pseudonymise, .drop])
    func noPlaintext(action: RenderAction) {
        let result = Self.protected()
        #expect(result.vault.count >= 5)
        let text = Self.text(Self.bundle(Self.agreement(action), result: result)).lowercased()
        for item in result.vault {
            #expect(!text.contains(item.plaintext.lowercased()), "a \(item.token.kind.rawValue) value leaked under \(action.rawValue)")
        }
    }

    @Test("Pseudonyms and masks travel in the Liaison extension, never as an SCO")
    func pseudonymsStayInTheExtension() throws {
        for action in [RenderAction.pseudonymise, .mask] {
            let objects = Self.objects(Self.bundle(Self.agreement(action)))
            let types = Set(objects.compactMap { if case .string(let type)? = $0["type"] { type } else { nil } })
            #expect(!types.contains("email-addr"))
            // The victim's addresses are personal data; the offender's travel as indicators.
            let values = Set(objects.compactMap { if case .string(let value)? = $0["value"] { value } else { nil } })
            #expect(values.isDisjoint(with: ["198.51.100.23", "2001:db8:1::23"]))
            #expect(values.isSuperset(of: ["203.0.113.7", "2001:db8:85a3::8a2e:370:7334"]))
            let incident = try #require(objects.first { $0["type"] == .string("incident") })
            guard case .object(let extensions)? = incident["extensions"], case .object(let ours)? = extensions[STIXBundle.extensionID],
                case .array(let entries)? = ours["observables"]
            else {
                Issue.record("no observables in the extension")
                continue
            }
            let renderings = entries.compactMap { entry -> String? in
                guard case .object(let fields) = entry, case .string(let rendering)? = fields["rendering"] else { return nil }
                return rendering
            }
            #expect(renderings.contains(action.rawValue))
            #expect(ours["rsit"] == .object(["taxonomy": "fraud", "type": "phishing"]))
            #expect(ours["offences"] == ["art-7-computer-related-forgery", "art-8-computer-related-fraud"])
        }
        // Revealed values and generalised networks are real values: SCOs with a role each.
        let revealed = Self.objects(Self.bundle(Self.agreement(.reveal)))
        let emails = revealed.filter { $0["type"] == .string("email-addr") }
        #expect(emails.count == 2)
        let roles = revealed.compactMap { object -> String? in
            guard object["type"] == .string("relationship"), case .object(let extensions)? = object["extensions"],
                case .object(let ours)? = extensions[STIXBundle.extensionID], case .string(let role)? = ours["observable_role"]
            else { return nil }
            return role
        }
        #expect(Set(roles) == ["offender", "victim", "infrastructure"])
        let generalised = Self.objects(Self.bundle(Self.agreement(.generalise)))
        #expect(generalised.contains { $0["type"] == .string("ipv4-addr") && $0["value"] == .string("198.51.100.0/24") })
        #expect(generalised.contains { $0["type"] == .string("ipv6-addr") && $0["value"] == .string("2001:db8:1::/48") })
    }

    @Test("The TLP label is the official TLP 2.0 marking-definition, on every data object")
    func tlpMarking() {
        for tlp in TLP.allCases {
            let objects = Self.objects(Self.bundle(Self.agreement(.mask), tlp: tlp))
            let id = STIXBundle.markingID(of: tlp)
            #expect(objects.contains { $0["id"] == .string(id) && $0["type"] == .string("marking-definition") })
            for object in objects where [JSONValue.string("incident"), "relationship", "sighting", "url"].contains(object["type"] ?? .null) {
                guard case .array(let refs)? = object["object_marking_refs"] else {
                    Issue.record("unmarked object")
                    continue
                }
                #expect(refs.contains(.string(id)))
            }
        }
    }
}

@Suite struct WebhookPayloadFormatTests {
    @Test("The default JSON format leaves the document, and so existing version hashes, unchanged")
    func defaultFormatNotWritten() throws {
        var agreement = Fixtures.agreement()
        agreement.webhook = Agreement.Webhook(url: "https://police.example/hook", secret: Secret(bytes: Array(repeating: 9, count: 32)))
        guard case .object(let members) = agreement.document, case .object(let hook)? = members["webhook"] else {
            Issue.record("no webhook in the document")
            return
        }
        #expect(Set(hook.keys) == ["url", "secret"])
        let before = agreement.versionHash
        var stix = agreement
        stix.webhook?.format = .stix
        #expect(stix.versionHash != before)
        let read = try Agreement(document: stix.document, secrets: stix.secrets)
        #expect(read.webhook?.format == .stix)
        #expect(read.versionHash == stix.versionHash)
        #expect(try Agreement(document: agreement.document, secrets: agreement.secrets).webhook?.format == .json)
    }
}
