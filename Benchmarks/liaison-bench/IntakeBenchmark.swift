import AsyncHTTPClient
import Foundation
import LiaisonStore
import Logging
import NIOCore
import PostgresNIO

/// `liaison-bench intake`: the gateway in this process, on a real PostgreSQL (a throwaway
/// embedded cluster, or `LIAISON_DATABASE_URL`), fed over loopback HTTP: STIX bundles of
/// `stixObjects` indicators, then `events` IntelMQ events in NDJSON requests of `batch`,
/// `concurrency` at a time. Then plain COPY loads the very rows the IntelMQ requests
/// wrote (incidents, custody records, vault entries, deliveries) into empty copies of
/// their tables, and the two rates are compared.
struct IntakeBenchmark {
    var stixObjects = 10_000
    var stixRounds = 3
    var events = 100_000
    var batch = 10_000
    var concurrency = 2

    func run() async throws {
        try await BenchGateway.withStore { _, store, migrator in
            try await BenchServer.run(store: store, migrator: migrator) { server in
                try await phases(server.http, base: server.base, key: server.producerKey, client: store.client, logger: server.logger)
            }
        }
    }

    private func phases(_ http: HTTPClient, base: String, key: String, client: PostgresClient, logger: Logger) async throws {
        try await BenchCluster.warmUpWAL(client, logger: logger)
        let stix = try await push(
            http, url: base + "/v1/intake/stix", key: key, contentType: "application/stix+json;version=2.1",
            requests: stixObjects > 0 ? stixRounds : 0, concurrency: 1
        ) { [stixObjects] in BenchData.stixBundle(objects: stixObjects, round: $0) }
        stix.print(label: "STIX bundles (\(stixRounds) × \(stixObjects) indicators, 1 at a time)", unit: "objects")
        // The producer's bodies are made before the clock starts, as COPY's rows are exported
        // before its clock starts: the producer's work is not the gateway's.
        let made = Date()
        let bodies = (0..<(events + batch - 1) / batch).map { [events, batch] in
            BenchData.intelMQ(from: $0 * batch, count: min(batch, events - $0 * batch))
        }
        if events > 0 {
            print(String(format: "IntelMQ request bodies made before timing: %.1f µs per event (not counted below)",
                         Date().timeIntervalSince(made) * 1e6 / Double(events)))
        }
        let server = await PostgresCPU.find(client, logger: logger)
        let serverBefore = server?.seconds()
        let cpuBefore = ProcessCPU.seconds()
        let idleBefore = MachineIdle.seconds()
        let intelmq = try await push(
            http, url: base + "/v1/intake/events?format=intelmq", key: key, contentType: "application/x-ndjson",
            requests: bodies.count, concurrency: concurrency
        ) { bodies[$0] }
        intelmq.print(label: "IntelMQ events (\(events) in requests of \(batch), \(concurrency) at a time)", unit: "events")
        if intelmq.objects > 0 {
            // CPU time does not depend on what else runs on the machine the way a rate does.
            let gatewayCPU = (ProcessCPU.seconds() - cpuBefore) * 1e6 / Double(intelmq.objects)
            print(String(format: "CPU of this process (gateway and client) during the IntelMQ phase: %.1f µs per event", gatewayCPU))
            if let server, let serverBefore {
                let serverCPU = (server.seconds() - serverBefore) * 1e6 / Double(intelmq.objects)
                print(String(format: "CPU of PostgreSQL (postmaster and its processes, /proc) during the IntelMQ phase: %.1f µs per event; with this process: %.1f",
                             serverCPU, serverCPU + gatewayCPU))
            } else {
                print("CPU of PostgreSQL: not measured (its postmaster is not a process of this machine)")
            }
            // Time no core worked (the gateway, PostgreSQL or anything else on the machine).
            print(String(format: "idle time of the machine's %ld cores during the IntelMQ phase: %.1f µs per event",
                         MachineIdle.cores, (MachineIdle.seconds() - idleBefore) * 1e6 / Double(intelmq.objects)))
        }
        // Before the COPY comparison, which holds every exported row in memory.
        print(String(format: "peak memory (this process: gateway and client): %.0f MB", PeakMemory.megabytes()))
        guard events > 0 else { return }
        let copy = try await CopyComparison(client: client, logger: logger).measure(naturalKeyPrefix: "intelmq-")
        print(String(format: "plain COPY of the same rows (median of 3): %d rows in %.2f s = %.0f events/s (%.0f rows/s); runs: ",
                     copy.rows, copy.seconds, Double(copy.events) / copy.seconds, Double(copy.rows) / copy.seconds)
              + copy.runs.map { String(format: "%.2f s", $0) }.joined(separator: ", "))
        print(String(format: "intake / COPY: %.2f", intelmq.rate / (Double(copy.events) / copy.seconds)))
    }

    struct Figures {
        var objects: Int
        var seconds: Double
        var latencies: [Double]
        var rate: Double { Double(objects) / seconds }

        func print(label: String, unit: String) {
            guard !latencies.isEmpty else { return }
            func percentile(_ p: Double) -> Double { BenchFigures.percentile(latencies, p) }
            Swift.print("\(label): " + String(
                format: "%.0f \(unit)/s; request latency p50 %.0f ms, p99 %.0f ms", rate, percentile(0.5) * 1000,
                percentile(0.99) * 1000))
        }
    }

    private func push(
        _ http: HTTPClient, url: String, key: String, contentType: String, requests: Int, concurrency: Int,
        body make: @escaping @Sendable (Int) -> (body: ByteBuffer, objects: Int)
    ) async throws -> Figures {
        let start = Date()
        var latencies: [Double] = []
        var objects = 0
        var next = 0
        try await withThrowingTaskGroup(of: (Double, Int).self) { group in
            func submit() {
                guard next < requests else { return }
                let index = next
                next += 1
                group.addTask {
                    let (body, count) = make(index)
                    var request = HTTPClientRequest(url: url)
                    request.method = .POST
                    request.headers.add(name: "Authorization", value: "Bearer \(key)")
                    request.headers.add(name: "Content-Type", value: contentType)
                    request.body = .bytes(body)
                    let sent = Date()
                    let response = try await http.execute(request, timeout: .minutes(10))
                    let answer = try await response.body.collect(upTo: 64 << 20)
                    guard response.status == .created else {
                        throw BenchFailure(status: Int(response.status.code), body: String(buffer: answer).prefix(400).description)
                    }
                    return (Date().timeIntervalSince(sent), count)
                }
            }
            for _ in 0..<concurrency { submit() }
            while let (latency, count) = try await group.next() {
                latencies.append(latency)
                objects += count
                submit()
            }
        }
        return Figures(objects: objects, seconds: Date().timeIntervalSince(start), latencies: latencies)
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var status: Int
    var body: String
    var description: String { "intake answered \(status): \(body)" }
}

/// CPU time (user and system, all threads) this process has used so far, in seconds.
enum ProcessCPU {
    static func seconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Idle time (idle and waiting for I/O) of all the machine's cores so far, in seconds, from
/// Linux's `/proc/stat`; 0 where it cannot be read.
enum MachineIdle {
    static let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))

    static func seconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return 0 }
        // cpu user nice system idle iowait …, in clock ticks.
        let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard ticks.count >= 5 else { return 0 }
        return (ticks[3] + ticks[4]) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// Peak resident memory of this process (Linux `VmHWM`).
enum PeakMemory {
    static func megabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
