import AsyncHTTPClient
import Foundation
import LiaisonTestSupport
import NIOCore
import NIOHTTP1
import Testing

/// Two gateway processes on one database, as two replicas behind a load balancer: an
/// approval, a suspension and a termination taken on one take effect on the other within
/// five seconds, without a restart.
@Suite(.timeLimit(.minutes(5))) struct ReplicaActivationTests {
    struct Answer {
        var status: UInt
        var json: [String: Any]
    }

    static func call(_ port: Int, _ method: HTTPMethod, _ path: String, key: String, body: String? = nil, ifMatch: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "authorization", value: "Bearer \(key)")
        if let ifMatch { request.headers.add(name: "if-match", value: ifMatch) }
        if let body {
            request.headers.add(name: "content-type", value: body.hasPrefix("{\"id\"") && path.hasPrefix("/v1/intake") ? "application/x-ndjson" : "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: bytes))) as? [String: Any] ?? [:]
        return Answer(status: response.status.code, json: json)
    }

    /// Seconds until `port` reports the agreement's status as `status`, or nil after 10 s.
    static func secondsUntil(_ status: String, on port: Int, key: String) async -> Double? {
        let start = ContinuousClock.now
        let seen = await WebhookReceiver.eventually(timeout: .seconds(10)) {
            (try? await call(port, .GET, "/v1/admin/agreements/cert-to-police", key: key).json["status"] as? String) == status
        }
        guard seen else { return nil }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test("Approval, suspension and termination on one replica reach the other within five seconds")
    func twoReplicas() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-replicas-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let config = directory.appendingPathComponent("liaison.yaml")
            try "governance:\n  refresh_seconds: 2\n".write(to: config, atomically: true, encoding: .utf8)
            let (portA, portB) = (BuiltBinary.freePort(), BuiltBinary.freePort())
            let base = db.gatewayEnvironment.merging(["LIAISON_DATA_DIR": directory.path, "LIAISON_CONFIG": config.path]) { $1 }
            func key(_ org: String, _ role: String, _ person: String?) async throws -> String {
                try await BuiltBinary.run(["keys", "create", "--org", org, "--role", role] + (person.map { ["--person", $0] } ?? []), environment: base)
                    .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let ana = try await key("cert", "admin", "Ana Admin")
            let bojan = try await key("cert", "admin", "Bojan Admin")
            let producer = try await key("cert", "producer", nil)

            let a = try BuiltBinary.start(["serve"], environment: base.merging(["LIAISON_LISTEN": "127.0.0.1:\(portA)"]) { $1 })
            let b = try BuiltBinary.start(["serve"], environment: base.merging(["LIAISON_LISTEN": "127.0.0.1:\(portB)"]) { $1 })
            defer {
                a.terminate()
                b.terminate()
            }
            #expect(await ServeRestartTests().ready(portA))
            #expect(await ServeRestartTests().ready(portB))

            let document = """
                {"id": "cert-to-police", "producer": "cert", "consumer": "police", "match": {"taxonomies": ["fraud"], "max_tlp": "TLP:AMBER"},
                 "share": {"fields": ["classification", "title"]}}
                """
            #expect(try await Self.call(portA, .POST, "/v1/admin/agreements", key: ana, body: document).status == 201)
            #expect(try await Self.call(portA, .POST, "/v1/admin/agreements/cert-to-police/versions/1/propose", key: ana, ifMatch: "*").status == 200)
            #expect(try await Self.call(portA, .POST, "/v1/admin/agreements/cert-to-police/versions/1/approve", key: bojan, ifMatch: "*").status == 200)
            let activated = await Self.secondsUntil("active", on: portB, key: ana)
            #expect(activated.map { $0 < 5 } == true, "replica B saw the approval after \(String(describing: activated)) s")

            // Replica B now shares under it: a push there is disclosed to the consumer.
            #expect(try await Self.call(portB, .POST, "/v1/intake/events", key: producer, body: GatewayFixture.event()).status == 201)
            #expect(try await TestDatabase.rowCounts(db)["deliveries"] == 1)

            let suspend = "/v1/admin/agreements/cert-to-police/versions/1/suspend"
            #expect(try await Self.call(portB, .POST, suspend, key: bojan, body: #"{"reason": "audit"}"#, ifMatch: "*").status == 200)
            let suspended = await Self.secondsUntil("suspended", on: portA, key: ana)
            #expect(suspended.map { $0 < 5 } == true, "replica A saw the suspension after \(String(describing: suspended)) s")

            let terminate = "/v1/admin/agreements/cert-to-police/versions/1/terminate"
            #expect(try await Self.call(portA, .POST, terminate, key: ana, body: #"{"reason": "MoU ended"}"#, ifMatch: "*").status == 200)
            let terminated = await Self.secondsUntil("terminated", on: portB, key: bojan)
            #expect(terminated.map { $0 < 5 } == true, "replica B saw the termination after \(String(describing: terminated)) s")
        }
    }
}
