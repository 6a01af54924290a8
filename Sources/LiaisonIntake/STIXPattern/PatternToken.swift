/// Keywords of STIX 2.1 Patterning (§9; spelled in upper case, case-sensitive, as in the
/// normative grammar). `LAST` is reserved by the grammar but used by no production.
enum PatternKeyword: Sendable, Equatable {
    case and, or, not, followedBy, like, matches, isSubset, isSuperset, exists, last
    case `in`, start, stop, seconds, within, repeats, times

    init?(_ spelling: String) {
        switch spelling {
        case "AND": self = .and
        case "OR": self = .or
        case "NOT": self = .not
        case "FOLLOWEDBY": self = .followedBy
        case "LIKE": self = .like
        case "MATCHES": self = .matches
        case "ISSUBSET": self = .isSubset
        case "ISSUPERSET": self = .isSuperset
        case "EXISTS": self = .exists
        case "LAST": self = .last
        case "IN": self = .in
        case "START": self = .start
        case "STOP": self = .stop
        case "SECONDS": self = .seconds
        case "WITHIN": self = .within
        case "REPEATS": self = .repeats
        case "TIMES": self = .times
        default: return nil
        }
    }
}

/// One lexical token. `offset` is a UTF-8 byte offset; it is converted to a character
/// offset only when an error is reported.
struct PatternToken: Sendable {
    enum Kind: Sendable, Equatable {
        case lbracket, rbracket, lparen, rparen, colon, dot, comma, star
        /// `=`/`==`, `!=`/`<>`, `<`, `<=`, `>`, `>=`.
        case comparison(ComparisonOperator)
        case keyword(PatternKeyword)
        /// `[a-zA-Z_][a-zA-Z0-9_-]*` that is not a keyword or boolean.
        case identifier
        /// Any literal except sets; the value is in ``literal``.
        case literal
        case end
    }

    var kind: Kind
    var offset: Int
    /// Identifier spelling (only for `.identifier`).
    var text: String = ""
    /// Whether the identifier contains `-` (allowed for object types only).
    var hasHyphen = false
    var literal: PatternLiteral? = nil
}

/// Byte classes of the intake module's readers beyond Core's (`UInt8.isASCIIDigit` and
/// the like): pattern identifiers, hex and base64 digit values.
enum ByteClass {
    static func isIdentStart(_ b: UInt8) -> Bool { b.isASCIILetter || b == 0x5F }
    static func isIdentContinue(_ b: UInt8) -> Bool { isIdentStart(b) || b.isASCIIDigit || b == 0x2D }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    static func base64Value(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x41...0x5A: return b - 0x41
        case 0x61...0x7A: return b - 0x61 + 26
        case 0x30...0x39: return b - 0x30 + 52
        case 0x2B: return 62
        case 0x2F: return 63
        default: return nil
        }
    }

    /// Byte length of a Unicode white-space character at `i` from the grammar's `WS`
    /// rule (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
    /// U+3000), or 0.
    static func unicodeSpaceLength(_ bytes: [UInt8], _ i: Int) -> Int {
        let n = bytes.count
        let b0 = bytes[i]
        if b0 == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 { return 2 }
        guard i + 2 < n else { return 0 }
        let b1 = bytes[i + 1], b2 = bytes[i + 2]
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) && b2 >= 0x80 ? 3 : 0
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0
        default: return 0
        }
    }
}
