import Testing
@testable import LiaisonIntake

/// `PatternExpression.equalities` — the observables extracted from a pattern.
@Suite("Equality extraction")
struct EqualityExtractionTests {
    static func pairs(_ pattern: String) throws -> [String] {
        try STIXPatternParser.parse(pattern).equalities.map { "\($0.path) = \($0.value)" }
    }

    static let cases: [(String, [String])] = [
        ("[file:hashes.'SHA-256' = 'aec0']", ["file:hashes.'SHA-256' = aec0"]),
        ("[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
         ["network-traffic:dst_ref.type = domain-name", "network-traffic:dst_ref.value = example.com"]),
        ("[ipv4-addr:value IN ('198.51.100.1', '203.0.113.9')]",
         ["ipv4-addr:value = 198.51.100.1", "ipv4-addr:value = 203.0.113.9"]),
        ("[ipv4-addr:value NOT IN ('198.51.100.1')]", []),
        ("[ipv4-addr:value NOT = '198.51.100.1']", []),
        ("[NOT ipv4-addr:value = '198.51.100.1']", []),
        ("[ipv4-addr:value != '198.51.100.1']", []),
        ("[file:name LIKE 'x%' AND file:name MATCHES '^x' AND EXISTS file:size]", []),
        ("([x:a = 'one'] OR [x:b = 'two']) FOLLOWEDBY [(x:c = 'three' OR x:d > 4) AND x:e = 'five'] WITHIN 9 SECONDS",
         ["x:a = one", "x:b = two", "x:c = three", "x:e = five"]),
        ("[network-traffic:dst_port = 443 AND x:f = 1.5 AND x:g = true AND x:h = h'00ff' AND x:i = b'YQ==' AND x:t = t'2016-01-01T00:00:00Z']",
         ["network-traffic:dst_port = 443", "x:f = 1.5", "x:g = true", "x:h = 00ff", "x:i = YQ==",
          "x:t = 2016-01-01T00:00:00Z"]),
        ("[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']",
         ["windows-registry-key:key = HKEY_LOCAL_MACHINE\\foo\\bar"]),
        ("[email-message:to_refs[*].value = 'a@example.com']", ["email-message:to_refs[*].value = a@example.com"]),
    ]

    @Test("non-negated '=' and non-negated IN members are extracted in order of appearance", arguments: cases)
    func extracts(pattern: String, expected: [String]) throws {
        #expect(try Self.pairs(pattern) == expected)
    }

    @Test("equality carries the structured path")
    func structuredPath() throws {
        let equality = try STIXPatternParser.parse("[file:hashes.'SHA-256' = 'ab']").equalities.first
        #expect(equality == PatternEquality(path: path("file", prop("hashes"), prop("SHA-256")), value: "ab"))
    }
}
