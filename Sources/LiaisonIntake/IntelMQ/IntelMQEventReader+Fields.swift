import Crypto
import Foundation
import LiaisonCore

/// The fields of an IntelMQ event, one rule each; `schemas/intelmq-mapping.md` has the table.
extension IntelMQEventReader {
    /// Fields kept exactly as sent: identifiers and technical facts an investigator must be
    /// able to match, none of them about a person.
    static let verbatimKeys: Set<String> = [
        "classification.identifier", "feed.provider", "feed.accuracy", "feed.url", "feed.code", "feed.documentation",
        "malware.name", "malware.version", "protocol.application", "protocol.transport", "event_hash", "rtir_id",
        "misp.event_uuid", "misp.attribute_uuid", "status",
    ]

    /// Endpoint fields kept verbatim (ports, AS names, geolocation of the address…).
    static let verbatimEndpointFields: Set<String> = [
        "port", "as_name", "registry", "allocated", "tor_node", "geolocation.cc", "geolocation.country",
        "geolocation.city", "geolocation.region", "geolocation.state", "geolocation.latitude", "geolocation.longitude",
        "geolocation.cymru_cc", "geolocation.geoip_cc",
    ]

    /// Everything without a rule of its own: `source.*`/`destination.*` fields, known verbatim
    /// fields, and free text (`extra.*`, `comment`, fields this reader does not know).
    mutating func other(_ key: String, _ value: JSONValue, at: String) {
        // The field after the section, cut by bytes: these keys are IntelMQ field names, ASCII.
        if key.hasPrefix("source.") {
            endpoint(key, field: String(decoding: key.utf8.dropFirst(7), as: UTF8.self), role: .offender, value, at: at)
        } else if key.hasPrefix("destination.") {
            endpoint(key, field: String(decoding: key.utf8.dropFirst(12), as: UTF8.self), role: .victim, value, at: at)
        } else if Self.verbatimKeys.contains(key) {
            scalarText(value, at: at).map { keep(key, .verbatim($0)) }
        } else {
            freeText(key, value, at: at)
        }
    }

    /// A field kept as free text, scanned for personal data; in a field whose name says it
    /// holds e-mail addresses (`*.email*`, `*_email`, `extra.*mail*`), any syntactically valid
    /// address is personal data, whatever its top-level domain.
    private mutating func freeText(_ key: String, _ value: JSONValue, at: String) {
        guard let text = scalarText(value, at: at) else { return }
        keep(key, key.lowercased().contains("mail") ? .addressText(text) : .text(text))
    }

    private mutating func endpoint(_ key: String, field: String, role: ObservableRole, _ value: JSONValue, at: String) {
        switch field {
        case "ip", "local_ip":
            guard let text = string(value, at: at) else { return }
            let prefixed = text.utf8.contains(UInt8(ascii: "/"))
            if !prefixed, AddressShape.isIPv4(text) {
                observe(.ipv4, text, role)
            } else if !prefixed, AddressShape.isIPv6(text) {
                observe(.ipv6, text.lowercased(), role)
            } else {
                fail(at, "is not an IPv4 or IPv6 address")
            }
        case "fqdn", "reverse_dns":
            guard let text = string(value, at: at) else { return }
            guard AddressShape.isDomain(text) else { return fail(at, "is not a domain name") }
            observe(.domain, text.lowercased(), role)
        case "url":
            guard let text = string(value, at: at) else { return }
            guard text.utf8.contains(UInt8(ascii: ":")), !text.containsWhitespace else { return fail(at, "is not a URL") }
            observe(.url, text, role)
        case "asn":
            guard case .number(let number) = value, number == number.rounded(), (0...4_294_967_295).contains(number) else {
                return fail(at, "must be an AS number (an integer from 0 to 4294967295)")
            }
            observe(.asn, String(Int(number)), role)
        case "account":
            guard let text = string(value, at: at) else { return }
            observe(Self.isEmailAddress(text) ? .email : .userAccount, text, role)
        case "abuse_contact":
            guard let text = string(value, at: at) else { return }
            for address in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !address.isEmpty {
                guard Self.isEmailAddress(address) else { return fail(at, "is not a comma-separated list of e-mail addresses") }
                observe(.email, address, .infrastructure)
            }
        case "port":
            guard case .number(let number) = value, number == number.rounded(), (0...65535).contains(number) else {
                return fail(at, "must be a port number (an integer from 0 to 65535)")
            }
            keep(key, .verbatim(String(Int(number))))
        case "network" where role == .offender:
            string(value, at: at).map { keep(key, .verbatim($0)) }
        case _ where Self.verbatimEndpointFields.contains(field):
            scalarText(value, at: at).map { keep(key, .verbatim($0)) }
        default:
            // A victim's network, local hostnames, URL paths, fields not known here: free
            // text, so that the personal data scan sees them.
            freeText(key, value, at: at)
        }
    }

