import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct FeedbackTests {
    @Test("A consumer's feedback reaches the producer by cursor and by signed webhook; its personal values stay in the vault")
    func roundTrip() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await FeedbackWorld.make(db, notified: ["cert"])
            let incident = try await world.push()
            let text = "Please send the full headers; the victim \(FeedbackWorld.contactEmail) can be called on \(FeedbackWorld.contactPhone)."
            let receiver = WebhookReceiver()
            let (feedbackID, answers) = try await receiver.serve { url in
                try await world.withNotifier(url: url) {
                    let created = try await world.feedback(incident, #"{"status": "request-more-information", "text": "\#(text)"}"#)
                    #expect(created.status == .created, "\(created.text)")
                    #expect(created.json["status"] as? String == "request-more-information")
                    #expect(created.json["incident"] as? String == incident)
                    #expect(created.json["consumer"] as? String == "police")
                    #expect(created.json["text"] as? String == "Please send the full headers; the victim [email] can be called on [phone].")
                    let id = try #require(created.json["id"] as? String)
                    #expect(await WebhookReceiver.eventually { (try? await db.store.feedbackNoticeState(of: UUID(uuidString: id)!))?.status == "sent" })
                    let acknowledged = try await world.feedback(incident, #"{"status": "case-opened", "case_reference": "VTK-2026-118"}"#)
                    #expect(acknowledged.status == .created && acknowledged.json["case_reference"] as? String == "VTK-2026-118")

                    // The producer reads both, in order, by cursor; the consumer may not.
                    let first = try await routerRequest(world.app, .get, "/v1/feedback?limit=1", key: world.producer)
                    #expect(first.status == .ok)
                    let page = try #require(first.json["feedback"] as? [[String: Any]])
                    #expect(page.map { $0["id"] as? String } == [id])
                    let cursor = try #require(first.json["next_cursor"] as? String)
                    let second = try await routerRequest(world.app, .get, "/v1/feedback?cursor=\(cursor)", key: world.producer)
                    #expect((second.json["feedback"] as? [[String: Any]])?.map { $0["status"] as? String } == ["case-opened"])
                    let third = try await routerRequest(
                        world.app, .get, "/v1/feedback?cursor=\(second.json["next_cursor"] as? String ?? "")", key: world.producer)
                    #expect((third.json["feedback"] as? [Any])?.isEmpty == true)
                    let refused = try await routerRequest(world.app, .get, "/v1/feedback", key: world.police)
                    #expect(isProblem(refused, 403, "forbidden"))
                    let otherCursor = try await routerRequest(world.app, .get, "/v1/feedback?cursor=\(cursor)x", key: world.producer)
                    #expect(isProblem(otherCursor, 400, "invalid-cursor"))
                    return (id, [created.text, first.text, second.text])
                }
            }

            // The webhook: signed, the feedback as the producer reads it, no value.
            let notice = try #require(receiver.deliveries.first)
            let timestamp = try #require(notice.headers["webhook-timestamp"].flatMap(Int.init))
            #expect(notice.headers["webhook-id"] == "fb_\(feedbackID.lowercased())")
            #expect(WebhookSignature.verify(
                header: notice.headers["webhook-signature"] ?? "", id: notice.headers["webhook-id"] ?? "", timestamp: timestamp,
                body: notice.body, secret: GatewayFixture.webhookSecret, now: Date()))
            let payload = try #require(try JSONSerialization.jsonObject(with: notice.body) as? [String: Any])
            #expect(payload["type"] as? String == "feedback.received")
            #expect((payload["data"] as? [String: Any])?["id"] as? String == feedbackID)

            // Stored with tokens; the plaintexts are sealed in the vault; the ledger names the feedback only.
            let stored = try await world.storedFeedback()
            #expect(stored.map(\.status) == ["request-more-information", "case-opened"])
            let detail = try #require(stored.first?.detail)
            #expect(detail.contains("[[pd:email:") && detail.contains("[[pd:phone:"))
            let entries = try await world.audit().filter { $0.action == "feedback" }
            #expect(entries.count == 2 && entries.first?.details.lowercased().contains(feedbackID.lowercased()) == true)
            // A DPO's vault report names the feedback a value came with (it was never part of the incident).
            let holdings = try await db.store.vaultHoldings(kind: .email, value: FeedbackWorld.contactEmail)
            #expect(holdings.count == 1 && holdings.first?.feedbackID?.uuidString.lowercased() == feedbackID.lowercased())
            // Each page the producer read that held feedback is a ledger entry naming what was read; the empty third page is not.
            let reads = try await world.audit().filter { $0.action == "feedback-read" }
            #expect(reads.count == 2)
            #expect(reads.first?.details.lowercased().contains(feedbackID.lowercased()) == true)
            let everything = answers + [String(decoding: notice.body, as: UTF8.self), detail] + entries.map(\.details)
            for value in [FeedbackWorld.contactEmail, "765 4321", "647654321", "ana.kovacevic"] {
                #expect(!everything.contains { $0.contains(value) }, "\(value) leaked")
            }
            let vault = try await db.client.query(
                "SELECT count(*)::int8 FROM vault_entries WHERE token = ANY(\(Token.occurrences(in: detail).map(\.token.text))::text[])",
                logger: TestDatabase.logger)
            for try await count in vault.decode(Int64.self) { #expect(count == 2) }
        }
    }

    @Test(
        "Refuses bad feedback with a problem naming the member, and stores nothing",
        arguments: [
            (#"{"status": "escalated"}"#, "/status"),
            (#"{"text": "more please"}"#, "/status"),
            (#"{"status": 3}"#, "/status"),
            (#"{"status": "case-opened"}"#, "/case_reference"),
            (#"{"status": "case-opened", "case_reference": "   "}"#, "/case_reference"),
            (#"{"status": "no-action", "outcome": "nothing"}"#, "/outcome"),
            (#"{"status": "closed", "outcome": "done", "priority": "high"}"#, "/priority"),
            (#"{"status": "acknowledged", "text": "hello"}"#, "/text"),
            (#"{"status": "closed", "outcome": "\#(String(repeating: "x", count: 2001))"}"#, "/outcome"),
            (#"{"status": "case-opened", "case_reference": "\#(String(repeating: "7", count: 201))"}"#, "/case_reference"),
            (#"["acknowledged"]"#, ""),
        ])
    func badInput(body: String, pointer: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await FeedbackWorld.make(db)
            let incident = try await world.push()
            let answer = try await world.feedback(incident, body)
            #expect(isProblem(answer, 422, "invalid-request"), "\(answer.text)")
            #expect((answer.json["errors"] as? [[String: Any]])?.contains { $0["pointer"] as? String == pointer } == true, "\(answer.text)")
            #expect(answer.contentType == "application/problem+json")
            #expect(try await world.storedFeedback().isEmpty)
        }
    }

    @Test("An incident the caller may not read (now) is 404 whether or not it exists; other roles and media types are refused")
    func notVisible() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await FeedbackWorld.make(db)
            let incident = try await world.push()
            let body = #"{"status": "acknowledged"}"#
            let stranger = try await world.feedback(incident, body, key: world.stranger)
            let missing = try await world.feedback(UUID().uuidString, body)
            let malformed = try await world.feedback("not-an-id", body)
            for answer in [stranger, missing, malformed] {
                #expect(isProblem(answer, 404, "not-found"), "\(answer.text)")
                #expect(answer.json["detail"] as? String == stranger.json["detail"] as? String)
            }
            #expect(isProblem(try await world.feedback(incident, body, key: world.producer), 403, "forbidden"))
            #expect(try await world.feedback(incident, body, contentType: "text/plain").status == .unsupportedMediaType)
            #expect(try await world.storedFeedback().isEmpty)
            // The consumer that may read it can answer it, until its agreement is suspended.
            #expect(try await world.feedback(incident, body).status == .created)
            _ = try await AgreementRecords(store: db.store, governance: AgreementGovernance()).move(
                "cert-to-police", 1, to: .suspended, ifMatch: nil, by: AuditActor(organisation: "cert", person: "Data Protection Officer"),
                reason: "review of the MoU")
            try await world.dependencies.agreements.refresh(from: db.store)
            #expect(isProblem(try await world.feedback(incident, body), 404, "not-found"))
            #expect(try await world.storedFeedback().count == 1)
        }
    }
}
