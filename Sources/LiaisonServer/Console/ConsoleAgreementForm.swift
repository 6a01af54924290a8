import Foundation
import LiaisonCore
import Yams

/// The console editor's form: the common parts of an agreement document as form fields and
/// the rest as YAML. Each key lives in one place: a key the form holds may not be repeated in
/// the YAML (a `share.personal_data` kind left "not named" in the form may be set there, for
/// rules per role). Secrets are never shown: a new version takes the webhook secret and the
/// pseudonym key again, or keeps those of the version it started from. ``members()`` gives the JSON document the admin API takes, which the
/// console validates through ``AdminAgreementsController/document(from:at:_:)``.
struct ConsoleAgreementForm {
    var id = "", producer = "", consumer = "", title = ""
    var taxonomies: Set<String> = [], offences: Set<String> = [], fields: Set<String> = []
    var maxTLP = ""
    /// Kind → action; a kind not here is not named by the form.
    var personalData: [String: String] = [:]
    var webhookURL = "", validFrom = "", validUntil = ""
    /// IEP choice → value; a choice not here is not set.
    var iep: [String: String] = [:]
    var contacts: [[String: String]] = []
    /// The rest of the document, as YAML.
    var rest = ""
    var webhookSecret = "", pseudonymKey = ""
    /// A new version's: the version the editor started from, and whether its webhook secret and
    /// pseudonym key are kept where the form leaves them empty.
    var base: Int?
    var keepSecrets = false

    static let maxTLPs = TLP.allCases.map { $0.rawValue.lowercased().replacingOccurrences(of: "tlp:", with: "") }
    static let iepChoices: [(key: String, label: String, values: [String])] = [
        ("encrypt_in_transit", "Encrypt in transit", IEPPolicy.Requirement.allCases.map(\.rawValue)),
        ("permitted_actions", "Permitted actions", IEPPolicy.PermittedActions.allCases.map(\.rawValue)),
        ("affected_party_notifications", "Affected party notifications", IEPPolicy.Permission.allCases.map(\.rawValue)),
        ("attribution", "Attribution", IEPPolicy.Attribution.allCases.map(\.rawValue)),
        ("unmodified_resale", "Unmodified resale", IEPPolicy.Permission.allCases.map(\.rawValue)),
    ]
    static let contactRows = 3
    static let contactKeys = ["party", "role", "name", "email", "phone"]
    /// Top-level keys the form holds (all of `match`; `share`, `webhook` and `iep` in part).
    static let formKeys: Set<String> = ["id", "producer", "consumer", "title", "match", "valid_from", "valid_until", "contacts", "pseudonym_key"]
    /// The YAML view's size bound and how many values it may hold.
    static let maxRestBytes = 8 * 1024
    static let maxRestNodes = 2_000

    /// A problem of the form itself (the YAML view), before the document is read.
    static let restPointer = "yaml"

    // MARK: From a posted form

    init() {}

