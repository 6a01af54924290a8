import Foundation
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
        write("{" + fields.map { Self.quoted($0) + ":" + Self.quoted($1) }.joined(separator: ",") + "}\n")
    }

    /// A JSON string (RFC 8259 section 7): quote, backslash and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f || (0x2028...0x2029).contains(scalar.value):
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
