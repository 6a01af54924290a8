/// One header field, RFC 5322 section 2.2. `value` is unfolded and RFC 2047 encoded-words are
/// decoded to UTF-8; malformed encoded-words are left as literal text rather than dropped.
public struct MailHeader: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) { self.name = name; self.value = value }
}

/// A mailbox, RFC 5322 section 3.4. Group syntax is flattened into its member mailboxes.
public struct MailAddress: Sendable, Hashable {
    /// Display name decoded from RFC 2047 (nil when absent).
    public var name: String?
    public var address: String
    public init(name: String?, address: String) { self.name = name; self.address = address }
}

/// An RFC 5322 section 3.3 date-time, as seconds since the Unix epoch plus the zone offset.
public struct MailDate: Sendable, Hashable {
    public var secondsSince1970: Int64
    public var utcOffsetSeconds: Int
}

/// One `Received:` trace field (RFC 5322 section 3.6.7), topmost (newest) first in
/// `MailMessage.received`. `from`/`by` are the first token after the keyword, if any.
public struct ReceivedHop: Sendable, Hashable {
    public var value: String
    public var from: String?
    public var by: String?
    public var date: MailDate?
}

/// A GMime parser warning (code name and byte offset only, no content).
public struct MailWarning: Sendable, Hashable {
    public var code: String
    public var offset: Int64
}

/// A parsed RFC 5322 message. Headers are top-level only; nested messages live in the tree.
public struct MailMessage: Sendable {
    /// All top-level header fields, in original order.
    public var headers: [MailHeader]
    /// Message-ID without angle brackets (RFC 5322 section 3.6.4).
    public var messageID: String?
    public var date: MailDate?
    public var from: [MailAddress]
    public var to: [MailAddress]
    public var subject: String?
    public var received: [ReceivedHop]
    /// Root MIME entity (RFC 2045); its path is "" for a top-level message.
    public var body: MailPart
    /// Parser warnings for the whole input (only filled on the top-level message).
    public var warnings: [MailWarning]

    /// All values of header `name` (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        let key = name.lowercased()
        return headers.filter { $0.name.lowercased() == key }.map(\.value)
    }

    /// Every entity in depth-first order, descending into nested messages.
    public var allParts: [MailPart] { body.flattened }
}
