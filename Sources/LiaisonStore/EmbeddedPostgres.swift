import Foundation
import NIOPosix

/// A PostgreSQL cluster that Liaison keeps in its own data directory, built from the
/// system's PostgreSQL binaries, so one command runs the whole gateway on a laptop.
///
/// It listens on a Unix socket only (`listen_addresses = ''`), with trust
/// authentication limited to that socket, whose directory only the cluster's owner can
/// enter. Run as root, the cluster belongs to an unprivileged user (`postgres` by
/// default), since PostgreSQL refuses to run as root.
public struct EmbeddedPostgres: Sendable {
    /// The cluster's folder, `DATA_DIR/postgres`.
    public let directory: URL
    /// The folder that holds the cluster's Unix socket.
    public let socketDirectory: String
    public let binDirectory: URL
    /// The unprivileged user that owns the cluster when Liaison runs as root.
    public let systemUser: String?
    public static let port = 5432
    public static let database = "liaison"
    public static let role = "liaison"

    public init(dataDirectory: URL, systemUser: String = "postgres") throws(StoreError) {
        directory = dataDirectory.appendingPathComponent("postgres", isDirectory: true)
        binDirectory = try Self.findBinDirectory()
        self.systemUser = getuid() == 0 ? systemUser : nil
        // A Unix socket path is limited to 107 bytes; a deep data directory falls back
        // to a short folder under /tmp named after the cluster's path.
        let preferred = directory.path
        if preferred.utf8.count + 16 <= 100 {
            socketDirectory = preferred
        } else {
            socketDirectory = "/tmp/liaison-pg-\(Self.shortHash(preferred))"
        }
    }

    /// The URL that reaches the cluster through its socket.
    public var url: String {
        "postgres://\(Self.role)@localhost:\(Self.port)/\(Self.database)?host=\(socketDirectory)"
    }

    /// Creates the cluster if it does not exist and starts it unless it is already running.
    /// Returns whether this call started it (and so should stop it). `initdb` and `pg_ctl`
    /// are waited for on the thread pool made for blocking work, never on the threads that
    /// run async code.
    @discardableResult
    public func start() async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { try startBlocking() }
    }

    /// Stops the cluster (fast shutdown: open transactions roll back), waiting as ``start()`` does.
    public func stop() async throws {
        try await NIOThreadPool.singleton.runIfActive { try stopBlocking() }
    }

    /// ``start()`` on the calling thread, for callers that have no other work to do.
    @discardableResult
    public func startBlocking() throws(StoreError) -> Bool {
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory.appendingPathComponent("PG_VERSION").path) {
            try createCluster()
        }
        if socketDirectory != directory.path, !manager.fileExists(atPath: socketDirectory) {
            try makeOwnedDirectory(socketDirectory)
        }
        if (try? run("pg_ctl", ["-D", directory.path, "status"])) != nil { return false }
        try startServer()
        return true
    }

    /// Starts the server; its output goes to `server.log` in the cluster's folder, so no
    /// pipe of ours is held open by the server process.
    private func startServer() throws(StoreError) {
        let options = [
            "-c listen_addresses=''", "-c unix_socket_directories='\(socketDirectory)'", "-c port=\(Self.port)",
            "-c unix_socket_permissions=0700",
        ].joined(separator: " ")
        try run(
            "pg_ctl",
            ["-D", directory.path, "-w", "-t", "60", "-l", directory.appendingPathComponent("server.log").path,
             "-o", options, "start"],
            step: "start")
    }

    /// ``stop()`` on the calling thread (an `atexit` handler).
    public func stopBlocking() throws(StoreError) {
        try run("pg_ctl", ["-D", directory.path, "-m", "fast", "-w", "-t", "60", "stop"], step: "stop")
    }

    private func createCluster() throws(StoreError) {
        try makeOwnedDirectory(directory.path)
        try run(
            "initdb",
            ["-D", directory.path, "-U", Self.role, "--auth-local=trust", "--auth-host=reject", "-E", "UTF8",
             "--locale=C.UTF-8"],
            step: "initdb")
        try startServer()
        defer { try? stopBlocking() }
        try run(
            "createdb", ["-h", socketDirectory, "-p", "\(Self.port)", "-U", Self.role, Self.database],
            step: "createdb")
    }

    private func makeOwnedDirectory(_ path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if let systemUser {
                guard let user = getpwnam(systemUser) else {
                    throw StoreError.embeddedPostgres(step: "user", detail: "no system user \(systemUser)")
                }
                guard chown(path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
                    throw StoreError.embeddedPostgres(step: "chown", detail: path)
                }
                // The cluster's owner must be able to pass through the folders above it.
                var parent = URL(fileURLWithPath: path).deletingLastPathComponent()
                while parent.path != "/" {
                    var info = stat()
                    if stat(parent.path, &info) == 0, info.st_mode & 0o001 == 0 {
                        chmod(parent.path, info.st_mode & 0o7777 | 0o001)
                    }
                    parent.deleteLastPathComponent()
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .embeddedPostgres(step: "mkdir", detail: path)
        }
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String], step: String? = nil) throws(StoreError) -> String {
        let executable = binDirectory.appendingPathComponent(tool).path
        let result: ChildProcess.Result?
        if let systemUser {
            result = ChildProcess.run("/usr/sbin/runuser", ["-u", systemUser, "--", executable] + arguments)
        } else {
            result = ChildProcess.run(executable, arguments)
        }
        guard let result else { throw .embeddedPostgres(step: step ?? tool, detail: "cannot run \(executable)") }
        guard result.status == 0 else {
            let lastLines = result.output.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw .embeddedPostgres(step: step ?? tool, detail: lastLines)
        }
        return result.output
    }

    /// Debian keeps PostgreSQL's server programs in `/usr/lib/postgresql/VERSION/bin`, off
    /// `PATH`; `LIAISON_POSTGRES_BIN` overrides, then the newest version there, then `PATH`.
    static func findBinDirectory() throws(StoreError) -> URL {
        let manager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["LIAISON_POSTGRES_BIN"] {
            return URL(fileURLWithPath: override)
        }
        let versions = ((try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions {
            let bin = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
            if manager.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        for entry in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            if manager.isExecutableFile(atPath: "\(entry)/initdb") { return URL(fileURLWithPath: String(entry)) }
        }
        throw .embeddedPostgres(
            step: "find", detail: "no initdb in /usr/lib/postgresql/*/bin or PATH (install postgresql)")
    }

    private static func shortHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return String(hash, radix: 16)
    }
}
