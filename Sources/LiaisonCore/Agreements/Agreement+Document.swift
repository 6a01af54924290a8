import Crypto
import Foundation

/// An agreement version as one canonical JSON document: everything its parties agreed —
/// the rules that decide what a consumer is shown, the MoU's metadata and contacts, the IEP
/// policy, the webhook's address — and no secret: the pseudonym key and the webhook secret
/// are named by fingerprints, their values kept apart (sealed, in the store). Its SHA-256
/// is the version's identity, which every disclosure names, so that a disclosure is
/// rendered under the rules that decided it for as long as it is read.
///
/// Left out: the agreement's standing (`status`). Suspension and termination act on the
/// agreement, whatever version is in force, and narrow every later read and pending send.
extension Agreement {
    /// The secrets a document names by fingerprint.
    public struct Secrets: Sendable, Hashable {
        public var pseudonymKey: Secret?
        public var webhookSecret: Secret?
        /// The webhook secret being rotated out (see ``Agreement/Webhook/previousSecret``).
        public var previousWebhookSecret: Secret?

        public init(pseudonymKey: Secret?, webhookSecret: Secret?, previousWebhookSecret: Secret? = nil) {
            self.pseudonymKey = pseudonymKey
            self.webhookSecret = webhookSecret
            self.previousWebhookSecret = previousWebhookSecret
        }
    }

    public var secrets: Secrets {
        Secrets(pseudonymKey: pseudonymKey, webhookSecret: webhook?.secret, previousWebhookSecret: webhook?.previousSecret)
    }

