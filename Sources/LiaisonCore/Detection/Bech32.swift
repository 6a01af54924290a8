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

    /// One step of the BCH checksum of BIP-173; each generator is mixed in under a mask rather
    /// than a branch.
    @inline(__always) private static func polymod(_ chk: UInt32, _ v: UInt8) -> UInt32 {
        let top = chk >> 25
        var chk = (chk & 0x1ffffff) << 5 ^ UInt32(v)
        chk ^= 0x3b6a57b2 & (0 &- (top & 1))
        chk ^= 0x26508e6d & (0 &- (top >> 1 & 1))
        chk ^= 0x1ea119fa & (0 &- (top >> 2 & 1))
        chk ^= 0x3d4233dd & (0 &- (top >> 3 & 1))
        chk ^= 0x2a1462b3 & (0 &- (top >> 4 & 1))
        return chk
    }

    /// The variant when `address` is a valid segwit address for one of `prefixes` (lower-case
    /// human-readable parts, e.g. "bc", "ltc"). Read in place, one pass over the data part: the
    /// checksum, the witness version and the program's length (its 5-bit groups regrouped into
    /// bytes, the padding under 5 bits and zero, BIP-173).
    static func validateSegwit(_ address: Bytes, prefixes: [[UInt8]]) -> Variant? {
        let n = address.count
        guard n >= 8, n <= 90 else { return nil }
        let hasLower = address.contains(where: isLowerASCII), hasUpper = address.contains(where: isUpperASCII)
        if hasLower && hasUpper { return nil }
        guard let sep = address.lastIndex(of: 0x31), sep >= 1, n - sep - 1 >= 6 else { return nil }
        let hrp = address[..<sep]
        guard prefixes.contains(where: { $0.count == sep && zip($0, hrp).allSatisfy { $0 == lowerASCII($1) } }) else { return nil }
        var check: UInt32 = 1
        for c in hrp { check = polymod(check, lowerASCII(c) >> 5) }
        check = polymod(check, 0)
        for c in hrp { check = polymod(check, lowerASCII(c) & 31) }
        var version: Int8 = -1
        var acc: UInt32 = 0, bits = 0, programBytes = 0
        for k in (sep + 1)..<n {
            let v = values[Int(lowerASCII(address[k]))]
            guard v >= 0 else { return nil }
            check = polymod(check, UInt8(v))
            guard k < n - 6 else { continue }  // the last six are the checksum
            if version < 0 { version = v; continue }
            acc = acc << 5 | UInt32(v)
            bits += 5
            if bits >= 8 { bits -= 8; programBytes += 1 }
        }
        let variant: Variant
        switch check {
        case 1: variant = .bech32
        case 0x2bc8_30a3: variant = .bech32m
        default: return nil
        }
        guard version >= 0, version <= 16 else { return nil }
        guard bits < 5, (acc << UInt32(8 - bits)) & 0xFF == 0, programBytes >= 2, programBytes <= 40 else { return nil }
        if version == 0 {
            guard variant == .bech32, programBytes == 20 || programBytes == 32 else { return nil }
        } else if variant != .bech32m {
            return nil
        }
        return variant
    }
}
