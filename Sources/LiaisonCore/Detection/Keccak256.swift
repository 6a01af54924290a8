/// Keccak-256 as used by Ethereum (EIP-55 checksummed addresses) and Monero (address checksum).
/// This is the original Keccak submission padding (0x01 … 0x80), NOT FIPS 202 SHA3-256 (0x06).
enum Keccak256 {
    private static let roundConstants: [UInt64] = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]
    // Rotation offsets indexed by lane x + 5y.
    private static let rotations: [UInt64] = [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ]
    private static let rate = 136

    /// `domainPadding` is 0x01 for Keccak-256; 0x06 gives FIPS 202 SHA3-256 (used only to
    /// cross-check the permutation against a second, independent implementation in tests).
    static func hash(_ message: [UInt8], domainPadding: UInt8 = 0x01) -> [UInt8] {
        var state = [UInt64](repeating: 0, count: 25)
        var data = message
        data.append(domainPadding)
        while data.count % rate != 0 { data.append(0) }
        data[data.count - 1] |= 0x80
        for block in stride(from: 0, to: data.count, by: rate) {
            for lane in 0..<(rate / 8) {
                var v: UInt64 = 0
                for k in 0..<8 { v |= UInt64(data[block + lane * 8 + k]) << UInt64(8 * k) }
                state[lane] ^= v
            }
            permute(&state)
        }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for lane in 0..<4 { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: state[lane] >> UInt64(8 * k))) } }
        return out
    }

    /// Destination lane of the rho-pi step for each source lane x + 5y: B[y, 2x + 3y] = rot(A[x, y]).
    private static let piDestination: [Int] = (0..<25).map { lane in
        let x = lane % 5, y = lane / 5
        return y + 5 * ((2 * x + 3 * y) % 5)
    }

    private static func permute(_ state: inout [UInt64]) {
        state.withUnsafeMutableBufferPointer { a in
            rotations.withUnsafeBufferPointer { rotations in
                piDestination.withUnsafeBufferPointer { piDestination in
                    roundConstants.withUnsafeBufferPointer { roundConstants in
                        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 25) { b in
                            for round in 0..<24 {
                                let c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20]
                                let c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21]
                                let c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22]
                                let c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23]
                                let c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24]
                                let d0 = c4 ^ rotl(c1, 1), d1 = c0 ^ rotl(c2, 1), d2 = c1 ^ rotl(c3, 1)
                                let d3 = c2 ^ rotl(c4, 1), d4 = c3 ^ rotl(c0, 1)
                                for y in stride(from: 0, to: 25, by: 5) {
                                    a[y] ^= d0; a[y + 1] ^= d1; a[y + 2] ^= d2; a[y + 3] ^= d3; a[y + 4] ^= d4
                                }
                                for lane in 0..<25 { b[piDestination[lane]] = rotl(a[lane], rotations[lane]) }
                                for y in stride(from: 0, to: 25, by: 5) {
                                    let b0 = b[y], b1 = b[y + 1], b2 = b[y + 2], b3 = b[y + 3], b4 = b[y + 4]
                                    a[y] = b0 ^ (~b1 & b2); a[y + 1] = b1 ^ (~b2 & b3); a[y + 2] = b2 ^ (~b3 & b4)
                                    a[y + 3] = b3 ^ (~b4 & b0); a[y + 4] = b4 ^ (~b0 & b1)
                                }
                                a[0] ^= roundConstants[round]
                            }
                        }
                    }
                }
            }
        }
    }

    /// Masking shifts compile to one rotate; `n == 0` gives `x | x`.
    @inline(__always) private static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &<< n) | (x &>> (64 &- n)) }
}
