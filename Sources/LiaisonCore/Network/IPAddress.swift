/// An IPv4 or IPv6 address as its bytes (4 or 16), parsed from text with the same rules as
/// the detector: IPv4 as a dotted quad without leading zeros, IPv6 in any RFC 4291 form. A zone
/// (`fe80::1%eth0`) is not an address of its own and is refused.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(_ text: String) {
        var text = text
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var utf8 = Array(text.utf8)
        let parsed: [UInt8]? = utf8.withUnsafeMutableBufferPointer { buffer -> [UInt8]? in
            let p = Bytes(buffer)
            let all = 0..<p.count
            if Hostnames.isValidIPv4(p, all) {
                var octets: [UInt8] = [0]
                for i in all {
                    if p[i] == 0x2E { octets.append(0) } else { octets[octets.count - 1] = octets[octets.count - 1] &* 10 &+ (p[i] - 0x30) }
                }
                return octets
            }
            guard let (groups, _) = Hostnames.parseIPv6(p, all) else { return nil }
            return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
        guard let parsed else { return nil }
        bytes = parsed
    }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    public var isIPv4: Bool { bytes.count == 4 }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), which reaches
    /// that IPv4 host.
    public var mappedIPv4: IPAddress? {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF else { return nil }
        return IPAddress(bytes: Array(bytes[12..<16]))
    }

    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        return Hostnames.formatIPv6(groups, dotted: false)
    }
}

/// An address range in CIDR notation: `10.0.0.0/8`, `fd00::/8`; a bare address is one host.
/// Bits past the prefix must be zero, so a typo such as `10.0.0.1/8` is refused, not widened.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else { return nil }
        let maximum = address.bytes.count * 8
        var length = maximum
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(parts[1]),
                value >= 0, value <= maximum
            else { return nil }
            length = value
        }
        self.init(address: address, prefixLength: length)
        guard Self.masked(address.bytes, length) == address.bytes else { return nil }
    }

    private init(address: IPAddress, prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Whether `candidate` lies in this range; an IPv4-mapped IPv6 address is compared as the
    /// IPv4 address it reaches.
    public func contains(_ candidate: IPAddress) -> Bool {
        let candidate = candidate.mappedIPv4 ?? candidate
        guard candidate.bytes.count == address.bytes.count else { return false }
        return Self.masked(candidate.bytes, prefixLength) == address.bytes
    }

    private static func masked(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bits = max(0, min(8, length - index * 8))
            return bits == 8 ? byte : byte & ~(UInt8(0xFF) >> bits)
        }
    }

    public var description: String { "\(address)/\(prefixLength)" }
}
