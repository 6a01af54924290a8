import Foundation
import Logging
import PostgresNIO

/// CPU time (user and system) of a PostgreSQL server on this machine, from Linux's `/proc`:
/// the postmaster's own, that of every process it started that is still running (backends,
/// checkpointer, WAL writer, background writer, autovacuum, parallel workers), and the
/// postmaster's `cutime` + `cstime` for those that exited and were waited for. The difference
/// of two readings is what the server spent between them: a process that exits in between is
/// counted alive in the first and among the waited-for in the second.
struct PostgresCPU {
    let postmaster: Int32
    private static let tick = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Finds the postmaster as the parent of the backend serving one of `client`'s connections,
    /// both named `postgres`; nil (and the figure is not printed) where the server is not a
    /// process of this machine.
    static func find(_ client: PostgresClient, logger: Logger) async -> PostgresCPU? {
        guard
            let backend = try? await client.withConnection({ connection in
                var pid: Int32?
                for try await value in try await connection.query("SELECT pg_backend_pid()", logger: logger).decode(Int32.self) {
                    pid = value
                }
                return pid
            }),
            let fields = stat(backend), fields.count > 1, let parent = Int32(fields[1]), let postmaster = stat(parent),
            postmaster.count > 14,
            // A server elsewhere has pids that may name unrelated processes here.
            command(backend) == "postgres", command(parent) == "postgres"
        else { return nil }
        return PostgresCPU(postmaster: parent)
    }

    /// Seconds of CPU the server has used so far.
    func seconds() -> Double {
        var ticks = 0.0
        if let own = Self.stat(postmaster), own.count > 14 {
            // utime, stime, cutime, cstime: fields 14 – 17 of proc(5), 11 – 14 after the command.
            ticks += own[11...14].compactMap { Double($0) }.reduce(0, +)
        }
        let parent = String(postmaster)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let child = Self.stat(pid), child.count > 12, child[1] == parent else { continue }
            ticks += child[11...12].compactMap { Double($0) }.reduce(0, +)
        }
        return ticks / Self.tick
    }

    /// The process's command name (`comm`), as `/proc/PID/stat` gives it in parentheses.
    private static func command(_ pid: Int32) -> Substring? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let start = text.firstIndex(of: "("), let end = text.lastIndex(of: ")"), start < end
        else { return nil }
        return text[text.index(after: start)..<end]
    }

    /// `/proc/PID/stat` from its third field (state) on, the command name (which may hold
    /// spaces) cut off: index 0 is the state, 1 the parent's pid, 11 and 12 utime and stime.
    private static func stat(_ pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = text.lastIndex(of: ")")
        else { return nil }
        return text[text.index(after: end)...].split(separator: " ")
    }
}
