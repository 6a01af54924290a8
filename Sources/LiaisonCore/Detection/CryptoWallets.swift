/// Cryptocurrency wallet addresses, each validated by its own checksum so that random
/// base58/hex-looking strings are not flagged:
/// - Bitcoin P2PKH/P2SH and Litecoin L/M: base58check with version bytes 0x00/0x05, 0x30/0x32;
/// - TRON: base58check, version 0x41, 21-byte payload;
/// - Bitcoin/Litecoin segwit: Bech32/Bech32m (BIP-173, BIP-350);
/// - Ethereum: 0x + 40 hex digits, EIP-55 mixed-case checksum verified with Keccak-256;
/// - Monero: 95-character (standard/subaddress) or 106-character (integrated) block base58,
///   network byte 18/42/19, Keccak-256 checksum over the preceding bytes.
enum CryptoWallets {
    /// Validates a complete token; returns the detector name.
    /// The token is read in place (the text's bytes): no copy is made for the common shapes.
    static func validate(_ token: Bytes) -> String? {
        guard let first = token.first else { return nil }
        if token.count == 42, first == 0x30, token[1] | 0x20 == 0x78 { return ethereum(token) ? "eth-eip55" : nil }
        if segwitParts.contains(where: { startsSegwit(token, $0) }) {
            guard let variant = Bech32.validateSegwit(token, prefixes: segwitParts) else { return nil }
            return variant == .bech32 ? "segwit-bech32" : "segwit-bech32m"
        }
        if (token.count == 95 || token.count == 106) && (first == 0x34 || first == 0x38) {
            return monero(Array(token)) ? "monero-base58-keccak" : nil
        }
        if token.count >= 26 && token.count <= 35 {
            guard let payload = Base58.decodeCheck(token), payload.count == 21 else { return nil }
            switch (first, payload[0]) {
            case (0x31, 0x00), (0x33, 0x05): return "btc-base58check"
            case (0x4C, 0x30), (0x4D, 0x32): return "ltc-base58check"
            case (0x54, 0x41): return "tron-base58check"
            default: return nil
            }
        }
        return nil
    }

    /// The human-readable parts of segwit addresses: Bitcoin's and Litecoin's.
    private static let segwitParts = [Array(ascii: "bc"), Array(ascii: "ltc")]

    /// `token` starts with `part` (in either case) and the separator "1".
    private static func startsSegwit(_ token: Bytes, _ part: [UInt8]) -> Bool {
        token.count > part.count && token[part.count] == 0x31 && zip(part, token).allSatisfy { $0 == lowerASCII($1) }
    }

    static func ethereum(_ token: Bytes) -> Bool {
        let hex = token[2...]
        guard hex.count == 40, hex.allSatisfy(isHex) else { return false }
        let hasLower = hex.contains(where: isLowerASCII), hasUpper = hex.contains(where: isUpperASCII)
        if !(hasLower && hasUpper) { return true } // all one case: no checksum encoded
        let digest = Keccak256.hash(hex.lazy.map(lowerASCII))
        for (k, c) in hex.enumerated() where isAlpha(c) {
            let nibble = k % 2 == 0 ? digest[k / 2] >> 4 : digest[k / 2] & 0x0F
            if (nibble >= 8) != isUpperASCII(c) { return false }
        }
        return true
    }

    static func monero(_ token: [UInt8]) -> Bool {
        guard let raw = Base58.decodeMonero(token) else { return false }
        let expected = token.count == 95 ? 69 : 77
        guard raw.count == expected else { return false }
        let net = raw[0]
        guard (token.count == 95 && (net == 18 || net == 42)) || (token.count == 106 && net == 19) else { return false }
        let digest = Keccak256.hash(Array(raw[..<(raw.count - 4)]))
        return Array(digest[0..<4]) == Array(raw[(raw.count - 4)...])
    }
}
