import Foundation
import LiaisonCore

/// Gathers a draft's observables: values of personal-data kinds are normalised with the same
/// rules as the scanner (`PersonalDataValidator`), so the protector tokenises them consistently;
/// a value that is not valid for its declared kind is dropped and counted, never re-typed.
/// Duplicates (same kind, value and role) are kept once, in first-seen order.
struct ObservableCollector {
    private(set) var observables: [Observable] = []
    private var seen: Set<Observable> = []
    /// Structured values refused by validation (reported by count only, see `droppedNote`).
    private(set) var dropped = 0

    mutating func add(_ kind: ObservableKind, _ raw: String?, role: ObservableRole) {
        guard let raw else { return }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 2048 else { if !trimmed.isEmpty { dropped += 1 }; return }
        let value: String
        if kind == .person {
            // A name that does not look like one is still a name: keep it so it is protected.
            value = PersonalDataValidator.normalise(trimmed, as: .person) ?? trimmed
        } else if let personal = kind.personalDataKind {
            if let normalised = PersonalDataValidator.normalise(trimmed, as: personal) {
                value = normalised
            } else if let plausible = Self.plausibleName(trimmed, kind: kind) {
                value = plausible
            } else {
                dropped += 1
                return
            }
        } else {
            value = trimmed
        }
        let observable = Observable(kind: kind, value: value, role: role)
        if seen.insert(observable).inserted { observables.append(observable) }
    }

    /// The scanner only accepts hosts under delegated or reserved TLDs, and addresses of the
    /// common dot-atom shape; a *declared* domain or URL under another TLD (an intranet's
    /// ".corp") or an address of another shape is still evidence. Kept, undefanged, when it is
    /// one token with a dot in the host part; the protector treats it by its kind.
    static func plausibleName(_ value: String, kind: ObservableKind) -> String? {
        let clean = undefang(value)
        guard !clean.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
        else { return nil }
        switch kind {
        case .domain:
            let host = clean.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            return host.contains(".") && host.utf8.count <= 253 ? host : nil
        case .email:
            let parts = clean.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains(".") else { return nil }
            return parts[0] + "@" + parts[1].lowercased()
        case .url:
            guard let scheme = clean.range(of: "://"), !clean[..<scheme.lowerBound].isEmpty,
                  clean[scheme.upperBound...].prefix(while: { $0 != "/" }).contains(".") else { return nil }
            return clean
        default:
            return nil
        }
    }

    /// A network value whose kind is given by `hint` (X-ARF "SourceType", IODEF Address
    /// "category") or, when the hint is absent or unknown, by its shape.
    mutating func addNetwork(_ raw: String?, role: ObservableRole, hint: String? = nil) {
        guard let raw else { return }
        add(Self.kind(of: raw, hint: hint), raw, role: role)
    }

    /// Findings of `PersonalDataScanner` in free text, where no role is known.
    mutating func add(spans: [DetectedSpan]) {
        for span in spans {
            let observable = Observable(kind: Self.kind(span.kind), value: span.normalised, role: .unknown)
            if seen.insert(observable).inserted { observables.append(observable) }
        }
    }

    /// A rule-named line for the description when values were dropped (no content quoted).
    var droppedNote: String? {
        dropped == 0 ? nil : "Dropped \(dropped) structured value(s) that failed validation (rule: observable-validation)."
    }

    static func kind(of raw: String, hint: String?) -> ObservableKind {
        switch hint.map(RSITTables.normalisedKey) {
        case "ipv4", "ipv4addr", "ip4": return .ipv4
        case "ipv6", "ipv6addr", "ip6": return .ipv6
        case "email", "mail", "emailaddress": return .email
        case "uri", "url", "siteuri": return .url
        case "domain", "fqdn", "hostname": return .domain
        case "asn", "as": return .asn
        default: break
        }
        if raw.contains("://") { return .url }
        if raw.contains("@") { return .email }
        if raw.contains(":"), raw.unicodeScalars.allSatisfy({ $0 == ":" || $0 == "." || $0.properties.isASCIIHexDigit }) { return .ipv6 }
        if !raw.isEmpty, raw.unicodeScalars.allSatisfy({ $0 == "." || ("0"..."9").contains($0) }) { return .ipv4 }
        return .domain
    }

    static func kind(_ kind: PersonalDataKind) -> ObservableKind {
        switch kind {
        case .email: .email
        case .phone: .phone
        case .iban: .iban
        case .paymentCard: .paymentCard
        case .ipv4: .ipv4
        case .ipv6: .ipv6
        case .url: .url
        case .domain: .domain
        case .nationalID: .nationalID
        case .cryptoWallet: .cryptoWallet
        case .person: .person
        case .userAccount: .userAccount
        case .messageID: .other  // never found in a report's text
        }
    }
}
