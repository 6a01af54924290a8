import Testing
@testable import LiaisonIntake

/// Literal syntax (STIX 2.1 §9.4) and the lexical extras of the grammar.
@Suite("Literals and lexing")
struct LiteralTests {
    static func value(_ literalText: String) throws -> PatternLiteral? {
        guard case .observation(.comparison(let c)) = try STIXPatternParser.parse("[x:v = \(literalText)]") else { return nil }
        return c.value
    }

    static let valid: [(String, PatternLiteral)] = [
        ("'plain'", .string("plain")),
        ("'it\\'s'", .string("it's")),
        ("'C:\\\\Windows\\\\System32'", .string("C:\\Windows\\System32")),
        ("'\\\\\\''", .string("\\'")),
        ("''", .string("")),
        ("'ünïcødé ✓'", .string("ünïcødé ✓")),
        ("'multi\nline'", .string("multi\nline")),
        ("0", .int(0)),
        ("+5", .int(5)),
        ("-5", .int(-5)),
        ("9223372036854775807", .int(.max)),
        ("-9223372036854775808", .int(.min)),
        ("7.0", .float(7.0)),
        (".5", .float(0.5)),
        ("-0.25", .float(-0.25)),
        ("+1.5", .float(1.5)),
        ("007.5", .float(7.5)),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("t'2016-01-01T00:00:00Z'", .timestamp("2016-01-01T00:00:00Z")),
        ("t'2016-02-29T23:59:60.123456Z'", .timestamp("2016-02-29T23:59:60.123456Z")),
        ("t'2000-02-29T12:00:00Z'", .timestamp("2000-02-29T12:00:00Z")),
        ("h'ffD8'", .hex([0xFF, 0xD8])),
        ("h''", .hex([])),
        ("b'dGhpcyBpcyBhIHRlc3Q='", .binary(Array("this is a test".utf8))),
        ("b'YQ=='", .binary([0x61])),
        ("b'YWJj'", .binary([0x61, 0x62, 0x63])),
    ]

    @Test("valid literals decode to their values", arguments: valid)
    func decodes(text: String, expected: PatternLiteral) throws {
        #expect(try Self.value(text) == expected)
    }

    @Test("rendered literals re-parse to the same value", arguments: valid)
    func renders(text: String, expected: PatternLiteral) throws {
        #expect(try Self.value(expected.description) == expected)
    }

    @Test("'==' and '<>' are the grammar's alternative spellings of '=' and '!='")
    func alternativeOperators() throws {
        #expect(try STIXPatternParser.parse("[x:v == 1]") == STIXPatternParser.parse("[x:v = 1]"))
        #expect(try STIXPatternParser.parse("[x:v <> 1]") == STIXPatternParser.parse("[x:v != 1]"))
    }

    @Test("comments and Unicode white space are skipped")
    func trivia() throws {
        let plain = try STIXPatternParser.parse("[x:v = 1] AND [x:v = 2]")
        #expect(try STIXPatternParser.parse("/* lead */ [x:v = 1] // note\n AND\t[x:v = 2]") == plain)
        #expect(try STIXPatternParser.parse("[x:v\u{00A0}=\u{3000}1]\u{2003}AND\r\n[x:v = 2]") == plain)
    }

    @Test("quoted and unquoted path keys are equivalent; paths render canonically")
    func paths() throws {
        #expect(try parsePath("file:hashes.'MD5'") == parsePath("file:hashes.MD5"))
        let samples = [
            "file:hashes.'SHA-256'",
            "email-message:to_refs[*].value",
            "network-traffic:extensions.'http-request-ext'.request_header.'Accept-Encoding'",
            "x:list[0][-1].'it\\'s'",
            "x:'true'.'AND'.'with space'",
        ]
        for sample in samples {
            #expect(try parsePath(sample).description == sample)
        }
        #expect(try parsePath("email-message:to_refs[*].value") ==
                path("email-message", prop("to_refs"), .anyIndex, prop("value")))
        #expect(try parsePath("x:'first key'[2]") == path("x", prop("first key"), .index(2)))
    }

    @Test("floats render without exponents so they re-parse", arguments: [1e20, 1.5e-5, -2.25, 0.1, 123456.75])
    func floatRendering(value: Double) throws {
        #expect(try Self.value(PatternLiteral.float(value).description) == .float(value))
    }
}
