/// One problem in one place of a body: a JSON Pointer (RFC 6901) and a reason that
/// describes the rule broken without quoting the value.
public struct FieldProblem: Error, Sendable, Hashable, Codable {
    public var pointer: String
    public var reason: String

    public init(pointer: String, reason: String) {
        self.pointer = pointer
        self.reason = reason
    }
}
