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

/// Re-identification under four eyes, end to end over HTTP on a real database: a police
/// analyst asks for the address behind a pseudonym, two distinct persons approve, and the
/// analyst retrieves it once. The plaintext appears in that one answer and nowhere else.
@Suite(.timeLimit(.minutes(5))) struct ReidentificationAPITests {
    @Test("Producer admin and DPO approve; the requester retrieves the value once; the producer is told by a signed webhook; no plaintext elsewhere")
    func endToEnd() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            let logs = CapturedLogs()
            let policy = ReidentificationPolicy(approvers: .producerAdminAndDPO, operatorOrganisation: ReidentificationWorld.operatorOrganisation)
            let app = world.app(policy, notified: ["cert"], logger: logs.logger())
            let receiver = WebhookReceiver()
            let (requestID, answers) = try await receiver.serve { url in
                try await world.withNotifier(url: url) {
                    let (created, id) = try await world.request(app, key: world.petra)
                    #expect(created.status == .created, "\(created.text)")
                    let requestID = try #require(id)
                    #expect(created.headers[.location] == "/v1/reidentifications/\(requestID)")
                    #expect(created.json["status"] as? String == "pending")
                    #expect(created.json["approvals_missing"] as? [String] == ["producer-admin", "dpo"])
                    #expect(created.json["token"] == nil)
                    #expect(await WebhookReceiver.eventually { (try? await db.store.noticeState(of: UUID(uuidString: requestID)!))?.status == "sent" })

                    let queue = try await routerRequest(app, .get, "/v1/admin/reidentifications?status=pending", key: world.ana)
                    let listed = try #require(queue.json["reidentifications"] as? [[String: Any]])
                    #expect(listed.map { $0["id"] as? String } == [requestID])
                    #expect((listed.first?["token"] as? String)?.hasPrefix("[[pd:email:") == true)
                    #expect((listed.first?["consumer"] as? [String: Any])?["person"] as? String == "Petra Analyst")

                    let first = try await world.approve(app, requestID, key: world.ana)
                    #expect(first.status == .ok && first.json["status"] as? String == "pending")
                    #expect(first.json["approvals_missing"] as? [String] == ["dpo"])
                    let second = try await world.approve(app, requestID, key: world.dara)
                    #expect(second.status == .ok && second.json["status"] as? String == "approved", "\(second.text)")
                    #expect(second.json["retrieval_deadline"] is String)

                    let followed = try await routerRequest(app, .get, "/v1/reidentifications/\(requestID)", key: world.petra)
                    let approvals = try #require(followed.json["approvals"] as? [[String: Any]])
                    #expect(approvals.compactMap { $0["role"] as? String } == ["producer-admin", "dpo"])
                    #expect(approvals.allSatisfy { $0["person"] == nil } && !followed.text.contains("Dara DPO"))

                    let value = try await world.retrieve(app, requestID, key: world.petra)
                    #expect(value.status == .ok && value.json["value"] as? String == GatewayFixture.victimEmail)
                    #expect(value.json["kind"] as? String == "email" && value.json["pointer"] as? String == world.emailPointer)
                    #expect(value.headers[.cacheControl] == "no-store")
                    let again = try await world.retrieve(app, requestID, key: world.petra)
                    #expect(isProblem(again, 410, "already-retrieved"))
                    return (requestID, [created, queue, first, second, followed, again].map(\.text))
                }
            }

            // The producer's notice: signed, naming the request, holding no value.
            let notice = try #require(receiver.deliveries.first)
            #expect(receiver.deliveries.count == 1)
            let timestamp = try #require(notice.headers["webhook-timestamp"].flatMap(Int.init))
            #expect(notice.headers["webhook-id"] == "reid_\(requestID.lowercased())")
            #expect(WebhookSignature.verify(
                header: notice.headers["webhook-signature"] ?? "", id: notice.headers["webhook-id"] ?? "", timestamp: timestamp,
                body: notice.body, secret: GatewayFixture.webhookSecret, now: Date()))
            let payload = try #require(try JSONSerialization.jsonObject(with: notice.body) as? [String: Any])
            #expect(payload["type"] as? String == "reidentification.requested")
            #expect((payload["data"] as? [String: Any])?["id"] as? String == requestID)
            #expect((payload["data"] as? [String: Any])?["kind"] as? String == "email")

            // Every step is in the audit trail, by token and ids; the value is in none of it.
            let audit = try await world.audit()
            let steps = audit.filter { $0.action.hasPrefix("reidentification-") }
            #expect(steps.map(\.action) == [
                "reidentification-request", "reidentification-approve", "reidentification-approve", "reidentification-retrieve",
                "reidentification-refuse",
            ])
            #expect(steps.map(\.actor) == ["police", "cert", ReidentificationWorld.operatorOrganisation, "police", "police"])
            #expect(steps.allSatisfy { $0.details.contains("[[pd:email:") })
            #expect(steps.last?.details.contains("already-retrieved") == true)
            let victim = GatewayFixture.victimEmail
            #expect(!audit.contains { $0.details.localizedCaseInsensitiveContains(victim) })
            #expect(!audit.contains { $0.details.contains("The victim is to be heard") })
            #expect(try await TestDatabase.allTextOutsideVault(db).allSatisfy { !$0.localizedCaseInsensitiveContains(victim) })
            #expect(!logs.all.contains { $0.localizedCaseInsensitiveContains(victim) })
            #expect(!answers.contains { $0.localizedCaseInsensitiveContains(victim) })
            #expect(!String(decoding: notice.body, as: UTF8.self).localizedCaseInsensitiveContains(victim))
        }
    }

    @Test("Two producer admins: the same person twice, another's admin, the operator's admin, a consumer and a key without a person are refused")
    func fourEyes() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            let app = world.app(ReidentificationPolicy(approvers: .twoProducerAdmins, operatorOrganisation: ReidentificationWorld.operatorOrganisation))
            let (_, created) = try await world.request(app, key: world.petra)
            let id = try #require(created)
            #expect(try await world.approve(app, id, key: world.ana).status == .ok)
            #expect(isProblem(try await world.approve(app, id, key: world.ana), 403, "four-eyes"))
            #expect(isProblem(try await world.approve(app, id, key: world.petra), 403, "forbidden"))
            #expect(isProblem(try await world.approve(app, id, key: world.outsider), 404, "not-found"))
            #expect(isProblem(try await world.approve(app, id, key: world.oskar), 403, "not-an-approver"))
            #expect(isProblem(try await world.approve(app, id, key: world.dara), 403, "not-an-approver"))
            #expect(isProblem(try await world.approve(app, id, key: world.certAuditor), 403, "not-an-approver"))
            #expect(isProblem(try await world.approve(app, UUID().uuidString, key: world.bojan), 404, "not-found"))
            // A key made before persons were required (migration 0009) names nobody.
            try await db.client.query("ALTER TABLE api_keys DROP CONSTRAINT api_keys_person_named", logger: TestDatabase.logger)
            let machine = try await db.store.createAPIKey(organisation: "cert", role: .admin).key
            #expect(isProblem(try await world.approve(app, id, key: machine), 403, "person-required"))
            let unnamedConsumer = try await db.store.createAPIKey(organisation: "police", role: .consumer).key
            #expect(isProblem(try await world.request(app, key: unnamedConsumer).0, 403, "person-required"))
            #expect(isProblem(try await world.retrieve(app, id, key: world.petra), 409, "not-approved"))

            let approved = try await world.approve(app, id, key: world.bojan)
            #expect(approved.json["status"] as? String == "approved")
            #expect((approved.json["approvals"] as? [[String: Any]])?.compactMap { $0["person"] as? String } == ["Ana Admin", "Bojan Admin"])

            // Each refused attempt is in the audit trail; the outsider's tells its reader nothing of the request.
            let refusals = try await world.audit().filter { $0.action == "reidentification-refuse" }
            #expect(refusals.contains { $0.actor == "cert" && $0.details.contains("already-approved") })
            let outsider = try #require(refusals.first { $0.actor == "other-cert" })
            #expect(outsider.details.contains("not-found") && !outsider.details.contains("[[pd:") && !outsider.details.contains("police"))
            #expect(try await world.retrieve(app, id, key: world.petra).json["value"] as? String == GatewayFixture.victimEmail)
        }
    }

    @Test("Whoever asked does not approve, not even holding the DPO's key; the DPO's approval is one, the producer admin's the other")
    func requesterDoesNotApprove() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            // A gateway run by the police unit's own organisation: its auditors are the DPO.
            let app = world.app(ReidentificationPolicy(approvers: .producerAdminAndDPO, operatorOrganisation: "police"))
            let petraAsDPO = try await db.store.createAPIKey(organisation: "police", role: .auditor, person: "Petra Analyst").key
            let otherDPO = try await db.store.createAPIKey(organisation: "police", role: .auditor, person: "Dejan DPO").key
            let (_, created) = try await world.request(app, key: world.petra)
            let id = try #require(created)
            #expect(isProblem(try await world.approve(app, id, key: petraAsDPO), 403, "four-eyes"))
            #expect(try await world.approve(app, id, key: world.ana).status == .ok)
            let wrongCapacity = try await world.approve(app, id, key: world.bojan)
            #expect(isProblem(wrongCapacity, 403, "four-eyes") && wrongCapacity.text.contains("dpo"))
            #expect(try await world.approve(app, id, key: otherDPO).json["status"] as? String == "approved")
        }
    }

    @Test("A rejection needs a reason, closes the request, and the requester reads the reason; nothing is retrieved")
    func rejection() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await ReidentificationWorld.make(db)
            let app = world.app(ReidentificationPolicy(operatorOrganisation: ReidentificationWorld.operatorOrganisation))
            let (_, created) = try await world.request(app, key: world.petra)
            let id = try #require(created)
            let reject = "/v1/admin/reidentifications/\(id)/reject"
            #expect(isProblem(try await routerRequest(app, .post, reject, key: world.bojan), 422, "reason-required"))
            #expect(isProblem(try await routerRequest(app, .post, reject, key: world.bojan, body: #"{"reason": "x", "note": 1}"#, contentType: "application/json"), 422, "invalid-request"))
            let rejected = try await routerRequest(app, .post, reject, key: world.bojan, body: #"{"reason": "Not proportionate to the case"}"#, contentType: "application/json")
            #expect(rejected.status == .ok && rejected.json["status"] as? String == "rejected")
            #expect(isProblem(try await world.approve(app, id, key: world.ana), 409, "wrong-state"))
            #expect(isProblem(try await world.retrieve(app, id, key: world.petra), 409, "wrong-state"))
            let read = try await routerRequest(app, .get, "/v1/reidentifications", key: world.petra)
            let mine = try #require((read.json["reidentifications"] as? [[String: Any]])?.first)
            #expect(mine["reason"] as? String == "Not proportionate to the case" && mine["closed_at"] is String)
            #expect(try await world.audit().contains { $0.action == "reidentification-reject" && $0.actor == "cert" })
        }
    }
}
