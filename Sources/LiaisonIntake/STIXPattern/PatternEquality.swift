import Foundation
import LiaisonCore

/// An equality test usable as an observable: `path = value` (not negated), or one member of
/// a non-negated `path IN (…)` set (STIX 2.1 §9.5).
public struct PatternEquality: Sendable, Equatable {
    public var path: ObjectPath
    /// The literal rendered as text: strings and timestamps verbatim (unescaped), numbers
    /// in decimal, booleans as `true`/`false`, hex as lower-case hex digits, binary as base64.
    public var value: String

    public init(path: ObjectPath, value: String) {
        self.path = path
        self.value = value
    }
}

extension PatternExpression {
    /// Equality comparisons (`=`, non-negated; also each member of a non-negated `IN` set)
    /// found anywhere in the pattern, as (object path, value) pairs in order of appearance.
    /// Equalities under observation `OR`, `FOLLOWEDBY` or qualifiers are included too.
    public var equalities: [PatternEquality] {
        var out: [PatternEquality] = []
        collectEqualities(into: &out)
        return out
    }

    func collectEqualities(into out: inout [PatternEquality]) {
        switch self {
        case .observation(let comparison): comparison.collectEqualities(into: &out)
        case .and(let items), .or(let items), .followedBy(let items):
            for item in items { item.collectEqualities(into: &out) }
        case .qualified(let inner, _): inner.collectEqualities(into: &out)
        }
    }
}

extension ComparisonExpression {
    func collectEqualities(into out: inout [PatternEquality]) {
        switch self {
        case .comparison(let c):
            guard !c.negated, let value = c.value else { return }
            switch (c.op, value) {
            case (.equal, _):
                out.append(PatternEquality(path: c.path, value: value.plainText))
            case (.in, .set(let members)):
                for member in members { out.append(PatternEquality(path: c.path, value: member.plainText)) }
            default:
                break
            }
        case .and(let items), .or(let items):
            for item in items { item.collectEqualities(into: &out) }
        }
    }
}

extension PatternLiteral {
    /// The literal's value as plain text (no quotes or prefixes); see ``PatternEquality/value``.
    public var plainText: String {
        switch self {
        case .string(let s), .timestamp(let s): return s
        case .int(let n): return String(n)
        case .float(let d): return DecimalFormatting.plain(d)
        case .bool(let b): return b ? "true" : "false"
        case .hex(let bytes): return bytes.hexString
        case .binary(let bytes): return Data(bytes).base64EncodedString()
        case .set(let members): return members.map(\.plainText).joined(separator: ",")
        }
    }
}
