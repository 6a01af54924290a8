import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// Replaying all of a consumer's dead letters through the admin API, against a real loopback
/// receiver: bounded batches, `since`, the same `webhook-id`, and refusals for bad requests.
@Suite(.timeLimit(.minutes(5))) struct DeadLetterReplayTests {
    static let replay = "/v1/admin/deliveries/replay"

    @Test("A consumer's dead deliveries since a time are replayed in bounded batches, each sent again with its own webhook-id")
    func bulkReplay() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver(fallback: 503)
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
                let keys = try await AdminAgreementsAPITests.keys(db.store)
                #expect(try await postEvents(app, key: keys.producer, body: WebhookEndpointHealthTests.events(3)).status == .created)
                try await GatewayFixture.withWorker(db, agreements: [agreement], maxAttempts: 1) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await WebhookEndpointHealthTests.states(db).allSatisfy { $0.status == "dead" }) == true
                    })
                }
                let dead = try await WebhookEndpointHealthTests.states(db)
                #expect(dead.count == 3 && receiver.deliveries.count == 3)
                // The oldest died long before the outage being replayed.
                try await db.client.query(
                    "UPDATE \(unescaped: db.schema).deliveries SET dead_at = '2020-01-01T00:00:00Z' WHERE id = \(dead[2].id)",
                    logger: TestDatabase.logger)

                let since = #"{"consumer": "police", "since": "2025-01-01T00:00:00Z""#
                let first = try await routerRequest(app, .post, Self.replay, key: keys.ana, body: since + #", "limit": 1}"#, contentType: "application/json")
                #expect(first.status == .ok, "\(first.text)")
                #expect((first.json["replayed"] as? [String])?.map { $0.lowercased() } == [dead[1].id.uuidString.lowercased()])
                #expect(first.json["remaining"] as? Int == 1)
                let outsider = try await routerRequest(app, .post, Self.replay, key: keys.outsider, body: since + "}", contentType: "application/json")
                #expect(outsider.status == .ok && (outsider.json["replayed"] as? [Any])?.isEmpty == true && outsider.json["remaining"] as? Int == 0)
                let second = try await routerRequest(app, .post, Self.replay, key: keys.policeAdmin, body: since + "}", contentType: "application/json")
                #expect((second.json["replayed"] as? [String])?.count == 1 && second.json["remaining"] as? Int == 0, "\(second.text)")

                let states = try await WebhookEndpointHealthTests.states(db)
                #expect(states.map(\.status) == ["pending", "pending", "dead"])
                #expect(states[0].attempts == 0 && states[0].lastError == nil)
                let audit = try await routerRequest(app, .get, "/v1/admin/audit?subject=delivery:", key: keys.auditor)
                #expect((audit.json["entries"] as? [[String: Any]])?.filter { $0["action"] as? String == "replay-delivery" }.count == 1)

                receiver.setFallback(204)
                try await GatewayFixture.withWorker(db, agreements: [agreement]) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await WebhookEndpointHealthTests.states(db).map(\.status)) == ["delivered", "delivered", "dead"]
                    })
                }
                let sent = receiver.deliveries.compactMap { $0.headers["webhook-id"] }
                #expect(sent.count == 5)
                for delivery in states.prefix(2) {
                    #expect(sent.filter { $0 == "msg_\(delivery.id.uuidString.lowercased())" }.count == 2, "replayed with another webhook-id")
                }
            }
        }
    }

    @Test("A bad bulk replay request is refused as problem+json naming the member", arguments: [
        (#"{}"#, "/consumer"),
        (#"{"consumer": ""}"#, "/consumer"),
        (#"{"consumer": 7}"#, "/consumer"),
        (#"{"consumer": "police", "since": "yesterday"}"#, "/since"),
        (#"{"consumer": "police", "limit": 0}"#, "/limit"),
        (#"{"consumer": "police", "limit": 1001}"#, "/limit"),
        (#"{"consumer": "police", "limit": 2.5}"#, "/limit"),
        (#"{"consumer": "police", "status": "dead"}"#, "/status"),
    ])
    func badRequests(body: String, pointer: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let keys = try await AdminAgreementsAPITests.keys(db.store)
            let answer = try await routerRequest(app, .post, Self.replay, key: keys.ana, body: body, contentType: "application/json")
            #expect(AdminAgreementsAPITests.isProblem(answer, 422, "invalid-request"), "\(answer.text)")
            #expect((answer.json["errors"] as? [[String: Any]])?.first?["pointer"] as? String == pointer, "\(answer.text)")
            #expect(AdminAgreementsAPITests.isProblem(
                try await routerRequest(app, .post, Self.replay, key: keys.auditor, body: #"{"consumer": "police"}"#, contentType: "application/json"),
                403, "forbidden"))
        }
    }
}
