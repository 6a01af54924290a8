import Hummingbird
import Logging
import NIOSSL
import LiaisonServer
import LiaisonTestSupport
import Testing

/// The gateway's HTTP application as `liaison serve` builds it, on a free loopback port, for
/// tests that need a real socket.
enum LiveGateway {
    static func run(
        _ dependencies: GatewayDependencies, timeouts: ConnectionTimeouts = .init(), tls: TLSConfiguration? = nil,
        logger: Logger = TestDatabase.logger,
        _ body: @escaping @Sendable (_ port: Int) async throws -> Void
    ) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(dependencies, host: "127.0.0.1", port: 0, timeouts: timeouts, tls: tls, logger: logger) {
            continuation.yield($0)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await app.runService(gracefulShutdownSignals: [])
            }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port)
            group.cancelAll()
        }
    }
}
