import CArchive
import Foundation

/// gzip and zip attachments built with libarchive's writer, so that no archive is checked in
/// (a zip bomb is a few hundred KiB built in memory from zeros, never a file).
extension MailCorpus {
    /// An archive entry: its bytes, or `zeros` bytes of 0x00 streamed without holding them.
    public enum ArchiveContent: Sendable {
        case bytes([UInt8])
        case zeros(Int)

        var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .zeros(let count): count
            }
        }
    }

    /// `data` as a gzip stream (RFC 1952).
    public static func gzip(_ data: ArchiveContent) -> [UInt8] {
        writeArchive([("data", data)]) { archive in
            archive_write_add_filter_gzip(archive)
            archive_write_set_format_raw(archive)
        }
    }

    /// A zip of `entries` (deflated); with a passphrase, every entry is encrypted (traditional PKWARE).
    public static func zip(_ entries: [(name: String, content: ArchiveContent)], passphrase: String? = nil) -> [UInt8] {
        writeArchive(entries) { archive in
            archive_write_set_format_zip(archive)
            archive_write_set_options(archive, "zip:compression=deflate")
            if let passphrase {
                archive_write_set_options(archive, "zip:encryption=zipcrypt")
                archive_write_set_passphrase(archive, passphrase)
            }
        }
    }

    /// A multipart/mixed message: a short text part, then each archive as a base64 attachment.
    public static func withArchives(_ archives: [(filename: String, contentType: String, bytes: [UInt8])], id: String) -> [UInt8] {
        multipart(subject: "Report attached", id: id, boundary: "arc-b",
                  parts: [("Content-Type: text/plain; charset=utf-8", "Report attached.")] + archives.map { archive in
                      ("Content-Type: \(archive.contentType); name=\"\(archive.filename)\"\n"
                           + "Content-Disposition: attachment; filename=\"\(archive.filename)\"\n"
                           + "Content-Transfer-Encoding: base64", base64(archive.bytes))
                  })
    }

    private static func writeArchive(_ entries: [(name: String, content: ArchiveContent)],
                                     configure: (OpaquePointer) -> Void) -> [UInt8] {
        let archive = archive_write_new()!
        defer { archive_write_free(archive) }
        configure(archive)
        let capacity = entries.reduce(1 << 20) { $0 + min($1.content.count, 64 << 20) + 4096 }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var used = 0
        precondition(archive_write_open_memory(archive, buffer, capacity, &used) == ARCHIVE_OK)
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        for (name, content) in entries {
            let entry = archive_entry_new()!
            defer { archive_entry_free(entry) }
            archive_entry_set_pathname(entry, name)
            archive_entry_set_filetype(entry, 0o100000)
            archive_entry_set_perm(entry, 0o644)
            archive_entry_set_size(entry, Int64(content.count))
            precondition(archive_write_header(archive, entry) == ARCHIVE_OK)
            switch content {
            case .bytes(let bytes):
                _ = bytes.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
            case .zeros(var left):
                while left > 0 {
                    let step = min(left, zeros.count)
                    _ = zeros.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, step) }
                    left -= step
                }
            }
        }
        archive_write_close(archive)
        return Array(UnsafeRawBufferPointer(start: buffer, count: used))
    }
}
