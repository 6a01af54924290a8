@testable import LiaisonIntake

/// Builders that keep expected syntax trees short.
func path(_ objectType: String, _ components: PathComponent...) -> ObjectPath {
    ObjectPath(objectType: objectType, components: components)
}

func prop(_ name: String) -> PathComponent { .property(name) }

func compare(_ path: ObjectPath, _ op: ComparisonOperator, _ value: PatternLiteral?, negated: Bool = false) -> ComparisonExpression {
    .comparison(Comparison(path: path, op: op, negated: negated, value: value))
}

func observe(_ comparison: ComparisonExpression) -> PatternExpression { .observation(comparison) }

/// `[x:v = n]` — a compact observation for precedence tests.
func obs(_ n: Int64) -> PatternExpression { observe(compare(path("x", prop("v")), .equal, .int(n))) }

/// The error thrown for `pattern`, or nil when it parses.
func parseError(_ pattern: String, maxLength: Int = 65536, maxDepth: Int = 64) -> PatternError? {
    do {
        _ = try STIXPatternParser.parse(pattern, maxLength: maxLength, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

/// Parses an object path by wrapping it in `[EXISTS …]`.
func parsePath(_ text: String) throws -> ObjectPath {
    let expression = try STIXPatternParser.parse("[EXISTS \(text)]")
    guard case .observation(.comparison(let c)) = expression else { throw PatternError(offset: -1, reason: "shape") }
    return c.path
}
