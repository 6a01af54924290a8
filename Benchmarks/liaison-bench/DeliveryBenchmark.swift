import Foundation
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// `liaison-bench deliveries`: `count` incidents pushed through the real HTTP intake at
/// `rate` events/s (requests of `batch`), while the real `DeliveryWorker` sends each one's
/// delivery to a webhook receiver in this process on loopback that answers `204`.
///
/// Enqueue time is the delivery row's `created_at` (PostgreSQL's `now()`, the start of the
/// intake transaction that wrote it); 2xx time is when the receiver read the request
/// (`Date()` in this process). Both are the host's wall clock (`CLOCK_REALTIME`): the cluster
/// runs on this machine, so no offset between the two clocks enters the figures.
/// Throughput is `count` over first enqueue → last receipt.
struct DeliveryBenchmark {
    var count = 10_000
    var rate = 1_000
    var batch = 100
    /// The worker's settings: by default the gateway's (`delivery.poll_interval_ms` 1,000 and
    /// the worker's batch of 32), what a CERT runs.
    var pollMilliseconds = 1_000
    var workerBatch = 32

    func run() async throws {
        let receiver = BenchReceiver()
        try await receiver.serve { url in
            let webhook = Agreement.Webhook(url: url, secret: Secret(bytes: Array(repeating: 9, count: 32)))
            try await BenchGateway.withStore { _, store, migrator in
                let httpClient = WebhookSender.makeHTTPClient()
                let worker = { @Sendable (registry: AgreementRegistry) -> [any Service] in
                    [DeliveryWorker(
                        store: store,
                        sender: WebhookSender(
                            httpClient: httpClient, destinations: DestinationRule(allowed: [IPNetwork("127.0.0.0/8")!])),
                        agreements: registry, schedule: RetrySchedule(), pollInterval: .milliseconds(pollMilliseconds),
                        batchSize: workerBatch, logger: BenchGateway.logger)]
                }
                try await BenchServer.run(store: store, migrator: migrator, webhook: webhook, extra: worker) { server in
                    try await measure(server, receiver: receiver)
                }
                try await httpClient.shutdown()
            }
        }
    }

    private func measure(_ server: BenchServer, receiver: BenchReceiver) async throws {
        let start = ContinuousClock.now
        let interval = Double(batch) / Double(rate)
        var sent = 0
        while sent < count {
            let due = start + .milliseconds(Int(Double(sent / batch) * interval * 1000))
            if due > .now { try await Task.sleep(until: due) }
            let size = min(batch, count - sent)
            try await server.submitEvents(from: sent, count: size)
            sent += size
        }
        let intakeSeconds = (ContinuousClock.now - start) / .seconds(1)
        let deadline = ContinuousClock.now + .seconds(120)
        while receiver.received < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        let received = receiver.arrivals()
        var enqueued: [UUID: Double] = [:]
        let rows = try await server.store.client.query(
            "SELECT id, EXTRACT(EPOCH FROM created_at)::float8 FROM deliveries", logger: server.logger)
        for try await (id, at) in rows.decode((UUID, Double).self) { enqueued[id] = at }
        var latencies: [Double] = []
        for (message, at) in received {
            guard let id = UUID(uuidString: String(message.dropFirst(4))), let queued = enqueued[id] else { continue }
            latencies.append(at - queued)
        }
        guard let first = enqueued.values.min(), let last = received.map(\.1).max(), !latencies.isEmpty else {
            print("deliveries: nothing was delivered (\(enqueued.count) enqueued); \(BenchFigures.load())")
            return
        }
        print(String(format: "intake: %d events offered at %d/s in requests of %d took %.2f s", count, rate, batch, intakeSeconds))
        print(String(
            format: "deliveries (worker batch %d, poll %d ms): %d of %d enqueued delivered in %.2f s = %.0f deliveries/s; "
                + "enqueue→2xx p50 %.0f ms, p99 %.0f ms, max %.0f ms; ",
            workerBatch, pollMilliseconds, latencies.count, enqueued.count, last - first, Double(latencies.count) / (last - first),
            BenchFigures.percentile(latencies, 0.5) * 1000, BenchFigures.percentile(latencies, 0.99) * 1000,
            (latencies.max() ?? 0) * 1000) + BenchFigures.load())
    }
}

/// A webhook receiver on an ephemeral loopback port that answers `204` and notes each
/// request's `webhook-id` and arrival time (wall clock, seconds since 1970).
final class BenchReceiver: Sendable {
    private let state = Mutex<[(String, Double)]>([])

    var received: Int { state.withLock { $0.count } }
    func arrivals() -> [(String, Double)] { state.withLock { $0 } }

    /// Serves while `body` runs; `body` gets the webhook URL.
    func serve(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("webhook") { request, _ -> Response in
            let at = Date().timeIntervalSince1970
            _ = try await request.body.collect(upTo: 16 << 20)
            let id = request.headers.first { $0.name.canonicalName == "webhook-id" }?.value ?? ""
            self.state.withLock { $0.append((id, at)) }
            return Response(status: .noContent)
        }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { portSink.yield($0.localAddress?.port ?? 0) }, logger: BenchGateway.logger)
        let service = ServiceGroup(configuration: .init(services: [app], logger: BenchGateway.logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            do {
                try await body("http://127.0.0.1:\(port)/webhook")
            } catch {
                await service.triggerGracefulShutdown()
                throw error
            }
            await service.triggerGracefulShutdown()
        }
    }
}
