import Testing
@testable import LiaisonIntake

/// Malformed patterns: each must throw a PatternError at the given character offset whose
/// reason contains the given fragment.
@Suite("Malformed patterns")
struct MalformedPatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var pattern: String
        var offset: Int
        var fragment: String
        var testDescription: String { label }
        init(_ label: String, _ pattern: String, _ offset: Int, _ fragment: String) {
            (self.label, self.pattern, self.offset, self.fragment) = (label, pattern, offset, fragment)
        }
    }

    static let cases: [Case] = [
        Case("empty pattern", "", 0, "expected '[' or '('"),
        Case("blank pattern", "   ", 3, "expected '[' or '('"),
        Case("unbalanced: missing ']'", "[file:name = 'a'", 16, "']'"),
        Case("unbalanced: missing ')'", "([file:name = 'a']", 18, "')'"),
        Case("unbalanced: extra ']'", "[file:name = 'a']]", 17, "end of pattern"),
        Case("unbalanced: extra ')'", "[file:name = 'a'])", 17, "end of pattern"),
        Case("unbalanced: comparison group", "[(file:name = 'a']", 17, "')'"),
        Case("missing operator between observations", "[file:name = 'a'] [file:name = 'b']", 18, "'AND', 'OR', 'FOLLOWEDBY'"),
        Case("missing comparison operator", "[file:name 'a']", 11, "comparison operator"),
        Case("missing comparison between tests", "[file:name = 'a' file:size = 1]", 17, "']'"),
        Case("lower-case keyword is not an operator", "[x:v = 1] and [x:v = 2]", 10, "end of pattern"),
        Case("bad path: no colon", "[file.name = 'a']", 5, "':'"),
        Case("bad path: no property", "[file: = 'a']", 7, "property name"),
        Case("bad path: unquoted hyphen", "[file:hashes.SHA-256 = 'a']", 13, "must be quoted"),
        Case("bad path: no object type", "[:name = 'a']", 1, "object path"),
        Case("bad path: bad index", "[file:x[a] = 1]", 8, "list index"),
        Case("bad path: unclosed index", "[file:x[1 = 1]", 10, "']'"),
        Case("bad path: empty quoted key", "[file:'' = 1]", 6, "non-empty"),
        Case("empty observation", "[]", 1, "object path"),
        Case("dangling AND in comparison", "[x:v = 'x' AND]", 14, "object path"),
        Case("dangling AND at end", "[x:v = 1] AND", 13, "expected '[' or '('"),
        Case("bad timestamp: month 13", "[file:created = t'2016-13-01T00:00:00Z']", 23, "month"),
        Case("bad timestamp: 29 Feb in a common year", "[file:created = t'2015-02-29T00:00:00Z']", 26, "day"),
        Case("bad timestamp: 29 Feb 1900", "[file:created = t'1900-02-29T00:00:00Z']", 26, "day"),
        Case("bad timestamp: hour 24", "[file:created = t'2016-01-01T24:00:00Z']", 29, "hour"),
        Case("bad timestamp: missing Z", "[file:created = t'2016-01-01T00:00:00']", 37, "'Z'"),
        Case("bad timestamp: numeric offset", "[file:created = t'2016-01-01T00:00:00+01:00']", 37, "'Z'"),
        Case("bad timestamp: date only", "[file:created = t'2016-01-01']", 28, "'T'"),
        Case("bad timestamp: short year", "[file:created = t'16-01-01T00:00:00Z']", 18, "year"),
        Case("bad timestamp: empty fraction", "[file:created = t'2016-01-01T00:00:00.Z']", 38, "fractional"),
        Case("bad timestamp: trailing text", "[file:created = t'2016-01-01T00:00:00Zx']", 38, "closing quote"),
        Case("unterminated string", "[file:name = 'abc]", 13, "unterminated string"),
        Case("unterminated string after escape", "[file:name = 'abc\\", 13, "unterminated string"),
        Case("unterminated timestamp", "[file:created = t'2016]", 16, "unterminated timestamp"),
        Case("invalid escape", "[x:v = 'a\\qb']", 9, "escape"),
        Case("odd hex", "[x:v = h'abc']", 12, "even number"),
        Case("bad hex digit", "[x:v = h'zz']", 9, "hex digit"),
        Case("bad base64 length", "[x:v = b'abc']", 12, "multiple of 4"),
        Case("bad base64 char", "[x:v = b'ab!d']", 11, "base64"),
        Case("empty base64", "[x:v = b'']", 9, "base64"),
        Case("trailing junk", "[file:name = 'a'] garbage", 18, "end of pattern"),
        Case("invalid character", "[x:v = 1] #", 10, "unexpected character"),
        Case("lone '!'", "[x:v ! 1]", 6, "'='"),
        Case("unterminated comment", "[x:v = 1] /* open", 10, "comment"),
        Case("TRUE is not a boolean", "[x:v = TRUE]", 7, "literal"),
        Case("boolean is not orderable", "[x:v > true]", 7, "orderable"),
        Case("LIKE needs a string", "[x:v LIKE 5]", 10, "string literal"),
        Case("IN needs a set", "[x:v IN 'x']", 8, "'('"),
        Case("IN set needs commas", "[x:v IN ('x' 'y')]", 13, "','"),
        Case("double NOT", "[NOT x:v NOT = 1]", 9, "only once"),
        Case("leading zeros", "[x:v = 007]", 7, "leading zeros"),
        Case("integer overflow", "[x:v = 99999999999999999999]", 7, "64 bits"),
        Case("sign without digits", "[x:v = -]", 8, "digit"),
        Case("qualifier without number: WITHIN", "[file:name = 'a'] WITHIN SECONDS", 25, "positive number"),
        Case("qualifier without number: REPEATS", "[x:v = 1] REPEATS TIMES", 18, "positive integer"),
        Case("WITHIN zero", "[x:v = 1] WITHIN 0 SECONDS", 17, "positive number"),
        Case("WITHIN negative", "[x:v = 1] WITHIN -5 SECONDS", 17, "positive number"),
        Case("REPEATS fractional", "[x:v = 1] REPEATS 2.5 TIMES", 18, "positive integer"),
        Case("WITHIN without SECONDS", "[x:v = 1] WITHIN 5", 18, "SECONDS"),
        Case("REPEATS without TIMES", "[x:v = 1] REPEATS 5 SECONDS", 20, "TIMES"),
        Case("START without STOP", "[x:v = 1] START t'2016-01-01T00:00:00Z'", 39, "STOP"),
        Case("START with a string", "[x:v = 1] START '2016-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z'", 16, "timestamp"),
        Case("qualifier without observation", "WITHIN 5 SECONDS", 0, "expected '[' or '('"),
        Case("LAST is reserved", "[x:v = 1] LAST 5 SECONDS", 10, "end of pattern"),
        Case("offsets count characters, not bytes", "[file:name = 'é✓'] x", 19, "end of pattern"),
    ]

    @Test("malformed pattern is rejected at the expected offset", arguments: cases)
    func rejected(c: Case) {
        guard let error = parseError(c.pattern) else {
            Issue.record("parsed without error")
            return
        }
        #expect(error.offset == c.offset)
        #expect(error.reason.contains(c.fragment), "reason: \(error.reason)")
    }

    @Test("a bomb of 10,000 '(' stops at the depth limit without overflowing the stack")
    func parenthesisBomb() {
        let error = parseError(String(repeating: "(", count: 10_000))
        #expect(error?.offset == 64)
        #expect(error?.reason.contains("deeper than the limit of 64") == true)
        let inside = parseError("[" + String(repeating: "(", count: 10_000))
        #expect(inside?.offset == 64)
    }

    @Test("a huge caller-supplied maxDepth is clamped, so a deep bomb still fails cleanly")
    func clampedDepth() {
        let bomb = String(repeating: "(", count: 60_000)
        let error = parseError(bomb, maxDepth: .max)
        #expect(error?.offset == STIXPatternParser.depthCeiling)
    }

    @Test("exactly maxDepth levels parse; one more fails", arguments: [1, 8, 64])
    func depthBoundary(limit: Int) {
        func nested(_ levels: Int) -> String {
            String(repeating: "(", count: levels - 1) + "[x:v = 1]" + String(repeating: ")", count: levels - 1)
        }
        #expect(parseError(nested(limit), maxDepth: limit) == nil)
        #expect(parseError(nested(limit + 1), maxDepth: limit)?.offset == limit)
    }

    @Test("stacked qualifiers count toward the depth limit")
    func qualifierStack() {
        let ok = "[x:v = 1]" + String(repeating: " WITHIN 1 SECONDS", count: 64)
        #expect(parseError(ok) == nil)
        let tooMany = "[x:v = 1]" + String(repeating: " WITHIN 1 SECONDS", count: 65)
        #expect(parseError(tooMany)?.reason.contains("deeper than the limit") == true)
    }

    @Test("patterns over the length cap are rejected before lexing")
    func lengthCap() {
        let long = "[x:v = '" + String(repeating: "a", count: 70_000) + "']"
        let error = parseError(long)
        #expect(error?.offset == 65536)
        #expect(error?.reason.contains("65536") == true)
        #expect(parseError("[x:v = 1]", maxLength: 8)?.offset == 8)
        #expect(parseError("[x:v = 1]", maxLength: 9) == nil)
    }

    @Test("error reasons never echo pattern content", arguments: [
        "[zqsecret:v = 1",
        "[x:zqsecret 'zqsecret']",
        "[x:v = 'zqsecret\\q']",
        "[x:v = 'zqsecret'] zqsecret",
        "[x:zq-secret = 1]",
        "[x:v = 'zqsecret'] WITHIN zqsecret SECONDS",
        "[x:v = t'zqsecret']",
    ])
    func reasonsAreContentFree(pattern: String) {
        let error = parseError(pattern)
        #expect(error != nil)
        #expect(error?.reason.lowercased().contains("zq") == false, "reason: \(error?.reason ?? "")")
    }
}
