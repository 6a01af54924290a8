extension JSONValue {
    /// The member `name` of an object; nil for anything else.
    public func member(_ name: String) -> JSONValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }

    /// The member `name` of an object; nil for anything else.
    public subscript(_ name: String) -> JSONValue? { member(name) }

    /// The items of an array; nil for anything else.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text of a string; nil for anything else.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
