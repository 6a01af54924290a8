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
    private static let rate = 136

    /// `domainPadding` is 0x01 for Keccak-256; 0x06 gives FIPS 202 SHA3-256 (used only to
    /// cross-check the permutation against a second, independent implementation in tests).
    static func hash<C: Collection<UInt8>>(_ message: C, domainPadding: UInt8 = 0x01) -> [UInt8] {
        // Absorbed a byte at a time into the state's lanes (little-endian), with no padded copy of
        // the message: `k` counts the bytes of the current block.
        var state = [UInt64](repeating: 0, count: 25)
        var k = 0
        for byte in message {
            state[k >> 3] ^= UInt64(byte) << UInt64(8 * (k & 7))
            k += 1
            if k == rate { permute(&state); k = 0 }
        }
        state[k >> 3] ^= UInt64(domainPadding) << UInt64(8 * (k & 7))
        state[(rate - 1) >> 3] ^= 0x80 << 56
        permute(&state)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for lane in 0..<4 { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: state[lane] >> UInt64(8 * k))) } }
        return out
    }

    /// Keccak-f[1600] on 25 local lanes (`aXY` is lane x + 5y), so no round touches memory.
    private static func permute(_ state: inout [UInt64]) {
        var (a00, a10, a20, a30, a40) = (state[0], state[1], state[2], state[3], state[4])
        var (a01, a11, a21, a31, a41) = (state[5], state[6], state[7], state[8], state[9])
        var (a02, a12, a22, a32, a42) = (state[10], state[11], state[12], state[13], state[14])
        var (a03, a13, a23, a33, a43) = (state[15], state[16], state[17], state[18], state[19])
        var (a04, a14, a24, a34, a44) = (state[20], state[21], state[22], state[23], state[24])
        for round in 0..<24 {
            let c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04
            let c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14
            let c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24
            let c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34
            let c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44
            let d0 = c4 ^ rotl(c1, 1)
            let d1 = c0 ^ rotl(c2, 1)
            let d2 = c1 ^ rotl(c3, 1)
            let d3 = c2 ^ rotl(c4, 1)
            let d4 = c3 ^ rotl(c0, 1)
            a00 ^= d0; a10 ^= d1; a20 ^= d2; a30 ^= d3; a40 ^= d4
            a01 ^= d0; a11 ^= d1; a21 ^= d2; a31 ^= d3; a41 ^= d4
            a02 ^= d0; a12 ^= d1; a22 ^= d2; a32 ^= d3; a42 ^= d4
            a03 ^= d0; a13 ^= d1; a23 ^= d2; a33 ^= d3; a43 ^= d4
            a04 ^= d0; a14 ^= d1; a24 ^= d2; a34 ^= d3; a44 ^= d4
            let b00 = rotl(a00, 0), b02 = rotl(a10, 1), b04 = rotl(a20, 62), b01 = rotl(a30, 28), b03 = rotl(a40, 27)
            let b13 = rotl(a01, 36), b10 = rotl(a11, 44), b12 = rotl(a21, 6), b14 = rotl(a31, 55), b11 = rotl(a41, 20)
            let b21 = rotl(a02, 3), b23 = rotl(a12, 10), b20 = rotl(a22, 43), b22 = rotl(a32, 25), b24 = rotl(a42, 39)
            let b34 = rotl(a03, 41), b31 = rotl(a13, 45), b33 = rotl(a23, 15), b30 = rotl(a33, 21), b32 = rotl(a43, 8)
            let b42 = rotl(a04, 18), b44 = rotl(a14, 2), b41 = rotl(a24, 61), b43 = rotl(a34, 56), b40 = rotl(a44, 14)
            a00 = b00 ^ (~b10 & b20); a10 = b10 ^ (~b20 & b30); a20 = b20 ^ (~b30 & b40); a30 = b30 ^ (~b40 & b00); a40 = b40 ^ (~b00 & b10)
            a01 = b01 ^ (~b11 & b21); a11 = b11 ^ (~b21 & b31); a21 = b21 ^ (~b31 & b41); a31 = b31 ^ (~b41 & b01); a41 = b41 ^ (~b01 & b11)
            a02 = b02 ^ (~b12 & b22); a12 = b12 ^ (~b22 & b32); a22 = b22 ^ (~b32 & b42); a32 = b32 ^ (~b42 & b02); a42 = b42 ^ (~b02 & b12)
            a03 = b03 ^ (~b13 & b23); a13 = b13 ^ (~b23 & b33); a23 = b23 ^ (~b33 & b43); a33 = b33 ^ (~b43 & b03); a43 = b43 ^ (~b03 & b13)
            a04 = b04 ^ (~b14 & b24); a14 = b14 ^ (~b24 & b34); a24 = b24 ^ (~b34 & b44); a34 = b34 ^ (~b44 & b04); a44 = b44 ^ (~b04 & b14)
            a00 ^= roundConstants[round]
        }
        (state[0], state[1], state[2], state[3], state[4]) = (a00, a10, a20, a30, a40)
        (state[5], state[6], state[7], state[8], state[9]) = (a01, a11, a21, a31, a41)
        (state[10], state[11], state[12], state[13], state[14]) = (a02, a12, a22, a32, a42)
        (state[15], state[16], state[17], state[18], state[19]) = (a03, a13, a23, a33, a43)
        (state[20], state[21], state[22], state[23], state[24]) = (a04, a14, a24, a34, a44)
    }

    /// Masking shifts compile to one rotate; `n == 0` gives `x | x`.
    @inline(__always) private static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &<< n) | (x &>> (64 &- n)) }
}
