import Foundation
import LiaisonCore

/// Maps STIX vocabulary values to ENISA RSIT classes. The table is documented, row for
/// row, in `schemas/stix-mapping.md`; a test keeps the two equal.
///
/// Order (first mapped value wins): the root object first, then the objects folded into
/// the incident in the order they were reached; within one object the properties in
/// ``properties`` order; within one property its values in order. A value is mapped when
/// it is a row of ``rows`` (compared in lower case) or an RSIT machine tag
/// `rsit:<taxonomy>="<type>"` naming a real RSIT class (MISP exports its tags as labels).
/// Nothing mapped gives `Classification.undetermined`: never a guess.
public enum STIXClassificationTable {
    /// Where values are looked for, in this order. `incident_types` is read from the
    /// Incident Core Extension, and also as a top-level property.
    public static let properties = ["incident_types", "report_types", "indicator_types", "malware_types", "labels"]

    /// Vocabulary value → `taxonomy/type`.
    public static let rows: [(value: String, rsit: String)] = [
        ("phishing", "fraud/phishing"),
        ("dissemination-phishing-emails", "fraud/phishing"),
        ("masquerade", "fraud/masquerade"),
        ("copyright", "fraud/copyright"),
        ("resource-exploitation", "fraud/unauthorised-use-of-resources"),
        ("cryptomining", "fraud/unauthorised-use-of-resources"),
        ("spam", "abusive-content/spam"),
        ("harmful-speech", "abusive-content/harmful-speech"),
        ("violence", "abusive-content/violence"),
        ("ransomware", "malicious-code/infected-system"),
        ("bot", "malicious-code/infected-system"),
        ("remote-access-trojan", "malicious-code/infected-system"),
        ("trojan", "malicious-code/infected-system"),
        ("backdoor", "malicious-code/infected-system"),
        ("worm", "malicious-code/infected-system"),
        ("virus", "malicious-code/infected-system"),
        ("spyware", "malicious-code/infected-system"),
        ("keylogger", "malicious-code/infected-system"),
        ("infected-system", "malicious-code/infected-system"),
        ("c2", "malicious-code/c2-server"),
        ("c2-server", "malicious-code/c2-server"),
        ("command-and-control", "malicious-code/c2-server"),
        ("exploit-kit", "malicious-code/malware-distribution"),
        ("malware-distribution", "malicious-code/malware-distribution"),
        ("malware-configuration", "malicious-code/malware-configuration"),
        ("scanner", "information-gathering/scanner"),
        ("scanning", "information-gathering/scanner"),
        ("sniffing", "information-gathering/sniffing"),
        ("social-engineering", "information-gathering/social-engineering"),
        ("ids-alert", "intrusion-attempts/ids-alert"),
        ("brute-force", "intrusion-attempts/brute-force"),
        ("exploit", "intrusion-attempts/exploit"),
        ("compromised", "intrusions/system-compromise"),
        ("system-compromise", "intrusions/system-compromise"),
        ("account-compromise", "intrusions/unprivileged-account-compromise"),
        ("privileged-account-compromise", "intrusions/privileged-account-compromise"),
        ("unprivileged-account-compromise", "intrusions/unprivileged-account-compromise"),
        ("application-compromise", "intrusions/application-compromise"),
        ("dos", "availability/dos"),
        ("denial-of-service", "availability/dos"),
        ("ddos", "availability/ddos"),
        ("sabotage", "availability/sabotage"),
        ("outage", "availability/outage"),
        ("data-leak", "information-content-security/data-leak"),
        ("data-breach", "information-content-security/data-leak"),
        ("data-loss", "information-content-security/data-loss"),
        ("unauthorised-information-access", "information-content-security/unauthorised-information-access"),
        ("unauthorised-information-modification", "information-content-security/unauthorised-information-modification"),
        ("vulnerable-system", "vulnerable/vulnerable-system"),
        ("weak-crypto", "vulnerable/weak-crypto"),
        ("ddos-amplifier", "vulnerable/ddos-amplifier"),
    ]

    static let lookup: [String: Classification] = {
        var table: [String: Classification] = [:]
        for row in rows {
            let parts = row.rsit.split(separator: "/").map(String.init)
            table[row.value] = Classification(taxonomy: parts[0], type: parts[1])
        }
        return table
    }()

    /// The class of one vocabulary value, or nil when the table does not map it.
    public static func classification(of value: String) -> Classification? {
        let key = value.lowercased()
        if let mapped = lookup[key] { return mapped }
        guard key.hasPrefix("rsit:"), let equals = key.firstIndex(of: "=") else { return nil }
        let taxonomy = String(key[key.index(key.startIndex, offsetBy: 5)..<equals])
        let type = key[key.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return Classification(taxonomy: taxonomy, type: type)
    }

    /// The first mapped value among `objects`, in the documented order.
    static func classification(of objects: [STIXObject]) -> Classification {
        for object in objects {
            for property in properties {
                var values = object.strings(property)
                if property == "incident_types", case .array(let items)? = object.extensionProperties(STIXExtensions.incidentCore)?[property] {
                    values = items.compactMap { if case .string(let text) = $0 { text } else { nil } } + values
                }
                for value in values {
                    if let mapped = classification(of: value) { return mapped }
                }
            }
        }
        return .undetermined
    }
}
