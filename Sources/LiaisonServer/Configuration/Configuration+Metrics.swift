import Foundation
import Yams

/// Who may read `GET /metrics`. Counts per consumer say who receives how much from whom,
/// so the endpoint is off (404) until one of the two protections is configured.
public struct MetricsSettings: Sendable {
    /// `metrics.token` / `LIAISON_METRICS_TOKEN`: a bearer token the scraper sends
    /// (`Authorization: Bearer TOKEN`), as a secret reference (`env:NAME`, `file:PATH`, or the
    /// value): 32 to 256 printable ASCII characters without spaces. Default: none.
    public var token: String?
    /// `metrics.listen` / `LIAISON_METRICS_LISTEN`: `HOST:PORT` of a second HTTP server that
    /// serves only `/metrics` (for a monitoring network the API is not on). Default: none,
    /// and `/metrics` is served, token-protected, beside the API.
    public var host: String?
    public var port: Int?

    public init() {}

    /// `/metrics` is served at all: a token, or a listen address of its own, is configured.
    public var isEnabled: Bool { token != nil || host != nil }
}

/// `log_format` / `LIAISON_LOG_FORMAT`: `text` (`key=value` lines, the default) or `json`
/// (one JSON object a line, for log collectors).
public enum LogFormat: String, Sendable, CaseIterable {
    case text, json
}

extension Configuration {
    /// `metrics.token`, `metrics.listen` and their environment variables: see ``MetricsSettings``.
    mutating func readMetrics(_ node: Yams.Node.Mapping?, environment: [String: String], reader: inout YAMLReader) {
        if let node { reader.rejectUnknownKeys(in: node, known: ["token", "listen"], path: "metrics") }
        if let reference = environment["LIAISON_METRICS_TOKEN"] ?? reader.string(node, "token", path: "metrics") {
            do {
                let token = try SecretReference.resolve(reference, environment: environment)
                if Self.isSaneToken(token) {
                    metrics.token = token
                } else {
                    reader.fail(
                        reader.value(node, "token"), key: "metrics.token",
                        "must be 32 to 256 printable ASCII characters without spaces")
                }
            } catch {
                reader.fail(reader.value(node, "token"), key: "metrics.token", SecretReference.message(error))
            }
        }
        if let listen = environment["LIAISON_METRICS_LISTEN"] ?? reader.string(node, "listen", path: "metrics") {
            if let (host, port) = Self.parseListen(listen) {
                (metrics.host, metrics.port) = (host, port)
            } else {
                reader.fail(reader.value(node, "listen"), key: "metrics.listen", "must be HOST:PORT with a port from 0 to 65535")
            }
        }
    }

    /// `log_format` / `LIAISON_LOG_FORMAT`: see ``LogFormat``.
    mutating func readLogFormat(_ root: Yams.Node.Mapping?, environment: [String: String], reader: inout YAMLReader) {
        guard let text = environment["LIAISON_LOG_FORMAT"] ?? reader.string(root, "log_format", path: "") else { return }
        if let format = LogFormat(rawValue: text) {
            logFormat = format
        } else {
            reader.fail(reader.value(root, "log_format"), key: "log_format", "must be text or json")
        }
    }

    static func isSaneToken(_ token: String) -> Bool {
        (32...256).contains(token.utf8.count) && token.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7f }
    }
}
