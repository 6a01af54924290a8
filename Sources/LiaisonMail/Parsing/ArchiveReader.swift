import CArchive

/// Opens gzip (RFC 1952, also a gzip'd tar) and zip (PKWARE APPNOTE) attachments with libarchive,
/// enforcing the archive bounds of `MailLimits` *while* it reads: data is inflated in 64 KiB
/// steps and reading stops at the first step over a bound, so a zip bomb never expands beyond it.
/// A gzip stream is inflated whole before its content is looked at (a tar or a single file), so
/// the bounds apply to every inflated byte, whatever the content turns out to be: a gzip of
/// zeros reads as an empty tar, yet is the bomb it looks like.
enum ArchiveReader {
    enum Kind { case gzip, zip }

    /// One entry as read: a regular file with its bytes, or one that was not read.
    enum Entry {
        /// `name` is the entry's stored name (nil for a bare gzip stream, which has none).
        case file(name: String?, bytes: [UInt8])
        /// The entry's data is encrypted (zip traditional or AES encryption): not read.
        case encrypted
        /// A symbolic link, device or other non-regular entry: not read.
        case notAFile
    }

    enum Result {
        case entries([Entry])
        /// The bytes are not a readable archive of the kind (corrupt, truncated, another
        /// format), or reading stopped at a bound, which `read` throws.
        case unreadable
    }

    static let chunkSize = 64 * 1024

    /// The archive kind a leaf declares by media type or file name (RFC 6713 for application/gzip).
    static func kind(mimeType: String, filename: String?) -> Kind? {
        let name = filename?.lowercased() ?? ""
        if ["application/zip", "application/x-zip-compressed", "application/x-zip"].contains(mimeType) || name.hasSuffix(".zip") {
            return .zip
        }
        if ["application/gzip", "application/x-gzip", "application/x-tgz"].contains(mimeType)
            || name.hasSuffix(".gz") || name.hasSuffix(".tgz") {
            return .gzip
        }
        return nil
    }

    /// The archive kind of bytes that start with a gzip or zip signature, for entries named without one.
    static func kind(sniffing bytes: [UInt8]) -> Kind? {
        if bytes.starts(with: [0x1F, 0x8B]) { return .gzip }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        return nil
    }

    /// Reads every entry of `bytes`. `taken` is the message's running total of decompressed bytes
    /// (for `maxArchiveBytes`); `checkTime` is called between steps and throws when the parse is
    /// over its time. Throws `MailError` for a bound, naming `path`; returns `.unreadable` for
    /// input libarchive cannot read.
    static func read(
        _ bytes: [UInt8], kind: Kind, path: String, limits: MailLimits, taken: inout Int,
        checkTime: () throws(MailError) -> Void
    ) throws(MailError) -> Result {
        switch kind {
        case .gzip:
            // Inflate first, counting every byte; then read the result as a tar, else as one file.
            guard case .entries(let inflated) = try open(bytes, kind: .gzip, formats: .raw, path: path, limits: limits,
                                                          taken: &taken, checkTime: checkTime),
                case .file(_, let tarOrFile)? = inflated.first
            else { return .unreadable }
            if tarOrFile.isEmpty { return .entries([.file(name: nil, bytes: [])]) }
            return try open(tarOrFile, kind: .gzip, formats: .tarOrRaw, path: path, limits: limits, taken: &taken, checkTime: checkTime)
        case .zip:
            return try open(bytes, kind: .zip, formats: .zip, path: path, limits: limits, taken: &taken, checkTime: checkTime)
        }
    }

    /// What libarchive is asked to read: a gzip stream as one raw file, an inflated stream as a
    /// tar or a raw file (nothing left to inflate, so nothing counted against the byte bounds),
    /// or a zip.
    private enum Formats { case raw, tarOrRaw, zip }

    private static func open(
        _ bytes: [UInt8], kind: Kind, formats: Formats, path: String, limits: MailLimits,
        taken: inout Int, checkTime: () throws(MailError) -> Void
    ) throws(MailError) -> Result {
        guard let archive = archive_read_new() else { return .unreadable }
        defer { archive_read_free(archive) }
        switch formats {
        case .raw:
            archive_read_support_filter_gzip(archive)
            archive_read_support_format_raw(archive)
        case .tarOrRaw:
            archive_read_support_format_tar(archive)
            archive_read_support_format_raw(archive)
        case .zip:
            // The streaming reader walks local headers one at a time, so `maxArchiveEntries` stops
            // it; the seeking reader would first load the whole central directory into memory.
            archive_read_support_format_zip_streamable(archive)
        }
        var failure: MailError?
        var taken2 = taken
        let result: Result = bytes.withUnsafeBytes { raw in
            guard archive_read_open_memory(archive, raw.baseAddress, raw.count) == ARCHIVE_OK else {
                return .unreadable
            }
            do throws(MailError) {
                return try entries(archive, kind: kind, formats: formats, compressed: bytes.count, path: path,
                                   limits: limits, taken: &taken2, checkTime: checkTime)
            } catch {
                failure = error
                return .unreadable
            }
        }
        taken = taken2
        if let failure { throw failure }
        return result
    }

    private static func entries(
        _ archive: OpaquePointer, kind: Kind, formats: Formats, compressed: Int, path: String, limits: MailLimits,
        taken: inout Int, checkTime: () throws(MailError) -> Void
    ) throws(MailError) -> Result {
        var entries: [Entry] = []
        var headers = 0
        var produced = 0  // decompressed bytes of this attachment, for the ratio
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            try checkTime()
            var entry: OpaquePointer?
            let status = archive_read_next_header(archive, &entry)
            if status == ARCHIVE_EOF { break }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { return .unreadable }
            if headers == 0, formats == .raw, archive_filter_code(archive, 0) != ARCHIVE_FILTER_GZIP {
                return .unreadable  // raw format takes any bytes; only gzip counts
            }
            headers += 1
            if headers > limits.maxArchiveEntries {
                throw .limitExceeded(.archiveEntries, limit: limits.maxArchiveEntries, path: path)
            }
            let type = archive_entry_filetype(entry) & 0o170000
            if type == 0o040000 { continue }  // folders carry no report and get no outcome
            if archive_entry_is_data_encrypted(entry) != 0 { entries.append(.encrypted); continue }
            if type != 0o100000 { entries.append(.notAFile); continue }
            let name = kind == .gzip && archive_format(archive) & 0xFF0000 != 0x30000 ? nil
                : archive_entry_pathname_utf8(entry).map { String(cString: $0) } ?? archive_entry_pathname(entry).map { String(cString: $0) }
            var data: [UInt8] = []
            while true {
                let count = chunk.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
                if count == 0 { break }
                guard count > 0 else { return .unreadable }
                if formats != .tarOrRaw {  // inflated here: counts
                    produced += count
                    taken += count
                    if taken > limits.maxArchiveBytes {
                        throw .limitExceeded(.archiveBytes, limit: limits.maxArchiveBytes, path: path)
                    }
                    if produced > MailLimits.archiveRatioGraceBytes, produced > limits.maxArchiveRatio * max(compressed, 1) {
                        throw .limitExceeded(.archiveRatio, limit: limits.maxArchiveRatio, path: path)
                    }
                }
                data.append(contentsOf: chunk[0..<count])
                try checkTime()
            }
            entries.append(.file(name: name, bytes: data))
        }
        return .entries(entries)
    }
}
