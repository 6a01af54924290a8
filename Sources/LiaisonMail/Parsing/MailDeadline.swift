/// The moment by which one message's parse and mapping must be done (`MailLimits.parseTimeout`).
///
/// GMime cannot be interrupted: `g_mime_parser_construct_message` and a GPGME decryption run to
/// their end. The deadline is therefore checked between steps — before each MIME entity is
/// mapped to value types, between the 64 KiB steps of inflating an archive entry, and before each
/// entity is mapped to incidents — so a parse can overrun its time by at most one such step.
/// The byte-level bounds of `MailLimits`, checked before GMime starts, keep each step short.
public struct MailDeadline: Sendable {
    public let limit: Duration
    public let instant: ContinuousClock.Instant

    /// A deadline `limit` after `start`.
    public init(limit: Duration, from start: ContinuousClock.Instant = .now) {
        self.limit = limit
        self.instant = start + limit
    }

    public var hasPassed: Bool { ContinuousClock.now >= instant }

    /// Throws `MailError.parseTimeout` naming `path` once the deadline has passed.
    func check(at path: String) throws(MailError) {
        if hasPassed { throw .parseTimeout(limit: limit, path: path) }
    }
}
