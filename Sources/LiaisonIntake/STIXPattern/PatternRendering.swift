import Foundation
import LiaisonCore

/// Canonical pattern text for parsed expressions (STIX 2.1 §9 syntax). Re-parsing the
/// `description` yields an equal value: nested n-ary operators are parenthesised, so the
/// grouping of the original is preserved. Prefix `NOT` is rendered in the grammar's
/// postfix position (`path NOT op value`), except for `NOT EXISTS path`.
extension PatternExpression: CustomStringConvertible {
    public var description: String {
        switch self {
        case .observation(let c): return "[" + c.description + "]"
        case .and(let items): return Self.join(items, " AND ")
        case .or(let items): return Self.join(items, " OR ")
        case .followedBy(let items): return Self.join(items, " FOLLOWEDBY ")
        case .qualified(let inner, let q): return inner.operandText + " " + q.description
        }
    }

    /// Observation expressions and qualified expressions need no parentheses as operands.
    private var operandText: String {
        switch self {
        case .observation, .qualified: return description
        case .and, .or, .followedBy: return "(" + description + ")"
        }
    }

    private static func join(_ items: [PatternExpression], _ separator: String) -> String {
        items.map(\.operandText).joined(separator: separator)
    }
}

extension PatternQualifier: CustomStringConvertible {
    public var description: String {
        switch self {
        case .within(let s): return "WITHIN \(DecimalFormatting.plain(s, integralWithoutFraction: true)) SECONDS"
        case .repeats(let n): return "REPEATS \(n) TIMES"
        case .startStop(let a, let b): return "START t'\(a)' STOP t'\(b)'"
        }
    }
}

extension ComparisonExpression: CustomStringConvertible {
    public var description: String {
        switch self {
        case .comparison(let c): return c.description
        case .and(let items): return items.map(\.operandText).joined(separator: " AND ")
        case .or(let items): return items.map(\.operandText).joined(separator: " OR ")
        }
    }

    private var operandText: String {
        if case .comparison = self { return description }
        return "(" + description + ")"
    }
}

extension Comparison: CustomStringConvertible {
    public var description: String {
        if op == .exists { return (negated ? "NOT " : "") + "EXISTS " + path.description }
        let value = self.value.map { " " + $0.description } ?? ""
        return path.description + (negated ? " NOT " : " ") + op.rawValue + value
    }
}

extension PatternLiteral: CustomStringConvertible {
    /// The literal in pattern syntax (quoted, prefixed, escaped).
    public var description: String {
        switch self {
        case .string(let s): return ObjectPath.quoted(s)
        case .int(let n): return String(n)
        case .float(let d): return DecimalFormatting.plain(d)
        case .bool(let b): return b ? "true" : "false"
        case .timestamp(let s): return "t'" + s + "'"
        case .hex(let bytes): return "h'" + bytes.hexString + "'"
        case .binary(let bytes): return "b'" + Data(bytes).base64EncodedString() + "'"
        case .set(let members): return "(" + members.map(\.description).joined(separator: ", ") + ")"
        }
    }
}

/// Number and byte formatting in the forms the pattern grammar accepts (no exponents).
enum DecimalFormatting {
    /// `d` as `[-]digits.digits` (or plain digits if `integralWithoutFraction` and integral).
    static func plain(_ d: Double, integralWithoutFraction: Bool = false) -> String {
        if integralWithoutFraction, abs(d) < 1e15, d == Double(Int64(d)) { return String(Int64(d)) }
        let text = String(d)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var point = intPart.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if digits.count <= point { digits += String(repeating: "0", count: point - digits.count + 1) }
        let whole = digits.prefix(point)
        var fraction = String(digits.dropFirst(point))
        while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + whole + "." + fraction
    }
}
