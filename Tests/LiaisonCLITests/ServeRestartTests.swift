import AsyncHTTPClient
import Foundation
import LiaisonTestSupport
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(5))) struct ServeRestartTests {
    @Test("A delivery pending when the gateway stops is delivered after it starts again")
    func survivesRestart() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver(fallback: 503)
            try await receiver.serve { url in
                let setup = try ServeSetup(db, webhook: url)
                let port = BuiltBinary.freePort()
                let environment = setup.environment(listening: port)
                let key = try await setup.key("cert", "producer", nil)

                let first = try BuiltBinary.start(["serve"], environment: environment)
                #expect(await ready(port))
                let status = try await push(port: port, key: key)
                #expect(status == 201)
                #expect(await WebhookReceiver.eventually { receiver.deliveries.count >= 1 })
                first.interrupt()
                #expect(try await first.waitForExit() == 0, "\(BuiltBinary.read(first.stderr))")
                let stopped = receiver.deliveries.count
                #expect(try await TestDatabase.rowCounts(db)["deliveries"] == 1)

                receiver.setFallback(200)
                let second = try BuiltBinary.start(["serve"], environment: environment)
                let delivered = await WebhookReceiver.eventually(timeout: .seconds(20)) {
                    (try? await db.client.query("SELECT status FROM deliveries", logger: TestDatabase.logger)
                        .collect().first?.decode(String.self)) == "delivered"
                }
                second.terminate()
                try await second.waitForExit()
                #expect(delivered)
                #expect(receiver.deliveries.count > stopped)
            }
        }
    }

    func ready(_ port: Int) async -> Bool {
        await WebhookReceiver.eventually(timeout: .seconds(20)) {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/readyz")
            request.method = .GET
            return (try? await HTTPClient.shared.execute(request, timeout: .seconds(2)).status.code) == 200
        }
    }

    func push(port: Int, key: String) async throws -> UInt {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/intake/events")
        request.method = .POST
        request.headers.add(name: "authorization", value: "Bearer \(key)")
        request.headers.add(name: "content-type", value: "application/x-ndjson")
        request.body = .bytes(ByteBuffer(string: GatewayFixture.event()))
        return try await HTTPClient.shared.execute(request, timeout: .seconds(10)).status.code
    }
}

extension [UInt8] {
    var base64: String { Data(self).base64EncodedString() }
}
