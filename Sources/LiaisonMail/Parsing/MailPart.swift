/// Text content converted to UTF-8.
public struct MailText: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// Converted from the declared charset parameter (RFC 2045 section 5.1, RFC 2046 section 4.1.2).
        case declared(String)
        /// Declared charset missing, unknown or wrong for the bytes; `used` was tried instead.
        case fallback(declared: String?, used: String)
    }
    public var string: String
    public var source: Source
}

/// RFC 2183 Content-Disposition.
public struct MailDisposition: Sendable, Hashable {
    public var kind: String
    public var parameters: [MailHeader]
}

/// One MIME entity (RFC 2045/2046).
public struct MailPart: Sendable {
    public indirect enum Content: Sendable {
        /// Leaf: bytes after Content-Transfer-Encoding decoding (RFC 2045 section 6);
        /// `text` is set for text/* and message/* leaves (e.g. message/feedback-report, RFC 5965).
        case leaf(bytes: [UInt8], text: MailText?)
        /// multipart/*: children in order (RFC 2046 section 5.1).
        case multipart([MailPart])
        /// message/rfc822 (RFC 2046 section 5.2.1) parsed as a message.
        case message(MailMessage)
    }

    /// JSON-Pointer-like path: "" is the root, "/1/0" is child 0 of child 1. A message/rfc822
    /// entity has one child, index 0: the root entity of the embedded message.
    public var path: String
    /// Lower-cased "type/subtype"; "text/plain" when absent (RFC 2045 section 5.2).
    public var mimeType: String
    /// Content-Type parameters with RFC 2231 continuations/charsets decoded, original order.
    public var parameters: [MailHeader]
    public var charset: String?
    /// From Content-Disposition filename or Content-Type name (RFC 2183, RFC 2231).
    public var filename: String?
    public var disposition: MailDisposition?
    /// This entity's own header fields (for a message's root entity: the message's Content-* fields).
    public var headers: [MailHeader]
    public var content: Content
    /// Raw material for RFC 3156 verification/decryption, set on multipart/signed and multipart/encrypted.
    public var pgp: PGPPayload? = nil
    /// Set on a gzip or zip leaf (its `bytes` stay the compressed attachment): what was inside.
    public var archive: MailArchive? = nil

    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var children: [MailPart] {
        switch content {
        case .leaf: return []
        case .multipart(let parts): return parts
        case .message(let message): return [message.body]
        }
    }

    /// Decoded bytes of a leaf (empty for containers).
    public var bytes: [UInt8] {
        if case .leaf(let bytes, _) = content { return bytes }
        return []
    }

    public var text: MailText? {
        if case .leaf(_, let text) = content { return text }
        return nil
    }

    public var message: MailMessage? {
        if case .message(let message) = content { return message }
        return nil
    }

    public var flattened: [MailPart] { [self] + children.flatMap(\.flattened) }

    /// Entity at `path`, searching this subtree.
    public func part(at path: String) -> MailPart? {
        if self.path == path { return self }
        for child in children where path.hasPrefix(child.path) {
            if let found = child.part(at: path) { return found }
        }
        return nil
    }
}
