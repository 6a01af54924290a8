import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct FeedTests {
    func get(_ app: some ApplicationProtocol, _ uri: String, key: String) async throws -> (Int, [String: Any]) {
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: uri, method: .get, headers: [.authorization: "Bearer \(key)", .liaisonPurpose: "case=TEST-2026-1"])
            return (Int(response.status.code), (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    @Test("Paging by cursor returns each projection exactly once, in order, and only to its consumer")
    func paging() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil)
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let stranger = try await db.store.createAPIKey(organisation: "other-police", role: .consumer, person: "Test Person").key
            var pushed: [String] = []
            for round in 0..<3 {
                let body = (0..<(round + 2)).map { _ in GatewayFixture.event() }.joined(separator: "\n")
                let ids: [String] = try await app.test(.router) { client in
                    let response = try await client.execute(
                        uri: "/v1/intake/events", method: .post,
                        headers: [.authorization: "Bearer \(producer)", .contentType: "application/x-ndjson"],
                        body: ByteBuffer(string: body))
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    return json?["incident_ids"] as? [String] ?? []
                }
                pushed += ids
            }
            #expect(pushed.count == 9)
            var seen: [String] = []
            var cursor = ""
            for _ in 0..<10 {
                let (status, page) = try await get(app, "/v1/feed?limit=4&cursor=\(cursor)", key: consumer)
                #expect(status == 200)
                let items = page["items"] as? [[String: Any]] ?? []
                seen += items.compactMap { $0["id"] as? String }
                cursor = page["next_cursor"] as? String ?? ""
                if items.isEmpty { break }
                #expect(items.allSatisfy { ($0["observables"] as? [[String: String]])?.contains { $0["value"]?.contains("petrovic") == true } == false })
            }
            #expect(seen == pushed)
            let (_, strangers) = try await get(app, "/v1/feed", key: stranger)
            #expect((strangers["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("Refuses a cursor or limit it did not issue", arguments: ["cursor=abc", "cursor=-1", "cursor=3", "limit=0", "limit=1001", "limit=ten"])
    func badQuery(query: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let (status, problem) = try await get(app, "/v1/feed?\(query)", key: consumer)
            #expect(status == 400)
            #expect((problem["errors"] as? [[String: String]])?.isEmpty == false)
        }
    }

    @Test("Cursors are opaque and per consumer: no sequence number shows, and one consumer's cursor is refused to another")
    func opaqueCursors() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let toPolice = GatewayFixture.agreement(webhookURL: nil)
            let toProsecutor = GatewayFixture.agreement(id: "cert-to-prosecutor", consumer: "prosecutor", webhookURL: nil)
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [toPolice, toProsecutor])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let police = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let prosecutor = try await db.store.createAPIKey(organisation: "prosecutor", role: .consumer, person: "Test Person").key
            for _ in 0..<3 {
                _ = try await routerRequest(app, .post, "/v1/intake/events", key: producer, body: GatewayFixture.event(), contentType: "application/x-ndjson")
            }
            let (_, first) = try await get(app, "/v1/feed?limit=2", key: police)
            let cursor = try #require(first["next_cursor"] as? String)
            #expect(Int64(cursor) == nil, "the cursor is a sequence number")
            #expect(cursor.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }, "the cursor is not URL-safe")
            let (status, rest) = try await get(app, "/v1/feed?cursor=\(cursor)", key: police)
            #expect(status == 200 && (rest["items"] as? [Any])?.count == 1)
            let (refused, problem) = try await get(app, "/v1/feed?cursor=\(cursor)", key: prosecutor)
            #expect(refused == 400 && problem["type"] as? String == "urn:liaison:problem:invalid-cursor")
            let (_, theirs) = try await get(app, "/v1/feed?limit=2", key: prosecutor)
            #expect(theirs["next_cursor"] as? String != cursor)
        }
    }
}
