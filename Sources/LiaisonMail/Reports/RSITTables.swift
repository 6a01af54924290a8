import Foundation
import LiaisonCore

/// The explicit mappings from report vocabularies to ENISA RSIT (`Classification`). Anything not
/// listed maps to `other/undetermined`: a table miss is never guessed around.
public enum RSITTables {
    /// RFC 5965 section 7.3 Feedback-Type registry (+ RFC 6591 auth-failure, RFC 6650 not-spam).
    /// "not-spam" is deliberately absent: it is a retraction, not an incident (see `ARFMapper`).
    public static let feedbackType: [String: (String, String)] = [
        "abuse": ("abusive-content", "spam"),
        "fraud": ("fraud", "phishing"),
        "virus": ("malicious-code", "malware-distribution"),
        "auth-failure": ("other", "undetermined"),
        "other": ("other", "undetermined"),
    ]

    /// XARF v4 `category/type`, for every pair of the specification's schemas (v4.2.0,
    /// `xarf-v4-master.json`); `schemas/xarf-mapping.md` gives the same table and the reasons.
    public static let xarf4: [String: (String, String)] = [
        "messaging/spam": ("abusive-content", "spam"),
        "messaging/bulk_messaging": ("abusive-content", "spam"),
        "connection/login_attack": ("intrusion-attempts", "brute-force"),
        "connection/port_scan": ("information-gathering", "scanner"),
        "connection/ddos": ("availability", "ddos"),
        "connection/infected_host": ("malicious-code", "infected-system"),
        "connection/reconnaissance": ("information-gathering", "scanner"),
        "connection/scraping": ("information-gathering", "scanner"),
        "connection/sql_injection": ("intrusion-attempts", "exploit"),
        "connection/vulnerability_scan": ("information-gathering", "scanner"),
        "content/phishing": ("fraud", "phishing"),
        "content/malware": ("malicious-code", "malware-distribution"),
        "content/csam": ("abusive-content", "violence"),
        "content/csem": ("abusive-content", "violence"),
        "content/exposed_data": ("information-content-security", "data-leak"),
        "content/brand_infringement": ("fraud", "masquerade"),
        "content/fraud": ("fraud", "masquerade"),
        "content/remote_compromise": ("intrusions", "application-compromise"),
        "content/suspicious_registration": ("fraud", "masquerade"),
        "copyright/copyright": ("fraud", "copyright"),
        "copyright/p2p": ("fraud", "copyright"),
        "copyright/cyberlocker": ("fraud", "copyright"),
        "copyright/ugc_platform": ("fraud", "copyright"),
        "copyright/link_site": ("fraud", "copyright"),
        "copyright/usenet": ("fraud", "copyright"),
        "infrastructure/botnet": ("malicious-code", "infected-system"),
        "infrastructure/compromised_server": ("intrusions", "system-compromise"),
        "vulnerability/cve": ("vulnerable", "vulnerable-system"),
        "vulnerability/open_service": ("vulnerable", "potentially-unwanted-accessible"),
        "vulnerability/misconfiguration": ("vulnerable", "vulnerable-system"),
        "reputation/blocklist": ("other", "undetermined"),
        "reputation/threat_intelligence": ("other", "undetermined"),
    ]

