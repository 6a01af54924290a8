import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct IntakeRulesTests {
    func request(
        _ app: some ApplicationProtocol, _ method: HTTPRequest.Method, _ uri: String, key: String?, body: String = "",
        contentType: String = "application/x-ndjson", headers: HTTPFields = [:]
    ) async throws -> RouterAnswer {
        try await routerRequest(app, method, uri, key: key, body: body, contentType: contentType, headers: headers)
    }

    @Test("An invalid event anywhere in a batch is a 422 naming it, and nothing is written")
    func invalidBatchWritesNothing() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: "http://127.0.0.1:1/webhook")
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let bad = #"{"classification": {"taxonomy": "fraud", "type": "nope"}, "title": "x", "description": "mail jovana.petrovic@example.rs"}"#
            let body = [GatewayFixture.event(), bad, GatewayFixture.event()].joined(separator: "\n")
            let answer = try await request(app, .post, "/v1/intake/events", key: key, body: body)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.json["type"] as? String == "urn:liaison:problem:invalid-events")
            let errors = try #require(answer.json["errors"] as? [[String: String]])
            #expect(errors.map { $0["pointer"] } == ["/1/classification/type"])
            #expect(!String(describing: answer.json).contains("petrovic"))
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("Bad requests get precise problems and write nothing", arguments: [
        ("text/plain", "{}", 415, "unsupported-media-type"),
        ("application/json", "[", 422, "invalid-json"),
        ("application/x-ndjson", "   ", 422, "empty-body"),
        ("application/json", String(repeating: " ", count: 5000), 413, "body-too-large"),
    ])
    func badRequests(contentType: String, body: String, status: Int, slug: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [], maxBodyBytes: 4096)))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let answer = try await request(app, .post, "/v1/intake/events", key: key, body: body, contentType: contentType)
            #expect(answer.status.code == status)
            #expect(answer.json["type"] as? String == "urn:liaison:problem:\(slug)")
            #expect(answer.json["status"] as? Int == status)
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("A retried push with the same Idempotency-Key returns the first receipt and stores nothing new")
    func idempotencyKey() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let headers: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "batch-2026-11-29-001"]
            let first = try await request(app, .post, "/v1/intake/events", key: key, body: GatewayFixture.event(), headers: headers)
            let counts = try await TestDatabase.rowCounts(db)
            let second = try await request(app, .post, "/v1/intake/events", key: key, body: GatewayFixture.event(), headers: headers)
            #expect(first.status == .created && second.status == .created)
            #expect(first.json["receipt_id"] as? String == second.json["receipt_id"] as? String)
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("The same event sent again without a key writes nothing and answers 200 with the first receipt")
    func naturalKeyDuplicate() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let event = GatewayFixture.event(id: "same-event")
            let first = try await request(app, .post, "/v1/intake/events", key: key, body: event)
            let counts = try await TestDatabase.rowCounts(db)
            let second = try await request(app, .post, "/v1/intake/events", key: key, body: event)
            #expect(first.status == .created && second.status == .ok)
            #expect(second.json["receipt_id"] as? String == first.json["receipt_id"] as? String)
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("A push mixing new and held events gets a new receipt whose duplicates name the receipt that holds them")
    func mixedPush() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let (a, b) = (GatewayFixture.event(id: "event-a"), GatewayFixture.event(id: "event-b"))
            let first = try await request(app, .post, "/v1/intake/events", key: key, body: a)
            let mixed = try await request(app, .post, "/v1/intake/events", key: key, body: a + "\n" + b + "\n")
            #expect(mixed.status == .created)
            #expect(mixed.json["receipt_id"] as? String != first.json["receipt_id"] as? String)
            let outcomes = try #require(mixed.json["outcomes"] as? [[String: Any]])
            #expect(outcomes.map { $0["status"] as? String } == ["duplicate", "accepted"])
            #expect(outcomes[0]["receipt_id"] as? String == first.json["receipt_id"] as? String)
            #expect(outcomes[1]["receipt_id"] == nil)

            // Both held now, by two receipts: nothing written, each object named with its receipt.
            let counts = try await TestDatabase.rowCounts(db)
            let both = try await request(app, .post, "/v1/intake/events", key: key, body: b + "\n" + a + "\n")
            #expect(both.status == .ok)
            #expect(both.json["status"] as? String == "duplicate")
            let held = try #require(both.json["outcomes"] as? [[String: Any]])
            #expect(held.map { $0["receipt_id"] as? String } == [mixed.json["receipt_id"] as? String, first.json["receipt_id"] as? String])
            #expect(held.allSatisfy { $0["status"] as? String == "duplicate" })
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }
}
