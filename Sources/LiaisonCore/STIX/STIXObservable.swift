/// One observable of a projection as the STIX rendering sees it: the value the consumer is
/// shown and how it came to be (`plain` for a value that was never personal data, `erased`
/// for one whose vault entry is gone, else the agreement's action).
struct STIXObservableValue: Hashable {
    var kind: ObservableKind
    var role: ObservableRole
    var value: String
    var rendering: String

    /// The cyber-observable object this value becomes, or nil when it must not become one.
    ///
    /// Only a real value makes an SCO: one never personal, one revealed, or one generalised to
    /// a value that is still a valid value of the type (an IPv4 or IPv6 network in CIDR form,
    /// a registered domain). A pseudonym, a mask, an erased value or a generalisation that
    /// is no address (`*@example.rs`, `host example.net`) would be an invalid or a lying SCO:
    /// it travels in the Liaison extension's `observables` list instead. Each value is also
    /// checked against the type's syntax, so a malformed value never makes an invalid SCO.
    var sco: (type: String, properties: [String: JSONValue], contributing: JSONValue)? {
        let real: Bool
        switch rendering {
        case "plain", RenderAction.reveal.rawValue: real = true
        case RenderAction.generalise.rawValue: real = [.ipv4, .ipv6, .domain].contains(kind)
        default: real = false
        }
        guard real else { return nil }
        func valued(_ type: String) -> (String, [String: JSONValue], JSONValue) {
            (type, ["value": .string(value)], .object(["value": .string(value)]))
        }
        switch kind {
        case .ipv4 where STIXSyntax.isIPv4(value, allowingPrefix: true): return valued("ipv4-addr")
        case .ipv6 where STIXSyntax.isIPv6(value, allowingPrefix: true): return valued("ipv6-addr")
        case .domain where STIXSyntax.isDomain(value): return valued("domain-name")
        case .url where STIXSyntax.isURL(value): return valued("url")
        case .email where STIXSyntax.isEmail(value): return valued("email-addr")
        case .hashMD5 where STIXSyntax.isHex(value, count: 32): return hashed("MD5")
        case .hashSHA1 where STIXSyntax.isHex(value, count: 40): return hashed("SHA-1")
        case .hashSHA256 where STIXSyntax.isHex(value, count: 64): return hashed("SHA-256")
        case .fileName where !value.isEmpty:
            return ("file", ["name": .string(value)], .object(["name": .string(value)]))
        case .asn:
            guard let number = STIXSyntax.asNumber(value) else { return nil }
            return ("autonomous-system", ["number": .number(Double(number))], .object(["number": .number(Double(number))]))
        case .userAccount where !value.isEmpty:
            return ("user-account", ["user_id": .string(value)], .object(["user_id": .string(value)]))
        default:
            return nil
        }
    }

    private func hashed(_ algorithm: String) -> (String, [String: JSONValue], JSONValue) {
        let hashes = JSONValue.object([algorithm: .string(value.lowercased())])
        return ("file", ["hashes": hashes], .object(["hashes": hashes]))
    }

    /// The entry in the extension's `observables` list.
    var extensionEntry: JSONValue {
        .object([
            "kind": .string(kind.rawValue), "role": .string(role.rawValue), "rendering": .string(rendering),
            "value": .string(value),
        ])
    }
}

/// Strict syntax of STIX SCO values (STIX 2.1 §6): stricter than intake, which undoes
/// defanging and accepts spacing, because here a value either is exact or stays out.
enum STIXSyntax {
    static func isIPv4(_ text: String, allowingPrefix: Bool) -> Bool {
        let (address, prefix) = split(text, allowingPrefix: allowingPrefix, maximum: 32)
        guard let address, prefix != .invalid else { return false }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                (1...3).contains(octet.count) && octet.allSatisfy(\.isASCIIDigit) && Int(octet)! <= 255
                    && (octet.count == 1 || octet.first != "0")
            }
    }

    static func isIPv6(_ text: String, allowingPrefix: Bool) -> Bool {
        let (address, prefix) = split(text, allowingPrefix: allowingPrefix, maximum: 128)
        guard let address, prefix != .invalid, address.contains(":") else { return false }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for half in halves where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index == parts.count - 1, part.contains("."), isIPv4(String(part), allowingPrefix: false) {
                    groups += 2
                    continue
                }
                guard (1...4).contains(part.count), part.utf8.allSatisfy(isHexByte) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }

    private enum Prefix { case none, valid, invalid }

    private static func split(_ text: String, allowingPrefix: Bool, maximum: Int) -> (String?, Prefix) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (text, .none)
        case 2 where allowingPrefix:
            guard let bits = Int(parts[1]), parts[1].allSatisfy(\.isASCIIDigit), (0...maximum).contains(bits) else {
                return (nil, .invalid)
            }
            return (String(parts[0]), .valid)
        default: return (nil, .invalid)
        }
    }

    /// A host name of two or more LDH labels (lower or upper case), 253 bytes at most.
    static func isDomain(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.utf8.count <= 253, labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { isAlphanumeric($0) || $0 == 0x2D }
        } && !labels.last!.allSatisfy(\.isASCIIDigit)
    }

    /// An addr-spec whose local part is a dot-atom of letters, digits and `!#$%&'+-/=?^_`{|}~`
    /// (no `*`: that is how masks and generalisations look) and whose domain is a host name.
    static func isEmail(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at], domain = text[text.index(after: at)...]
        let allowed = Set("!#$%&'+-/=?^_`{|}~.".utf8)
        return !local.isEmpty && local.utf8.count <= 64 && local.first != "." && local.last != "." && !local.contains("..")
            && local.utf8.allSatisfy { isAlphanumeric($0) || allowed.contains($0) } && isDomain(String(domain))
    }

    /// An absolute URL (RFC 3986): a scheme, `://`, a non-empty rest with no space, control
    /// character or `*`.
    static func isURL(_ text: String) -> Bool {
        guard let separator = text.range(of: "://") else { return false }
        let scheme = text[..<separator.lowerBound], rest = text[separator.upperBound...]
        guard let first = scheme.utf8.first, isAlphanumeric(first), !(0x30...0x39).contains(first) else { return false }
        return scheme.utf8.allSatisfy { isAlphanumeric($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
            && !rest.isEmpty && rest.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x2A && $0 != 0x22 && $0 != 0x3C && $0 != 0x3E }
    }

    static func isHex(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy(isHexByte)
    }

    /// An ASCII letter or digit.
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func isHexByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    /// `AS64500`, `as64500` or `64500`.
    static func asNumber(_ text: String) -> Int? {
        let digits = text.uppercased().hasPrefix("AS") ? String(text.dropFirst(2)) : text
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), number <= 4_294_967_295 else {
            return nil
        }
        return number
    }
}