    /// `ReportType` of the older X-ARF JSON layout (what v4 calls v3), compared after
    /// `normalisedKey` ("LoginAttack", "login_attack" and "Login-Attack" are one key), so both
    /// the 2018 PascalCase and the later snake_case vocabularies hit the same row; also the
    /// fallback for a v4 type whose category/type pair is not in `xarf4`.
    public static let xarfType: [String: (String, String)] = [
        "spam": ("abusive-content", "spam"),
        "bulkmessaging": ("abusive-content", "spam"),
        "phishing": ("fraud", "phishing"),
        "fraud": ("fraud", "masquerade"),
        "malware": ("malicious-code", "malware-distribution"),
        "bot": ("malicious-code", "infected-system"),
        "botnet": ("malicious-code", "infected-system"),
        "infected": ("malicious-code", "infected-system"),
        "c2": ("malicious-code", "c2-server"),
        "commandandcontrol": ("malicious-code", "c2-server"),
        "compromisedserver": ("intrusions", "system-compromise"),
        "compromised": ("intrusions", "system-compromise"),
        "loginattack": ("intrusion-attempts", "brute-force"),
        "bruteforce": ("intrusion-attempts", "brute-force"),
        "authfailure": ("intrusion-attempts", "brute-force"),
        "sqlinjection": ("intrusion-attempts", "exploit"),
        "exploit": ("intrusion-attempts", "exploit"),
        "portscan": ("information-gathering", "scanner"),
        "reconnaissance": ("information-gathering", "scanner"),
        "vulnscanning": ("information-gathering", "scanner"),
        "ddos": ("availability", "ddos"),
        "dos": ("availability", "dos"),
        "ddosamplification": ("vulnerable", "ddos-amplifier"),
        "cve": ("vulnerable", "vulnerable-system"),
        "open": ("vulnerable", "potentially-unwanted-accessible"),
        "openservice": ("vulnerable", "potentially-unwanted-accessible"),
        "misconfiguration": ("vulnerable", "vulnerable-system"),
        "copyright": ("fraud", "copyright"),
        "dataleak": ("information-content-security", "data-leak"),
        "exposeddata": ("information-content-security", "data-leak"),
    ]

    /// X-ARF `ReportClass` (older layout) or `category` (v4) fallback when the type is missing or
    /// unknown: only classes whose every type lands on one RSIT class are listed.
    public static let xarfClass: [String: (String, String)] = [
        "copyright": ("fraud", "copyright"),
        "messaging": ("abusive-content", "spam"),
    ]

    /// X-ARF 0.2 `Report-Type` (schemas of the 0.2 spec: login-attack, phishing, malware, …),
    /// normalised like `xarfType`; `Category` is only a fallback through `xarfClass`.
    public static let xarf02Type: [String: (String, String)] = xarfType.merging([
        "portscanning": ("information-gathering", "scanner"),
        "phishingsite": ("fraud", "phishing"),
        "malwareurl": ("malicious-code", "malware-distribution"),
    ]) { current, _ in current }

    /// RFC 7970 section 3.12.1 SystemImpact `type` values whose meaning is one RSIT class.
    /// (availability-* is left out: it does not say whether the cause was a DoS or ransomware.)
    public static let iodefSystemImpact: [String: (String, String)] = [
        "takeover-account": ("intrusions", "unprivileged-account-compromise"),
        "takeover-service": ("intrusions", "application-compromise"),
        "takeover-system": ("intrusions", "system-compromise"),
        "breach-privacy": ("information-content-security", "data-leak"),
        "breach-proprietary": ("information-content-security", "data-leak"),
        "breach-credential": ("information-content-security", "data-leak"),
        "integrity-data": ("information-content-security", "unauthorised-information-modification"),
        "monitoring-traffic": ("information-gathering", "sniffing"),
    ]

    /// Looks `key` up (after `normalisedKey` when `normalise`, else trimmed and lower-cased);
    /// nil on a miss or on a row that is not valid RSIT.
    static func classify(_ key: String?, in table: [String: (String, String)], normalise: Bool = true) -> Classification? {
        guard let key else { return nil }
        let lookup = normalise ? normalisedKey(key) : key.trimmingCharacters(in: .whitespaces).lowercased()
        guard let row = table[lookup] else { return nil }
        return Classification(taxonomy: row.0, type: row.1)
    }

    /// Lower-cased ASCII letters and digits only.
    static func normalisedKey(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.unicodeScalars.append(Unicode.Scalar(byte + 32))
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default: continue
            }
        }
        return out
    }
}
