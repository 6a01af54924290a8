import Testing
@testable import LiaisonIntake

/// Truncated and mutated inputs must throw a well-formed PatternError, never crash.
@Suite("Robustness")
struct RobustnessTests {
    /// Deterministic xorshift generator so failures reproduce.
    struct XorShift: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    @Test("every prefix of every spec example parses or fails with an in-range offset",
          arguments: SpecExampleTests.examples)
    func prefixes(pattern: String) {
        let characters = Array(pattern)
        for cut in 0..<characters.count {
            let prefix = String(characters[..<cut])
            if let error = parseError(prefix) {
                #expect((0...cut).contains(error.offset))
            }
        }
    }

    @Test("random single-character mutations of spec examples never crash")
    func mutations() {
        var rng = XorShift(state: 0x9E37_79B9_7F4A_7C15)
        let alphabet = Array("[]()'\\:.,*=!<>-+0123456789 tTZhbANDORNOT\u{00E9}")
        for pattern in SpecExampleTests.examples {
            for _ in 0..<200 {
                var characters = Array(pattern)
                let position = Int.random(in: 0..<characters.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: characters[position] = alphabet.randomElement(using: &rng)!
                case 1: characters.remove(at: position)
                default: characters.insert(alphabet.randomElement(using: &rng)!, at: position)
                }
                let mutated = String(characters)
                if let error = parseError(mutated) {
                    #expect((0...mutated.count).contains(error.offset))
                    #expect(!error.reason.isEmpty)
                }
            }
        }
    }
}
