import Foundation
import LiaisonCore
import Logging

/// `log_format: json`: one JSON object a line, for log collectors. Each line has `time`
/// (RFC 3339, UTC, milliseconds), `level`, `label` and `message`, then the line's metadata as
/// string fields: `request_id`, `route`, `method`, `status`, `duration_seconds` and
/// `organisation` on a request's line, ids, counts and codes elsewhere. What is logged is
/// the same as in the text format; only the shape differs, so the same rule holds: no
/// personal value, no content.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (String) -> Void

    /// `write` receives each line, newline included.
    public init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    /// Writes to standard error, as the text format does.
    public static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    private static let time = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", Date().formatted(Self.time)),
            ("level", event.level.rawValue), ("label", label), ("message", "\(event.message)"),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() where !["time", "level", "label", "message"].contains(key) {
            fields.append((key, "\(merged[key]!)"))
        }
        var writer = CanonicalWriter()
        writer.openObject()
        for (name, value) in fields {
            writer.key(name)
            writer.string(value)
        }
        writer.closeObject()
        write(String(decoding: writer.bytes, as: UTF8.self) + "\n")
    }
}