    /// The document (RFC 8785 canonical form via ``JSONValue/canonicalBytes``); member names
    /// are those of the agreement file (`schemas/agreement.schema.json`).
    public var document: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id), "producer": .string(producer), "consumer": .string(consumer),
        ]
        var matching: [String: JSONValue] = [
            "taxonomies": .array(match.taxonomies.sorted().map(JSONValue.string)), "max_tlp": .string(match.maxTLP.rawValue),
        ]
        if !match.offences.isEmpty { matching["offences"] = .array(match.offences.sorted().map { .string($0.rawValue) }) }
        members["match"] = .object(matching)
        var personal: [String: JSONValue] = [:]
        for kind in Set(personalData.keys).union(personalDataByRole.keys) {
            let byRole = personalDataByRole[kind] ?? [:]
            if byRole.isEmpty, let action = personalData[kind] {
                personal[kind.rawValue] = .string(action.rawValue)
                continue
            }
            var actions = Dictionary(uniqueKeysWithValues: byRole.map { ($0.key.rawValue, JSONValue.string($0.value.rawValue)) })
            if let action = personalData[kind] { actions["default"] = .string(action.rawValue) }
            personal[kind.rawValue] = .object(actions)
        }
        members["share"] = .object([
            "fields": .array(fields.map(\.rawValue).sorted().map(JSONValue.string)), "personal_data": .object(personal),
        ])
        for (key, text) in [("title", title), ("reference", reference), ("legal_basis", legalBasis), ("purpose", purpose)] {
            if let text { members[key] = .string(text) }
        }
        for (key, date) in [("valid_from", validFrom), ("valid_until", validUntil), ("review_date", reviewDate)] {
            if let date { members[key] = .string(RFC3339.string(from: date)) }
        }
        if !contacts.isEmpty {
            members["contacts"] = .array(contacts.map { contact in
                var fields: [String: JSONValue] = [
                    "party": .string(contact.party.rawValue), "role": .string(contact.role), "name": .string(contact.name),
                ]
                if let email = contact.email { fields["email"] = .string(email) }
                if let phone = contact.phone { fields["phone"] = .string(phone) }
                return .object(fields)
            })
        }
        // Only `false` is written, so that every version written before the option existed
        // keeps its document, and so its hash (and requires purposes, the default).
        if !requiresPurpose { members["require_purpose"] = .bool(false) }
        if let iep { members["iep"] = iep.jsonValue }
        if let pseudonymKey { members["pseudonym_key"] = .string(Self.fingerprint(of: pseudonymKey)) }
        if let webhook {
            var hook: [String: JSONValue] = ["url": .string(webhook.url), "secret": .string(Self.fingerprint(of: webhook.secret))]
            // Only a format other than the default is written, so that every version written
            // before formats existed keeps its document, and so its hash.
            if webhook.format != .json { hook["format"] = .string(webhook.format.rawValue) }
            // The same for rotation and v1a: written only when used.
            if let previous = webhook.previousSecret, let until = webhook.previousSecretUntil {
                hook["previous_secret"] = .string(Self.fingerprint(of: previous))
                hook["previous_secret_until"] = .string(RFC3339.string(from: until))
            }
            if webhook.v1a { hook["v1a"] = .bool(true) }
            if let tls = webhook.tls { hook["tls"] = tls.jsonValue }
            members["webhook"] = .object(hook)
        }
        return .object(members)
    }

    /// The version's identity: lower-case hex SHA-256 of the canonical document.
    public var versionHash: String {
        SHA256.hash(data: document.canonicalBytes).hexString
    }

    /// `sha256:` and the first 16 hex digits of SHA-256 over a domain label and the secret:
    /// tells secrets apart without revealing anything of a random key.
    static func fingerprint(of secret: Secret) -> String {
        "sha256:" + SHA256.hash(data: Array("liaison-agreement-secret:".utf8) + secret.bytes).prefix(8).hexString
    }

    /// Reads a document back (a stored agreement version), with the secrets it names.
    public init(document: JSONValue, secrets: Secrets) throws(AgreementDocumentError) {
        guard case .object(let members) = document,
            case .string(let id)? = members["id"], case .string(let producer)? = members["producer"],
            case .string(let consumer)? = members["consumer"],
            case .object(let match)? = members["match"], case .array(let taxonomies)? = match["taxonomies"],
            case .string(let maxTLPText)? = match["max_tlp"], let maxTLP = TLP(rawValue: maxTLPText),
            case .object(let share)? = members["share"], case .array(let fieldNames)? = share["fields"],
            case .object(let personal)? = share["personal_data"]
        else { throw .malformed }
        func text(_ key: String) throws(AgreementDocumentError) -> String? {
            switch members[key] {
            case nil: return nil
            case .string(let value)?: return value
            default: throw .malformed
            }
        }
        func date(_ key: String) throws(AgreementDocumentError) -> Date? {
            guard let value = try text(key) else { return nil }
            guard let date = RFC3339.date(from: value) else { throw .malformed }
            return date
        }
        func strings(_ values: [JSONValue]) throws(AgreementDocumentError) -> [String] {
            var result: [String] = []
            for value in values {
                guard case .string(let text) = value else { throw .malformed }
                result.append(text)
            }
            return result
        }
        var fields: Set<IncidentField> = []
        for name in try strings(fieldNames) {
            guard let field = IncidentField(rawValue: name) else { throw .malformed }
            fields.insert(field)
        }
        var offences: Set<Offence> = []
        if let value = match["offences"] {
            guard case .array(let names) = value else { throw .malformed }
            for name in try strings(names) {
                guard let offence = Offence(rawValue: name) else { throw .malformed }
                offences.insert(offence)
            }
        }
        var actions: [PersonalDataKind: RenderAction] = [:]
        var byRole: [PersonalDataKind: [ObservableRole: RenderAction]] = [:]
        for (kindName, value) in personal {
            guard let kind = PersonalDataKind(rawValue: kindName) else { throw .malformed }
            switch value {
            case .string(let text):
                guard let action = RenderAction(rawValue: text) else { throw .malformed }
                actions[kind] = action
            case .object(let roles):
                for (roleName, actionValue) in roles {
                    guard case .string(let text) = actionValue, let action = RenderAction(rawValue: text) else { throw .malformed }
                    if roleName == "default" {
                        actions[kind] = action
                    } else if let role = ObservableRole(rawValue: roleName) {
                        byRole[kind, default: [:]][role] = action
                    } else {
                        throw .malformed
                    }
                }
            default:
                throw .malformed
            }
        }
        var contacts: [Contact] = []
        if let value = members["contacts"] {
            guard case .array(let entries) = value else { throw .malformed }
            for entry in entries {
                guard case .object(let fields) = entry, case .string(let partyName)? = fields["party"],
                    let party = Contact.Party(rawValue: partyName), case .string(let role)? = fields["role"],
                    case .string(let name)? = fields["name"]
                else { throw .malformed }
                var contact = Contact(party: party, role: role, name: name)
                if case .string(let email)? = fields["email"] { contact.email = email }
                if case .string(let phone)? = fields["phone"] { contact.phone = phone }
                contacts.append(contact)
            }
        }
        var requiresPurpose = true
        switch members["require_purpose"] {
        case nil: break
        case .bool(false)?: requiresPurpose = false
        default: throw .malformed
        }
        var iep: IEPPolicy?
        if let value = members["iep"] {
            guard let policy = IEPPolicy(jsonValue: value) else { throw .malformed }
            iep = policy
        }
        guard try text("pseudonym_key") == secrets.pseudonymKey.map(Self.fingerprint(of:)) else { throw .secretMismatch }
        var webhook: Webhook?
        if let value = members["webhook"] {
            guard case .object(let hook) = value, case .string(let url)? = hook["url"], case .string(let named)? = hook["secret"]
            else { throw .malformed }
            guard let secret = secrets.webhookSecret, named == Self.fingerprint(of: secret) else { throw .secretMismatch }
            var format = PayloadFormat.json
            if let value = hook["format"] {
                guard case .string(let name) = value, let named = PayloadFormat(rawValue: name), named != .json else { throw .malformed }
                format = named
            }
            var previous: Secret?, until: Date?
            switch (hook["previous_secret"], hook["previous_secret_until"]) {
            case (nil, nil): guard secrets.previousWebhookSecret == nil else { throw .secretMismatch }
            case (.string(let named)?, .string(let time)?):
                guard let secret = secrets.previousWebhookSecret, named == Self.fingerprint(of: secret) else { throw .secretMismatch }
                guard let date = RFC3339.date(from: time) else { throw .malformed }
                (previous, until) = (secret, date)
            default: throw .malformed
            }
            var v1a = false
            if let value = hook["v1a"] {
                guard value == .bool(true) else { throw .malformed }
                v1a = true
            }
            var tls: WebhookTLS?
            if let value = hook["tls"] {
                guard let read = WebhookTLS(jsonValue: value) else { throw .malformed }
                tls = read
            }
            webhook = Webhook(
                url: url, secret: secret, format: format, previousSecret: previous, previousSecretUntil: until, v1a: v1a, tls: tls)
        } else if secrets.webhookSecret != nil {
            throw .secretMismatch
        }
        self.init(
            id: id, producer: producer, consumer: consumer, legalBasis: try text("legal_basis"),
            match: Match(taxonomies: Set(try strings(taxonomies)), offences: offences, maxTLP: maxTLP), fields: fields,
            personalData: actions, pseudonymKey: secrets.pseudonymKey, webhook: webhook)
        personalDataByRole = byRole
        title = try text("title")
        reference = try text("reference")
        purpose = try text("purpose")
        validFrom = try date("valid_from")
        validUntil = try date("valid_until")
        reviewDate = try date("review_date")
        self.contacts = contacts
        self.iep = iep
        self.requiresPurpose = requiresPurpose
    }
}

/// Why a stored agreement document cannot be read back.
public enum AgreementDocumentError: Error, Sendable, Equatable {
    /// Not a document this version of Liaison writes.
    case malformed
    /// A secret given is not the one the document names.
    case secretMismatch
}
