import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct IntakeToDeliveryTests {
    func push(_ app: some ApplicationProtocol, key: String, body: String, contentType: String = "application/x-ndjson") async throws -> (HTTPResponse.Status, [String: Any]) {
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/intake/events", method: .post,
                headers: [.authorization: "Bearer \(key)", .contentType: contentType], body: ByteBuffer(string: body))
            let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
            return (response.status, json)
        }
    }

    @Test(
        "A pushed event reaches the webhook signed, with only the agreed fields, personal data rendered as agreed, and no plaintext outside the vault or in any log line, in either log format",
        arguments: LogFormat.allCases)
    func endToEnd(format: LogFormat) async throws {
        try await TestDatabase.withSchema { (handle) async throws in
            let logs = CapturedLogs(format: format)
            var captured = handle
            captured.store = PostgresIncidentStore(client: handle.client, vault: handle.store.vault, signer: handle.store.signer, logger: logs.logger("store"))
            let db = captured
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                let app = Application(
                    router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])),
                    logger: logs.logger("http"))
                let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
                let (status, receipt) = try await push(app, key: key, body: GatewayFixture.event())
                #expect(status == .created)
                let incidentIDs = try #require(receipt["incident_ids"] as? [String])
                #expect(incidentIDs.count == 1)
                #expect((receipt["body_sha256"] as? String)?.count == 64)

                let incident = try #require(UUID(uuidString: incidentIDs[0]))
                try await GatewayFixture.withWorker(db, agreements: [agreement], logger: logs.logger("worker")) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await db.store.deliveries(incidentID: incident).first?.status) == "delivered"
                    })
                }
                #expect(receiver.deliveries.count == 1)
                let lines = logs.all
                #expect(lines.contains { $0.contains("intake committed") } && lines.contains { $0.contains("delivered") })
                for line in lines {
                    #expect(!line.contains("petrovic") && !line.contains("123 4567") && !line.contains("+381641234567") && !line.contains("whsec_"), "log line leaks: \(line)")
                }
                if format == .json { try Self.expectJSONLines(lines) }
                let delivery = try #require(receiver.deliveries.first)
                let id = try #require(delivery.headers["webhook-id"])
                let timestamp = try #require(delivery.headers["webhook-timestamp"].flatMap(Int.init))
                #expect(WebhookSignature.verify(
                    header: delivery.headers["webhook-signature"] ?? "", id: id, timestamp: timestamp, body: delivery.body,
                    secret: GatewayFixture.webhookSecret, now: Date()))
                #expect(!WebhookSignature.verify(
                    header: delivery.headers["webhook-signature"] ?? "", id: id, timestamp: timestamp, body: delivery.body + Data(" ".utf8),
                    secret: GatewayFixture.webhookSecret, now: Date()))

                let payload = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
                #expect(payload["type"] as? String == "incident.shared")
                let data = try #require(payload["data"] as? [String: Any])
                #expect(Set(data.keys) == ["id", "agreement", "tlp", "classification", "title", "description", "observables", "offences"])
                #expect(data["offences"] as? [String] == ["art-7-computer-related-forgery", "art-8-computer-related-fraud"])
                let observables = try #require(data["observables"] as? [[String: String]])
                #expect(observables.map { $0["kind"] } == ["url", "email", "ipv4"])
                #expect(observables[1]["value"]?.hasPrefix("pseudonym:email:") == true)
                let description = try #require(data["description"] as? String)
                #expect(description.contains(observables[1]["value"]!))
                #expect(description.contains("***567"))

                let body = String(decoding: delivery.body, as: UTF8.self)
                #expect(!body.contains("petrovic") && !body.contains("123 4567"))
                for value in try await TestDatabase.allTextOutsideVault(db) {
                    #expect(!value.contains("petrovic"), "plaintext e-mail outside the vault")
                    #expect(!value.contains("123 4567") && !value.contains("641234567"), "plaintext phone outside the vault")
                }
                let states = try await db.store.deliveries(incidentID: incident)
                #expect(states.map(\.status) == ["delivered"])
            }
        }
    }

    /// Every line is one JSON object with time, level and message; the request's line names
    /// its route pattern, status, duration, request id and the caller's organisation.
    static func expectJSONLines(_ lines: [String]) throws {
        var objects: [[String: String]] = []
        for line in lines {
            #expect(line.hasSuffix("\n") && line.dropLast().allSatisfy { $0 != "\n" }, "not one line: \(line)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "not a JSON object of strings: \(line)")
            #expect(object["time"].map { (try? /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/.wholeMatch(in: $0)) != nil } == true)
            #expect(object["level"] != nil && object["message"] != nil)
            objects.append(object)
        }
        let request = try #require(objects.first { $0["message"] == "request" && $0["route"] == "/v1/intake/events" })
        #expect(request["status"] == "201" && request["method"] == "POST" && request["organisation"] == "cert")
        #expect(request["request_id"]?.isEmpty == false)
        #expect(Double(request["duration_seconds"] ?? "") != nil)
    }

    @Test("A receiver answering 500 then 200 gets the delivery once more, with the same webhook-id")
    func retriesAfterServerError() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver(script: [500])
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
                let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
                let (_, receipt) = try await push(app, key: key, body: GatewayFixture.event())
                let incident = try #require(UUID(uuidString: (receipt["incident_ids"] as? [String])?.first ?? ""))
                try await GatewayFixture.withWorker(db, agreements: [agreement]) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await db.store.deliveries(incidentID: incident).first?.status) == "delivered"
                    })
                }
                let deliveries = receiver.deliveries
                #expect(deliveries.count == 2)
                #expect(Set(deliveries.map { $0.headers["webhook-id"] }).count == 1)
                let state = try #require(try await db.store.deliveries(incidentID: incident).first)
                #expect(state.attempts == 2 && state.lastStatus == 204)
            }
        }
    }

    @Test("A receiver that stays down past the attempt limit leaves the delivery dead")
    func deadAfterLimit() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: "http://127.0.0.1:1/webhook")
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let (_, receipt) = try await push(app, key: key, body: GatewayFixture.event())
            let incident = try #require(UUID(uuidString: (receipt["incident_ids"] as? [String])?.first ?? ""))
            try await GatewayFixture.withWorker(db, agreements: [agreement], maxAttempts: 3) {
                #expect(await WebhookReceiver.eventually(timeout: .seconds(30)) {
                    (try? await db.store.deliveries(incidentID: incident).first?.status) == "dead"
                })
            }
            let state = try #require(try await db.store.deliveries(incidentID: incident).first)
            #expect(state.attempts == 3)
        }
    }
}
