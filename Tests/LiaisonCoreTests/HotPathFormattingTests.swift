import Foundation
import LiaisonCore
import Testing

/// The hand-written forms intake uses instead of Foundation's, checked against Foundation.
@Suite struct HotPathFormattingTests {
    @Test("RFC 3339 times are written as Foundation's calendar reads them, milliseconds rounded")
    func rfc3339MatchesTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SystemRandomNumberGenerator()
        // 1601 to 9999: Foundation's Gregorian calendar switches to Julian dates before 1582.
        let fixed: [Int64] = [0, -1, 951_782_400_000, 1_709_164_800_000, 253_402_300_799_999, -11_644_473_600_000]
        let random = (0..<5_000).map { _ in Int64.random(in: -11_644_473_600_000...253_402_300_799_999, using: &generator) }
        for millis in fixed + random {
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            let seconds = Date(timeIntervalSince1970: (Double(millis) / 1000).rounded(.down))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: seconds)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.year!, parts.month!, parts.day!, parts.hour!,
                parts.minute!, parts.second!, Int(((millis % 1000) + 1000) % 1000))
            #expect(RFC3339.string(from: date) == expected, "\(millis)")
        }
    }

    @Test("RFC 3339 rounds to the nearest millisecond and reads back what it wrote")
    func rfc3339Rounds() {
        let date = Date(timeIntervalSince1970: 1_764_322_499.9996)
        #expect(RFC3339.string(from: date) == "2025-11-28T09:35:00.000Z")
        #expect(RFC3339.date(from: RFC3339.string(from: date)).map(RFC3339.string(from:)) == "2025-11-28T09:35:00.000Z")
        // Outside 1600–9999 Foundation reads and writes, as before, so a round trip keeps the text.
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 253_402_300_800)).hasSuffix(".000Z"))
        for text in ["0001-01-01T00:00:00.000Z", "1066-10-14T09:00:00.000Z", "1582-10-15T00:00:00.000Z", "1599-12-31T23:59:59.000Z"] {
            #expect(RFC3339.date(from: text).map(RFC3339.string(from:)) == text)
        }
    }

    @Test("Whole-second times with Z or an offset read as Foundation reads them; others fall back to it")
    func rfc3339Reading() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let year = Int.random(in: 1600...9999, using: &generator), month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 1...31, using: &generator), hour = Int.random(in: 0...23, using: &generator)
            let minute = Int.random(in: 0...59, using: &generator), second = Int.random(in: 0...59, using: &generator)
            let zone = ["Z", "+00:00", "-00:00", "+05:30", "-11:45", "+14:00", "+18:00", "-18:00", "+18:01", "-18:01", "+23:59", "-23:59"].randomElement(using: &generator)!
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second) + zone
            #expect(RFC3339.date(from: text) == (try? Date(text, strategy: .iso8601)), "\(text)")
        }
        for text in [
            "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2026-04-31T00:00:00Z", "2026-11-28T24:00:00Z",
            "2026-11-28T23:59:60Z", "2026-11-28t09:15:00z", "2026-11-28T09:15:00+0100", "1500-01-01T00:00:00Z",
            "2026-11-28T09:15:00", "2026-11-28 09:15:00Z", "２026-11-28T09:15:00Z",
        ] {
            #expect(RFC3339.date(from: text) == (try? Date(text, strategy: .iso8601)), "\(text)")
        }
        #expect(RFC3339.date(from: "2026-11-28T09:15:00+01:00") == Date(timeIntervalSince1970: 1_795_853_700))
    }

    @Test("Canonical JSON orders member names by UTF-16 code units, private-use and BMP above surrogates included")
    func canonicalOrder() {
        let scalars: [Unicode.Scalar] = ["a", "b", "\u{E9}", "\u{20AC}", "\u{D7FF}", "\u{E000}", "\u{FB33}", "\u{FFFD}", "\u{10000}", "\u{1F600}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let names = Set((0..<8).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: 0...3, using: &generator)).map { _ in scalars.randomElement(using: &generator)! }))
            })
            let object = JSONValue.object(Dictionary(uniqueKeysWithValues: names.map { ($0, JSONValue.null) }))
            let expected = "{" + names.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }.map { "\"\($0)\":null" }.joined(separator: ",") + "}"
            #expect(String(decoding: object.canonicalBytes, as: UTF8.self) == expected)
        }
    }

    @Test("Random UUIDs are version 4, RFC 9562 variant, and differ")
    func randomUUIDs() {
        let ids = (0..<1_000).map { _ in UUID.random() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let text = id.uuidString.lowercased()
            #expect(Array(text)[14] == "4")
            #expect("89ab".contains(Array(text)[19]))
        }
    }

    @Test("Hexadecimal is lower-case, two digits a byte")
    func hex() {
        #expect([0x00, 0x0f, 0xa5, 0xff].hexString == "000fa5ff")
        #expect([UInt8]().hexString == "")
        #expect(Array(0...255).map(UInt8.init).hexString.count == 512)
    }
}

