import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct PersonalDataFlowTests {
    func call(_ app: some ApplicationProtocol, _ method: HTTPRequest.Method, _ uri: String, key: String, body: String = "", contentType: String = "application/x-ndjson") async throws -> (Int, [String: Any]) {
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: uri, method: method, headers: [.authorization: "Bearer \(key)", .contentType: contentType, .liaisonPurpose: "case=TEST-2026-1"],
                body: ByteBuffer(string: body))
            return (Int(response.status.code), (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    @Test("A reveal shows the value to the consumer and writes an audit entry naming the token and legal basis, never the value")
    func revealIsAudited() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var agreement = GatewayFixture.agreement(webhookURL: nil, personalData: [.phone: .reveal])
            agreement.legalBasis = "Law on Criminal Procedure, art. 286"
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            _ = try await call(app, .post, "/v1/intake/events", key: producer, body: GatewayFixture.event())
            let (_, page) = try await call(app, .get, "/v1/feed", key: consumer)
            let item = try #require((page["items"] as? [[String: Any]])?.first)
            #expect((item["description"] as? String)?.contains("+381641234567") == true)
            #expect((item["description"] as? String)?.contains("[redacted]") == true)
            let audit = try await db.client.query(
                "SELECT action, details::text FROM audit_log ORDER BY seq", logger: TestDatabase.logger)
            var entries: [(String, String)] = []
            for try await entry in audit.decode((String, String).self) { entries.append(entry) }
            let reveal = try #require(entries.first { $0.0 == "reveal" })
            #expect(reveal.1.contains("[[pd:phone:") && reveal.1.contains("art. 286"))
            #expect(!entries.contains { GatewayFixture.holdsVictimPhone($0.1) })
        }
    }

    @Test("After erasure through the admin API the person is [erased] in the feed and gone from every table")
    func erasure() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil, personalData: [.email: .mask, .phone: .mask])
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let admin = try await db.store.createAPIKey(organisation: "cert", role: .admin, person: "Test Person").key
            _ = try await call(app, .post, "/v1/intake/events", key: producer, body: GatewayFixture.event())
            let (refused, _) = try await call(app, .post, "/v1/admin/vault/erase", key: consumer, body: "{}", contentType: "application/json")
            #expect(refused == 403)
            let (bad, problem) = try await call(
                app, .post, "/v1/admin/vault/erase", key: admin, body: #"{"kind": "shoe-size", "value": "44"}"#, contentType: "application/json")
            #expect(bad == 400 && (problem["errors"] as? [[String: String]])?.first?["pointer"] == "/kind")
            let (status, answer) = try await call(
                app, .post, "/v1/admin/vault/erase", key: admin,
                body: #"{"kind": "email", "value": "Jovana.Petrovic@example.rs"}"#, contentType: "application/json")
            #expect(status == 200 && answer["erased"] as? Int == 1)
            let (_, page) = try await call(app, .get, "/v1/feed", key: consumer)
            let item = try #require((page["items"] as? [[String: Any]])?.first)
            let observables = try #require(item["observables"] as? [[String: String]])
            #expect(observables.first { $0["kind"] == "email" }?["value"] == "[erased]")
            #expect((item["description"] as? String)?.contains("***567") == true)
            let vaultRows = try await db.client.query("SELECT kind FROM vault_entries", logger: TestDatabase.logger)
            var kinds: [String] = []
            for try await kind in vaultRows.decode(String.self) { kinds.append(kind) }
            #expect(kinds == ["phone"])
        }
    }

    @Test("A consumer sees an incident shared with it, with custody and redaction records; others get 404")
    func incidentEndpoint() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil)
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let stranger = try await db.store.createAPIKey(organisation: "other", role: .consumer, person: "Test Person").key
            let (_, receipt) = try await call(app, .post, "/v1/intake/events", key: producer, body: GatewayFixture.event())
            let id = try #require((receipt["incident_ids"] as? [String])?.first)
            let (status, answer) = try await call(app, .get, "/v1/incidents/\(id)", key: consumer)
            #expect(status == 200)
            let custody = try #require(answer["custody"] as? [String: Any])
            #expect(custody["body_sha256"] as? String == receipt["body_sha256"] as? String)
            #expect(custody["transport"] as? String == "http-events")
            // The agreement shares neither the producer nor the receipt time: custody shows neither.
            #expect(custody["producer"] == nil && custody["received_at"] == nil)
            #expect((answer["incident"] as? [String: Any])?["producer"] == nil)
            let redactions = try #require(answer["redactions"] as? [[String: String]])
            #expect(redactions.contains { $0["field"] == "/observables/1/value" && $0["kind"] == "email" && $0["action"] == "pseudonymise" })
            #expect(redactions.contains { $0["field"] == "/description" && $0["kind"] == "phone" && $0["action"] == "mask" })
            #expect(!String(describing: answer).contains("petrovic"))
            #expect(try await call(app, .get, "/v1/incidents/\(id)", key: stranger).0 == 404)
            #expect(try await call(app, .get, "/v1/incidents/not-a-uuid", key: consumer).0 == 404)
        }
    }

    @Test("Custody shows the producer and receipt time when the agreement shares those fields")
    func custodyFollowsAgreement() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil, fields: [.classification, .producer, .receivedAt])
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let (_, receipt) = try await call(app, .post, "/v1/intake/events", key: producer, body: GatewayFixture.event())
            let id = try #require((receipt["incident_ids"] as? [String])?.first)
            let (_, answer) = try await call(app, .get, "/v1/incidents/\(id)", key: consumer)
            let custody = try #require(answer["custody"] as? [String: Any])
            #expect(custody["producer"] as? String == "cert")
            #expect(custody["received_at"] as? String == receipt["received_at"] as? String)
        }
    }
}
