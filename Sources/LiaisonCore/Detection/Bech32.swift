/// Bech32 (BIP-173) and Bech32m (BIP-350) segregated-witness addresses.
/// Witness version 0 must use Bech32 with a 20- or 32-byte program; versions 1–16 must use
/// Bech32m with a 2–40-byte program. Mixed case is invalid; total length at most 90.
enum Bech32 {
    enum Variant { case bech32, bech32m }
    static let charset = Array<UInt8>(ascii: "qpzry9x8gf2tvdw0s3jn54khce6mua7l")
    private static let values: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in charset.enumerated() { t[Int(c)] = Int8(i) }
        return t
    }()

    /// The BCH checksum of BIP-173 over `values`, continued from `chk`; each generator is mixed
    /// in under a mask rather than a branch.
    private static func polymod<S: Sequence<UInt8>>(_ values: S, from chk: UInt32 = 1) -> UInt32 {
        var chk = chk
        for v in values {
            let top = chk >> 25
            chk = (chk & 0x1ffffff) << 5 ^ UInt32(v)
            chk ^= 0x3b6a57b2 & (0 &- (top & 1))
            chk ^= 0x26508e6d & (0 &- (top >> 1 & 1))
            chk ^= 0x1ea119fa & (0 &- (top >> 2 & 1))
            chk ^= 0x3d4233dd & (0 &- (top >> 3 & 1))
            chk ^= 0x2a1462b3 & (0 &- (top >> 4 & 1))
        }
        return chk
    }

    /// Returns the variant and witness program version when `address` is a valid segwit address
    /// for one of `prefixes` (lower-case human-readable parts, e.g. "bc", "ltc").
    static func validateSegwit(_ address: [UInt8], prefixes: [[UInt8]]) -> (hrp: [UInt8], variant: Variant)? {
        guard address.count >= 8, address.count <= 90 else { return nil }
        let hasLower = address.contains(where: isLowerASCII), hasUpper = address.contains(where: isUpperASCII)
        if hasLower && hasUpper { return nil }
        let lower = address.map(lowerASCII)
        guard let sep = lower.lastIndex(of: 0x31), sep >= 1, lower.count - sep - 1 >= 6 else { return nil }
        let hrp = Array(lower[..<sep])
        guard prefixes.contains(hrp) else { return nil }
        var data: [UInt8] = []
        data.reserveCapacity(lower.count - sep - 1)
        for c in lower[(sep + 1)...] {
            let v = values[Int(c)]
            guard v >= 0 else { return nil }
            data.append(UInt8(v))
        }
        var check = polymod(hrp.lazy.map { $0 >> 5 })
        check = polymod(CollectionOfOne(0), from: check)
        check = polymod(hrp.lazy.map { $0 & 31 }, from: check)
        check = polymod(data, from: check)
        let variant: Variant
        switch check {
        case 1: variant = .bech32
        case 0x2bc8_30a3: variant = .bech32m
        default: return nil
        }
        let payload = data[..<(data.count - 6)]
        guard let version = payload.first, version <= 16 else { return nil }
        guard let program = convert5to8(Array(payload.dropFirst())), program.count >= 2, program.count <= 40 else { return nil }
        if version == 0 {
            guard variant == .bech32, program.count == 20 || program.count == 32 else { return nil }
        } else if variant != .bech32m {
            return nil
        }
        return (hrp, variant)
    }

    /// Regroups 5-bit words into bytes; padding must be under 5 bits and zero (BIP-173).
    private static func convert5to8(_ data: [UInt8]) -> [UInt8]? {
        var acc: UInt32 = 0, bits = 0
        var out: [UInt8] = []
        for v in data {
            acc = (acc << 5) | UInt32(v)
            bits += 5
            if bits >= 8 { bits -= 8; out.append(UInt8((acc >> UInt32(bits)) & 0xFF)) }
        }
        if bits >= 5 || (acc << UInt32(8 - bits)) & 0xFF != 0 { return nil }
        return out
    }
}
