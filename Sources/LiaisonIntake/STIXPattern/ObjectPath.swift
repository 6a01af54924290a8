/// One step of an object path (STIX 2.1 §9.3 "Object Path Syntax").
public enum PathComponent: Sendable, Equatable, Hashable {
    /// A property or dictionary key: `name` or `'quoted key'` (quoting is not retained).
    case property(String)
    /// A list index `[n]`.
    case index(Int)
    /// The "any element" list index `[*]`.
    case anyIndex
}

/// `object-type:property.sub_property[index|*].'quoted key'` (STIX 2.1 §9.3).
///
/// The first component is always a ``PathComponent/property(_:)``.
public struct ObjectPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var objectType: String
    public var components: [PathComponent]

    public init(objectType: String, components: [PathComponent]) {
        self.objectType = objectType
        self.components = components
    }

    /// Canonical pattern spelling; keys that are not plain identifiers are single-quoted.
    public var description: String {
        var out = objectType + ":"
        for (i, component) in components.enumerated() {
            switch component {
            case .property(let name):
                if i > 0 { out += "." }
                out += ObjectPath.isPlainIdentifier(name) ? name : ObjectPath.quoted(name)
            case .index(let n): out += "[\(n)]"
            case .anyIndex: out += "[*]"
            }
        }
        return out
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, not a keyword or boolean — names that may appear unquoted
    /// after `:` or `.`.
    static func isPlainIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, isIdentStart(first),
              PatternKeyword(s) == nil, s != "true", s != "false" else { return false }
        return s.utf8.allSatisfy { isIdentStart($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    /// Single-quotes `s`, escaping `\` and `'` (STIX 2.1 §9.4, string literals).
    static func quoted(_ s: String) -> String {
        var out = "'"
        for ch in s.unicodeScalars {
            if ch == "\\" || ch == "'" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(ch)
        }
        return out + "'"
    }
}
