import Foundation

/// One entry of the disclosure ledger as it is hashed into the tree: when (UTC, to the
/// microsecond, as PostgreSQL keeps it), who (an organisation, or `gateway`), what, to which
/// subject, and details (identifiers, counts, hashes, purposes; never a personal value).
/// Its leaf is the RFC 8785 canonical JSON of these five members, so an auditor rebuilds
/// the bytes from an entry with any JCS implementation.
public struct LedgerEntry: Sendable, Hashable {
    public var index: Int64
    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String
    public var details: JSONValue

    public init(index: Int64, at: String, actor: String, action: String, subject: String, details: JSONValue) {
        self.index = index
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
    }

    /// The members the leaf covers; the index is the leaf's place, not part of it.
    public var leafValue: JSONValue {
        .object([
            "at": .string(at), "actor": .string(actor), "action": .string(action), "subject": .string(subject),
            "details": details,
        ])
    }

    /// The bytes hashed into the tree.
    public var leafBytes: [UInt8] { leafValue.canonicalBytes }

    public var leafHash: TreeHash { .leaf(leafBytes) }

    /// The entry as the API and evidence packages show it: the leaf's members and the index.
    public var jsonValue: JSONValue {
        guard case .object(var members) = leafValue else { return leafValue }
        members["index"] = .number(Double(index))
        return .object(members)
    }
}
