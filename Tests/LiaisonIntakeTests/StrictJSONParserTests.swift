import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

@Suite struct StrictJSONParserTests {
    /// Small limits, so that the limit cases stay short.
    let parser = StrictJSONParser(limits: JSONLimits(maxDepth: 4, maxStringBytes: 16))

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var reason: JSONSyntaxError.Reason
        var offset: Int
        var pointer: String
        var testDescription: String { "\(reason.rawValue): \(name)" }

        init(_ name: String, _ text: String, _ reason: JSONSyntaxError.Reason, _ offset: Int, _ pointer: String = "") {
            self.init(name, Array(text.utf8), reason, offset, pointer)
        }

        init(_ name: String, _ bytes: [UInt8], _ reason: JSONSyntaxError.Reason, _ offset: Int, _ pointer: String = "") {
            self.name = name
            self.bytes = bytes
            self.reason = reason
            self.offset = offset
            self.pointer = pointer
        }
    }

    static let quote = UInt8(ascii: "\"")

    static let rejected: [Case] = [
        Case("no bytes", "", .empty, 0),
        Case("only whitespace", " \r\n\t", .empty, 4),
        Case("open object", #"{"a": "#, .truncated, 6, "/a"),
        Case("open string", #""abc"#, .truncated, 4),
        Case("cut literal", "tru", .truncated, 3),
        Case("cut deep inside", #"{"a":[1,{"b":"x"#, .truncated, 15, "/a/1/b"),
        Case("cut escape", #""\u00"#, .truncated, 5),
        Case("cut after minus", "-", .truncated, 1),
        Case("cut UTF-8 sequence", [quote, 0xE2, 0x82], .truncated, 3),
        Case("missing colon", #"{"a" 1}"#, .unexpectedByte, 5),
        Case("trailing comma in array", "[1,]", .unexpectedByte, 3, "/1"),
        Case("trailing comma in object", #"{"a":1,}"#, .unexpectedByte, 7),
        Case("single quotes", "{'a':1}", .unexpectedByte, 1),
        Case("misspelt literal", "nul1", .unexpectedByte, 3),
        Case("byte order mark", [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], .unexpectedByte, 0),
        Case("plus sign", "+1", .unexpectedByte, 0),
        Case("missing comma", #"{"a":1 "b":2}"#, .unexpectedByte, 7),
        Case("two documents", "{} {}", .trailingContent, 3),
        Case("garbage after number", "1 2", .trailingContent, 2),
        Case("garbage after string", #""a"x"#, .trailingContent, 3),
        Case("overlong slash", [quote, 0xC0, 0xAF, quote], .invalidUTF8, 1),
        Case("overlong three bytes", [quote, 0xE0, 0x80, 0xAF, quote], .invalidUTF8, 1),
        Case("encoded surrogate", [quote, 0xED, 0xA0, 0x80, quote], .invalidUTF8, 1),
        Case("past U+10FFFF", [quote, 0xF4, 0x90, 0x80, 0x80, quote], .invalidUTF8, 1),
        Case("lone continuation byte", [quote, 0x80, quote], .invalidUTF8, 1),
        Case("invalid lead byte", [quote, 0xFF, quote], .invalidUTF8, 1),
        Case("short sequence", [quote, 0xC3, 0x41, quote], .invalidUTF8, 1),
        Case("in a member", Array(#"{"k":"ok"#.utf8) + [0xFF, quote, 0x7D], .invalidUTF8, 8, "/k"),
        Case("after an escape", Array(#""\n"#.utf8) + [0xC0, 0x80, quote], .invalidUTF8, 3),
        Case("raw tab", "\"a\tb\"", .controlCharacter, 2),
        Case("raw newline in array", "[\"x\n\"]", .controlCharacter, 3, "/0"),
        Case("NUL byte", [quote, 0x00, quote], .controlCharacter, 1),
        Case("unknown escape", #""\x""#, .invalidEscape, 1),
        Case("bad hex digit", #""\u12G4""#, .invalidEscape, 5),
        Case("low surrogate alone", #""\uDC00""#, .loneSurrogate, 1),
        Case("high surrogate alone", #""\uD800""#, .loneSurrogate, 1),
        Case("high then letter", #""\uD800\u0041""#, .loneSurrogate, 1),
        Case("high then other escape", #""a\uD800\n""#, .loneSurrogate, 2),
        Case("duplicate key", #"{"a":1,"a":2}"#, .duplicateKey, 7, "/a"),
        Case("nested duplicate", #"{"x":{"b":1,"b":1}}"#, .duplicateKey, 12, "/x/b"),
        Case("duplicate by escape", #"{"a":1,"\u0061":2}"#, .duplicateKey, 7, "/a"),
        Case("duplicate key needing escape", #"{"a/b":1,"a/b":2}"#, .duplicateKey, 9, "/a~1b"),
        Case("five arrays", "[[[[[]]]]]", .tooDeep, 4, "/0/0/0/0"),
        Case("objects and arrays", #"{"a":[{"b":[{}]}]}"#, .tooDeep, 12, "/a/0/b/0"),
        Case("long value", "\"" + String(repeating: "a", count: 17) + "\"", .stringTooLong, 0),
        Case("long key", "{\"" + String(repeating: "k", count: 17) + "\":1}", .stringTooLong, 1),
        Case("long after escapes", "[\"\\u0041" + String(repeating: "a", count: 16) + "\"]", .stringTooLong, 1, "/0"),
        Case("long in multibyte", "\"" + String(repeating: "é", count: 9) + "\"", .stringTooLong, 0),
        Case("2^53 + 1", "9007199254740993", .numberOutOfRange, 0),
        Case("-(2^53 + 1)", "-9007199254740993", .numberOutOfRange, 0),
        Case("twenty digits", "[12345678901234567890]", .numberOutOfRange, 1, "/0"),
        Case("overflow to infinity", #"{"n":1e400}"#, .numberOutOfRange, 5, "/n"),
        Case("negative overflow", "-1.5e309", .numberOutOfRange, 0),
        Case("leading zero", "012", .leadingZero, 0),
        Case("negative leading zero", "-01", .leadingZero, 0),
        Case("double zero", "[00]", .leadingZero, 1, "/0"),
        Case("minus without digits", "-x", .invalidNumber, 0),
        Case("fraction without digits", "1.x", .invalidNumber, 0),
        Case("dot before exponent", "1.e5", .invalidNumber, 0),
        Case("exponent without digits", "[1e+x]", .invalidNumber, 1, "/0"),
        Case("escaped U+0000 in a value", #"{"a": "x\u0000"}"#, .nulCharacter, 8, "/a"),
    ]

    @Test("Refuses what RFC 8259 and the limits refuse, with reason, byte offset and pointer", arguments: rejected)
    func rejects(_ example: Case) {
        let error = #expect(throws: JSONSyntaxError.self) { try parser.parse(example.bytes) }
        #expect(error?.reason == example.reason)
        #expect(error?.offset == example.offset)
        #expect(error?.pointer == example.pointer)
    }

    @Test("Every reason has at least one example")
    func everyReasonCovered() {
        #expect(Set(Self.rejected.map(\.reason)) == Set(JSONSyntaxError.Reason.allCases))
    }

    @Test("Reads every kind of value, escapes and surrogate pairs")
    func values() throws {
        let text = #" {"a": [1, 2.5, -0, 1e-400, 9007199254740992, -9007199254740992, true, false, null], "#
            + #""s": "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 é", "o": {}, "e": []} "#
        let value = try StrictJSONParser().parse(Array(text.utf8))
        #expect(value == .object([
            "a": .array([.number(1), .number(2.5), .number(0), .number(0), .number(9_007_199_254_740_992),
                         .number(-9_007_199_254_740_992), .bool(true), .bool(false), .null]),
            "s": .string("\"\\/\u{08}\u{0C}\n\r\té😀 é"), "o": .object([:]), "e": .array([]),
        ]))
    }

    @Test("Takes values exactly at the limits", arguments: [
        "[[[[]]]]", "\"" + String(repeating: "a", count: 16) + "\"", "\"\\u0041" + String(repeating: "é", count: 7) + "a\"",
        "\"\\u0001\"", "0", "-0.0e-0", "1E+2",
    ])
    func atLimits(_ text: String) throws {
        _ = try parser.parse(Array(text.utf8))
    }

    @Test("Agrees with Foundation on valid documents")
    func agreesWithFoundation() throws {
        let text = #"{"id":"ev-1","n":[0.1,1e10,-3.25,42],"nested":{"k":"v\u00fc\ud83d\udd12"},"b":false}"#
        let ours = try StrictJSONParser().parse(Array(text.utf8))
        let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(ours == theirs)
    }

    @Test("An error names place and rule but never a value")
    func errorsDoNotQuote() {
        let secret = "jovana.petrovic@example.rs"
        let inputs = ["{\"k\":\"\(secret)\",\"k\":2}", "[\"\(secret)\", \(secret)]", "\"\(secret)\u{01}\""]
        for input in inputs {
            let error = #expect(throws: JSONSyntaxError.self) { try StrictJSONParser().parse(Array(input.utf8)) }
            let text = "\(error.map { "\($0)" } ?? "")"
            #expect(!text.contains("petrovic"))
        }
    }
}
