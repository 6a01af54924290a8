/// Comparison expressions, property tests, object paths and literals (STIX 2.1 §9.3–§9.5).
extension PatternParser {
    mutating func parseComparisonOr() throws(PatternError) -> ComparisonExpression {
        var items = [try parseComparisonAnd()]
        while isKeyword(.or) {
            advance()
            items.append(try parseComparisonAnd())
        }
        return items.count == 1 ? items[0] : .or(items)
    }

    mutating func parseComparisonAnd() throws(PatternError) -> ComparisonExpression {
        var items = [try parseComparisonPrimary()]
        while isKeyword(.and) {
            advance()
            items.append(try parseComparisonPrimary())
        }
        return items.count == 1 ? items[0] : .and(items)
    }

    /// `( comparison-expression )`, `EXISTS path`, or a property test.
    ///
    /// Besides the grammar's `path NOT op literal`, a leading `NOT` (`NOT path op literal`,
    /// `NOT EXISTS path`) is accepted as an extension and produces the same negated test.
    mutating func parseComparisonPrimary() throws(PatternError) -> ComparisonExpression {
        switch current.kind {
        case .lparen:
            try enterNesting()
            advance()
            let inner = try parseComparisonOr()
            guard current.kind == .rparen else { throw fail("expected 'AND', 'OR' or ')' to close the group") }
            advance()
            depth -= 1
            return inner
        case .keyword(.exists):
            advance()
            return .comparison(Comparison(path: try parseObjectPath(), op: .exists, value: nil))
        case .keyword(.not):
            advance()
            if isKeyword(.exists) {
                advance()
                return .comparison(Comparison(path: try parseObjectPath(), op: .exists, negated: true, value: nil))
            }
            return .comparison(try parsePropertyTest(prefixNegated: true))
        default:
            return .comparison(try parsePropertyTest(prefixNegated: false))
        }
    }

    /// `object-path [NOT] operator literal` (§9.5, Table "Comparison Operators").
    mutating func parsePropertyTest(prefixNegated: Bool) throws(PatternError) -> Comparison {
        let path = try parseObjectPath()
        var negated = prefixNegated
        if isKeyword(.not) {
            guard !prefixNegated else { throw fail("expected a comparison operator; NOT may appear only once") }
            negated = true
            advance()
        }
        let op: ComparisonOperator
        switch current.kind {
        case .comparison(let o): op = o
        case .keyword(.in): op = .in
        case .keyword(.like): op = .like
        case .keyword(.matches): op = .matches
        case .keyword(.isSubset): op = .isSubset
        case .keyword(.isSuperset): op = .isSuperset
        default:
            throw fail("expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)")
        }
        advance()
        let value: PatternLiteral
        switch op {
        case .equal, .notEqual:
            value = try parseLiteral(orderable: false, "expected a literal value after the operator")
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            value = try parseLiteral(orderable: true,
                                     "expected an orderable literal (string, number, timestamp, hex or binary) after the operator")
        case .in:
            value = try parseSet()
        case .like, .matches, .isSubset, .isSuperset, .exists:
            guard case .string(let text)? = current.literal else {
                throw fail("expected a string literal after \(op.rawValue)")
            }
            value = .string(text)
            advance()
        }
        return Comparison(path: path, op: op, negated: negated, value: value)
    }

    /// A primitive literal (any literal but a set); booleans are excluded when `orderable`.
    mutating func parseLiteral(orderable: Bool, _ expectation: String) throws(PatternError) -> PatternLiteral {
        guard let literal = current.literal else { throw fail(expectation) }
        if orderable, case .bool = literal { throw fail(expectation) }
        advance()
        return literal
    }

    /// `( )` or `( literal , … )` — the right-hand side of `IN` (§9.5).
    mutating func parseSet() throws(PatternError) -> PatternLiteral {
        guard current.kind == .lparen else { throw fail("expected '(' to begin the IN set") }
        advance()
        var members: [PatternLiteral] = []
        if current.kind == .rparen {
            advance()
            return .set(members)
        }
        while true {
            members.append(try parseLiteral(orderable: false, "expected a literal value in the IN set"))
            if current.kind == .comma {
                advance()
            } else if current.kind == .rparen {
                advance()
                return .set(members)
            } else {
                throw fail("expected ',' or ')' in the IN set")
            }
        }
    }

    /// `object-type ':' first-component ( '.' name | '[' index ']' )*` (§9.3).
    mutating func parseObjectPath() throws(PatternError) -> ObjectPath {
        guard current.kind == .identifier else {
            throw fail("expected an object path (object-type:property), '(' or EXISTS")
        }
        let objectType = current.text
        advance()
        guard current.kind == .colon else { throw fail("expected ':' after the object type") }
        advance()
        var components = [try parsePropertyName()]
        while true {
            switch current.kind {
            case .dot:
                advance()
                components.append(try parsePropertyName())
            case .lbracket:
                advance()
                if current.kind == .star {
                    components.append(.anyIndex)
                } else if case .int(let n)? = current.literal, let i = Int(exactly: n) {
                    components.append(.index(i))
                } else {
                    throw fail("expected a list index (integer) or '*'")
                }
                advance()
                guard current.kind == .rbracket else { throw fail("expected ']' after the list index") }
                advance()
            default:
                return ObjectPath(objectType: objectType, components: components)
            }
        }
    }

    /// A property name or dictionary key: an identifier without `-`, or a quoted string.
    mutating func parsePropertyName() throws(PatternError) -> PathComponent {
        if current.kind == .identifier {
            guard !current.hasHyphen else {
                throw fail("expected a property name; names containing '-' must be quoted")
            }
            let name = current.text
            advance()
            return .property(name)
        }
        if case .string(let name)? = current.literal {
            guard !name.isEmpty else { throw fail("expected a non-empty quoted property name") }
            advance()
            return .property(name)
        }
        throw fail("expected a property name (identifier or quoted string)")
    }
}
