import Foundation

/// The Python environment `deploy/local/test` makes in `.build/test-python` with the pinned
/// packages of `deploy/local/test-requirements.txt` (stix2-validator, xarf, jsonschema…), and
/// running its programs the way the tests do: output and errors read together.
public enum TestPython {
    /// The repository's root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A program of the environment, `python` or a package's script such as `stix2_validator`.
    public static func program(_ name: String) -> URL { root.appendingPathComponent(".build/test-python/bin/\(name)") }

    /// Why a test cannot run when `name` is missing, for `#require`.
    public static func missing(_ name: String) -> String? {
        FileManager.default.isExecutableFile(atPath: program(name).path)
            ? nil : "no \(program(name).path): run deploy/local/test (or the venv step in it) to install the pinned Python packages"
    }

    /// Runs `name` with `arguments`; its exit status and its standard output and error together.
    public static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = program(name)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
