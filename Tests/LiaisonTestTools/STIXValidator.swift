import Foundation

/// The OASIS `stix2-validator` (pinned in deploy/local/test-requirements.txt, installed into
/// .build/test-python by deploy/local/test), run in strict mode over bundles.
public enum STIXValidator {
    public static var missing: String? { TestPython.missing("stix2_validator") }

    /// Validates every file under `directory` with warnings as errors, custom types and
    /// properties flagged and references enforced: the validator's exit status and report.
    public static func run(_ directory: URL) throws -> (status: Int32, output: String) {
        try TestPython.run("stix2_validator", ["--strict", "--strict-properties", "--enforce-refs", "--no-cache", "--recursive", directory.path])
    }

    /// Validates each bundle; nil when every one is valid with no warning, else the report.
    public static func problems(in bundles: [Data]) throws -> String? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-stix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, bundle) in bundles.enumerated() {
            try bundle.write(to: directory.appendingPathComponent("bundle-\(index).json"))
        }
        let (status, text) = try run(directory)
        let valid = text.components(separatedBy: "STIX JSON: Valid").count - 1
        guard status == 0, valid == bundles.count, !text.contains("[!]"), !text.contains("[X]") else { return text }
        return nil
    }
}