    init(_ form: URLEncodedForm) {
        func text(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func all(_ name: String) -> Set<String> { Set(form.pairs.filter { $0.name == name }.map(\.value)) }
        id = text("id")
        producer = text("producer")
        consumer = text("consumer")
        title = text("title")
        taxonomies = all("taxonomy")
        offences = all("offence")
        fields = all("field")
        maxTLP = text("max_tlp")
        for kind in PersonalDataKind.allCases.map(\.rawValue) where !text("pd-" + kind).isEmpty { personalData[kind] = text("pd-" + kind) }
        webhookURL = text("webhook_url")
        webhookSecret = text("webhook_secret")
        pseudonymKey = text("pseudonym_key")
        base = Int(text("base")).flatMap { $0 >= 1 ? $0 : nil }
        keepSecrets = text("keep_secrets") == "1"
        validFrom = text("valid_from")
        validUntil = text("valid_until")
        for choice in Self.iepChoices where !text("iep-" + choice.key).isEmpty { iep[choice.key] = text("iep-" + choice.key) }
        for row in 0..<Self.contactRows {
            let contact = Dictionary(uniqueKeysWithValues: Self.contactKeys.map { ($0, text("contact-\(row)-\($0)")) })
            if Self.contactKeys.dropFirst().contains(where: { !(contact[$0] ?? "").isEmpty }) { contacts.append(contact) }
        }
        rest = form["rest"] ?? ""
    }

    /// Fills the secrets the form leaves empty with those of `earlier` (the version the editor
    /// started from), in the form the admin API reads, when asked to keep them. They go into the
    /// new version only: the form never shows a secret.
    mutating func keepSecrets(of earlier: Agreement) {
        guard keepSecrets else { return }
        if webhookSecret.isEmpty, let secret = earlier.webhook?.secret { webhookSecret = "whsec_" + Data(secret.bytes).base64EncodedString() }
        if pseudonymKey.isEmpty, let key = earlier.pseudonymKey { pseudonymKey = Data(key.bytes).base64EncodedString() }
    }

    // MARK: From a version's document

    /// The form of `document` (as ``AgreementViews`` shows it to the reader: contacts only to
    /// the parties' admins), secrets left out.
    init(document: JSONValue) throws {
        guard case .object(var members) = document else { return }
        func take(_ key: String) -> String {
            defer { members[key] = nil }
            if case .string(let text)? = members[key] { return text }
            return ""
        }
        func strings(_ value: JSONValue?) -> Set<String> {
            guard case .array(let items)? = value else { return [] }
            return Set(items.compactMap(Self.string))
        }
        id = take("id")
        producer = take("producer")
        consumer = take("consumer")
        title = take("title")
        validFrom = take("valid_from")
        validUntil = take("valid_until")
        members["pseudonym_key"] = nil
        if case .object(let match)? = members.removeValue(forKey: "match") {
            taxonomies = strings(match["taxonomies"])
            offences = strings(match["offences"])
            if case .string(let tlp)? = match["max_tlp"] { maxTLP = tlp.lowercased().replacingOccurrences(of: "tlp:", with: "") }
        }
        if case .object(var share)? = members.removeValue(forKey: "share") {
            fields = strings(share.removeValue(forKey: "fields"))
            if case .object(var personal)? = share["personal_data"] {
                // A kind with rules per role stays in the YAML view.
                for (kind, value) in personal { if case .string(let action) = value { personalData[kind] = action; personal[kind] = nil } }
                share["personal_data"] = personal.isEmpty ? nil : .object(personal)
            }
            if !share.isEmpty { members["share"] = .object(share) }
        }
        if case .object(var webhook)? = members.removeValue(forKey: "webhook") {
            if case .string(let url)? = webhook.removeValue(forKey: "url") { webhookURL = url }
            // Secrets (their fingerprints here) are entered again; a rotation is begun again.
            for key in ["secret", "previous_secret", "previous_secret_until"] { webhook[key] = nil }
            if !webhook.isEmpty { members["webhook"] = .object(webhook) }
        }
        if case .object(var policy)? = members.removeValue(forKey: "iep") {
            for choice in Self.iepChoices {
                if case .string(let value)? = policy.removeValue(forKey: choice.key) { iep[choice.key] = value }
            }
            policy["iep_version"] = nil
            if !policy.isEmpty { members["iep"] = .object(policy) }
        }
        if case .array(let list)? = members.removeValue(forKey: "contacts") {
            contacts = list.prefix(Self.contactRows).compactMap { item in
                guard case .object(let contact) = item else { return nil }
                return Dictionary(uniqueKeysWithValues: Self.contactKeys.map { key in (key, Self.string(contact[key]) ?? "") })
            }
        }
        rest = members.isEmpty ? "" : try Yams.dump(object: AgreementExport.plain(.object(members)), sortKeys: true)
    }

    // MARK: To a document

    /// The document the form describes, as the admin API takes it; the YAML view's problems
    /// (pointer ``restPointer``) when it cannot be read or repeats what the form holds.
    func members() -> (members: [String: JSONValue], problems: [Problem.Item]) {
        var problems: [Problem.Item] = []
        var members: [String: JSONValue] = [:]
        if rest.utf8.count > Self.maxRestBytes {
            problems.append(.init(pointer: Self.restPointer, reason: "must be at most 8 KiB"))
        } else if !rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            members = Self.yaml(rest, &problems)
        }
        func claim(_ key: String, in object: [String: JSONValue]?, at path: String) {
            if object?[key] != nil { problems.append(.init(pointer: Self.restPointer, reason: "\(path)\(key) is set in the form; remove it here")) }
        }
        for key in Self.formKeys.sorted() { claim(key, in: members, at: "") }
        func set(_ key: String, _ text: String) { if !text.isEmpty { members[key] = .string(text) } }
        set("id", id)
        set("producer", producer)
        set("consumer", consumer)
        set("title", title)
        set("valid_from", validFrom)
        set("valid_until", validUntil)
        set("pseudonym_key", pseudonymKey)
        var match: [String: JSONValue] = ["taxonomies": .array(taxonomies.sorted().map(JSONValue.string))]
        if !offences.isEmpty { match["offences"] = .array(offences.sorted().map(JSONValue.string)) }
        if !maxTLP.isEmpty { match["max_tlp"] = .string(maxTLP) }
        members["match"] = .object(match)

        var share = Self.object(members["share"])
        claim("fields", in: share, at: "share.")
        share["fields"] = .array(fields.sorted().map(JSONValue.string))
        var personal = Self.object(share["personal_data"])
        for (kind, action) in personalData.sorted(by: { $0.key < $1.key }) {
            claim(kind, in: personal, at: "share.personal_data.")
            personal[kind] = .string(action)
        }
        if !personal.isEmpty { share["personal_data"] = .object(personal) }
        members["share"] = .object(share)

        var webhook = Self.object(members["webhook"])
        for key in ["url", "secret"] { claim(key, in: webhook, at: "webhook.") }
        if !webhookURL.isEmpty { webhook["url"] = .string(webhookURL) }
        if !webhookSecret.isEmpty { webhook["secret"] = .string(webhookSecret) }
        if !webhook.isEmpty { members["webhook"] = .object(webhook) }

        var policy = Self.object(members["iep"])
        for (key, value) in iep.sorted(by: { $0.key < $1.key }) {
            claim(key, in: policy, at: "iep.")
            policy[key] = .string(value)
        }
        if !iep.isEmpty, policy["iep_version"] == nil { policy["iep_version"] = .string("2.0") }
        if !policy.isEmpty { members["iep"] = .object(policy) }

        if !contacts.isEmpty {
            members["contacts"] = .array(contacts.map { contact in
                .object(contact.compactMapValues { $0.isEmpty ? nil : JSONValue.string($0) })
            })
        }
        return (members, problems)
    }

