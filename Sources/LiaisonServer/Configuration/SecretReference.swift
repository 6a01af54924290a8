import Foundation
import LiaisonCore

/// Where a secret comes from, written in configuration as `env:NAME` (an environment
/// variable), `file:PATH` (a file's contents, trailing newline removed), or the value
/// itself. Resolving names the variable or file on failure, never the value.
enum SecretReference {
    enum Failure: Error, Equatable {
        case missingVariable(String)
        case unreadableFile(String)
    }

    static func resolve(_ reference: String, environment: [String: String]) throws(Failure) -> String {
        if reference.hasPrefix("env:") {
            let name = String(reference.dropFirst(4))
            guard let value = environment[name], !value.isEmpty else { throw .missingVariable(name) }
            return value
        }
        if reference.hasPrefix("file:") {
            let path = String(reference.dropFirst(5))
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .unreadableFile(path) }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return reference
    }

    static func message(_ failure: Failure) -> String {
        switch failure {
        case .missingVariable(let name): "names the environment variable \(name), which is not set"
        case .unreadableFile(let path): "names the file \(path), which cannot be read"
        }
    }

    /// A 32-byte key written as base64.
    static func key(fromBase64 text: String) -> Secret? {
        guard let data = Data(base64Encoded: text), data.count == 32 else { return nil }
        return Secret(bytes: Array(data))
    }
}
