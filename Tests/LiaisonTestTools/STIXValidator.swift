import Foundation

/// The OASIS `stix2-validator` (pinned in deploy/local/test-requirements.txt, installed into
/// .build/test-python by deploy/local/test), run in strict mode over bundles.
public enum STIXValidator {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let executable = root.appendingPathComponent(".build/test-python/bin/stix2_validator")

    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// Validates each bundle with warnings as errors, custom types and properties flagged and
    /// references enforced. Returns nil when every one is valid with no warning, else the
    /// validator's report.
    public static func problems(in bundles: [Data]) throws -> String? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-stix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, bundle) in bundles.enumerated() {
            try bundle.write(to: directory.appendingPathComponent("bundle-\(index).json"))
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--strict", "--strict-properties", "--enforce-refs", "--no-cache", "--recursive", directory.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let valid = text.components(separatedBy: "STIX JSON: Valid").count - 1
        guard process.terminationStatus == 0, valid == bundles.count, !text.contains("[!]"), !text.contains("[X]") else { return text }
        return nil
    }
}
