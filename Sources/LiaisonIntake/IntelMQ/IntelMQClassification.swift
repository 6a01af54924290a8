import LiaisonCore

/// IntelMQ's `classification.taxonomy` and `classification.type` read as an RSIT class.
///
/// IntelMQ 3 writes RSIT names, so most events map as they are. IntelMQ 2.x names, renamed
/// when IntelMQ 3.0 adopted RSIT 1.3 (IntelMQ's changelog, 3.0.0 "Harmonization"), map
/// through the alias tables below. Anything else, including the IntelMQ-only types
/// `blacklist`, `dga-domain`, `proxy`, `tor` and 2.x's `malware` (split in two by 3.0,
/// so either reading would be a guess), becomes `other`/`undetermined`; the reader keeps
/// the producer's own values as custody fields either way.
enum IntelMQClassification {
    /// IntelMQ 2.x taxonomy names → RSIT.
    static let taxonomyAliases: [String: String] = [
        "abusive content": "abusive-content",
        "malicious code": "malicious-code",
        "information gathering": "information-gathering",
        "intrusion attempts": "intrusion-attempts",
        "information content security": "information-content-security",
    ]

    /// IntelMQ 2.x type names (and IntelMQ's American spelling) → RSIT taxonomy and type.
    static let typeAliases: [String: (taxonomy: String, type: String)] = [
        "c2server": ("malicious-code", "c2-server"),
        "ransomware": ("malicious-code", "infected-system"),
        "leak": ("information-content-security", "data-leak"),
        "compromised": ("intrusions", "system-compromise"),
        "unauthorized-command": ("intrusions", "system-compromise"),
        "unauthorized-login": ("intrusions", "system-compromise"),
        "backdoor": ("intrusions", "system-compromise"),
        "defacement": ("information-content-security", "unauthorised-information-modification"),
        "unknown": ("other", "undetermined"),
        "vulnerable client": ("vulnerable", "vulnerable-system"),
        "vulnerable service": ("vulnerable", "vulnerable-system"),
        "unauthorized-use-of-resources": ("fraud", "unauthorised-use-of-resources"),
    ]

    /// The RSIT class for a producer's taxonomy and type (either may be absent), and
    /// whether it was found rather than defaulted to `other`/`undetermined`.
    static func classification(taxonomy: String?, type: String?) -> (Classification, found: Bool) {
        let givenTaxonomy = taxonomy.map(normalise)
        guard let type = type.map(normalise) else { return (.undetermined, false) }
        if let alias = typeAliases[type], let classification = Classification(taxonomy: alias.taxonomy, type: alias.type) {
            return (classification, true)
        }
        if let given = givenTaxonomy {
            let rsitTaxonomy = taxonomyAliases[given] ?? given
            if let classification = Classification(taxonomy: rsitTaxonomy, type: type) { return (classification, true) }
            return (.undetermined, false)
        }
        // No taxonomy: IntelMQ's taxonomy expert derives it from the type, and so may we,
        // since every RSIT type belongs to exactly one taxonomy.
        let owners = RSIT.types.filter { $0.value.contains(type) }.map(\.key)
        if owners.count == 1, let classification = Classification(taxonomy: owners[0], type: type) {
            return (classification, true)
        }
        return (.undetermined, false)
    }

    /// Trimmed and lower-cased; returned as it is when it is lower-case printable ASCII with no
    /// space at either end already, as feeds write it, so that no new string is made.
    private static func normalise(_ text: String) -> String {
        let utf8 = text.utf8
        let normal =
            utf8.first != UInt8(ascii: " ") && utf8.last != UInt8(ascii: " ")
            && utf8.allSatisfy { (0x20...0x7E).contains($0) && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        return normal ? text : text.trimmedOfWhitespace.lowercased()
    }
}
