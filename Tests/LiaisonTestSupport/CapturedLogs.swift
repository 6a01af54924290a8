import LiaisonServer
import Logging
import Synchronization

/// Every log line written through its loggers, message and metadata, at every level:
/// for checking that no personal data or secret reaches a log. In `.json` the lines are
/// written by the gateway's own ``JSONLogHandler``, as `log_format: json` writes them.
public final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])
    public let format: LogFormat

    public init(format: LogFormat = .text) {
        self.format = format
    }

    public var all: [String] { lines.withLock { $0 } }

    public func logger(_ label: String = "captured") -> Logger {
        var logger = Logger(label: label) { label in
            switch self.format {
            case .text: return Handler(label: label, sink: self)
            case .json: return JSONLogHandler(label: label) { self.append($0) }
            }
        }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    struct Handler: LogHandler {
        let label: String
        let sink: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            sink.append("\(event.level) \(label) \(event.message) \(merged.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
        }
    }
}
