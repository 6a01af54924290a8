import Foundation
import LiaisonCore
import LiaisonDelivery
import Yams

/// Reads agreement files (`schemas/agreement.schema.json` describes them) and checks
/// them whole: every problem is reported with file, line and key, and nothing loads
/// while any file has one. Secrets may be written `env:NAME` or `file:PATH`.
public struct AgreementLoader: Sendable {
    public var environment: [String: String]
    /// `delivery.allow_insecure_loopback`: an IEP policy that requires encryption in transit
    /// may still name an `http` webhook on this machine (development only).
    public var allowInsecureLoopback: Bool

    public init(environment: [String: String], allowInsecureLoopback: Bool = false) {
        self.environment = environment
        self.allowInsecureLoopback = allowInsecureLoopback
    }

    /// The keys an agreement file may hold at its top level (`schemas/agreement.schema.json`).
    public static let keys = AgreementReader.keys

    /// An agreement as loaded, and the file it came from. Its version identity is
    /// ``Agreement/versionHash``: the SHA-256 of its document, so a comment or a reordered key
    /// is not a new version, while any changed value is.
    public struct Loaded: Sendable {
        public var agreement: Agreement
        public var file: String
    }

    /// Loads every `*.yaml` / `*.yml` file in `directory`, in name order.
    public func load(directory: URL) throws(ConfigurationError) -> [Loaded] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw ConfigurationError(key: "agreements_dir", "cannot read the folder \(directory.path)")
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { directory.appendingPathComponent($0).path }
        return try load(files: files)
    }

    public func load(files: [String]) throws(ConfigurationError) -> [Loaded] {
        var loaded: [Loaded] = []
        var problems: [YAMLProblem] = []
        var seen: [String: String] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append(YAMLProblem(file: file, line: 0, key: "", message: "cannot be read"))
                continue
            }
            var reader = YAMLReader(file: file)
            let agreement = read(String(decoding: data, as: UTF8.self), reader: &reader)
            problems += reader.problems
            guard let agreement, reader.problems.isEmpty else { continue }
            if let first = seen[agreement.id] {
                problems.append(YAMLProblem(file: file, line: 1, key: "id", message: "is already used by \(first)"))
                continue
            }
            seen[agreement.id] = file
            loaded.append(Loaded(agreement: agreement, file: file))
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return loaded
    }

    func read(_ text: String, reader: inout YAMLReader) -> Agreement? {
        AgreementReader(environment: environment, allowSecretReferences: true, allowInsecureLoopback: allowInsecureLoopback)
            .read(text, reader: &reader)
    }
}
