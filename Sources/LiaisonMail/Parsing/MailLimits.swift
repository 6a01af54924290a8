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
    /// Bytes decompressed from all gzip and zip attachments of one message together (default
    /// 100 MiB). Counted while reading: decompression stops at the bound.
    public var maxArchiveBytes: Int
    /// Decompressed bytes per compressed byte of one attachment (default 100, i.e. 100:1). Checked
    /// while reading, once the attachment has produced more than `archiveRatioGraceBytes`, so a
    /// small, very repetitive report is not refused for its ratio alone.
    public var maxArchiveRatio: Int
    /// Entries (files, folders, links) in one archive (default 100).
    public var maxArchiveEntries: Int
    /// Wall-clock time for parsing and mapping one message (default 10 s); see `MailDeadline`
    /// for where it is checked.
    public var parseTimeout: Duration

    public static let rfc5322HeaderLineLimit = 998
    /// Output an archive may produce before `maxArchiveRatio` applies (1 MiB).
    public static let archiveRatioGraceBytes = 1024 * 1024

    public init(maxMessageBytes: Int = 25 * 1024 * 1024, maxParts: Int = 200, maxDepth: Int = 10,
                maxHeaders: Int = 1000, maxHeaderLineBytes: Int = 64 * 1024, maxArchiveBytes: Int = 100 * 1024 * 1024,
                maxArchiveRatio: Int = 100, maxArchiveEntries: Int = 100, parseTimeout: Duration = .seconds(10)) {
        self.maxMessageBytes = maxMessageBytes
        self.maxParts = maxParts
        self.maxDepth = maxDepth
        self.maxHeaders = maxHeaders
        self.maxHeaderLineBytes = maxHeaderLineBytes
        self.maxArchiveBytes = maxArchiveBytes
        self.maxArchiveRatio = maxArchiveRatio
        self.maxArchiveEntries = maxArchiveEntries
        self.parseTimeout = parseTimeout
    }

    public static let `default` = MailLimits()
}

/// Which bound of `MailLimits` was exceeded.
public enum MailBound: String, Sendable, Hashable, CaseIterable {
    case messageBytes, parts, depth, headers, headerLineBytes
    /// `maxArchiveBytes`, `maxArchiveRatio`, `maxArchiveEntries`: a gzip or zip attachment
    /// (a "zip bomb" is the usual cause); the path names the attachment.
    case archiveBytes, archiveRatio, archiveEntries
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
    /// Parsing and mapping took longer than `MailLimits.parseTimeout`; abandoned at `path`.
    case parseTimeout(limit: Duration, path: String)
    /// The entity at `path` is an attack on the reader, not a report (an XML part with a document
    /// type or entity declaration: `rule` names it, e.g. "xml-doctype-forbidden"), so the whole
    /// message is refused.
    case hostilePart(rule: String, path: String)

    public var description: String {
        switch self {
        case let .limitExceeded(bound, limit, path):
            return "mail limit exceeded: \(bound.rawValue) > \(limit) at \(path.isEmpty ? "<root>" : path)"
        case .empty: return "mail is empty"
        case .unparseable: return "mail could not be parsed"
        case let .parseTimeout(limit, path):
            return "mail parse abandoned: over \(limit.components.seconds) s at \(path.isEmpty ? "<root>" : path)"
        case let .hostilePart(rule, path):
            return "mail refused: hostile part (\(rule)) at \(path.isEmpty ? "<root>" : path)"
        }
    }
}
