/// An incident's class in the ENISA Reference Security Incident Taxonomy (RSIT),
/// written as IntelMQ writes it: `classification.taxonomy` / `classification.type`.
public struct Classification: Sendable, Hashable, Codable {
    public var taxonomy: String
    public var type: String

    /// The class used when nothing better is known; never a guess.
    public static let undetermined = Classification(uncheckedTaxonomy: "other", type: "undetermined")

    /// Returns nil unless `type` is one of `taxonomy`'s types in RSIT.
    public init?(taxonomy: String, type: String) {
        guard RSIT.types[taxonomy]?.contains(type) == true else { return nil }
        self.taxonomy = taxonomy
        self.type = type
    }

    private init(uncheckedTaxonomy taxonomy: String, type: String) {
        self.taxonomy = taxonomy
        self.type = type
    }
}

/// The RSIT vocabulary: each taxonomy with its types (ENISA RSIT, as IntelMQ 3 uses it).
public enum RSIT {
    public static let types: [String: Set<String>] = [
        "abusive-content": ["spam", "harmful-speech", "violence"],
        "malicious-code": ["infected-system", "c2-server", "malware-distribution", "malware-configuration"],
        "information-gathering": ["scanner", "sniffing", "social-engineering"],
        "intrusion-attempts": ["ids-alert", "brute-force", "exploit"],
        "intrusions": [
            "privileged-account-compromise", "unprivileged-account-compromise",
            "application-compromise", "system-compromise", "burglary",
        ],
        "availability": ["dos", "ddos", "misconfiguration", "outage", "sabotage"],
        "information-content-security": [
            "unauthorised-information-access", "unauthorised-information-modification",
            "data-loss", "data-leak",
        ],
        "fraud": ["unauthorised-use-of-resources", "copyright", "masquerade", "phishing"],
        "vulnerable": [
            "weak-crypto", "ddos-amplifier", "potentially-unwanted-accessible",
            "information-disclosure", "vulnerable-system",
        ],
        "other": ["other", "undetermined"],
        "test": ["test"],
    ]
}
