import Foundation
import LiaisonCore
import LiaisonDelivery
import Yams

/// Reads agreement files (`schemas/agreement.schema.json` describes them) and checks
/// them whole: every problem is reported with file, line and key, and nothing loads
/// while any file has one. Secrets may be written `env:NAME` or `file:PATH`.
public struct AgreementLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The keys an agreement file may hold at its top level (`schemas/agreement.schema.json`).
    public static let keys: Set<String> = [
        "id", "producer", "consumer", "status", "legal_basis", "match", "share", "pseudonym_key", "webhook",
    ]

    /// An agreement as loaded, and the file it came from. Its version identity is
    /// ``Agreement/versionHash``: the SHA-256 of its rules, so a comment or a reordered key
    /// is not a new version, while a changed rule or pseudonym key is.
    public struct Loaded: Sendable {
        public var agreement: Agreement
        public var file: String
    }

    /// Loads every `*.yaml` / `*.yml` file in `directory`, in name order.
    public func load(directory: URL) throws(ConfigurationError) -> [Loaded] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw ConfigurationError(key: "agreements_dir", "cannot read the folder \(directory.path)")
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { directory.appendingPathComponent($0).path }
        return try load(files: files)
    }

    public func load(files: [String]) throws(ConfigurationError) -> [Loaded] {
        var loaded: [Loaded] = []
        var problems: [YAMLProblem] = []
        var seen: [String: String] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append(YAMLProblem(file: file, line: 0, key: "", message: "cannot be read"))
                continue
            }
            var reader = YAMLReader(file: file)
            let agreement = read(String(decoding: data, as: UTF8.self), reader: &reader)
            problems += reader.problems
            guard let agreement, reader.problems.isEmpty else { continue }
            if let first = seen[agreement.id] {
                problems.append(YAMLProblem(file: file, line: 1, key: "id", message: "is already used by \(first)"))
                continue
            }
            seen[agreement.id] = file
            loaded.append(Loaded(agreement: agreement, file: file))
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return loaded
    }

    func read(_ text: String, reader: inout YAMLReader) -> Agreement? {
        guard let root = reader.document(text) else { return nil }
        reader.rejectUnknownKeys(
            in: root, known: Self.keys,
            path: "")
        let id = identifier(root, "id", &reader)
        let producer = identifier(root, "producer", &reader)
        let consumer = identifier(root, "consumer", &reader)
        let match = readMatch(reader.mapping(root, "match", path: "", required: true), &reader)
        let share = reader.mapping(root, "share", path: "", required: true)
        if let share { reader.rejectUnknownKeys(in: share, known: ["fields", "personal_data"], path: "share") }
        var fields: Set<IncidentField> = []
        for (name, node) in reader.strings(share, "fields", path: "share", required: true) ?? [] {
            if let field = IncidentField(rawValue: name) { fields.insert(field) } else {
                reader.fail(node, key: "share.fields", "\(name) is not an incident field (\(IncidentField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        var actions: [PersonalDataKind: RenderAction] = [:]
        var byRole: [PersonalDataKind: [ObservableRole: RenderAction]] = [:]
        let hasLegalBasis = !(reader.string(root, "legal_basis", path: "")?.isEmpty ?? true)
        if let personal = reader.mapping(share, "personal_data", path: "share") {
            for (keyNode, valueNode) in personal {
                let name = keyNode.string ?? ""
                guard let kind = PersonalDataKind(rawValue: name) else {
                    reader.fail(keyNode, key: "share.personal_data", "\(name) is not a personal-data kind")
                    continue
                }
                let key = "share.personal_data.\(name)"
                if let roles = valueNode.mapping {
                    // `KIND: {victim: mask, offender: reveal, default: drop}`
                    for (roleNode, actionNode) in roles {
                        let roleName = roleNode.string ?? ""
                        guard let action = readAction(actionNode, kind: kind, key: key + "." + roleName, hasLegalBasis: hasLegalBasis, &reader)
                        else { continue }
                        if roleName == "default" {
                            actions[kind] = action
                        } else if let role = ObservableRole(rawValue: roleName) {
                            byRole[kind, default: [:]][role] = action
                        } else {
                            reader.fail(roleNode, key: key, "\(roleName) is not a role (offender, victim, infrastructure, unknown) or default")
                        }
                    }
                } else if let action = readAction(valueNode, kind: kind, key: key, hasLegalBasis: hasLegalBasis, &reader) {
                    actions[kind] = action
                }
            }
        }
        let pseudonymises = actions.values.contains(.pseudonymise) || byRole.values.contains { $0.values.contains(.pseudonymise) }
        let pseudonymKey = readPseudonymKey(root, needed: pseudonymises, &reader)
        let webhook = readWebhook(reader.mapping(root, "webhook", path: ""), &reader)
        var status = Agreement.Status.active
        if let text = reader.string(root, "status", path: "") {
            if let value = Agreement.Status(rawValue: text) { status = value } else {
                reader.fail(reader.value(root, "status"), key: "status", "must be active, suspended or terminated")
            }
        }
        guard let id, let producer, let consumer, let match else { return nil }
        var agreement = Agreement(
            id: id, producer: producer, consumer: consumer, legalBasis: reader.string(root, "legal_basis", path: ""),
            match: match, fields: fields, personalData: actions, pseudonymKey: pseudonymKey, webhook: webhook)
        agreement.personalDataByRole = byRole
        agreement.status = status
        return agreement
    }

    private func readAction(
        _ node: Node, kind: PersonalDataKind, key: String, hasLegalBasis: Bool, _ reader: inout YAMLReader
    ) -> RenderAction? {
        guard let action = node.string.flatMap(RenderAction.init(rawValue:)) else {
            reader.fail(node, key: key, "must be drop, mask, generalise, pseudonymise or reveal")
            return nil
        }
        if action == .generalise, !RenderAction.generalisable.contains(kind) {
            reader.fail(node, key: key, "\(kind.rawValue) cannot be generalised; use drop, mask, pseudonymise or reveal")
        }
        if action == .reveal, !hasLegalBasis {
            reader.fail(node, key: key, "reveal needs the agreement's legal_basis")
        }
        return action
    }

    private func identifier(_ root: Node.Mapping, _ key: String, _ reader: inout YAMLReader) -> String? {
        guard let value = reader.string(root, key, path: "", required: true) else { return nil }
        guard Identifier.isValid(value) else {
            reader.fail(reader.value(root, key), key: key, "must be 1–63 lower-case letters, digits, '.', '_' or '-'")
            return nil
        }
        return value
    }

    private func readMatch(_ match: Node.Mapping?, _ reader: inout YAMLReader) -> Agreement.Match? {
        guard let match else { return nil }
        reader.rejectUnknownKeys(in: match, known: ["taxonomies", "max_tlp"], path: "match")
        var taxonomies: Set<String> = []
        for (name, node) in reader.strings(match, "taxonomies", path: "match", required: true) ?? [] {
            if RSIT.types[name] != nil { taxonomies.insert(name) } else {
                reader.fail(node, key: "match.taxonomies", "\(name) is not an ENISA RSIT taxonomy")
            }
        }
        guard let label = reader.string(match, "max_tlp", path: "match", required: true) else { return nil }
        guard let tlp = TLP(label: label) else {
            reader.fail(reader.value(match, "max_tlp"), key: "match.max_tlp", "is not a TLP 2.0 label")
            return nil
        }
        return Agreement.Match(taxonomies: taxonomies, maxTLP: tlp)
    }

    private func readPseudonymKey(_ root: Node.Mapping, needed: Bool, _ reader: inout YAMLReader) -> Secret? {
        guard let reference = reader.string(root, "pseudonym_key", path: "") else {
            if needed { reader.fail(line: 1, key: "pseudonym_key", "is required when any personal data is pseudonymised") }
            return nil
        }
        return reader.secretKey(reference, at: reader.value(root, "pseudonym_key"), key: "pseudonym_key", environment: environment)
    }

    private func readWebhook(_ webhook: Node.Mapping?, _ reader: inout YAMLReader) -> Agreement.Webhook? {
        guard let webhook else { return nil }
        reader.rejectUnknownKeys(in: webhook, known: ["url", "secret"], path: "webhook")
        let url = reader.string(webhook, "url", path: "webhook", required: true)
        if let url {
            let parsed = URL(string: url)
            if parsed == nil || !["http", "https"].contains(parsed?.scheme ?? "") || (parsed?.host ?? "").isEmpty {
                reader.fail(reader.value(webhook, "url"), key: "webhook.url", "must be an http or https URL with a host")
            }
        }
        guard let reference = reader.string(webhook, "secret", path: "webhook", required: true) else { return nil }
        do {
            let text = try SecretReference.resolve(reference, environment: environment)
            guard let secret = WebhookSignature.secret(fromText: text) else {
                reader.fail(reader.value(webhook, "secret"), key: "webhook.secret", "must be whsec_ followed by base64 of 24 to 64 bytes")
                return nil
            }
            guard let url else { return nil }
            return Agreement.Webhook(url: url, secret: secret)
        } catch {
            reader.fail(reader.value(webhook, "secret"), key: "webhook.secret", SecretReference.message(error))
            return nil
        }
    }
}