/// The direct canonical writers of the intake's JSON columns, held equal to the `JSONValue`
/// form (RFC 8785 through the general writer) of the same values, and read back by `Codable`.
@Suite struct CanonicalWriterTests {
    static let awkward = ["plain", "quote \" and \\ backslash", "tab\tnew\nline\u{1}", "Ćirilica Ђорђе 🙂", "", "/slash"]

    @Test("Observables are written as the general canonical writer writes them")
    func observables() throws {
        let observables = Self.awkward.enumerated().map { index, text in
            Observable(kind: index % 2 == 0 ? .email : .url, value: text, role: index % 3 == 0 ? .victim : .offender)
        }
        let general = JSONValue.array(observables.map {
            .object(["kind": .string($0.kind.rawValue), "role": .string($0.role.rawValue), "value": .string($0.value)])
        })
        #expect(observables.canonicalJSON == general.canonicalBytes)
        #expect(try CanonicalJSON.decode([Observable].self, from: Data(observables.canonicalJSON)) == observables)
        #expect([Observable]().canonicalJSON == Array("[]".utf8))
    }

    @Test("Redactions, with and without a role, are written as the general canonical writer writes them")
    func redactions() throws {
        let redactions = Self.awkward.enumerated().map { index, text in
            Redaction(field: "/description", kind: .phone, detector: text, token: "[[pd:phone:0011223344556677]]",
                      role: index % 2 == 0 ? nil : .victim)
        }
        let general = JSONValue.array(redactions.map { redaction in
            var members: [String: JSONValue] = [
                "field": .string(redaction.field), "kind": .string(redaction.kind.rawValue),
                "detector": .string(redaction.detector), "token": .string(redaction.token),
            ]
            if let role = redaction.role { members["role"] = .string(role.rawValue) }
            return .object(members)
        })
        #expect(redactions.canonicalJSON == general.canonicalBytes)
        #expect(try CanonicalJSON.decode([Redaction].self, from: Data(redactions.canonicalJSON)) == redactions)
    }

    @Test("Custody details written while protecting are the details map's canonical bytes, whatever the names' order", arguments: [
        ["intelmq.classification.type", "intelmq.feed.name", "intelmq.raw_sha256", "intelmq.time.observation"],
        ["intelmq.feed.name", "intelmq.classification.type"],
        ["b", "a", "b"],
        ["a", "a"],
        ["a", "b\u{E9}", "c"],
        ["e\u{301}", "\u{E9}"],
        ["\u{E9}", "e\u{301}"],
        ["\u{E000}", "\u{10000}"],
        ["quote \" name", "tab\tname"],
        [],
    ])
    func custodyWrittenWhileProtecting(names: [String]) {
        let draft = IncidentDraft(
            naturalKey: "k", classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .amber, title: "t",
            description: "", firstSeen: nil, lastSeen: nil, observables: [],
            custody: names.enumerated().map { CustodyField(name: $1, content: .verbatim("value \($0) \"\u{1}")) })
        let result = IncidentProtector().protect(draft, id: UUID(), producer: "cert", receivedAt: Date())
        #expect(result.custodyJSON == result.incident.custody.canonicalJSON)
        #expect(result.custodyJSON == JSONValue.object(result.incident.custody.mapValues { JSONValue.string($0) }).canonicalBytes)
    }

