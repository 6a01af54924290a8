import Foundation
import LiaisonCore
import LiaisonDelivery
import Yams

/// Reads one agreement document — a YAML file, or the same document as JSON over the admin
/// API (JSON is YAML) — into an ``Agreement``, reporting every problem with its line and key
/// path. `schemas/agreement.schema.json` describes the document.
struct AgreementReader {
    var environment: [String: String]
    /// Files may name secrets as `env:NAME` or `file:PATH`; documents sent over the API may
    /// not (a caller must not make the gateway read its environment or files).
    var allowSecretReferences: Bool
    var allowInsecureLoopback: Bool

    static let keys: Set<String> = [
        "id", "producer", "consumer", "title", "reference", "legal_basis", "purpose", "require_purpose", "valid_from", "valid_until",
        "review_date", "contacts", "iep", "match", "share", "pseudonym_key", "webhook",
    ]
    static let iepKeys: Set<String> = [
        "id", "name", "iep_version", "start_date", "end_date", "encrypt_in_transit", "permitted_actions",
        "affected_party_notifications", "tlp", "attribution", "unmodified_resale",
    ]

    func read(_ text: String, reader: inout YAMLReader) -> Agreement? {
        guard let root = reader.document(text) else { return nil }
        reader.rejectUnknownKeys(in: root, known: Self.keys, path: "")
        let id = identifier(root, "id", &reader)
        let producer = identifier(root, "producer", &reader)
        let consumer = identifier(root, "consumer", &reader)
        let iep = readIEP(reader.mapping(root, "iep", path: ""), &reader)
        let match = readMatch(reader.mapping(root, "match", path: "", required: true), iep: iep, &reader)
        let share = reader.mapping(root, "share", path: "", required: true)
        if let share { reader.rejectUnknownKeys(in: share, known: ["fields", "personal_data"], path: "share") }
        var fields: Set<IncidentField> = []
        for (name, node) in reader.strings(share, "fields", path: "share", required: true) ?? [] {
            if let field = IncidentField(rawValue: name) { fields.insert(field) } else {
                reader.fail(node, key: "share.fields", "\(name) is not an incident field (\(IncidentField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if fields.contains(.producer), iep?.attribution == .mustNot {
            reader.fail(reader.value(share, "fields"), key: "share.fields", "shares the producer, which iep.attribution must-not forbids")
        }
        var actions: [PersonalDataKind: RenderAction] = [:]
        var byRole: [PersonalDataKind: [ObservableRole: RenderAction]] = [:]
        let legalBasis = reader.string(root, "legal_basis", path: "")
        let hasLegalBasis = !(legalBasis?.isEmpty ?? true)
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
        let webhook = readWebhook(reader.mapping(root, "webhook", path: ""), iep: iep, &reader)
        let validFrom = date(root, "valid_from", path: "", &reader)
        let validUntil = date(root, "valid_until", path: "", &reader)
        if let validFrom, let validUntil, validUntil <= validFrom {
            reader.fail(reader.value(root, "valid_until"), key: "valid_until", "must be later than valid_from")
        }
        let contacts = readContacts(root, &reader)
        guard let id, let producer, let consumer, let match else { return nil }
        var agreement = Agreement(
            id: id, producer: producer, consumer: consumer, legalBasis: legalBasis, match: match, fields: fields,
            personalData: actions, pseudonymKey: pseudonymKey, webhook: webhook)
        agreement.personalDataByRole = byRole
        agreement.title = reader.string(root, "title", path: "")
        agreement.reference = reader.string(root, "reference", path: "")
        agreement.purpose = reader.string(root, "purpose", path: "")
        agreement.requiresPurpose = reader.bool(root, "require_purpose", path: "") ?? true
        agreement.validFrom = validFrom
        agreement.validUntil = validUntil
        agreement.reviewDate = date(root, "review_date", path: "", &reader)
        agreement.contacts = contacts
        agreement.iep = iep
        return agreement
    }

    /// A date as `YYYY-MM-DD` (midnight UTC) or an RFC 3339 date-time. YAML reads both as text.
    private func date(_ mapping: Node.Mapping?, _ key: String, path: String, _ reader: inout YAMLReader) -> Date? {
        guard let text = reader.string(mapping, key, path: path) else { return nil }
        if let date = RFC3339.date(from: text) ?? RFC3339.date(from: text + "T00:00:00Z") { return date }
        reader.fail(reader.value(mapping, key), key: reader.join(path, key), "must be a date (YYYY-MM-DD) or an RFC 3339 date-time")
        return nil
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

    /// `taxonomies` and `offences`: at least one of them names something. An IEP policy's
    /// TLP is the agreement's highest label; `max_tlp` may repeat it, not contradict it.
    private func readMatch(_ match: Node.Mapping?, iep: IEPPolicy?, _ reader: inout YAMLReader) -> Agreement.Match? {
        guard let match else { return nil }
        reader.rejectUnknownKeys(in: match, known: ["taxonomies", "offences", "max_tlp"], path: "match")
        var taxonomies: Set<String> = []
        for (name, node) in reader.strings(match, "taxonomies", path: "match") ?? [] {
            if RSIT.types[name] != nil { taxonomies.insert(name) } else {
                reader.fail(node, key: "match.taxonomies", "\(name) is not an ENISA RSIT taxonomy")
            }
        }
        var offences: Set<Offence> = []
        for (name, node) in reader.strings(match, "offences", path: "match") ?? [] {
            if let offence = Offence(rawValue: name) { offences.insert(offence) } else {
                reader.fail(node, key: "match.offences", "\(name) is not an offence (\(Offence.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if taxonomies.isEmpty, offences.isEmpty, reader.problems.isEmpty {
            reader.fail(line: match.mark?.line ?? 1, key: "match", "must name taxonomies, offences or both")
        }
        var label: TLP?
        if let text = reader.string(match, "max_tlp", path: "match", required: iep?.tlp == nil) {
            label = TLP(label: text)
            if label == nil { reader.fail(reader.value(match, "max_tlp"), key: "match.max_tlp", "is not a TLP 2.0 label") }
        }
        if let label, let policy = iep?.tlp, label != policy {
            reader.fail(reader.value(match, "max_tlp"), key: "match.max_tlp", "differs from iep.tlp (\(policy.rawValue))")
        }
        guard let maxTLP = label ?? iep?.tlp else { return nil }
        return Agreement.Match(taxonomies: taxonomies, offences: offences, maxTLP: maxTLP)
    }

    private func readIEP(_ node: Node.Mapping?, _ reader: inout YAMLReader) -> IEPPolicy? {
        guard let node else { return nil }
        reader.rejectUnknownKeys(in: node, known: Self.iepKeys, path: "iep")
        var policy = IEPPolicy()
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, _ reader: inout YAMLReader) -> T?
        where T.RawValue == String {
            guard let text = reader.string(node, key, path: "iep") else { return nil }
            guard let value = T(rawValue: text) else {
                reader.fail(reader.value(node, key), key: "iep." + key, "must be \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return value
        }
        policy.id = reader.string(node, "id", path: "iep")
        policy.name = reader.string(node, "name", path: "iep")
        if let version = reader.string(node, "iep_version", path: "iep"), version != "2.0" {
            reader.fail(reader.value(node, "iep_version"), key: "iep.iep_version", "must be 2.0")
        }
        policy.startDate = date(node, "start_date", path: "iep", &reader)
        policy.endDate = date(node, "end_date", path: "iep", &reader)
        policy.encryptInTransit = choice("encrypt_in_transit", IEPPolicy.Requirement.self, &reader) ?? policy.encryptInTransit
        policy.permittedActions = choice("permitted_actions", IEPPolicy.PermittedActions.self, &reader) ?? policy.permittedActions
        policy.affectedPartyNotifications =
            choice("affected_party_notifications", IEPPolicy.Permission.self, &reader) ?? policy.affectedPartyNotifications
        policy.attribution = choice("attribution", IEPPolicy.Attribution.self, &reader) ?? policy.attribution
        policy.unmodifiedResale = choice("unmodified_resale", IEPPolicy.Permission.self, &reader) ?? policy.unmodifiedResale
        if let text = reader.string(node, "tlp", path: "iep") {
            policy.tlp = TLP(label: text)
            if policy.tlp == nil { reader.fail(reader.value(node, "tlp"), key: "iep.tlp", "is not a TLP 2.0 label") }
        }
        return policy
    }

    private func readContacts(_ root: Node.Mapping, _ reader: inout YAMLReader) -> [Agreement.Contact] {
        guard let node = reader.value(root, "contacts") else { return [] }
        guard let list = node.sequence else {
            reader.fail(node, key: "contacts", "must be a list")
            return []
        }
        var contacts: [Agreement.Contact] = []
        for item in list {
            guard let entry = item.mapping else {
                reader.fail(item, key: "contacts", "must list mappings of party, role, name, email, phone")
                continue
            }
            reader.rejectUnknownKeys(in: entry, known: ["party", "role", "name", "email", "phone"], path: "contacts")
            let partyText = reader.string(entry, "party", path: "contacts", required: true)
            let party = partyText.flatMap(Agreement.Contact.Party.init(rawValue:))
            if partyText != nil, party == nil { reader.fail(reader.value(entry, "party"), key: "contacts.party", "must be producer or consumer") }
            let role = reader.string(entry, "role", path: "contacts", required: true)
            let name = reader.string(entry, "name", path: "contacts", required: true)
            guard let party, let role, let name else { continue }
            contacts.append(Agreement.Contact(
                party: party, role: role, name: name, email: reader.string(entry, "email", path: "contacts"),
                phone: reader.string(entry, "phone", path: "contacts")))
        }
        return contacts
    }

    private func resolve(_ reference: String, at node: Node?, key: String, _ reader: inout YAMLReader) -> String? {
        if !allowSecretReferences, reference.hasPrefix("env:") || reference.hasPrefix("file:") {
            reader.fail(node, key: key, "names a secret by env: or file:, which only agreement files may do; send the value")
            return nil
        }
        do {
            return try SecretReference.resolve(reference, environment: environment)
        } catch {
            reader.fail(node, key: key, SecretReference.message(error))
            return nil
        }
    }

    private func readPseudonymKey(_ root: Node.Mapping, needed: Bool, _ reader: inout YAMLReader) -> Secret? {
        guard let reference = reader.string(root, "pseudonym_key", path: "") else {
            if needed { reader.fail(line: 1, key: "pseudonym_key", "is required when any personal data is pseudonymised") }
            return nil
        }
        let node = reader.value(root, "pseudonym_key")
        guard let text = resolve(reference, at: node, key: "pseudonym_key", &reader) else { return nil }
        guard let key = SecretReference.key(fromBase64: text) else {
            reader.fail(node, key: "pseudonym_key", "must be base64 of exactly 32 bytes")
            return nil
        }
        return key
    }

    /// The webhook; under an IEP policy that requires encryption in transit it must be
    /// `https` (an `http` one on this machine only with `allowInsecureLoopback`).
    private func readWebhook(_ webhook: Node.Mapping?, iep: IEPPolicy?, _ reader: inout YAMLReader) -> Agreement.Webhook? {
        guard let webhook else { return nil }
        reader.rejectUnknownKeys(
            in: webhook, known: ["url", "secret", "format", "previous_secret", "previous_secret_until", "v1a", "tls"], path: "webhook")
        var format = Agreement.PayloadFormat.json
        if let name = reader.string(webhook, "format", path: "webhook", required: false) {
            if let named = Agreement.PayloadFormat(rawValue: name) {
                format = named
            } else {
                reader.fail(reader.value(webhook, "format"), key: "webhook.format", "must be json or stix")
            }
        }
        let url = reader.httpURL(webhook, "url", path: "webhook", required: true)
        if let url, let parsed = URL(string: url) {
            if iep?.encryptInTransit == .must, parsed.scheme != "https",
                !(allowInsecureLoopback && ["127.0.0.1", "localhost", "::1"].contains(parsed.host ?? ""))
            {
                reader.fail(reader.value(webhook, "url"), key: "webhook.url", "must be https: iep.encrypt_in_transit is must")
            }
        }
        guard let reference = reader.string(webhook, "secret", path: "webhook", required: true) else { return nil }
        let node = reader.value(webhook, "secret")
        guard let text = resolve(reference, at: node, key: "webhook.secret", &reader) else { return nil }
        guard let secret = WebhookSignature.secret(fromText: text) else {
            reader.fail(node, key: "webhook.secret", "must be whsec_ followed by base64 of 24 to 64 bytes")
            return nil
        }
        let v1a = reader.bool(webhook, "v1a", path: "webhook") ?? false
        let (previous, until) = readPreviousSecret(webhook, &reader)
        let tls = readTLS(webhook, url: url, &reader)
        guard let url else { return nil }
        return Agreement.Webhook(
            url: url, secret: secret, format: format, previousSecret: previous, previousSecretUntil: until, v1a: v1a, tls: tls)
    }

    /// A rotation's overlap: `previous_secret` (a `whsec_` secret, `env:`/`file:` allowed) signs
    /// too until `previous_secret_until` (RFC 3339); one without the other is refused.
    private func readPreviousSecret(_ webhook: Node.Mapping, _ reader: inout YAMLReader) -> (Secret?, Date?) {
        let reference = reader.string(webhook, "previous_secret", path: "webhook")
        let time = reader.string(webhook, "previous_secret_until", path: "webhook")
        switch (reference, time) {
        case (nil, nil): return (nil, nil)
        case (let reference?, let time?):
            let node = reader.value(webhook, "previous_secret")
            guard let text = resolve(reference, at: node, key: "webhook.previous_secret", &reader) else { return (nil, nil) }
            guard let secret = WebhookSignature.secret(fromText: text) else {
                reader.fail(node, key: "webhook.previous_secret", "must be whsec_ followed by base64 of 24 to 64 bytes")
                return (nil, nil)
            }
            guard let until = RFC3339.date(from: time) else {
                reader.fail(reader.value(webhook, "previous_secret_until"), key: "webhook.previous_secret_until", "must be an RFC 3339 time")
                return (nil, nil)
            }
            return (secret, until)
        case (nil, _?):
            reader.fail(reader.value(webhook, "previous_secret_until"), key: "webhook.previous_secret_until", "needs webhook.previous_secret")
            return (nil, nil)
        case (_?, nil):
            reader.fail(reader.value(webhook, "previous_secret"), key: "webhook.previous_secret", "needs webhook.previous_secret_until")
            return (nil, nil)
        }
    }
}
