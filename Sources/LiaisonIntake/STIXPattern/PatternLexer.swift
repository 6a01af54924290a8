/// Tokeniser for STIX 2.1 Patterning (§9, lexical rules of the normative grammar):
/// white space (including the Unicode spaces of the grammar's `WS` rule), `/* … */` and
/// `// …` comments, punctuation, comparison operators (`==` and `<>` are accepted as the
/// grammar's alternative spellings of `=` and `!=`), upper-case keywords, identifiers and
/// literals. All offsets are UTF-8 byte offsets.
struct PatternLexer {
    private let bytes: [UInt8]
    private var pos = 0

    private static let quote: UInt8 = 0x27
    private static let backslash: UInt8 = 0x5C

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Tokenises the whole input; the last token is always `.end`.
    static func tokenize(_ bytes: [UInt8]) throws(PatternError) -> [PatternToken] {
        var lexer = PatternLexer(bytes)
        var tokens: [PatternToken] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func fail(_ offset: Int, _ reason: String) -> PatternError {
        PatternError(offset: offset, reason: reason)
    }

    private func byte(at i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func next() throws(PatternError) -> PatternToken {
        try skipTrivia()
        let start = pos
        guard let c = byte(at: pos) else { return PatternToken(kind: .end, offset: pos) }
        func punct(_ kind: PatternToken.Kind, _ length: Int = 1) -> PatternToken {
            pos += length
            return PatternToken(kind: kind, offset: start)
        }
        switch c {
        case UInt8(ascii: "["): return punct(.lbracket)
        case UInt8(ascii: "]"): return punct(.rbracket)
        case UInt8(ascii: "("): return punct(.lparen)
        case UInt8(ascii: ")"): return punct(.rparen)
        case UInt8(ascii: ":"): return punct(.colon)
        case UInt8(ascii: ","): return punct(.comma)
        case UInt8(ascii: "*"): return punct(.star)
        case UInt8(ascii: "="):
            return byte(at: pos + 1) == UInt8(ascii: "=") ? punct(.comparison(.equal), 2) : punct(.comparison(.equal))
        case UInt8(ascii: "!"):
            guard byte(at: pos + 1) == UInt8(ascii: "=") else { throw fail(pos + 1, "expected '=' after '!'") }
            return punct(.comparison(.notEqual), 2)
        case UInt8(ascii: "<"):
            if byte(at: pos + 1) == UInt8(ascii: "=") { return punct(.comparison(.lessOrEqual), 2) }
            if byte(at: pos + 1) == UInt8(ascii: ">") { return punct(.comparison(.notEqual), 2) }
            return punct(.comparison(.less))
        case UInt8(ascii: ">"):
            if byte(at: pos + 1) == UInt8(ascii: "=") { return punct(.comparison(.greaterOrEqual), 2) }
            return punct(.comparison(.greater))
        case UInt8(ascii: "."):
            if let d = byte(at: pos + 1), d.isASCIIDigit { return try number() }
            return punct(.dot)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case Self.quote:
            let s = try stringLiteral()
            return PatternToken(kind: .literal, offset: start, literal: .string(s))
        default:
            if byte(at: pos + 1) == Self.quote,
               c == UInt8(ascii: "t") || c == UInt8(ascii: "h") || c == UInt8(ascii: "b") {
                return try prefixedLiteral(c)
            }
            if ByteClass.isIdentStart(c) { return identifier() }
            throw fail(start, "unexpected character; expected '[', '(', an object path, an operator or a literal")
        }
    }

    private mutating func skipTrivia() throws(PatternError) {
        while let b = byte(at: pos) {
            if b == 0x20 || (0x09...0x0D).contains(b) {
                pos += 1
            } else if b == UInt8(ascii: "/"), byte(at: pos + 1) == UInt8(ascii: "*") {
                var p = pos + 2
                while p + 1 < bytes.count, !(bytes[p] == UInt8(ascii: "*") && bytes[p + 1] == UInt8(ascii: "/")) { p += 1 }
                guard p + 1 < bytes.count else { throw fail(pos, "unterminated comment; expected '*/'") }
                pos = p + 2
            } else if b == UInt8(ascii: "/"), byte(at: pos + 1) == UInt8(ascii: "/") {
                while let c = byte(at: pos), c != 0x0A, c != 0x0D { pos += 1 }
            } else if b >= 0x80, case let w = ByteClass.unicodeSpaceLength(bytes, pos), w > 0 {
                pos += w
            } else {
                return
            }
        }
    }

    private mutating func identifier() -> PatternToken {
        let start = pos
        var hyphen = false
        pos += 1
        while let b = byte(at: pos), ByteClass.isIdentContinue(b) {
            if b == UInt8(ascii: "-") { hyphen = true }
            pos += 1
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if !hyphen {
            if let keyword = PatternKeyword(text) { return PatternToken(kind: .keyword(keyword), offset: start) }
            if text == "true" || text == "false" {
                return PatternToken(kind: .literal, offset: start, literal: .bool(text == "true"))
            }
        }
        return PatternToken(kind: .identifier, offset: start, text: text, hasHyphen: hyphen)
    }

    /// `IntPosLiteral`/`IntNegLiteral` (`[+-]?(0|[1-9][0-9]*)`) and
    /// `FloatPosLiteral`/`FloatNegLiteral` (`[+-]?[0-9]*\.[0-9]+`) — STIX 2.1 §9.4.
    private mutating func number() throws(PatternError) -> PatternToken {
        let start = pos
        var p = pos
        var negative = false
        if bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") {
            negative = bytes[p] == UInt8(ascii: "-")
            p += 1
        }
        let digitsStart = p
        while let b = byte(at: p), b.isASCIIDigit { p += 1 }
        if byte(at: p) == UInt8(ascii: "."), let d = byte(at: p + 1), d.isASCIIDigit {
            p += 1
            while let b = byte(at: p), b.isASCIIDigit { p += 1 }
            let text = (negative ? "-" : "") + String(decoding: bytes[digitsStart..<p], as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw fail(start, "float literal is out of range") }
            pos = p
            return PatternToken(kind: .literal, offset: start, literal: .float(value))
        }
        guard p > digitsStart else { throw fail(p, "expected a digit after the sign") }
        if bytes[digitsStart] == UInt8(ascii: "0"), p - digitsStart > 1 {
            throw fail(digitsStart, "leading zeros are not allowed in integer literals")
        }
        var value: Int64 = 0
        for b in bytes[digitsStart..<p] {
            let digit = Int64(b - 0x30)
            let (scaled, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
            guard !o1, !o2 else { throw fail(start, "integer literal does not fit in 64 bits") }
            value = next
        }
        pos = p
        return PatternToken(kind: .literal, offset: start, literal: .int(value))
    }

    /// `'…'` with the only escapes `\'` and `\\` (STIX 2.1 §9.4, string literals).
    private mutating func stringLiteral() throws(PatternError) -> String {
        let open = pos
        var p = pos + 1
        var segment = p
        var unescaped: [UInt8] = []
        var escaped = false
        while p < bytes.count {
            let b = bytes[p]
            if b == Self.quote {
                pos = p + 1
                if !escaped { return String(decoding: bytes[segment..<p], as: UTF8.self) }
                unescaped.append(contentsOf: bytes[segment..<p])
                return String(decoding: unescaped, as: UTF8.self)
            }
            if b == Self.backslash {
                guard let e = byte(at: p + 1) else { break }
                guard e == Self.quote || e == Self.backslash else {
                    throw fail(p, "invalid escape sequence; only \\' and \\\\ are allowed in string literals")
                }
                unescaped.append(contentsOf: bytes[segment..<p])
                unescaped.append(e)
                escaped = true
                p += 2
                segment = p
                continue
            }
            p += 1
        }
        throw fail(open, "unterminated string literal; expected a closing quote")
    }

    /// `t'…'`, `h'…'` and `b'…'` literals (STIX 2.1 §9.4); their content has no escapes.
    private mutating func prefixedLiteral(_ prefix: UInt8) throws(PatternError) -> PatternToken {
        let start = pos
        let contentStart = pos + 2
        var close = contentStart
        while close < bytes.count, bytes[close] != Self.quote { close += 1 }
        let name = prefix == UInt8(ascii: "t") ? "timestamp" : prefix == UInt8(ascii: "h") ? "hex" : "binary"
        guard close < bytes.count else { throw fail(start, "unterminated \(name) literal; expected a closing quote") }
        let content = contentStart..<close
        let literal: PatternLiteral
        switch prefix {
        case UInt8(ascii: "t"):
            try LiteralDecoding.validateTimestamp(bytes, content)
            literal = .timestamp(String(decoding: bytes[content], as: UTF8.self))
        case UInt8(ascii: "h"):
            literal = .hex(try LiteralDecoding.decodeHex(bytes, content))
        default:
            literal = .binary(try LiteralDecoding.decodeBase64(bytes, content))
        }
        pos = close + 1
        return PatternToken(kind: .literal, offset: start, literal: literal)
    }
}
