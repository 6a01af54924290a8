import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

/// Every way a re-identification is refused over HTTP: time, erasure, another consumer, a
/// value never received, malformed requests — each a problem document naming its cause, none
/// holding the value; and the database's own guard on requests and approvals.
@Suite(.timeLimit(.minutes(5))) struct ReidentificationRefusalTests {
    static let policy = ReidentificationPolicy(operatorOrganisation: ReidentificationWorld.operatorOrganisation)

    @Test("An unapproved request expires, and so does an approved value not retrieved in time; each expiry is audited")
    func expiry() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            var quick = Self.policy
            quick.requestTTL = 1
            let hurried = world.app(quick)
            let (_, stale) = try await world.request(hurried, key: world.petra)
            var slowRetrieval = Self.policy
            slowRetrieval.retrievalTTL = 1
            let late = world.app(slowRetrieval)
            let (_, approved) = try await world.request(late, key: world.petra)
            let staleID = try #require(stale), approvedID = try #require(approved)
            #expect(try await world.approve(late, approvedID, key: world.ana).status == .ok)
            #expect(try await world.approve(late, approvedID, key: world.bojan).json["status"] as? String == "approved")
            try await Task.sleep(for: .milliseconds(1300))

            #expect(isProblem(try await world.approve(hurried, staleID, key: world.ana), 410, "reidentification-expired"))
            #expect(isProblem(try await world.retrieve(late, approvedID, key: world.petra), 410, "reidentification-expired"))
            let shown = try await routerRequest(late, .get, "/v1/admin/reidentifications/\(staleID)", key: world.ana)
            #expect(shown.json["status"] as? String == "expired" && shown.json["closed_at"] is String)
            let pending = try await routerRequest(late, .get, "/v1/admin/reidentifications?status=pending", key: world.ana)
            #expect((pending.json["reidentifications"] as? [Any])?.isEmpty == true)
            let expired = try await routerRequest(late, .get, "/v1/reidentifications?status=expired", key: world.petra)
            #expect((expired.json["reidentifications"] as? [Any])?.count == 2)
            let audit = try await world.audit()
            #expect(audit.filter { $0.action == "reidentification-expired" }.map(\.actor) == ["gateway", "gateway"])

            // What is left pending expires by itself, through the sweep the gateway runs every minute.
            let (_, third) = try await world.request(hurried, key: world.petra)
            try await Task.sleep(for: .milliseconds(1300))
            #expect(try await db.store.expireDueReidentifications() == 1)
            let closed = try await routerRequest(late, .get, "/v1/reidentifications/\(try #require(third))", key: world.petra)
            #expect(closed.json["status"] as? String == "expired")
        }
    }

    @Test("An erased value is not asked for, not approved and not retrieved, and the answer says it was erased")
    func erasure() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            let app = world.app(Self.policy)
            // The phone number, masked in the description, approved but not yet retrieved…
            let (_, phone) = try await world.request(app, key: world.petra, body: world.ask(pointer: "/description", shown: "***567"))
            let phoneID = try #require(phone)
            #expect(try await world.approve(app, phoneID, key: world.ana).status == .ok)
            #expect(try await world.approve(app, phoneID, key: world.bojan).status == .ok)
            // …and the e-mail address, approved once.
            let (_, email) = try await world.request(app, key: world.petra)
            let emailID = try #require(email)
            #expect(try await world.approve(app, emailID, key: world.ana).status == .ok)

            for (kind, value) in [("email", GatewayFixture.victimEmail), ("phone", GatewayFixture.victimPhone)] {
                let answer = try await routerRequest(
                    app, .post, "/v1/admin/vault/erase", key: world.ana, body: #"{"kind": "\#(kind)", "value": "\#(value)"}"#,
                    contentType: "application/json")
                #expect(answer.json["erased"] as? Int == 1)
            }
            let approval = try await world.approve(app, emailID, key: world.bojan)
            #expect(isProblem(approval, 410, "value-erased"))
            let retrieval = try await world.retrieve(app, phoneID, key: world.petra)
            #expect(isProblem(retrieval, 410, "value-erased"))
            let asked = try await world.request(app, key: world.petra, body: world.ask(shown: "[erased]")).0
            #expect(isProblem(asked, 410, "value-erased"))
            for id in [emailID, phoneID] {
                #expect(try await routerRequest(app, .get, "/v1/reidentifications/\(id)", key: world.petra).json["status"] as? String == "erased")
            }
            let audit = try await world.audit()
            #expect(audit.filter { $0.action == "reidentification-erased" }.count == 2)
            #expect(audit.filter { $0.action == "reidentification-refuse" && $0.details.contains("value-erased") }.count == 3)
            for answer in [approval, retrieval, asked] {
                #expect(!answer.text.contains(GatewayFixture.victimEmail) && !GatewayFixture.holdsVictimPhone(answer.text))
            }
        }
    }

    @Test("Only the person who asked reads and retrieves: another consumer and a colleague get 404, and the value stays unreleased")
    func wrongConsumer() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            let app = world.app(Self.policy)
            let (_, created) = try await world.request(app, key: world.petra)
            let id = try #require(created)
            #expect(try await world.approve(app, id, key: world.ana).status == .ok)
            #expect(try await world.approve(app, id, key: world.bojan).status == .ok)
            for key in [world.stranger, world.marko] {
                let refused = try await world.retrieve(app, id, key: key)
                #expect(isProblem(refused, 404, "not-found") && !refused.text.contains(GatewayFixture.victimEmail))
                #expect(isProblem(try await routerRequest(app, .get, "/v1/reidentifications/\(id)", key: key), 404, "not-found"))
                let listed = try await routerRequest(app, .get, "/v1/reidentifications", key: key)
                #expect((listed.json["reidentifications"] as? [Any])?.isEmpty == true)
            }
            #expect(isProblem(try await world.retrieve(app, id, key: world.ana), 403, "forbidden"))
            #expect(isProblem(try await routerRequest(app, .get, "/v1/admin/reidentifications/\(id)", key: world.outsider), 404, "not-found"))
            #expect(try await routerRequest(app, .get, "/v1/admin/reidentifications/\(id)", key: world.dara).status == .ok)
            #expect(try await world.retrieve(app, id, key: world.petra).json["value"] as? String == GatewayFixture.victimEmail)
        }
    }

    @Test("A value the consumer never received as a pseudonym, mask or generalisation cannot be asked for")
    func neverReceived() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            let app = world.app(Self.policy)
            let cases: [(String, String, Int, String)] = [
                (world.stranger, world.ask(), 404, "not-found"),
                (world.petra, world.ask(incident: UUID()), 404, "not-found"),
                (world.petra, world.ask(version: 2), 404, "not-found"),
                (world.petra, world.ask(pointer: "/observables/0/value", shown: "https://bank-login.example.net/rs/"), 404, "value-not-found"),
                (world.petra, world.ask(shown: "pseudonym:email:0000000000000000"), 404, "value-not-found"),
                (world.petra, world.ask(pointer: "/observables/7/value"), 404, "value-not-found"),
                (world.petra, world.ask(pointer: "/producer", shown: "cert"), 404, "value-not-found"),
                (world.petra, world.ask(pointer: "/description", shown: "***999"), 404, "value-not-found"),
            ]
            for (key, body, status, slug) in cases {
                let answer = try await world.request(app, key: key, body: body).0
                #expect(isProblem(answer, status, slug), "\(body): \(answer.text)")
            }
            #expect(isProblem(try await world.request(app, key: world.producer).0, 403, "forbidden"))
            #expect(isProblem(try await world.request(app, key: world.ana).0, 403, "forbidden"))
            #expect(try await TestDatabase.rowCounts(db)["reidentification_requests"] == 0)
        }
    }

    @Test("Malformed requests are refused whole, each problem named by pointer; nothing is stored")
    func malformed() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            let app = world.app(Self.policy)
            func ask(_ body: String, _ contentType: String = "application/json") async throws -> RouterAnswer {
                try await routerRequest(app, .post, "/v1/reidentifications", key: world.petra, body: body, contentType: contentType)
            }
            func pointers(_ answer: RouterAnswer) -> Set<String> {
                Set((answer.json["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String } ?? [])
            }
            #expect(isProblem(try await ask("{\"incident\": "), 422, "invalid-json"))
            #expect(isProblem(try await ask(#"{"pointer": "/title\u0000"}"#), 422, "invalid-json"))
            #expect(isProblem(try await ask("[1]"), 422, "invalid-request"))
            #expect(isProblem(try await ask(""), 422, "invalid-request"))
            #expect(try await ask(world.ask(), "text/plain").status == .unsupportedMediaType)
            let empty = try await ask("{}")
            #expect(isProblem(empty, 422, "invalid-request"))
            #expect(pointers(empty) == ["/incident", "/pointer", "/shown", "/case_reference", "/legal_basis", "/justification"])
            let wrong = try await ask(
                #"{"incident": "nope", "incident_version": "1", "pointer": "observables/1", "shown": 5, "case_reference": " ", "legal_basis": "l", "justification": "\#(String(repeating: "ž", count: 2001))", "extra": true}"#)
            #expect(pointers(wrong) == ["/incident", "/incident_version", "/pointer", "/shown", "/case_reference", "/justification", "/extra"])
            #expect(wrong.json["error_count"] as? Int == 7)
            let huge = try await ask(#"{"justification": "\#(String(repeating: "a", count: 70_000))"}"#)
            #expect(isProblem(huge, 413, "body-too-large"))

            let (_, created) = try await world.request(app, key: world.petra)
            let id = try #require(created)
            #expect(isProblem(try await routerRequest(app, .post, "/v1/admin/reidentifications/\(id)/approve", key: world.ana, body: #"{"note": 1}"#, contentType: "application/json"), 422, "invalid-request"))
            #expect(isProblem(try await routerRequest(app, .get, "/v1/admin/reidentifications?status=maybe", key: world.ana), 400, "invalid-parameter"))
            #expect(isProblem(try await routerRequest(app, .get, "/v1/admin/reidentifications?limit=0", key: world.ana), 400, "invalid-limit"))
            #expect(isProblem(try await routerRequest(app, .post, "/v1/reidentifications/not-an-id/retrieve", key: world.petra), 404, "not-found"))
            #expect(try await TestDatabase.rowCounts(db)["reidentification_requests"] == 1)
        }
    }

    @Test("The database keeps what a request asks, moves its status only forward, and takes one approval per person")
    func databaseGuards() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            let app = world.app(Self.policy)
            let (_, created) = try await world.request(app, key: world.petra)
            let id = try #require(created.flatMap(UUID.init(uuidString:)))
            #expect(try await world.approve(app, id.uuidString, key: world.ana).status == .ok)
            let refused: [PostgresQuery] = [
                "UPDATE reidentification_requests SET token = '[[pd:email:0000000000000000]]' WHERE id = \(id)",
                "UPDATE reidentification_requests SET justification = 'changed' WHERE id = \(id)",
                "UPDATE reidentification_requests SET status = 'retrieved', retrieval_deadline = now(), closed_at = now() WHERE id = \(id)",
                "DELETE FROM reidentification_requests WHERE id = \(id)",
                "DELETE FROM reidentification_approvals WHERE request_id = \(id)",
                "INSERT INTO reidentification_approvals (request_id, organisation, person, role, at) VALUES (\(id), 'cert', 'Ana Admin', 'producer-admin', now())",
            ]
            for query in refused {
                await #expect(throws: (any Error).self) { try await db.client.query(query, logger: TestDatabase.logger) }
            }
            let rejected = try await routerRequest(app, .post, "/v1/admin/reidentifications/\(id)/reject", key: world.bojan, body: #"{"reason": "no"}"#, contentType: "application/json")
            #expect(rejected.json["status"] as? String == "rejected")
            await #expect(throws: (any Error).self) {
                try await db.client.query("UPDATE reidentification_requests SET reason = 'other' WHERE id = \(id)", logger: TestDatabase.logger)
            }
        }
    }
}
