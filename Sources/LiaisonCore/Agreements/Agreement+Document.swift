import Crypto

/// An agreement's rules as one canonical JSON document: everything that decides what a
/// consumer is shown, and nothing else. Its SHA-256 is the version's identity, which every
/// disclosure names, so that a disclosure is rendered under the rules that decided it for
/// as long as it is read.
///
/// Left out, because they do not change what is disclosed: the webhook (where and how a
/// disclosure is sent; a later address or secret applies to pending sends) and the
/// agreement's standing (suspension and termination narrow later reads whatever the
/// version). The pseudonym key is named by a fingerprint, never by its value: a new key is
/// a new version, since it renders other pseudonyms.
extension Agreement {
    /// The policy document (RFC 8785 canonical form via ``JSONValue/canonicalBytes``).
    public var policyDocument: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id), "producer": .string(producer), "consumer": .string(consumer),
            "match": .object([
                "taxonomies": .array(match.taxonomies.sorted().map(JSONValue.string)),
                "max_tlp": .string(match.maxTLP.rawValue),
            ]),
        ]
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
        if let legalBasis { members["legal_basis"] = .string(legalBasis) }
        if let pseudonymKey { members["pseudonym_key"] = .string(Self.fingerprint(of: pseudonymKey)) }
        return .object(members)
    }

    /// The version's identity: lower-case hex SHA-256 of the canonical policy document.
    public var versionHash: String {
        SHA256.hash(data: policyDocument.canonicalBytes).hexString
    }

    /// `sha256:` and the first 16 hex digits of SHA-256 over a domain label and the key:
    /// tells keys apart without revealing anything of a 32-byte random key.
    static func fingerprint(of key: Secret) -> String {
        "sha256:" + SHA256.hash(data: Array("liaison-pseudonym-key:".utf8) + key.bytes).prefix(8).hexString
    }

    /// Reads a policy document back (a stored agreement version), with the pseudonym key it
    /// names. The webhook is not part of the document; the caller adds the current one.
    public init(policyDocument document: JSONValue, pseudonymKey: Secret?) throws(AgreementDocumentError) {
        guard case .object(let members) = document,
            case .string(let id)? = members["id"], case .string(let producer)? = members["producer"],
            case .string(let consumer)? = members["consumer"],
            case .object(let match)? = members["match"], case .array(let taxonomies)? = match["taxonomies"],
            case .string(let maxTLPText)? = match["max_tlp"], let maxTLP = TLP(rawValue: maxTLPText),
            case .object(let share)? = members["share"], case .array(let fieldNames)? = share["fields"],
            case .object(let personal)? = share["personal_data"]
        else { throw .malformed }
        var legalBasis: String?
        if let value = members["legal_basis"] {
            guard case .string(let text) = value else { throw .malformed }
            legalBasis = text
        }
        var fields: Set<IncidentField> = []
        for name in fieldNames {
            guard case .string(let text) = name, let field = IncidentField(rawValue: text) else { throw .malformed }
            fields.insert(field)
        }
        var covered: Set<String> = []
        for name in taxonomies {
            guard case .string(let text) = name else { throw .malformed }
            covered.insert(text)
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
        let keyNamed: String?
        switch members["pseudonym_key"] {
        case nil: keyNamed = nil
        case .string(let fingerprint)?: keyNamed = fingerprint
        default: throw .malformed
        }
        guard keyNamed == pseudonymKey.map(Self.fingerprint(of:)) else { throw .pseudonymKeyMismatch }
        self.init(
            id: id, producer: producer, consumer: consumer, legalBasis: legalBasis,
            match: Match(taxonomies: covered, maxTLP: maxTLP), fields: fields, personalData: actions,
            pseudonymKey: pseudonymKey, webhook: nil)
        personalDataByRole = byRole
    }
}

/// Why a stored agreement document cannot be read back.
public enum AgreementDocumentError: Error, Sendable, Equatable {
    /// Not a policy document this version of Liaison writes.
    case malformed
    /// The pseudonym key given is not the one the document names.
    case pseudonymKeyMismatch
}
