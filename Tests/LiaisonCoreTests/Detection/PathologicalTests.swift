import Testing
import Foundation
@testable import LiaisonCore

@Suite("Pathological inputs finish in linear time")
struct PathologicalTests {
    static let inputs: [(String, String)] = [
        ("digits", String(repeating: "7", count: 1_000_000)),
        ("at-signs", String(repeating: "@", count: 1_000_000)),
        ("dots", String(repeating: ".", count: 1_000_000)),
        ("hex", String(repeating: "deadbeef0123456789", count: 60_000)),
        ("a@a.", String(repeating: "a@a.", count: 250_000)),
        ("spaced digits", String(repeating: "1 ", count: 500_000)),
        ("colons", String(repeating: "a:", count: 500_000)),
        ("brackets", String(repeating: "[.](at)", count: 150_000)),
        ("plus digits", String(repeating: "+1", count: 500_000)),
        ("label dots", String(repeating: "a.", count: 500_000)),
        ("base58", String(repeating: "1A1zP1eP5Q", count: 100_000)),
        ("capitalised words", String(repeating: "Marko ", count: 170_000)),
        ("cues", String(repeating: "Name: ", count: 170_000)),
        ("url-like", "http://" + String(repeating: "a", count: 1_000_000)),
    ]

    @Test("A 1 MB pathological input is scanned within a generous time bound", arguments: inputs)
    func finishes(name: String, text: String) {
        let start = Date()
        _ = PersonalDataScanner().scan(text)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 5, "\(name) took \(elapsed)s")
    }
}
