import Foundation

/// The lines of a file (standard input), each at most `limit` bytes without its line break,
/// read 64 KiB at a time: a line over the bound is refused as soon as `limit` bytes of it are
/// held, so memory stays within the bound however long the line is.
struct BoundedLines {
    struct LineTooLong: Error {
        /// The line's number, from 1.
        var line: Int
    }

    let handle: FileHandle
    let limit: Int
    private var pending: [UInt8] = []
    /// Where the search for the next line break resumes in `pending`.
    private var scanned = 0
    private var atEnd = false
    private(set) var number = 0

    init(_ handle: FileHandle, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    /// The next line without its `\n` (or `\r\n`), invalid UTF-8 repaired; nil at the end.
    mutating func next() throws -> String? {
        while true {
            if let newline = pending[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                guard newline <= limit else { throw LineTooLong(line: number + 1) }
                let line = pending[..<newline].last == UInt8(ascii: "\r") ? pending[..<(newline - 1)] : pending[..<newline]
                defer {
                    pending.removeSubrange(...newline)
                    scanned = 0
                }
                number += 1
                return String(decoding: line, as: UTF8.self)
            }
            scanned = pending.count
            guard pending.count <= limit else { throw LineTooLong(line: number + 1) }
            if atEnd {
                guard !pending.isEmpty else { return nil }
                number += 1
                defer { pending.removeAll() }
                return String(decoding: pending, as: UTF8.self)
            }
            let chunk = try handle.read(upToCount: 64 << 10) ?? Data()
            if chunk.isEmpty { atEnd = true } else { pending += chunk }
        }
    }
}
