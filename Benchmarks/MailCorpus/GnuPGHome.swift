import Foundation
import NIOPosix

/// A throwaway GnuPG home for tests (keys made with `gpg --batch --quick-gen-key`, no passphrase).
/// Short /tmp paths keep the gpg-agent socket path under the Unix-socket length limit. Shared by
/// the mail and server tests, which sign and encrypt reports with it. gpg is waited for on the
/// thread pool made for blocking work, so tests running in parallel keep the async threads.
public final class GnuPGHome: Sendable {
    public let path: String

    public init() throws {
        var template = Array("/tmp/lgpg-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: template)
        chmod(path, 0o700)
    }

    deinit {
        _ = try? Self.run("/usr/bin/gpgconf", ["--homedir", path, "--kill", "all"])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs gpg in this home; returns stdout. Throws with stderr on a non-zero exit.
    @discardableResult
    public func gpg(_ arguments: [String]) async throws -> String {
        let (path, run) = (path, Self.run)
        return try await NIOThreadPool.singleton.runIfActive {
            try run("/usr/bin/gpg", ["--homedir", path, "--batch", "--yes", "--no-tty", "--pinentry-mode", "loopback",
                                 "--passphrase", ""] + arguments)
        }
    }

    /// Creates a signing key with an encryption subkey; returns the primary fingerprint.
    public func generateKey(_ uid: String) async throws -> String {
        try await gpg(["--quick-gen-key", uid, "future-default", "default", "never"])
        let listing = try await gpg(["--with-colons", "--list-keys", uid])
        guard let line = listing.split(separator: "\n").first(where: { $0.hasPrefix("fpr:") }) else {
            throw CocoaError(.fileReadUnknown)
        }
        return String(line.split(separator: ":", omittingEmptySubsequences: false)[9])
    }

    public func importPublicKey(of other: GnuPGHome, uid: String) async throws {
        let file = path + "/import.asc"
        try await other.gpg(["--armor", "--output", file, "--export", uid])
        try await gpg(["--import", file])
    }

    /// Detached ASCII-armoured signature over `data` (RFC 3156 section 5).
    public func detachSign(_ data: [UInt8], as uid: String) async throws -> String {
        try write(data, "content.bin")
        try await gpg(["--armor", "--digest-algo", "SHA256", "--local-user", uid, "--output", path + "/content.asc",
                 "--detach-sign", path + "/content.bin"])
        return try String(contentsOfFile: path + "/content.asc", encoding: .utf8)
    }

    /// ASCII-armoured ciphertext of `data` to `recipient` (RFC 3156 section 4).
    public func encrypt(_ data: [UInt8], to recipient: String) async throws -> String {
        try write(data, "plain.bin")
        try await gpg(["--armor", "--trust-model", "always", "--recipient", recipient, "--output", path + "/plain.asc",
                 "--encrypt", path + "/plain.bin"])
        return try String(contentsOfFile: path + "/plain.asc", encoding: .utf8)
    }

    private func write(_ data: [UInt8], _ name: String) throws {
        try Data(data).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    @discardableResult
    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "gpg", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: String(decoding: errors, as: UTF8.self)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
