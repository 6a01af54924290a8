import CGMime

/// Entry point: raw RFC 5322 bytes in, `MailMessage` out.
public enum MailParser {
    /// Parses one message (RFC 5322 + MIME RFC 2045-2049).
    ///
    /// Thread-safe: each call owns its GMime stream, parser and options (see `GMimeRuntime`).
    /// Throws only `MailError`, whose cases never contain message content. `deadline` defaults to
    /// `limits.parseTimeout` from now; pass one to share it with `MailIntake.map`.
    public static func parse(_ bytes: [UInt8], limits: MailLimits = .default,
                             deadline: MailDeadline? = nil) throws(MailError) -> MailMessage {
        try withParser(bytes, limits: limits, path: "", deadline: deadline) { walker, parser, options throws(MailError) in
            guard let message = g_mime_parser_construct_message(parser, options) else { throw .unparseable }
            defer { cg_unref(message) }
            var result = try walker.message(message, path: "", depth: 0)
            result.warnings = walker.warnings
            return result
        }
    }

    /// Parses a bare MIME entity (headers + body, no RFC 5322 envelope), e.g. the plaintext of a
    /// decrypted multipart/encrypted (RFC 3156 section 4). Paths are prefixed with `basePath`.
    public static func parseEntity(_ bytes: [UInt8], limits: MailLimits = .default,
                                   basePath: String = "") throws(MailError) -> MailPart {
        try withParser(bytes, limits: limits, path: basePath, deadline: nil) { walker, parser, options throws(MailError) in
            guard let object = g_mime_parser_construct_part(parser, options) else { throw .unparseable }
            defer { cg_unref(object) }
            return try walker.part(object, path: basePath, depth: 0)
        }
    }

    /// Checks the bounds that can be checked before GMime builds anything, then hands a
    /// GMime parser over `bytes` to `body`, releasing everything afterwards.
    private static func withParser<T>(
        _ bytes: [UInt8], limits: MailLimits, path: String, deadline: MailDeadline?,
        _ body: (GMimeWalker, UnsafeMutablePointer<GMimeParser>, OpaquePointer?) throws(MailError) -> T
    ) throws(MailError) -> T {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= limits.maxMessageBytes else {
            throw .limitExceeded(.messageBytes, limit: limits.maxMessageBytes, path: path)
        }
        try Preflight.check(bytes, limits: limits)
        GMimeRuntime.ensureInitialised()
        let walker = GMimeWalker(limits: limits, deadline: deadline ?? MailDeadline(limit: limits.parseTimeout))
        guard let result = try walker.withParser(bytes, { parser, options throws(MailError) in try body(walker, parser, options) })
        else { throw .unparseable }
        return result
    }
}
