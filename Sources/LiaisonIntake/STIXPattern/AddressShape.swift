/// Shape checks for address-like observable values (IPv4/IPv6 with optional CIDR prefix,
/// as STIX 2.1 §6.4/§6.5 allow CIDR in `ipv4-addr`/`ipv6-addr` values; MAC per §6.8;
/// domain names per §6.3).
enum AddressShape {
    static func kind(of value: String) -> String? {
        if isIPv4(value) { return "ipv4" }
        if isIPv6(value) { return "ipv6" }
        if isMAC(value) { return "mac" }
        if isDomain(value) { return "domain" }
        return nil
    }

    /// Dotted quad (no leading zeros), optional `/0`–`/32`.
    static func isIPv4(_ value: String) -> Bool {
        let (address, prefix) = splitPrefix(value)
        guard prefix.map({ $0 <= 32 }) ?? true else { return false }
        return isDottedQuad(Substring(address))
    }

    /// RFC 4291 text form (with `::` and embedded IPv4), optional `/0`–`/128`.
    static func isIPv6(_ value: String) -> Bool {
        let (address, prefix) = splitPrefix(value)
        guard prefix.map({ $0 <= 128 }) ?? true, address.contains(":") else { return false }
        let halves = address.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (h, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                let isLast = h == halves.count - 1 && i == parts.count - 1
                if isLast, part.contains(".") {
                    guard isDottedQuad(part) else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }

    static func isMAC(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        let dashed = value.split(separator: "-", omittingEmptySubsequences: false)
        let groups = parts.count == 6 ? parts : dashed
        return groups.count == 6 && groups.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
    }

    /// LDH labels, at least two, alphabetic final label; an optional final dot. Checked
    /// byte by byte: a feed's every event has a host or two.
    static func isDomain(_ value: String) -> Bool {
        var bytes = value.utf8[...]
        if bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        guard value.utf8.count <= 253 else { return false }
        var dots = 0, length = 0, previous: UInt8 = 0, alphabetic = true
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard (1...63).contains(length), previous != UInt8(ascii: "-") else { return false }
                dots += 1
                length = 0
                alphabetic = true
            } else {
                let letter = byte.isASCIILetter
                guard letter || byte.isASCIIDigit
                    || (byte == UInt8(ascii: "-") && length > 0)
                else { return false }
                alphabetic = alphabetic && letter
                length += 1
            }
            previous = byte
        }
        return dots >= 1 && (1...63).contains(length) && previous != UInt8(ascii: "-") && alphabetic
    }

    /// The address and its `/prefix` (digits only); a prefix that is not 1–3 digits gives
    /// 9999, which no caller accepts.
    private static func splitPrefix(_ value: String) -> (String, Int?) {
        guard let slash = value.utf8.firstIndex(of: UInt8(ascii: "/")) else { return (value, nil) }
        let digits = value.utf8[value.utf8.index(after: slash)...]
        guard (1...3).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else {
            return (value, 9999)
        }
        return (String(value[..<slash]), digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
    }

    /// Four decimal octets of at most 255, without leading zeros.
    private static func isDottedQuad(_ text: Substring) -> Bool {
        var dots = 0, digits = 0, octet = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return false }
                dots += 1
                digits = 0
                octet = 0
            } else {
                guard byte.isASCIIDigit, digits == 0 || octet > 0 else { return false }
                octet = octet * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard octet <= 255 else { return false }
            }
        }
        return dots == 3 && digits > 0
    }
}
