import AsyncHTTPClient
import Foundation
import LiaisonTestSupport
import NIOCore
import Testing

/// `liaison serve` with `metrics.listen`: the counts per consumer are sensitive, so they are
/// served only on the second address (bound to loopback or an internal network), never on
/// the API's.
@Suite(.timeLimit(.minutes(5))) struct MetricsListenerTests {
    @Test("With LIAISON_METRICS_LISTEN serve answers /metrics only there, and counts an intake made on the API port")
    func separateListener() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let setup = try ServeSetup(db, webhook: nil)
            let port = BuiltBinary.freePort(), metricsPort = BuiltBinary.freePort()
            let environment = setup.environment(listening: port).merging(["LIAISON_METRICS_LISTEN": "127.0.0.1:\(metricsPort)"]) { $1 }
            let gateway = try BuiltBinary.start(["serve"], environment: environment)
            defer { gateway.terminate() }
            #expect(await ServeRestartTests().ready(port), "\(BuiltBinary.read(gateway.stderr))")
            let producer = try await setup.key("cert", "producer", nil)
            let pushed = try await ServeSetup.call(port, .POST, "/v1/intake/events", key: producer, body: GatewayFixture.event())
            #expect(pushed.status == 201)

            let onAPI = try await Self.get("http://127.0.0.1:\(port)/metrics")
            #expect(onAPI.status == 404, "the API port has no /metrics")
            let scraped = try await Self.get("http://127.0.0.1:\(metricsPort)/metrics")
            #expect(scraped.status == 200)
            #expect(scraped.contentType.hasPrefix("text/plain"))
            #expect(scraped.body.contains(#"liaison_intake_requests_total{transport="http-events""#), "\(scraped.body.prefix(2000))")
            let other = try await Self.get("http://127.0.0.1:\(metricsPort)/v1/feed")
            #expect(other.status == 404, "the metrics listener serves nothing else")
            gateway.terminate()
            #expect(try await gateway.waitForExit() == 0, "\(BuiltBinary.read(gateway.stderr))")
        }
    }

    static func get(_ url: String) async throws -> (status: UInt, contentType: String, body: String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 4 << 20)
        return (response.status.code, response.headers.first(name: "content-type") ?? "", String(buffer: body))
    }
}
