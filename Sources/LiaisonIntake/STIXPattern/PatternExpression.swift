/// Abstract syntax for STIX 2.1 Patterning (STIX 2.1 §9, "STIX Patterning").
///
/// Operator precedence, highest (binds tightest) first. This follows the normative
/// ANTLR grammar published with STIX 2.1 (`STIXPattern.g4`, referenced from §9) and the
/// operator-precedence table in §9 (subsection numbers in this package's comments are from
/// memory of the 2.1 text and should be re-checked against the published spec):
///
///  1. `( )` grouping, `[ ]` observation expression
///  2. comparison operators `=` `!=` `<` `<=` `>` `>=` `IN` `LIKE` `MATCHES`
///     `ISSUBSET` `ISSUPERSET` `EXISTS` (optionally negated with `NOT`)
///  3. comparison `AND`  (left-associative)
///  4. comparison `OR`   (left-associative)
///  5. qualifiers `WITHIN n SECONDS`, `REPEATS n TIMES`, `START t'…' STOP t'…'` —
///     postfix, applied to the single `[ … ]` or `( … )` observation expression
///     immediately before them; they may be stacked (`REPEATS 5 TIMES WITHIN 1800 SECONDS`)
///  6. observation `AND` (left-associative)
///  7. observation `OR`  (left-associative)
///  8. `FOLLOWEDBY`      (left-associative, lowest)
///
/// So `[a] AND [b] OR [c] FOLLOWEDBY [d]` is `(([a] AND [b]) OR [c]) FOLLOWEDBY [d]`, and
/// `[a] OR [b] WITHIN 5 SECONDS` is `[a] OR ([b] WITHIN 5 SECONDS)`.
///
/// Chains of the same binary operator are stored n-ary (`.and([a, b, c])`, always ≥ 2
/// operands) so that long flat chains do not produce deep trees; explicit parentheses are
/// preserved as nesting (`(a OR b) OR c` is `.or([.or([a, b]), c])`).
public indirect enum PatternExpression: Sendable, Equatable {
    /// `[ comparison-expression ]` (§9.2 / §9.5 "Observation Expressions").
    case observation(ComparisonExpression)
    /// Observation operator `AND` (§9.6): all operands must match.
    case and([PatternExpression])
    /// Observation operator `OR` (§9.6): at least one operand must match.
    case or([PatternExpression])
    /// Observation operator `FOLLOWEDBY` (§9.6): operands match in temporal order.
    case followedBy([PatternExpression])
    /// An observation expression with a qualifier (§9.7 "Qualifiers").
    case qualified(PatternExpression, PatternQualifier)
}

/// Observation expression qualifiers (STIX 2.1 §9.7).
public enum PatternQualifier: Sendable, Equatable {
    /// `WITHIN n SECONDS` — n is a positive integer or float.
    case within(seconds: Double)
    /// `REPEATS n TIMES` — n is a positive integer.
    case repeats(times: Int64)
    /// `START t'…' STOP t'…'` — RFC 3339 UTC timestamps, kept verbatim.
    case startStop(start: String, stop: String)
}

/// Comparison expressions inside `[ … ]` (STIX 2.1 §9.5 "Comparison Expressions").
/// Chains are n-ary, as for ``PatternExpression``.
public indirect enum ComparisonExpression: Sendable, Equatable {
    case comparison(Comparison)
    /// Comparison `AND`: binds tighter than comparison `OR`.
    case and([ComparisonExpression])
    case or([ComparisonExpression])
}

/// A single property test: `object-path [NOT] operator literal`, or `EXISTS object-path`.
public struct Comparison: Sendable, Equatable {
    public var path: ObjectPath
    public var op: ComparisonOperator
    /// `true` when the operator carries `NOT` (STIX 2.1 §9.5, Table "Comparison Operators").
    public var negated: Bool
    /// `nil` only for ``ComparisonOperator/exists``; a `.set` for ``ComparisonOperator/in``.
    public var value: PatternLiteral?

    public init(path: ObjectPath, op: ComparisonOperator, negated: Bool = false, value: PatternLiteral?) {
        self.path = path
        self.op = op
        self.negated = negated
        self.value = value
    }
}

/// Comparison operators (STIX 2.1 §9.5). Raw values are the pattern spelling.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "IN"
    case like = "LIKE"
    case matches = "MATCHES"
    case isSubset = "ISSUBSET"
    case isSuperset = "ISSUPERSET"
    case exists = "EXISTS"
}

/// Literal values (STIX 2.1 §9.4 "Literals" / Table "Pattern literal types").
public enum PatternLiteral: Sendable, Equatable {
    /// Unescaped content of `'…'` (only `\'` and `\\` escapes are legal).
    case string(String)
    case int(Int64)
    /// Floats have the form `[+-]digits*.digits+` (no exponent).
    case float(Double)
    /// `true` / `false`.
    case bool(Bool)
    /// Content of `t'…'`, validated as RFC 3339 `YYYY-MM-DDTHH:MM:SS[.frac]Z`.
    case timestamp(String)
    /// Decoded content of `h'…'`.
    case hex([UInt8])
    /// Decoded content of `b'…'` (base64).
    case binary([UInt8])
    /// `( literal, … )` — the right-hand side of `IN`.
    case set([PatternLiteral])
}

/// A parse failure. `offset` is the 0-based character (grapheme) offset into the pattern;
/// `reason` says what was expected there and never contains text from the pattern.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "STIX pattern error at offset \(offset): \(reason)" }
}
