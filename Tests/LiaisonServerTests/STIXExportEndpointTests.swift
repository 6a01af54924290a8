import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import LiaisonTestTools
import Testing

/// A disclosure read as STIX 2.1: by the incident API, the feed and the webhook; every
/// bundle passes the OASIS validator in strict mode and holds no plaintext it must not.
@Suite(.timeLimit(.minutes(5))) struct STIXExportEndpointTests {
    struct Answer {
        var status: Int
        var contentType: String?
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    func get(_ app: some ApplicationProtocol, _ uri: String, key: String, accept: String? = nil) async throws -> Answer {
        try await app.test(.router) { client in
            var headers: HTTPFields = [.authorization: "Bearer \(key)", .liaisonPurpose: "case=TEST-2026-1"]
            if let accept { headers[.accept] = accept }
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            return Answer(status: Int(response.status.code), contentType: response.headers[.contentType], body: Data(buffer: response.body))
        }
    }

    func push(_ app: some ApplicationProtocol, key: String, events: [String]) async throws -> [String] {
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/intake/events", method: .post,
                headers: [.authorization: "Bearer \(key)", .contentType: "application/x-ndjson"],
                body: ByteBuffer(string: events.joined(separator: "\n")))
            let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
            return json?["incident_ids"] as? [String] ?? []
        }
    }

    static func leaks(_ body: Data) -> Bool {
        let text = String(decoding: body, as: UTF8.self)
        return text.contains("petrovic") || text.contains("123 4567") || text.contains("+381641234567")
    }

    @Test("GET /v1/incidents/{id}?format=stix answers a valid STIX bundle, the same bytes each time")
    func incidentAsSTIX() async throws {
        try #require(STIXValidator.missing == nil, "\(STIXValidator.missing ?? "")")
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil)
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let stranger = try await db.store.createAPIKey(organisation: "other-police", role: .consumer, person: "Test Person").key
            let id = try #require(try await push(app, key: producer, events: [GatewayFixture.event()]).first)

            let first = try await get(app, "/v1/incidents/\(id)?format=stix", key: consumer)
            #expect(first.status == 200)
            #expect(first.contentType == "application/stix+json;version=2.1")
            #expect(first.json["type"] as? String == "bundle")
            #expect(!Self.leaks(first.body))
            #expect(try STIXValidator.problems(in: [first.body]) == nil)
            let again = try await get(app, "/v1/incidents/\(id)?format=stix", key: consumer)
            #expect(again.body == first.body)
            let objects = first.json["objects"] as? [[String: Any]] ?? []
            let types = Set(objects.compactMap { $0["type"] as? String })
            #expect(types.isSuperset(of: ["identity", "marking-definition", "extension-definition", "incident", "url", "ipv4-addr", "relationship"]))
            // The victim's address is pseudonymised: no email-addr SCO, the pseudonym in the extension.
            #expect(!types.contains("email-addr"))
            #expect(String(decoding: first.body, as: UTF8.self).contains("pseudonym:email:"))

            let json = try await get(app, "/v1/incidents/\(id)", key: consumer)
            #expect(json.status == 200 && json.contentType == "application/json")
            let bad = try await get(app, "/v1/incidents/\(id)?format=xml", key: consumer)
            #expect(bad.status == 400 && bad.contentType == "application/problem+json")
            let hidden = try await get(app, "/v1/incidents/\(id)?format=stix", key: stranger)
            #expect(hidden.status == 404 && hidden.contentType == "application/problem+json")
        }
    }

    @Test("The walkthrough's incident under the demo agreement reads as a valid STIX bundle")
    func walkthroughIncident() async throws {
        try #require(STIXValidator.missing == nil, "\(STIXValidator.missing ?? "")")
        let root = TestPython.root
        let loaded = try AgreementLoader(environment: [:]).load(directory: root.appendingPathComponent("deploy/local/agreements"))
        let agreement = try #require(loaded.first?.agreement)
        let event = try String(contentsOf: root.appendingPathComponent("deploy/local/examples/phishing-event.ndjson"), encoding: .utf8)
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "demo-cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "demo-police", role: .consumer, person: "Petra Analyst").key
            let id = try #require(try await push(app, key: producer, events: [event.trimmingCharacters(in: .whitespacesAndNewlines)]).first)
            let answer = try await get(app, "/v1/incidents/\(id)?format=stix", key: consumer)
            #expect(answer.status == 200)
            #expect(try STIXValidator.problems(in: [answer.body]) == nil)
            #expect(!Self.leaks(answer.body))
            let objects = answer.json["objects"] as? [[String: Any]] ?? []
            let incident = try #require(objects.first { $0["type"] as? String == "incident" })
            #expect(incident["name"] as? String == "Phishing site imitating a bank")
            // demo agreement does not share the producer: only Liaison's identity.
            #expect(objects.filter { $0["type"] as? String == "identity" }.count == 1)
            #expect(objects.contains { $0["type"] as? String == "ipv4-addr" && $0["value"] as? String == "203.0.113.7" })
            #expect(objects.contains { $0["type"] as? String == "sighting" && $0["first_seen"] as? String == "2026-11-28T09:15:00.000Z" })
        }
    }

    @Test("A new incident version is the same STIX incident with a later modified")
    func newVersionNewModified() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil)
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let stix = "application/stix+json;version=2.1"
            let first = try await routerRequest(
                app, .post, "/v1/intake/stix", key: producer, body: STIXFixture.bundle(withBadIndicator: false), contentType: stix)
            #expect(first.status == .created)
            let outcomes = first.json["outcomes"] as? [[String: Any]] ?? []
            let id = try #require(outcomes.compactMap { $0["incident_id"] as? String }.first)
            func incident() async throws -> [String: Any] {
                let answer = try await get(app, "/v1/incidents/\(id)?format=stix", key: consumer)
                #expect(answer.status == 200)
                let objects = answer.json["objects"] as? [[String: Any]] ?? []
                return try #require(objects.first { $0["type"] as? String == "incident" })
            }
            let before = try await incident()
            let newer = STIXFixture.bundle(modified: "2026-11-22T10:00:00.000Z", withBadIndicator: false)
                .replacingOccurrences(of: "https://bank-login.example.net/rs/", with: "https://bank-login.example.net/rs/second/")
            let second = try await routerRequest(app, .post, "/v1/intake/stix", key: producer, body: newer, contentType: stix)
            #expect(second.status == .created)
            let versions = try await db.store.deliveries(incidentID: try #require(UUID(uuidString: id))).map(\.incidentVersion)
            #expect(versions == [1, 2])
            let after = try await incident()
            #expect(after["id"] as? String == before["id"] as? String)
            #expect(after["created"] as? String == before["created"] as? String)
            let modifiedBefore = try #require(before["modified"] as? String), modifiedAfter = try #require(after["modified"] as? String)
            #expect(modifiedAfter > modifiedBefore)
        }
    }

    @Test("The feed with Accept: application/stix+json;version=2.1 gives one valid bundle per disclosure")
    func feedAsSTIX() async throws {
        try #require(STIXValidator.missing == nil, "\(STIXValidator.missing ?? "")")
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil)
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let ids = try await push(app, key: producer, events: (0..<3).map { _ in GatewayFixture.event() })
            #expect(ids.count == 3)

            let page = try await get(app, "/v1/feed", key: consumer, accept: "application/stix+json;version=2.1")
            #expect(page.status == 200)
            let items = page.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 3)
            #expect(items.allSatisfy { $0["type"] as? String == "bundle" })
            let bundles = try items.map { try JSONSerialization.data(withJSONObject: $0) }
            #expect(try STIXValidator.problems(in: bundles) == nil)
            #expect(!Self.leaks(page.body))
            #expect(page.json["next_cursor"] as? String != nil)

            let plain = try await get(app, "/v1/feed", key: consumer, accept: "application/json")
            #expect((plain.json["items"] as? [[String: Any]])?.first?["agreement"] as? String == agreement.id)
            let refused = try await get(app, "/v1/feed", key: consumer, accept: "text/html")
            #expect(refused.status == 406 && refused.contentType == "application/problem+json")
            let otherVersion = try await get(app, "/v1/feed", key: consumer, accept: "application/stix+json;version=2.0")
            #expect(otherVersion.status == 406)
        }
    }

    @Test("An agreement with webhook format stix gets the bundle as the signed webhook body")
    func webhookAsSTIX() async throws {
        try #require(STIXValidator.missing == nil, "\(STIXValidator.missing ?? "")")
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                var agreement = GatewayFixture.agreement(webhookURL: url)
                agreement.webhook?.format = .stix
                let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
                let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
                let incident = try #require(UUID(uuidString: try await push(app, key: key, events: [GatewayFixture.event()]).first ?? ""))
                try await GatewayFixture.withWorker(db, agreements: [agreement]) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await db.store.deliveries(incidentID: incident).first?.status) == "delivered"
                    })
                }
                let delivery = try #require(receiver.deliveries.first)
                #expect(delivery.headers["content-type"] == "application/stix+json;version=2.1")
                let id = try #require(delivery.headers["webhook-id"])
                let timestamp = try #require(delivery.headers["webhook-timestamp"].flatMap(Int.init))
                #expect(WebhookSignature.verify(
                    header: delivery.headers["webhook-signature"] ?? "", id: id, timestamp: timestamp, body: delivery.body,
                    secret: GatewayFixture.webhookSecret, now: Date()))
                let bundle = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
                #expect(bundle["type"] as? String == "bundle")
                #expect(!Self.leaks(delivery.body))
                #expect(try STIXValidator.problems(in: [delivery.body]) == nil)
            }
        }
    }
}
