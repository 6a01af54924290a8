import CGMime

/// What `PGPMime` needs from a multipart/signed or multipart/encrypted entity, captured at parse
/// time so verification works on plain values after the GMime tree is gone.
public enum PGPPayload: Sendable, Hashable {
    /// RFC 3156 section 5 / RFC 1847 section 2.1: `signedContent` is the first body part exactly as
    /// it must be hashed (MIME headers + body, CRLF line ends); `signature` the decoded second part.
    case signed(protocol: String, signedContent: [UInt8], signature: [UInt8])
    /// RFC 3156 section 4: the decoded application/octet-stream second body part.
    case encrypted(protocol: String, ciphertext: [UInt8])

    static func extract(_ object: UnsafeMutablePointer<GMimeObject>, children: [MailPart]) -> PGPPayload? {
        let proto = (swiftString(g_mime_object_get_content_type_parameter(object, "protocol")) ?? "").lowercased()
        if cg_is_multipart_signed(object) != 0, children.count >= 2,
           let content = g_mime_multipart_get_part(gcast(object, to: GMimeMultipart.self), 0) {
            return .signed(protocol: proto, signedContent: canonicalBytes(content), signature: children[1].bytes)
        }
        if cg_is_multipart_encrypted(object) != 0, children.count >= 2 {
            return .encrypted(protocol: proto, ciphertext: children[1].bytes)
        }
        return nil
    }

    /// Re-serialises the signed entity as GMime's own verifier does: GMime keeps the parsed raw
    /// headers and the still-encoded body, and CRLF line ends are the RFC 3156 section 5 canonical form.
    private static func canonicalBytes(_ object: UnsafeMutablePointer<GMimeObject>) -> [UInt8] {
        guard let stream = g_mime_stream_mem_new() else { return [] }
        defer { cg_unref(stream) }
        let format = g_mime_format_options_new()
        defer { g_mime_format_options_free(format) }
        g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS)
        _ = g_mime_object_write_to_stream(object, format, stream)
        return streamBytes(stream)
    }
}