    private static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    private static func object(_ value: JSONValue?) -> [String: JSONValue] {
        if case .object(let members)? = value { return members }
        return [:]
    }

    /// The YAML view as JSON: a mapping of plain values, without anchors, aliases or tags, at
    /// most ``maxRestNodes`` values.
    static func yaml(_ text: String, _ problems: inout [Problem.Item]) -> [String: JSONValue] {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            problems.append(.init(pointer: restPointer, reason: "is not valid YAML"))
            return [:]
        }
        var budget = maxRestNodes
        guard let node, let value = json(node, &budget, &problems), case .object(let members) = value else {
            if problems.isEmpty { problems.append(.init(pointer: restPointer, reason: "must be a mapping of keys to values")) }
            return [:]
        }
        return members
    }

    private static func json(_ node: Node, _ budget: inout Int, _ problems: inout [Problem.Item]) -> JSONValue? {
        budget -= 1
        guard budget >= 0 else {
            problems.append(.init(pointer: restPointer, reason: "must hold at most \(maxRestNodes) values"))
            return nil
        }
        switch node {
        case .alias:
            problems.append(.init(pointer: restPointer, reason: "may not use anchors or aliases"))
            return nil
        case .scalar(let scalar):
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { return .string(scalar.string) }
            switch Resolver.default.resolveTag(of: node) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case .float: return node.float.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence {
                guard let value = json(item, &budget, &problems) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard case .scalar(let name) = key else {
                    problems.append(.init(pointer: restPointer, reason: "keys must be plain names"))
                    return nil
                }
                guard let value = json(value, &budget, &problems) else { return nil }
                members[name.string] = value
            }
            return .object(members)
        }
    }
}
