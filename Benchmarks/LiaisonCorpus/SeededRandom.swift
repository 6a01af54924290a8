/// SplitMix64: a tiny, fast, fully deterministic generator. The same seed gives the same corpus
/// on every platform and Swift version (no reliance on `Hasher` or the system generator).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xD1B5_4A32_D192_ED03 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (n > 0).
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    public mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }
    /// True with probability p.
    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    public mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    public mutating func digits(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(int(10)) } }
    public mutating func digitString(_ n: Int) -> String { String(digits(n).map { Character(String($0)) }) }
}
