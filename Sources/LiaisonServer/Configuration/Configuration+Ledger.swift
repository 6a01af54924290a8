import Foundation
import Yams

/// When and where the gateway signs and publishes checkpoints of its ledger.
public struct LedgerSettings: Sendable {
    /// `ledger.origin`: the ledger's name in its checkpoints and the name of the key that signs
    /// them, a schema-less URL as C2SP signed-note recommends. Default: the host and path of
    /// `public_url` followed by `/ledger`, else `liaison.invalid/ledger`. Checkpoints name it, so
    /// it must not change once the ledger has any: set it explicitly in production.
    public var origin: String?
    /// `ledger.checkpoint_interval_seconds` (1–86,400, default 60): at most this long between
    /// an entry and the checkpoint that covers it.
    public var interval: Duration = .seconds(60)
    /// `ledger.checkpoint_entries` (1–1,000,000, default 1,000): a checkpoint as soon as this
    /// many entries wait, whatever the interval.
    public var entries = 1_000
    /// `ledger.checkpoint_file`: each new checkpoint is appended here, followed by an empty
    /// line, so a copy outside the database exists (`liaison audit verify --checkpoints`).
    public var file: URL?
    /// `ledger.checkpoint_url`: each new checkpoint is POSTed here as `text/plain`, for a
    /// witness or an archive the operator does not control.
    public var url: URL?

    public init() {}

    /// The origin in force for a gateway reached at `publicURL`.
    public func origin(publicURL: String?) -> String {
        if let origin { return origin }
        if let publicURL, let components = URLComponents(string: publicURL), let host = components.host {
            // A key name may hold no spaces and no '+' (C2SP signed-note).
            let name = (host + components.path + "/ledger").unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7f && $0 != "+" }
            return String(String.UnicodeScalarView(name))
        }
        return "liaison.invalid/ledger"
    }
}

extension Configuration {
    /// `ledger.origin`, `ledger.checkpoint_interval_seconds`, `ledger.checkpoint_entries`,
    /// `ledger.checkpoint_file`, `ledger.checkpoint_url`: see ``LedgerSettings``.
    mutating func readLedger(_ node: Yams.Node.Mapping?, base: (String) -> URL, reader: inout YAMLReader) {
        guard let node else { return }
        reader.rejectUnknownKeys(
            in: node, known: ["origin", "checkpoint_interval_seconds", "checkpoint_entries", "checkpoint_file", "checkpoint_url"],
            path: "ledger")
        if let origin = reader.string(node, "origin", path: "ledger") {
            let valid = !origin.isEmpty && origin.count <= 200
                && origin.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7f && $0 != "+" }
            if valid { ledger.origin = origin } else {
                reader.fail(reader.value(node, "origin"), key: "ledger.origin", "must be 1–200 printable ASCII characters without spaces or '+'")
            }
        }
        if let seconds = reader.int(node, "checkpoint_interval_seconds", path: "ledger", range: 1...86_400) {
            ledger.interval = .seconds(seconds)
        }
        ledger.entries = reader.int(node, "checkpoint_entries", path: "ledger", range: 1...1_000_000) ?? ledger.entries
        if let file = reader.string(node, "checkpoint_file", path: "ledger") { ledger.file = base(file) }
        if let text = reader.string(node, "checkpoint_url", path: "ledger") {
            if let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
                ledger.url = url
            } else {
                reader.fail(reader.value(node, "checkpoint_url"), key: "ledger.checkpoint_url", "must be an absolute http or https URL")
            }
        }
    }
}
