/// The differences between two agreement documents, member by member: what an approver
/// reads before approving. Lists compare as wholes (a list of taxonomies, of contacts);
/// objects member by member, down to the values.
public struct AgreementDiff: Sendable, Hashable, Codable {
    public struct Change: Sendable, Hashable, Codable {
        /// JSON Pointer into the documents.
        public var pointer: String
        public var before: JSONValue?
        public var after: JSONValue?
    }

    public var changes: [Change]

    public init(from before: Agreement, to after: Agreement) {
        var changes: [Change] = []
        Self.compare(before.document, after.document, at: "", into: &changes)
        self.changes = changes
    }

    private static func compare(_ before: JSONValue?, _ after: JSONValue?, at pointer: String, into changes: inout [Change]) {
        if case .object(let old)? = before, case .object(let new)? = after {
            for key in Set(old.keys).union(new.keys).sorted() {
                compare(old[key], new[key], at: pointer + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1"), into: &changes)
            }
        } else if before != after {
            changes.append(Change(pointer: pointer, before: before, after: after))
        }
    }
}