    private mutating func observe(_ kind: ObservableKind, _ value: String, _ role: ObservableRole) {
        guard observables.count < limits.maxObservablesPerEvent else {
            return fail("", "has more than \(limits.maxObservablesPerEvent) observables")
        }
        observables.append(Observable(kind: kind, value: value, role: role))
    }

    mutating func hash(_ value: JSONValue, kind: ObservableKind, digits: Int, at: String) {
        guard let text = string(value, at: at) else { return }
        guard text.utf8.count == digits, text.utf8.allSatisfy(\.isASCIIHexDigit) else {
            return fail(at, "is not \(digits) hexadecimal digits")
        }
        observe(kind, text.lowercased(), .offender)
    }

    /// `raw` is the feed's original line: never stored. Its decoded bytes' SHA-256 is, as
    /// `intelmq.raw_sha256`, so that the producer can still prove which line it was.
    mutating func rawDigest(_ value: JSONValue, at: String) {
        guard let text = string(value, at: at) else { return }
        guard let bytes = Data(base64Encoded: text) else { return fail(at, "is not base64 (RFC 4648 §4, padded)") }
        custody.append(CustodyField(name: "intelmq.raw_sha256", content: .verbatim("sha256:" + SHA256.hash(data: bytes).hexString)))
    }

    mutating func tlp(_ value: JSONValue, at: String) -> TLP? {
        guard let text = string(value, at: at) else { return nil }
        // IntelMQ 2.3.2 and later read YELLOW as AMBER.
        guard let tlp = text.uppercased() == "YELLOW" ? .amber : TLP(label: text) else {
            fail(at, "is not a TLP label (WHITE, CLEAR, GREEN, AMBER, AMBER+STRICT, RED)")
            return nil
        }
        return tlp
    }

    mutating func time(_ value: JSONValue, at: String) -> Date? {
        guard let text = string(value, at: at) else { return nil }
        guard let date = RFC3339.date(from: text) else {
            fail(at, "is not an ISO 8601 date-time with a time zone")
            return nil
        }
        return date
    }

    mutating func string(_ value: JSONValue, at: String) -> String? {
        guard case .string(let text) = value else {
            fail(at, "must be a string, not \(value.typeName)")
            return nil
        }
        return text
    }

    /// A string, number or boolean as text; arrays and objects (in `extra.*`) as canonical JSON.
    mutating func scalarText(_ value: JSONValue, at: String) -> String? {
        switch value {
        case .string: return string(value, at: at)
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            return number == number.rounded() && abs(number) <= 9_007_199_254_740_992 ? String(Int(number)) : String(number)
        case .null: return nil
        case .array, .object:
            return value.canonicalBytes.utf8Text
        }
    }

    /// Whether `text` has the shape of one e-mail address: a local part, one `@`, a dotted
    /// domain, no spaces. Deliberately broader than the personal-data scanner (which also
    /// wants a known top-level domain): an account that may be an address is better
    /// protected as one.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.utf8.contains(UInt8(ascii: "/")), !text.containsWhitespace else {
            return false
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
