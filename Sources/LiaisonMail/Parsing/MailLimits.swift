/// Resource bounds applied to every parse. Each bound maps to one `MailBound`
/// so a rejection says *which* bound tripped and *where*, never what the content was.
public struct MailLimits: Sendable, Hashable {
    /// Whole message size in bytes (default 25 MiB, a common MTA ceiling).
    public var maxMessageBytes: Int
    /// Number of MIME entities (RFC 2045 "body parts"), counted across nested messages.
    public var maxParts: Int
    /// Nesting depth of multipart / message/rfc822 containers (root entity is depth 0).
    public var maxDepth: Int
    /// Header fields counted across all header blocks of the message (RFC 5322 section 3.6).
    public var maxHeaders: Int
    /// Longest physical header line. RFC 5322 section 2.1.1 says 998 octets MUST NOT be
    /// exceeded, but real abuse mail breaks that, so the default is a generous 64 KiB.
    public var maxHeaderLineBytes: Int

    public static let rfc5322HeaderLineLimit = 998

    public init(maxMessageBytes: Int = 25 * 1024 * 1024, maxParts: Int = 200, maxDepth: Int = 10,
                maxHeaders: Int = 1000, maxHeaderLineBytes: Int = 64 * 1024) {
        self.maxMessageBytes = maxMessageBytes
        self.maxParts = maxParts
        self.maxDepth = maxDepth
        self.maxHeaders = maxHeaders
        self.maxHeaderLineBytes = maxHeaderLineBytes
    }

    public static let `default` = MailLimits()
}

/// Which bound of `MailLimits` was exceeded.
public enum MailBound: String, Sendable, Hashable, CaseIterable {
    case messageBytes, parts, depth, headers, headerLineBytes
}

/// Parse failures. Cases carry structure only (bound, limit, MIME path), never message content,
/// so they are safe to log and to put in incident records.
public enum MailError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `MailLimits` bound was exceeded at the entity named by `path` (see `MailPart.path`).
    case limitExceeded(MailBound, limit: Int, path: String)
    /// The input is empty.
    case empty
    /// GMime could not construct a message at all.
    case unparseable

    public var description: String {
        switch self {
        case let .limitExceeded(bound, limit, path):
            return "mail limit exceeded: \(bound.rawValue) > \(limit) at \(path.isEmpty ? "<root>" : path)"
        case .empty: return "mail is empty"
        case .unparseable: return "mail could not be parsed"
        }
    }
}
