import AsyncHTTPClient
import Foundation
import LiaisonTestSupport
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(3))) struct ServeRestartTests {
    @Test("A delivery pending when the gateway stops is delivered after it starts again")
    func survivesRestart() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver(fallback: 503)
            try await receiver.serve { url in
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-serve-\(UUID().uuidString)")
                let agreements = directory.appendingPathComponent("agreements")
                try FileManager.default.createDirectory(at: agreements, withIntermediateDirectories: true)
                try """
                    id: cert-to-police
                    producer: cert
                    consumer: police
                    match: {taxonomies: [fraud], max_tlp: TLP:AMBER}
                    share: {fields: [classification, title]}
                    webhook: {url: "\(url)", secret: "whsec_\(Data(repeating: 5, count: 32).base64EncodedString())"}
                    """.write(to: agreements.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
                let port = BuiltBinary.freePort()
                let environment = db.gatewayEnvironment.merging([
                    "LIAISON_LISTEN": "127.0.0.1:\(port)", "LIAISON_AGREEMENTS_DIR": agreements.path,
                    "LIAISON_DATA_DIR": directory.path, "LIAISON_CONFIG": try writeConfig(in: directory),
                ]) { $1 }
                let key = try await BuiltBinary.run(["keys", "create", "--org", "cert", "--role", "producer"], environment: environment)
                    .stdout.trimmingCharacters(in: .whitespacesAndNewlines)

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

    func writeConfig(in directory: URL) throws -> String {
        let file = directory.appendingPathComponent("liaison.yaml")
        try "delivery:\n  allowed_networks: [127.0.0.0/8]\n  base_delay_ms: 100\n  max_delay_ms: 200\n  poll_interval_ms: 50\ngovernance:\n  auto_approve_files: true\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
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
