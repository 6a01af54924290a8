import Foundation
import Glibc
import LiaisonServer
import LiaisonTestSupport
import Testing

/// Idle and slow connections over real loopback sockets: the gateway closes them within its
/// timeouts (configured short here so the tests run in seconds) and keeps serving others.
/// Eight minutes rather than the suites' usual five: a test's time includes its wait for a test
/// schema (over three minutes in CI), and the thousand connections are held up to 40 s longer
/// when the machine holds the test or the gateway up.
@Suite(.timeLimit(.minutes(8))) struct ConnectionTimeoutTests {
    static let timeouts = ConnectionTimeouts(idle: .seconds(5), header: .seconds(4), bodyMinBytesPerSecond: 1000)

    func withGateway(_ body: @escaping @Sendable (_ port: Int, _ key: String) async throws -> Void) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            try await LiveGateway.run(dependencies, timeouts: Self.timeouts) { port in try await body(port, key) }
        }
    }

    /// Raises the soft descriptor limit to the hard one: the test holds a thousand client
    /// sockets and the server as many of its own, in one process. Returns the soft limit.
    static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(limit.rlim_cur)
    }

    enum Kind: Sendable { case idle, slowHead, slowBody }

    /// What became of the slow connections: when each was closed by the server (seconds after
    /// it was opened), or nil if it was still open at the end.
    struct Outcome: Sendable {
        var closedAfter: [(kind: Kind, seconds: Double?)]
        /// How long opening them all took.
        var openingSeconds: Double
        /// How long this test's own watching loop was held up, in turns that took over a second
        /// (the machine, not the gateway, was busy then), and its longest such turn.
        var stalledSeconds: Double
        var longestTurn: Double
        /// How long the concurrency pool was held up meanwhile (``PoolStallWatch``).
        var poolStalledSeconds: Double
        /// Descriptors open in this process once all were open (the server's ends among them).
        var descriptorsWhenOpen: Int

        /// The connections still open at the end, by kind, and what the run was like: short enough
        /// for a test's message (the whole list is a thousand lines).
        var summary: String {
            let open = closedAfter.filter { $0.seconds == nil }
            let byKind = [Kind.idle, .slowHead, .slowBody].map { kind in "\(kind): \(open.filter { $0.kind == kind }.count)" }
            return "\(open.count) of \(closedAfter.count) slow connections were still open (\(byKind.joined(separator: ", "))); "
                + "opening them took \(openingSeconds) s, the watching loop was held up \(stalledSeconds) s (longest turn \(longestTurn) s), "
                + "the concurrency pool \(poolStalledSeconds) s, "
                + "and the process had \(descriptorsWhenOpen) descriptors open then"
        }
    }

    /// Opens `count` connections of the three kinds, trickles a byte every quarter second into
    /// the slow ones, and watches for the server's close until `deadline` after opening.
    static func holdSlowConnections(
        port: Int, key: String, count: Int, deadline: Double, pool: PoolStallWatch, opened: AsyncStream<Void>.Continuation
    ) throws -> Outcome {
        defer { opened.finish() }
        let start = ContinuousClock.now
        func elapsed() -> Double {
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        var connections: [(RawHTTPConnection, Kind, Double)] = []
        for index in 0..<count {
            let kind: Kind = [.idle, .slowHead, .slowBody][index % 3]
            let connection = try RawHTTPConnection(port: port)
            switch kind {
            case .idle: break
            case .slowHead: connection.send("GET /healthz HTTP/1.1\r\nHo")
            case .slowBody:
                connection.send(HTTPConnectionTests.head(key: key, "Content-Length: 1000000") + "{")
            }
            connections.append((connection, kind, elapsed()))
        }
        opened.yield()
        opened.finish()
        // Held `deadline` seconds from when the last one opened, so that each had at least that
        // long: opening 1,000 connections can itself take seconds on two busy cores. A turn of
        // this loop that took over a second means the machine held this thread up (a turn polls
        // for 50 ms), and the gateway's accept loop runs on the concurrency pool, which the suite's
        // CPU-bound tests can hold for seconds: the deadline moves by both (40 s at most), as a
        // close this loop could not see, or the gateway could not make, is no fault of the gateway's.
        let allOpen = elapsed()
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
        var closedAt = [Double?](repeating: nil, count: count)
        var lastTrickle = 0.0
        var lastTurn = allOpen
        var stalled = 0.0
        var longestTurn = 0.0
        var buffer = [UInt8](repeating: 0, count: 4096)
        while elapsed() - allOpen < deadline + min(stalled + pool.seconds, 40), closedAt.contains(where: { $0 == nil }) {
            let turn = elapsed() - lastTurn
            lastTurn += turn
            longestTurn = max(longestTurn, turn)
            if turn > 1 { stalled += turn }
            var pollers = connections.map { pollfd(fd: $0.0.socket, events: Int16(POLLIN), revents: 0) }
            _ = poll(&pollers, nfds_t(pollers.count), 50)
            for (index, poller) in pollers.enumerated() where closedAt[index] == nil && poller.revents != 0 {
                let read = buffer.withUnsafeMutableBytes { recv(poller.fd, $0.baseAddress, $0.count, 0) }
                if read <= 0 { closedAt[index] = elapsed() - connections[index].2 }
            }
            if elapsed() - lastTrickle >= 0.25 {
                lastTrickle = elapsed()
                for (index, (connection, kind, _)) in connections.enumerated() where kind != .idle && closedAt[index] == nil {
                    connection.send(kind == .slowHead ? "s" : " ")
                }
            }
        }
        return Outcome(
            closedAfter: zip(connections, closedAt).map { ($0.0.1, $0.1) }, openingSeconds: allOpen, stalledSeconds: stalled,
            longestTurn: longestTurn, poolStalledSeconds: pool.seconds, descriptorsWhenOpen: descriptors)
    }

    /// How long Swift's concurrency pool, where the gateway accepts connections and answers
    /// requests, was held up by other work (the parallel suite's CPU-bound tests, two cores): a
    /// task asks to wake every 100 ms and counts each wake more than half a second late, and the
    /// wake it is late for now, so that a stall still under way counts before it ends.
    final class PoolStallWatch: @unchecked Sendable {
        private let lock = NSLock()
        private var total = 0.0
        private var asked = ContinuousClock.now

        var seconds: Double {
            lock.withLock { total + Self.late(since: asked) }
        }

        func watch() async {
            lock.withLock { asked = .now }
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                lock.withLock {
                    total += Self.late(since: asked)
                    asked = .now
                }
            }
        }

        /// How late a wake asked for 100 ms after `since` is now, when over half a second.
        private static func late(since: ContinuousClock.Instant) -> Double {
            let d = ContinuousClock.now - since
            let late = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 - 0.1
            return late > 0.5 ? late : 0
        }
    }

    /// Runs blocking socket code on a thread of its own, off the concurrency pool the server uses.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// The 99th percentile of 100 `GET /healthz`, one after another, each on a new connection, in
    /// seconds: the best of `rounds` such runs, so that a moment's load from the rest of the suite
    /// (two shared cores) does not count against the gateway, while a stall that lasts does.
    /// With `pool`, a run while the concurrency pool was held up does not count towards `rounds`
    /// (another is made, up to twice as many in all), as it measures the suite, not the gateway.
    static func p99OfNormalRequests(port: Int, rounds: Int, pool: PoolStallWatch? = nil) async throws -> Double {
        var best = Double.infinity
        var counted = 0, made = 0
        while counted < rounds && made < 2 * rounds {
            let stalledBefore = pool?.seconds ?? 0
            best = min(best, try await p99OfNormalRequests(port: port))
            made += 1
            if (pool?.seconds ?? 0) <= stalledBefore + 0.001 { counted += 1 }
        }
        return best
    }

    static func p99OfNormalRequests(port: Int) async throws -> Double {
        let latencies = try await RawHTTPConnection.run(port: port) { _ in
            (0..<100).map { _ -> Double in
                let start = ContinuousClock.now
                guard let connection = try? RawHTTPConnection(port: port) else { return .infinity }
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                connection.receive(timeout: .seconds(5)) { _ in false }
                guard connection.statusLine == "HTTP/1.1 200 OK" else { return .infinity }
                let d = ContinuousClock.now - start
                return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            }
        }
        return latencies.sorted()[Int(Double(latencies.count) * 0.99) - 1]
    }

    @Test("A thousand idle or slow connections do not stop normal requests, and are all closed within the timeouts")
    func thousandSlowConnections() async throws {
        let descriptors = Self.raiseDescriptorLimit()
        // Each connection costs a descriptor on both ends; keep room for the database and the rest.
        let count = min(1000, (descriptors - 200) / 2)
        #expect(count == 1000, "the descriptor limit (\(descriptors)) allows only \(count) connections")
        try await withGateway { port, key in
            let baseline = try await Self.p99OfNormalRequests(port: port, rounds: 2)
            let pool = PoolStallWatch()
            let watching = Task { await pool.watch() }
            defer { watching.cancel() }
            let (opened, continuation) = AsyncStream.makeStream(of: Void.self)
            async let held = Self.onThread {
                try Self.holdSlowConnections(port: port, key: key, count: count, deadline: 16, pool: pool, opened: continuation)
            }
            // Normal requests once the slow connections are all open and held: each on a new connection.
            for await _ in opened {}
            let p99 = try await Self.p99OfNormalRequests(port: port, rounds: 3, pool: pool)
            // A server that the slow connections stopped would answer only as they time out, after
            // seconds (4 s for a head, 5 s idle). So: 250 ms on a quiet machine; when the whole suite
            // shares two cores, no worse than three times what the same requests took just before
            // the slow connections were opened, plus 100 ms: the tightest timing bound of the suite
            // before, and the suite runs beside Chromium and GPG on two cores.
            #expect(p99 < max(0.25, 3 * baseline + 0.1), "p99 of normal requests was \(p99) s (\(baseline) s without the slow connections)")

            let outcome = try await held
            let stillOpen = outcome.closedAfter.filter { $0.seconds == nil }.count
            #expect(stillOpen == 0, "\(outcome.summary)")
            // Each kind closed by its own clock, never before it; after it, one check interval plus
            // the time this test's own loop over 1,000 sockets takes to notice on two busy cores
            // (a whole sweep came 0.35 s late in a full parallel run, and 7 s late in a fresh clone's
            // CI run beside the console's Chromium tests), so the upper bounds are loose: a slow
            // connection must be closed within 16 s of its opening, which these bounds check, and before
            // the test stops holding them (16 s after the last one opened), which `stillOpen` checks.
            // Both move by the time the machine held the watching loop or the pool up.
            let late = 16 + min(outcome.stalledSeconds + outcome.poolStalledSeconds, 40)
            let outOfBounds = outcome.closedAfter.compactMap { kind, seconds -> String? in
                guard let seconds else { return nil }
                let soonest = kind == .idle ? 4.5 : 3.5
                return seconds >= soonest && seconds < late ? nil : "\(kind) after \(seconds) s"
            }
            let closedOutOfBounds = outOfBounds.count
            #expect(closedOutOfBounds == 0, "the first of them: \(outOfBounds.prefix(5)); \(outcome.summary)")
        }
    }

    @Test("A 401 to a large declared body says Connection: close and closes, without reading the body")
    func earlyAnswerCloses() async throws {
        try await withGateway { port, _ in
            let (status, saysClose, closed) = try await RawHTTPConnection.run(port: port) { connection in
                connection.send(HTTPConnectionTests.head(key: "wrong", "Content-Length: 50000000"))
                connection.send([UInt8](repeating: UInt8(ascii: " "), count: 64 * 1024))
                // Keep sending for a while, as a client that does not read would; the server must
                // close within its linger however much more is on the way.
                let start = ContinuousClock.now
                while ContinuousClock.now - start < .seconds(4), !connection.closedByPeer {
                    guard connection.send([UInt8](repeating: UInt8(ascii: " "), count: 16 * 1024)) else { break }
                    connection.receive(timeout: .milliseconds(20)) { _ in false }
                }
                connection.receive(timeout: .seconds(4)) { _ in false }
                return (connection.statusLine, connection.saysClose, connection.closedByPeer)
            }
            #expect(status.hasPrefix("HTTP/1.1 401 "), "\(status)")
            #expect(saysClose, "the 401 does not say Connection: close")
            #expect(closed, "the connection was left open")
        }
    }
}
