/// Entry point of the STIX 2.1 Patterning parser (STIX 2.1 §9).
public enum STIXPatternParser {
    /// Upper bound applied to `maxDepth`, so that a caller-supplied limit can never let the
    /// recursive-descent parser (≈ 5 stack frames per level) exhaust a small thread stack.
    public static let depthCeiling = 256

    /// Parses a STIX 2.1 pattern (the `pattern` property of an Indicator whose
    /// `pattern_type` is `stix`, §9).
    ///
    /// - Parameters:
    ///   - maxLength: maximum pattern size in UTF-8 bytes (default 64 KiB).
    ///   - maxDepth: maximum nesting of `(`, `[` and stacked qualifiers (default 64;
    ///     clamped to ``depthCeiling``).
    /// - Throws: ``PatternError`` with a character offset and a content-free reason.
    public static func parse(_ pattern: String, maxLength: Int = 65536, maxDepth: Int = 64) throws(PatternError) -> PatternExpression {
        if pattern.utf8.count > maxLength {
            throw PatternError(offset: characterOffset(in: pattern, utf8Offset: max(0, maxLength)),
                               reason: "pattern is longer than the limit of \(maxLength) bytes")
        }
        do {
            let tokens = try PatternLexer.tokenize(Array(pattern.utf8))
            var parser = PatternParser(tokens: tokens, maxDepth: min(maxDepth, depthCeiling))
            return try parser.parsePattern()
        } catch {
            throw PatternError(offset: characterOffset(in: pattern, utf8Offset: error.offset), reason: error.reason)
        }
    }

    /// Converts a UTF-8 byte offset into a `Character` (grapheme cluster) offset.
    static func characterOffset(in pattern: String, utf8Offset: Int) -> Int {
        let utf8 = pattern.utf8
        let clamped = min(max(0, utf8Offset), utf8.count)
        var scalarBoundary = clamped
        // Never point into the middle of a scalar.
        while scalarBoundary > 0, scalarBoundary < utf8.count,
              utf8[utf8.index(utf8.startIndex, offsetBy: scalarBoundary)] & 0xC0 == 0x80 {
            scalarBoundary -= 1
        }
        let index = utf8.index(utf8.startIndex, offsetBy: scalarBoundary)
        return pattern[..<index].count
    }
}

/// Recursive-descent parser over the token array. Error offsets are UTF-8 byte offsets.
struct PatternParser {
    var tokens: [PatternToken]
    var index = 0
    var depth = 0
    let maxDepth: Int

    init(tokens: [PatternToken], maxDepth: Int) {
        self.tokens = tokens
        self.maxDepth = maxDepth
    }

    var current: PatternToken { tokens[index] }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func fail(_ reason: String) -> PatternError {
        PatternError(offset: current.offset, reason: reason)
    }

    func isKeyword(_ keyword: PatternKeyword) -> Bool { current.kind == .keyword(keyword) }

    /// Enters one nesting level at the current token.
    mutating func enterNesting() throws(PatternError) {
        guard depth < maxDepth else { throw fail("nesting is deeper than the limit of \(maxDepth) levels") }
        depth += 1
    }

    // MARK: Observation level (§9.6 observation operators, lowest precedence first)

    mutating func parsePattern() throws(PatternError) -> PatternExpression {
        let expression = try parseFollowedBy()
        guard current.kind == .end else {
            throw fail("expected 'AND', 'OR', 'FOLLOWEDBY', a qualifier (WITHIN, REPEATS, START) or end of pattern")
        }
        return expression
    }

    mutating func parseFollowedBy() throws(PatternError) -> PatternExpression {
        var items = [try parseObservationOr()]
        while isKeyword(.followedBy) {
            advance()
            items.append(try parseObservationOr())
        }
        return items.count == 1 ? items[0] : .followedBy(items)
    }

    mutating func parseObservationOr() throws(PatternError) -> PatternExpression {
        var items = [try parseObservationAnd()]
        while isKeyword(.or) {
            advance()
            items.append(try parseObservationAnd())
        }
        return items.count == 1 ? items[0] : .or(items)
    }

    mutating func parseObservationAnd() throws(PatternError) -> PatternExpression {
        var items = [try parseQualified()]
        while isKeyword(.and) {
            advance()
            items.append(try parseQualified())
        }
        return items.count == 1 ? items[0] : .and(items)
    }

    /// A primary observation expression followed by any number of qualifiers (§9.7).
    mutating func parseQualified() throws(PatternError) -> PatternExpression {
        var expression = try parseObservationPrimary()
        let outerDepth = depth
        defer { depth = outerDepth }
        while let qualifier = try parseQualifier() {
            expression = .qualified(expression, qualifier)
        }
        return expression
    }

    mutating func parseObservationPrimary() throws(PatternError) -> PatternExpression {
        switch current.kind {
        case .lbracket:
            try enterNesting()
            advance()
            let comparison = try parseComparisonOr()
            guard current.kind == .rbracket else { throw fail("expected 'AND', 'OR' or ']' to close the observation expression") }
            advance()
            depth -= 1
            return .observation(comparison)
        case .lparen:
            try enterNesting()
            advance()
            let inner = try parseFollowedBy()
            guard current.kind == .rparen else {
                throw fail("expected 'AND', 'OR', 'FOLLOWEDBY', a qualifier or ')' to close the group")
            }
            advance()
            depth -= 1
            return inner
        default:
            throw fail("expected '[' or '(' to begin an observation expression")
        }
    }

    /// `WITHIN n SECONDS`, `REPEATS n TIMES`, `START t'…' STOP t'…'` (§9.7), or `nil`.
    /// Each stacked qualifier counts as one nesting level.
    mutating func parseQualifier() throws(PatternError) -> PatternQualifier? {
        guard case .keyword(let keyword) = current.kind,
              keyword == .within || keyword == .repeats || keyword == .start else { return nil }
        try enterNesting()
        advance()
        switch keyword {
        case .within:
            let seconds: Double
            switch current.literal {
            case .int(let n)? where n > 0: seconds = Double(n)
            case .float(let f)? where f > 0: seconds = f
            default: throw fail("expected a positive number of seconds after WITHIN")
            }
            advance()
            guard isKeyword(.seconds) else { throw fail("expected 'SECONDS' after the WITHIN duration") }
            advance()
            return .within(seconds: seconds)
        case .repeats:
            guard case .int(let n)? = current.literal, n > 0 else {
                throw fail("expected a positive integer after REPEATS")
            }
            advance()
            guard isKeyword(.times) else { throw fail("expected 'TIMES' after the REPEATS count") }
            advance()
            return .repeats(times: n)
        default:
            guard case .timestamp(let start)? = current.literal else {
                throw fail("expected a timestamp literal t'…' after START")
            }
            advance()
            guard isKeyword(.stop) else { throw fail("expected 'STOP' after the START timestamp") }
            advance()
            guard case .timestamp(let stop)? = current.literal else {
                throw fail("expected a timestamp literal t'…' after STOP")
            }
            advance()
            return .startStop(start: start, stop: stop)
        }
    }
}
