import Testing
import Foundation
@testable import LiaisonCore

@Suite("Pathological inputs finish in linear time")
struct PathologicalTests {
    static let inputs: [String: String] = [
        "digits": String(repeating: "7", count: 1_000_000),
        "at-signs": String(repeating: "@", count: 1_000_000),
        "dots": String(repeating: ".", count: 1_000_000),
        "hex": String(repeating: "deadbeef0123456789", count: 60_000),
        "a@a.": String(repeating: "a@a.", count: 250_000),
        "spaced digits": String(repeating: "1 ", count: 500_000),
        "colons": String(repeating: "a:", count: 500_000),
        "brackets": String(repeating: "[.](at)", count: 150_000),
        "plus digits": String(repeating: "+1", count: 500_000),
        "label dots": String(repeating: "a.", count: 500_000),
        "base58": String(repeating: "1A1zP1eP5Q", count: 100_000),
        "capitalised words": String(repeating: "Marko ", count: 170_000),
        "cues": String(repeating: "Name: ", count: 170_000),
        "url-like": "http://" + String(repeating: "a", count: 1_000_000),
        // each opening quotation mark reads a passage to the next one, not 2,000 bytes on
        "opening quotes": String(repeating: "„a", count: 333_000),
        // a table's rows, a payment's parties: the names they replace are removed once, not per row
        "table rows": "SURNAME\tFORENAME\n" + String(repeating: "AAA\tBBB\n", count: 30_000),
        "payment parties": String(repeating: ":59:/1\nAB\n", count: 25_000),
        // each address's '>' is looked for a bounded way on, not to the text's end
        "display names": String(repeating: "Ana Kovač <a.kovac@", count: 52_000),
        // fifteen thousand given names each speaking twice in a chat: its speakers are told apart in one walk
        "chat speakers": {
            let names = NameGazetteer.givenNameKeys.split(separator: " ").prefix(15_000)
            let lines = names.map { $0.prefix(1).uppercased() + $0.dropFirst() + ", 10:05: da\n" }.joined()
            return lines + lines
        }(),
        // a chat in lower case repeating an endearment: the names it drops are taken out in one pass
        "endearments": "mila: jesam\n" + String(repeating: "draga moja, dragi moji, mila moja. ", count: 30_000),
        // a Turkish naming word written "adli" before a word for a person, again and again, in a text without
        // Turkish letters: the text is searched for them once, not once per "adli" (28 s before)
        "naming words": String(repeating: "Ali adli kisi geldi. ", count: 45_000),
    ]

    /// The bound catches quadratic work (minutes on 1 MB), not slowness: it holds for a debug
    /// build on two cores busy with other builds, where 1 MB of names took over 5 s.
    @Test("A 1 MB pathological input is scanned within a generous time bound", arguments: inputs.keys.sorted())
    func finishes(name: String) throws {
        let text = try #require(Self.inputs[name])
        let start = Date()
        _ = PersonalDataScanner().scan(text)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 20, "\(name) took \(elapsed)s")
    }
}
