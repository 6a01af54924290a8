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

    /// LDH labels, at least two, alphabetic final label.
    static func isDomain(_ value: String) -> Bool {
        let labels = value.hasSuffix(".") ? value.dropLast().split(separator: ".", omittingEmptySubsequences: false)
                                          : value.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, value.utf8.count <= 253, let tld = labels.last,
              tld.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    private static func splitPrefix(_ value: String) -> (String, Int?) {
        guard let slash = value.firstIndex(of: "/") else { return (value, nil) }
        let digits = value[value.index(after: slash)...]
        guard (1...3).contains(digits.count), digits.allSatisfy(\.isASCII), let n = Int(digits) else {
            return (value, 9999)
        }
        return (String(value[..<slash]), n)
    }

    private static func isDottedQuad(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            (1...3).contains(octet.count) && octet.allSatisfy { $0.isASCII && $0.isNumber }
                && !(octet.count > 1 && octet.hasPrefix("0")) && Int(octet)! <= 255
        }
    }
}
