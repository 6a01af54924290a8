import CGMime

/// Walks one GMime object tree and maps it to value types, enforcing `MailLimits` on the way.
/// One walker per parse; never shared between threads.
final class GMimeWalker {
    let limits: MailLimits
    let deadline: MailDeadline
    var partCount = 0
    private(set) var headerCount = 0
    /// Bytes decompressed from archive attachments so far (`MailLimits.maxArchiveBytes`).
    var archiveBytes = 0
    /// Set while the entries of an archive are built: archives found then are not opened.
    var insideArchive = false
    var warnings: [MailWarning] = []

    init(limits: MailLimits, deadline: MailDeadline) {
        self.limits = limits
        self.deadline = deadline
    }

    /// Hands `body` a GMime parser over `bytes`, set for RFC 5322 messages, with this walk's
    /// parser options, and releases them afterwards; nil when GMime cannot open the bytes.
    func withParser<T>(
        _ bytes: [UInt8], _ body: (UnsafeMutablePointer<GMimeParser>, OpaquePointer?) throws(MailError) -> T
    ) throws(MailError) -> T? {
        let options = makeParserOptions()
        defer { g_mime_parser_options_free(options) }
        guard let stream = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { g_mime_stream_mem_new_with_buffer($0.baseAddress, $0.count) }
        }) else { return nil }
        defer { cg_unref(stream) }
        guard let parser = g_mime_parser_new_with_stream(stream) else { return nil }
        defer { cg_unref(parser) }
        g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE)
        return try body(parser, options)
    }

    /// Per-parse GMime options: loose RFC 2047 (keeps malformed encoded-words readable),
    /// UTF-8 then windows-1252 for raw 8-bit header bytes, and warnings routed to `warnings`.
    private func makeParserOptions() -> OpaquePointer? {
        let options = g_mime_parser_options_new()
        g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        let names: [UnsafeMutablePointer<CChar>?] = [strdup("UTF-8"), strdup("windows-1252")]
        var list: [UnsafePointer<CChar>?] = names.map { $0.map { UnsafePointer($0) } } + [nil]
        list.withUnsafeMutableBufferPointer { g_mime_parser_options_set_fallback_charsets(options, $0.baseAddress) }
        names.forEach { free($0) }
        g_mime_parser_options_set_warning_callback(options, { offset, code, _, context in
            guard let context else { return }
            let walker = Unmanaged<GMimeWalker>.fromOpaque(context).takeUnretainedValue()
            if walker.warnings.count < 100 {
                walker.warnings.append(MailWarning(code: warningName(code), offset: Int64(offset)))
            }
        }, Unmanaged.passUnretained(self).toOpaque())
        return options
    }

    /// Builds a `MailMessage`; its root entity gets `path` + "/0" when nested, "" at top level.
    func message(_ message: UnsafeMutablePointer<GMimeMessage>, path: String, depth: Int) throws(MailError) -> MailMessage {
        let object = gcast(message, to: GMimeObject.self)
        let headers = try HeaderReader.headers(of: object, path: path, walker: self)
        let rootPath = path.isEmpty && depth == 0 ? "" : path + "/0"
        var body: MailPart
        if let root = g_mime_message_get_mime_part(message) {
            body = try part(root, path: rootPath, depth: depth)
            // GMime keeps a message root entity's Content-* fields in the message header list.
            if body.headers.isEmpty { body.headers = headers.filter { $0.name.lowercased().hasPrefix("content-") } }
        } else {
            body = MailPart(path: rootPath, mimeType: "text/plain", parameters: [], charset: nil, filename: nil,
                            disposition: nil, headers: [], content: .leaf(bytes: [], text: nil))
        }
        return MailMessage(
            headers: headers,
            messageID: swiftString(g_mime_message_get_message_id(message)),
            date: HeaderReader.date(g_mime_message_get_date(message)),
            from: HeaderReader.addresses(g_mime_message_get_from(message)),
            to: HeaderReader.addresses(g_mime_message_get_to(message)),
            subject: headers.last { $0.name.lowercased() == "subject" }?.value,
            received: headers.filter { $0.name.lowercased() == "received" }.map(HeaderReader.receivedHop),
            body: body,
            warnings: [])
    }

    /// Maps one entity (RFC 2045) and, recursively, its children.
    func part(_ object: UnsafeMutablePointer<GMimeObject>, path: String, depth: Int) throws(MailError) -> MailPart {
        try deadline.check(at: path)
        partCount += 1
        if partCount > limits.maxParts { throw .limitExceeded(.parts, limit: limits.maxParts, path: path) }
        if depth > limits.maxDepth { throw .limitExceeded(.depth, limit: limits.maxDepth, path: path) }
        let headers = try HeaderReader.headers(of: object, path: path, walker: self)
        let type = g_mime_object_get_content_type(object)
        let media = (swiftString(g_mime_content_type_get_media_type(type)) ?? "text").lowercased()
        let subtype = (swiftString(g_mime_content_type_get_media_subtype(type)) ?? "plain").lowercased()
        let parameters = HeaderReader.parameters(g_mime_content_type_get_parameters(type))
        var disposition: MailDisposition?
        if let cd = g_mime_object_get_content_disposition(object) {
            disposition = MailDisposition(
                kind: (swiftString(g_mime_content_disposition_get_disposition(cd)) ?? "").lowercased(),
                parameters: HeaderReader.parameters(g_mime_content_disposition_get_parameters(cd)))
        }
        let charset = parameters.first { $0.name.lowercased() == "charset" }?.value
        var result = MailPart(path: path, mimeType: "\(media)/\(subtype)", parameters: parameters, charset: charset,
                              filename: nil, disposition: disposition, headers: headers,
                              content: .leaf(bytes: [], text: nil))

        if cg_is_multipart(object) != 0 {
            let multipart = gcast(object, to: GMimeMultipart.self)
            var children: [MailPart] = []
            for index in 0..<max(0, Int(g_mime_multipart_get_count(multipart))) {
                guard let child = g_mime_multipart_get_part(multipart, Int32(index)) else { continue }
                children.append(try part(child, path: "\(path)/\(index)", depth: depth + 1))
            }
            result.content = .multipart(children)
            if children.isEmpty, let prologue = g_mime_multipart_get_prologue(multipart) {
                // No body part could be delimited (broken or missing boundary, RFC 2046 section 5.1.1):
                // expose the raw body as a leaf so the evidence stays readable.
                let bytes = Array(UnsafeRawBufferPointer(start: prologue, count: strlen(prologue)))
                result.content = .leaf(bytes: bytes, text: CharsetConverter.decode(bytes, declared: charset))
            }
            result.pgp = PGPPayload.extract(object, children: children)
        } else if cg_is_message_part(object) != 0 {
            if let inner = g_mime_message_part_get_message(gcast(object, to: GMimeMessagePart.self)) {
                result.content = .message(try message(inner, path: path, depth: depth + 1))
            }
        } else if cg_is_part(object) != 0 {
            let leaf = gcast(object, to: GMimePart.self)
            result.filename = swiftString(g_mime_part_get_filename(leaf))
            let bytes = Self.decodedContent(leaf)
            let isText = media == "text" || media == "message"
            result.content = .leaf(bytes: bytes, text: isText ? CharsetConverter.decode(bytes, declared: charset) : nil)
            if let kind = ArchiveReader.kind(mimeType: result.mimeType, filename: result.filename) {
                result.archive = try archive(bytes, kind: kind, filename: result.filename, path: path, depth: depth)
            }
        }
        return result
    }

    func countHeaders(_ count: Int, path: String) throws(MailError) {
        headerCount += count
        if headerCount > limits.maxHeaders { throw .limitExceeded(.headers, limit: limits.maxHeaders, path: path) }
    }

    /// Content after Content-Transfer-Encoding decoding (RFC 2045 section 6): the data wrapper
    /// decodes base64 / quoted-printable while writing to the stream.
    static func decodedContent(_ part: UnsafeMutablePointer<GMimePart>) -> [UInt8] {
        guard let wrapper = g_mime_part_get_content(part), let stream = g_mime_stream_mem_new() else { return [] }
        defer { cg_unref(stream) }
        _ = g_mime_data_wrapper_write_to_stream(wrapper, stream)
        return streamBytes(stream)
    }
}

private func warningName(_ code: GMimeParserWarning) -> String {
    let names: [UInt32: String] = [
        1: "duplicatedHeader", 2: "duplicatedParameter", 3: "unencoded8bitHeader", 4: "invalidContentType",
        5: "invalidRFC2047HeaderValue", 6: "malformedMultipart", 7: "truncatedMessage", 8: "malformedMessage",
        9: "invalidHeaderName", 10: "conflictingHeader", 11: "conflictingParameter", 12: "multipartWithoutBoundary",
        13: "invalidParameter", 14: "invalidAddressList", 15: "nestingOverflow", 16: "partWithoutContent",
        17: "partWithoutHeadersOrContent",
    ]
    return names[code.rawValue] ?? "warning\(code.rawValue)"
}
