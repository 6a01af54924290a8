import CGMime

extension GMimeWalker {
    /// Opens a gzip or zip attachment and builds a part for each file in it. Bounds throw (the
    /// whole message is refused); an unreadable archive is a fact about this part only.
    func archive(_ bytes: [UInt8], kind: ArchiveReader.Kind, filename: String?, path: String,
                 depth: Int) throws(MailError) -> MailArchive {
        if insideArchive { return .nested }
        let deadline = deadline
        let read = try ArchiveReader.read(bytes, kind: kind, path: path, limits: limits, taken: &archiveBytes) {
            () throws(MailError) in try deadline.check(at: path)
        }
        guard case .entries(let raw) = read else { return .unreadable }
        insideArchive = true
        defer { insideArchive = false }
        var entries: [MailArchiveEntry] = []
        for (index, entry) in raw.enumerated() {
            let entryPath = "\(path)/archive:\(index)"
            switch entry {
            case .encrypted: entries.append(.encrypted(path: entryPath))
            case .notAFile: entries.append(.notAFile(path: entryPath))
            case .file(let name, let data):
                // A bare gzip stream has no entry name: "report.json.gz" held "report.json".
                let entryName = name ?? filename.map { Self.strippingGzipSuffix($0) }
                entries.append(.file(try entryPart(data, name: entryName, path: entryPath, depth: depth + 1)))
            }
        }
        return .opened(entries)
    }

    /// A leaf (or, for an RFC 5322 message, a message/rfc822 part) for one archive entry. It counts
    /// as an entity for `maxParts` and `maxDepth` like any MIME part.
    private func entryPart(_ data: [UInt8], name: String?, path: String, depth: Int) throws(MailError) -> MailPart {
        partCount += 1
        if partCount > limits.maxParts { throw .limitExceeded(.parts, limit: limits.maxParts, path: path) }
        if depth > limits.maxDepth { throw .limitExceeded(.depth, limit: limits.maxDepth, path: path) }
        let type = Self.mediaType(name: name, data: data)
        var part = MailPart(
            path: path, mimeType: type, parameters: [], charset: nil, filename: name,
            disposition: MailDisposition(kind: "attachment", parameters: []), headers: [],
            content: .leaf(bytes: data, text: nil))
        if type.hasPrefix("text/") {
            part.content = .leaf(bytes: data, text: CharsetConverter.decode(data, declared: nil))
        } else if type == "message/rfc822", let message = try embeddedMessage(data, path: path, depth: depth) {
            part.content = .message(message)
        } else if ArchiveReader.kind(mimeType: type, filename: name) != nil {
            part.archive = .nested
        }
        return part
    }

    /// An ".eml" entry parsed as a message (RFC 5322), within the same walk so that its entities
    /// and header fields count towards the message's bounds; nil if GMime makes nothing of it.
    private func embeddedMessage(_ data: [UInt8], path: String, depth: Int) throws(MailError) -> MailMessage? {
        guard !data.isEmpty else { return nil }
        try Preflight.check(data, limits: limits)
        let parsed = try withParser(data) { parser, options throws(MailError) -> MailMessage? in
            guard let message = g_mime_parser_construct_message(parser, options) else { return nil }
            defer { cg_unref(message) }
            return try self.message(message, path: path, depth: depth + 1)
        }
        return parsed ?? nil
    }

    /// Media type from the entry name's extension, else from the first bytes.
    static func mediaType(name: String?, data: [UInt8]) -> String {
        let lower = name?.lowercased() ?? ""
        let byExtension: [(String, String)] = [
            (".json", "application/json"), (".xml", "application/xml"), (".txt", "text/plain"), (".log", "text/plain"),
            (".csv", "text/plain"), (".yaml", "text/plain"), (".yml", "text/plain"), (".html", "text/html"),
            (".htm", "text/html"), (".eml", "message/rfc822"), (".zip", "application/zip"), (".gz", "application/gzip"),
            (".tgz", "application/gzip"),
        ]
        if let match = byExtension.first(where: { lower.hasSuffix($0.0) }) { return match.1 }
        switch ArchiveReader.kind(sniffing: data) {
        case .gzip?: return "application/gzip"
        case .zip?: return "application/zip"
        case nil: break
        }
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if first == UInt8(ascii: "{") { return "application/json" }
        if first == UInt8(ascii: "<") { return "application/xml" }
        // No C0 control bytes other than tab and line ends in the first 4 KiB: text.
        let binary = data.prefix(4096).contains { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }
        return binary ? "application/octet-stream" : "text/plain"
    }

    static func strippingGzipSuffix(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasSuffix(".tgz") { return String(name.dropLast(4)) + ".tar" }
        if lower.hasSuffix(".gz") { return String(name.dropLast(3)) }
        return name
    }
}
