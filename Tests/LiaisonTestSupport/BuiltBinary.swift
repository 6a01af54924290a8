import Foundation
import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The `liaison` executable that `swift build` made, run as a user would run it.
///
/// Processes are started with `posix_spawn` and reaped with `waitpid`: Foundation's
/// `Process` was seen to miss a child's exit when several run at once, which would hang
/// a test for good. The wait runs on the thread pool made for blocking work, so tests
/// running in parallel keep every thread of the async pool.
public enum BuiltBinary {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static var path: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/liaison").path
    }

    /// A started `liaison`; its output goes to files.
    public final class Running: Sendable {
        public let pid: pid_t
        public let stdout: URL
        public let stderr: URL

        init(pid: pid_t, stdout: URL, stderr: URL) {
            self.pid = pid
            self.stdout = stdout
            self.stderr = stderr
        }

        public func interrupt() { kill(pid, SIGINT) }
        public func terminate() { kill(pid, SIGTERM) }

        /// Waits for the process to end and returns its exit status (128 + signal if killed).
        @discardableResult
        public func waitForExit() async throws -> Int32 {
            let pid = self.pid
            return try await NIOThreadPool.singleton.runIfActive {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 {
                    guard errno == EINTR else { return -1 }
                }
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
        }
    }

    /// Runs `liaison ARGUMENTS` (or `program`, found on `PATH`) to completion, with
    /// `environment` added to this process's.
    public static func run(
        _ arguments: [String], program: String? = nil, environment: [String: String] = [:], stdin: String? = nil
    ) async throws -> Result {
        let running = try start(arguments, program: program, environment: environment, stdin: stdin)
        let status = try await running.waitForExit()
        return Result(status: status, stdout: read(running.stdout), stderr: read(running.stderr))
    }

    /// Starts `liaison ARGUMENTS` with `environment` added to this process's (less any
    /// `LIAISON_` variables of its own).
    public static func start(
        _ arguments: [String], program: String? = nil, environment: [String: String] = [:], stdin: String? = nil
    ) throws -> Running {
        let executable = program ?? path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let out = directory.appendingPathComponent("stdout")
        let err = directory.appendingPathComponent("stderr")
        let input = directory.appendingPathComponent("stdin")
        FileManager.default.createFile(atPath: input.path, contents: Data((stdin ?? "").utf8))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LIAISON_") }.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return Running(pid: pid, stdout: out, stderr: err)
    }

    public static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago, never one handed out before in this
    /// process. Linux gives a listener that binds port 0 with SO_REUSEADDR (NIO's servers,
    /// Chromium's) a port from the lower half of the ephemeral range first, so a port from the
    /// upper half is preferred: one of those cannot take it before its server binds it.
    public static func freePort() -> Int {
        for attempt in 0..<64 {
            let port = probedPort()
            guard attempt == 63 || port >= 46_884 else { continue }
            if issuedPorts.withLock({ $0.insert(port).inserted }) { return port }
        }
        return probedPort()
    }

    private static let issuedPorts = Mutex<Set<Int>>([])

    /// The port the kernel gives a socket bound to port 0 on 127.0.0.1, closed at once.
    private static func probedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
