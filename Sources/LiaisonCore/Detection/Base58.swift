import Crypto

/// Base58 decoding in the two dialects wallets use:
/// - Bitcoin base58 (whole string as one big number, leading '1' = zero byte), used by
///   base58check addresses of Bitcoin, Litecoin and TRON;
/// - Monero's block base58 (11-character blocks encode 8 bytes, a short final block fewer).
enum Base58 {
    static let alphabet = Array<UInt8>(ascii: "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
    /// Maps an ASCII byte to its digit value, or -1.
    static let digitValue: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    @inline(__always) static func isBase58(_ b: UInt8) -> Bool { digitValue[Int(b)] >= 0 }

    /// Bitcoin-style decoding; nil when a character is outside the alphabet. Quadratic in the
    /// length, so callers only pass tokens of at most a few hundred characters.
    static func decode<C: Collection>(_ chars: C) -> [UInt8]? where C.Element == UInt8 {
        var bytes: [UInt8] = []   // little-endian big number
        var leadingZeros = 0
        var seenNonZero = false
        for c in chars {
            let v = digitValue[Int(c)]
            guard v >= 0 else { return nil }
            if v == 0 && !seenNonZero { leadingZeros += 1; continue }
            seenNonZero = true
            var carry = Int(v)
            for i in 0..<bytes.count {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 { bytes.append(UInt8(carry & 0xFF)); carry >>= 8 }
        }
        return [UInt8](repeating: 0, count: leadingZeros) + bytes.reversed()
    }

    /// Base58check: payload followed by the first four bytes of SHA-256(SHA-256(payload)).
    static func decodeCheck<C: Collection>(_ chars: C) -> [UInt8]? where C.Element == UInt8 {
        guard let raw = decode(chars), raw.count > 4 else { return nil }
        let payload = Array(raw[..<(raw.count - 4)])
        let check = Array(Crypto.SHA256.hash(data: Array(Crypto.SHA256.hash(data: payload))))
        return Array(check[0..<4]) == Array(raw[(raw.count - 4)...]) ? payload : nil
    }

    /// Encoded sizes of Monero blocks: `encodedBlockSizes[n]` characters encode `n` bytes.
    private static let encodedBlockSizes = [0, 2, 3, 5, 6, 7, 9, 10, 11]

    /// Monero block decoding; nil on an invalid length, character or block overflow.
    static func decodeMonero(_ chars: [UInt8]) -> [UInt8]? {
        let fullBlocks = chars.count / 11
        let tail = chars.count % 11
        guard let tailBytes = encodedBlockSizes.firstIndex(of: tail) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(fullBlocks * 8 + tailBytes)
        func block(_ slice: ArraySlice<UInt8>, bytes: Int) -> Bool {
            var value: UInt64 = 0
            for c in slice {
                let v = digitValue[Int(c)]
                guard v >= 0 else { return false }
                let (m, o1) = value.multipliedReportingOverflow(by: 58)
                let (s, o2) = m.addingReportingOverflow(UInt64(v))
                if o1 || o2 { return false }
                value = s
            }
            if bytes < 8 && value >> UInt64(8 * bytes) != 0 { return false }
            for k in stride(from: bytes - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * k))) }
            return true
        }
        for blockIndex in 0..<fullBlocks {
            guard block(chars[(blockIndex * 11)..<(blockIndex * 11 + 11)], bytes: 8) else { return nil }
        }
        if tail > 0 { guard block(chars[(fullBlocks * 11)...], bytes: tailBytes) else { return nil } }
        return out
    }
}
