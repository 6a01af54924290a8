import Testing
@testable import LiaisonIntake

/// Operator precedence and grouping (STIX 2.1 §9, precedence table; see PatternExpression.swift).
@Suite("Operator precedence")
struct PrecedenceTests {
    static let a = compare(path("x", prop("a")), .equal, .int(1))
    static let b = compare(path("x", prop("b")), .equal, .int(2))
    static let c = compare(path("x", prop("c")), .equal, .int(3))

    static let observationCases: [(String, PatternExpression)] = [
        ("[x:v = 1] AND [x:v = 2] OR [x:v = 3]", .or([.and([obs(1), obs(2)]), obs(3)])),
        ("[x:v = 1] OR [x:v = 2] AND [x:v = 3]", .or([obs(1), .and([obs(2), obs(3)])])),
        ("[x:v = 1] OR [x:v = 2] FOLLOWEDBY [x:v = 3] AND [x:v = 4]",
         .followedBy([.or([obs(1), obs(2)]), .and([obs(3), obs(4)])])),
        ("[x:v = 1] FOLLOWEDBY [x:v = 2] FOLLOWEDBY [x:v = 3]", .followedBy([obs(1), obs(2), obs(3)])),
        ("[x:v = 1] AND [x:v = 2] AND [x:v = 3]", .and([obs(1), obs(2), obs(3)])),
        ("([x:v = 1] OR [x:v = 2]) OR [x:v = 3]", .or([.or([obs(1), obs(2)]), obs(3)])),
        ("[x:v = 1] AND ([x:v = 2] OR [x:v = 3])", .and([obs(1), .or([obs(2), obs(3)])])),
        ("[x:v = 1] AND [x:v = 2] WITHIN 5 SECONDS", .and([obs(1), .qualified(obs(2), .within(seconds: 5))])),
        ("([x:v = 1] AND [x:v = 2]) WITHIN 5 SECONDS", .qualified(.and([obs(1), obs(2)]), .within(seconds: 5))),
        ("[x:v = 1] FOLLOWEDBY [x:v = 2] WITHIN 2.5 SECONDS",
         .followedBy([obs(1), .qualified(obs(2), .within(seconds: 2.5))])),
        ("((([x:v = 1])))", obs(1)),
        ("[x:v = 1] REPEATS 2 TIMES AND [x:v = 2]", .and([.qualified(obs(1), .repeats(times: 2)), obs(2)])),
    ]

    @Test("observation operators: AND over OR over FOLLOWEDBY, qualifiers tightest",
          arguments: observationCases)
    func observationLevel(pattern: String, expected: PatternExpression) throws {
        #expect(try STIXPatternParser.parse(pattern) == expected)
    }

    static let comparisonCases: [(String, ComparisonExpression)] = [
        ("[x:a = 1 OR x:b = 2 AND x:c = 3]", .or([a, .and([b, c])])),
        ("[x:a = 1 AND x:b = 2 OR x:c = 3]", .or([.and([a, b]), c])),
        ("[(x:a = 1 OR x:b = 2) AND x:c = 3]", .and([.or([a, b]), c])),
        ("[x:a = 1 AND (x:b = 2 OR x:c = 3)]", .and([a, .or([b, c])])),
        ("[x:a = 1 OR x:b = 2 OR x:c = 3]", .or([a, b, c])),
        ("[((x:a = 1))]", a),
        ("[x:a NOT = 1 AND x:b = 2]",
         .and([compare(path("x", prop("a")), .equal, .int(1), negated: true), b])),
    ]

    @Test("comparison operators: AND binds tighter than OR; NOT binds to one test",
          arguments: comparisonCases)
    func comparisonLevel(pattern: String, expected: ComparisonExpression) throws {
        #expect(try STIXPatternParser.parse(pattern) == .observation(expected))
    }

    @Test("a 64 KiB flat OR chain stays one n-ary node instead of a deep tree")
    func longFlatChain() throws {
        var members: [String] = []
        var size = 2
        while size < 65_000 {
            let m = "ipv4-addr:value = '203.0.113.\(members.count % 256)'"
            members.append(m)
            size += m.utf8.count + 4
        }
        let pattern = "[" + members.joined(separator: " OR ") + "]"
        #expect(pattern.utf8.count <= 65536)
        guard case .observation(.or(let items)) = try STIXPatternParser.parse(pattern) else {
            Issue.record("expected a single OR node")
            return
        }
        #expect(items.count == members.count)
        #expect(try STIXPatternParser.parse(pattern).equalities.count == members.count)
    }
}
