/// String and array literals as JSON values, so that documents built in code (STIX bundles)
/// read like the JSON they produce.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}
