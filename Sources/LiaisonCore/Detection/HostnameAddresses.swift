/// Host names that spell out an IP address: the reverse-DNS names of RFC 1035 section 3.5
/// (`45.77.216.89.in-addr.arpa`) and RFC 3596 section 2.5 (`…8.b.d.0.1.0.0.2.ip6.arpa`), and
/// the names access providers give their customers' lines (`cpe-89-216-77-45.dynamic.isp.rs`,
/// `89.216.77.45.dsl.isp.net`, `2001-db8--7.pool.isp.org`). Such a name is as personal as the
/// address it spells, so the scanner reports it as that address. Outside the `.arpa` zones the
/// octets are read in the order written: a provider that writes them reversed is not told apart.
enum HostnameAddresses {
    static func address(in hostname: String) -> (kind: PersonalDataKind, address: String)? {
        guard mayHoldAddress(hostname) else { return nil }
        return spelledAddress(in: hostname)
    }

    /// False when no form below can match, read off the bytes without making a string: every
    /// form needs a name under `.arpa`, four all-digit labels in a row, or a label with two
    /// dashes. Non-ASCII names are always read in full (lower-casing them is Unicode's).
    static func mayHoldAddress(_ hostname: String) -> Bool {
        var dashes = 0, digitLabelsInRow = 0, labelLength = 0, digitsOnly = true
        var tail: UInt64 = 0  // the last bytes, lower-cased, for ".arpa"
        func endLabel() {
            digitLabelsInRow = labelLength > 0 && digitsOnly ? digitLabelsInRow + 1 : 0
            dashes = 0
            labelLength = 0
            digitsOnly = true
        }
        for byte in hostname.utf8 {
            guard byte < 0x80 else { return true }
            tail = tail << 8 | UInt64(lowerASCII(byte))
            if byte == UInt8(ascii: ".") {
                endLabel()
                if digitLabelsInRow >= 4 { return true }
                continue
            }
            if byte == UInt8(ascii: "-") {
                dashes += 1
                if dashes >= 2 { return true }
            }
            if !isDigit(byte) { digitsOnly = false }
            labelLength += 1
        }
        endLabel()
        return digitLabelsInRow >= 4 || tail & 0xFF_FFFF_FFFF == 0x2E_6172_7061  // ".arpa"
    }

    /// The address `hostname` spells, if any (``address(in:)`` without the screen).
    static func spelledAddress(in hostname: String) -> (kind: PersonalDataKind, address: String)? {
        let labels = hostname.lowercased().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if labels.suffix(2) == ["in-addr", "arpa"], labels.count >= 6, let ipv4 = ipv4(Array(labels.dropLast(2).suffix(4).reversed())) {
            return (.ipv4, ipv4)
        }
        if labels.suffix(2) == ["ip6", "arpa"], labels.count == 34 {
            let nibbles = labels.prefix(32).reversed()
            guard nibbles.allSatisfy({ $0.count == 1 && $0.allSatisfy(\.isHexDigit) }) else { return nil }
            let groups = stride(from: 0, to: 32, by: 4).map { nibbles.dropFirst($0).prefix(4).joined() }
            return ipv6(groups.joined(separator: ":")).map { (.ipv6, $0) }
        }
        // Four decimal labels in a row.
        for start in labels.indices where start + 4 <= labels.count {
            if let ipv4 = ipv4(Array(labels[start..<(start + 4)])) { return (.ipv4, ipv4) }
        }
        for label in labels {
            let parts = label.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else { continue }
            // First (an IPv6 address needs eight groups or `--`, so four octets never read as one):
            // dash-separated hex groups, `--` for `::`, after an optional non-hex prefix (`ipv6-`).
            let start = parts.firstIndex { !$0.isEmpty && $0.allSatisfy(\.isHexDigit) } ?? parts.endIndex
            let groups = parts[start...]
            if groups.filter({ !$0.isEmpty }).count >= 3, groups.contains(where: { $0.contains(where: \.isNumber) }),
                let ipv6 = ipv6(groups.joined(separator: ":"))
            {
                return (.ipv6, ipv6)
            }
            // Four dash-separated octets; the first may follow letters (`ip89`), the last precede them.
            for start in parts.indices where start + 4 <= parts.count {
                var octets = Array(parts[start..<(start + 4)])
                octets[0] = String(octets[0].reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
                octets[3] = String(octets[3].prefix { $0.isASCII && $0.isNumber })
                if let ipv4 = ipv4(octets) { return (.ipv4, ipv4) }
            }
        }
        return nil
    }

    /// Four decimal octets (0–255) as a dotted quad, or nil.
    private static func ipv4(_ octets: [String]) -> String? {
        guard octets.count == 4 else { return nil }
        var values: [Int] = []
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(octet), value <= 255
            else { return nil }
            values.append(value)
        }
        return values.map(String.init).joined(separator: ".")
    }

    /// An RFC 4291 address in RFC 5952 form, or nil.
    private static func ipv6(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { p in
            Hostnames.parseIPv6(p, 0..<p.count).map { Hostnames.formatIPv6($0.groups, dotted: $0.dotted) }
        }
    }
}
