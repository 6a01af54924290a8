import Testing
@testable import LiaisonCore

@Suite("Robustness on random input")
struct RobustnessTests {
    /// Deterministic pseudo-random generator (64-bit LCG) so failures reproduce.
    struct LCG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    static let alphabet: [String] = ["@", ".", ":", "/", "[", "]", "(", ")", "{", "}", "+", "-", "_", "#", " ", " ", "\n",
                                     "0", "1", "4", "9", "00", "a", "e", "x", "hxxp", "at", "dot", "A", "R", "S", "Marko", "Petrović",
                                     "Ж", "ć", "ı", "\u{00A0}", "—", "com", "rs", "bc1q", "0x", "Name: ", "tel ", "::", "[.]", "(at)", "\u{1F600}"]

    @Test("Random mixtures of trigger bytes never crash and always give sorted, disjoint, in-bounds spans",
          arguments: 0..<8)
    func randomInputs(seed: Int) {
        var rng = LCG(state: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
        let scanner = PersonalDataScanner()
        for _ in 0..<300 {
            let length = Int(rng.next() % 60)
            var text = ""
            for _ in 0..<length { text += Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }
            let spans = scanner.scan(text)
            let bytes = Array(text.utf8)
            for span in spans {
                #expect(span.utf8Range.lowerBound >= 0 && span.utf8Range.upperBound <= bytes.count && !span.utf8Range.isEmpty)
                // Spans fall on scalar boundaries, so the covered bytes are valid UTF-8 on their own.
                #expect(String(validating: bytes[span.utf8Range], as: UTF8.self) != nil)
            }
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.utf8Range.upperBound <= b.utf8Range.lowerBound) }
            _ = undefang(text)
        }
    }
}