    @Test("An object's members given in canonical order are written as the object is; out of order gives nil")
    func orderedMembers() {
        let object: [String: JSONValue] = [
            "a": .null, "b.c": .array([.number(1), .string("x\"")]), "b": .bool(true), "\u{E000}": .string(""),
            "\u{10000}": .number(0.5), "Z": .object(["y": .null, "x": .number(-3)]),
        ]
        let ordered = object.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }.map { (key: $0.key, value: $0.value) }
        #expect(JSONValue.canonicalBytes(ofOrderedMembers: ordered) == JSONValue.object(object).canonicalBytes)
        #expect(JSONValue.canonicalBytes(ofOrderedMembers: []) == Array("{}".utf8))
        // Swift's own order puts U+E000 before U+10000, RFC 8785's after it.
        let swiftOrder = object.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        #expect(JSONValue.canonicalBytes(ofOrderedMembers: swiftOrder) == nil)
        #expect(JSONValue.canonicalBytes(ofOrderedMembers: Array(ordered.reversed())) == nil)
    }

    @Test("Custody details sort their names by UTF-16 code units, escaped like any string")
    func custody() {
        let details = Dictionary(uniqueKeysWithValues: (Self.awkward + ["\u{E000}", "\u{10000}", "a", "B"]).map { ($0, "v \($0)") })
        #expect(details.canonicalJSON == JSONValue.object(details.mapValues { .string($0) }).canonicalBytes)
        #expect([String: String]().canonicalJSON == Array("{}".utf8))
    }

    @Test("White space is found and trimmed as Character and Foundation see it, ASCII read as bytes")
    func whitespace() {
        let texts = [
            "", "a", " a", "a ", "\ta\n", "\r\n", "a b", "ab\u{0B}", "\u{0C}ab", "ab\u{1F}", "\u{1C}ab", "192.0.2.8", "x\u{A0}",
            "\u{A0}x", "x\u{2003}y", "x\u{3000}", "\u{2028}x", "é", "a\u{301}", " \u{301}x", "x \u{301}", "x\u{85}", "\u{600}a", "a\u{200D}",
        ]
        for text in texts {
            let scalarsSay = text.unicodeScalars.contains { $0.properties.isWhitespace }
            #expect(text.containsWhitespace == scalarsSay, "\(text.unicodeScalars.map(\.value))")
            let trimmed: String =
                if let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace {
                    text.trimmingCharacters(in: .whitespacesAndNewlines)
                } else {
                    text
                }
            #expect(text.trimmedOfWhitespace == trimmed, "\(text.unicodeScalars.map(\.value))")
            #expect(text.dropFirst(0).trimmedOfWhitespace == trimmed)
        }
    }

    /// The escapes RFC 8785 §3.2.2.2 asks for, one character at a time: the form the writer's
    /// eight-bytes-at-a-time scan must give.
    private static func escapedOneByOne(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test("Strings are escaped wherever the character to escape stands, inside a run of eight bytes or after it")
    func stringEscapesAtEveryPosition() {
        let specials: [Character] = ["\"", "\\", "\u{00}", "\u{01}", "\u{08}", "\t", "\n", "\u{0C}", "\r", "\u{1F}"]
        // Bytes next to the ones that need escaping: space (0x20), '!' (0x21), '#' (0x23), '[' and ']'
        // (0x5B, 0x5D), DEL (0x7F), and UTF-8 of two, three and four bytes.
        let fillers = ["abcdefghijklmnopqrstuvwx", " !#[]\u{7F}~ !#[]\u{7F}~ !#[]\u{7F}~", "éлж€😀é€лж😀", "aaaaaaaaaaaaaaaaaaaaaaaa"]
        for filler in fillers {
            let characters = Array(filler)
            for length in [0, 1, 7, 8, 9, 15, 16, 17, characters.count] where length <= characters.count {
                let plain = String(characters.prefix(length))
                #expect(JSONValue.string(plain).canonicalBytes == Array(Self.escapedOneByOne(plain).utf8), "\(plain)")
                for position in 0...length {
                    for special in specials {
                        var text = Array(plain)
                        text.insert(special, at: position)
                        let value = String(text)
                        #expect(JSONValue.string(value).canonicalBytes == Array(Self.escapedOneByOne(value).utf8), "\(position)")
                    }
                }
            }
        }
        var writer = CanonicalWriter()
        writer.string("a run of eight\u{7F}, then \"a quote\" and a \\ backslash")
        #expect(writer.bytes == Array(#""a run of eight\#u{7F}, then \"a quote\" and a \\ backslash""#.utf8))
    }
}

@Suite struct RandomIdentifierTests {
    @Test("Random UUIDs are version 4, RFC 9562 variant, and do not repeat across refills of the pool")
    func uuids() {
        let ids = (0..<5_000).map { _ in UUID.random() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(600) {
            let text = id.uuidString.lowercased()
            let version = text[text.index(text.startIndex, offsetBy: 14)]
            let variant = text[text.index(text.startIndex, offsetBy: 19)]
            #expect(version == "4" && "89ab".contains(variant), "\(text)")
        }
        let tokens = (0..<2_000).map { _ in Token.randomID() }
        #expect(Set(tokens).count == tokens.count && tokens.allSatisfy { $0.count == 16 })
    }
}
