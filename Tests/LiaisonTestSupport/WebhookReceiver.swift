import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import LiaisonCore
import NIOSSL
import Synchronization

/// A real HTTP receiver on an ephemeral loopback port that records every webhook it
/// gets and answers with the statuses it is told to, in order (then `fallback`). With `tls` it
/// speaks HTTPS only (and asks for a client certificate if that configuration does).
public final class WebhookReceiver: Sendable {
    public struct Delivery: Sendable {
        public var headers: [String: String]
        public var body: Data
    }

    private let state = Mutex<(deliveries: [Delivery], script: [Int], fallback: Int)>(([], [], 204))
    /// How long each answer waits after the webhook was recorded, like a slow consumer.
    private let delay: Duration
    /// The `Retry-After` (seconds) sent with every answer that is not a 2xx, if any.
    private let retryAfter: Int?
    private let tls: TLSConfiguration?

    public init(
        script: [Int] = [], fallback: Int = 204, delay: Duration = .zero, retryAfter: Int? = nil, tls: TLSConfiguration? = nil
    ) {
        self.delay = delay
        self.retryAfter = retryAfter
        self.tls = tls
        state.withLock { $0 = ([], script, fallback) }
    }

    public var deliveries: [Delivery] { state.withLock { $0.deliveries } }

    public func setFallback(_ status: Int) { state.withLock { $0.fallback = status } }

    private func record(_ delivery: Delivery) -> Int {
        state.withLock { state in
            state.deliveries.append(delivery)
            return state.script.isEmpty ? state.fallback : state.script.removeFirst()
        }
    }

    /// Serves while `body` runs; `body` gets the webhook URL.
    public func serve<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("webhook") { request, context -> Response in
            let buffer = try await request.body.collect(upTo: 16 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let status = self.record(Delivery(headers: headers, body: Data(buffer.readableBytesView)))
            if self.delay > .zero { try await Task.sleep(for: self.delay) }
            var fields = HTTPFields()
            if let retryAfter = self.retryAfter, !(200..<300).contains(status) { fields[.retryAfter] = String(retryAfter) }
            return Response(status: .init(code: status), headers: fields)
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, server: try tls.map { try HTTPServerBuilder.tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: TestDatabase.logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                // If the server cannot start, end the port stream so the wait below ends too.
                defer { continuation.finish() }
                try await app.runService(gracefulShutdownSignals: [])
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw CancellationError()
            }
            let result = try await body("\(tls == nil ? "http" : "https")://127.0.0.1:\(port)/webhook")
            group.cancelAll()
            return result
        }
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes.
    public static func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }
}

extension DestinationRule {
    /// The tests' receivers listen on loopback, which a real gateway refuses unless allowed.
    public static let loopbackAllowed = DestinationRule(allowed: [IPNetwork("127.0.0.0/8")!, IPNetwork("::1")!])
}
