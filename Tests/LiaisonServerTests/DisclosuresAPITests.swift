import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

/// `GET /v1/disclosures` (issue 14): a producer sees every disclosure of its own incidents —
/// the receiving organisation, never the officer — and nothing of other producers'.
@Suite(.timeLimit(.minutes(5))) struct DisclosuresAPITests {
    @Test("A producer sees who received its incidents, when, which version, under which agreement version and why; no person")
    func producerSeesDisclosures() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var agreement = GatewayFixture.agreement(webhookURL: nil)
            agreement.legalBasis = "MoU art. 4"
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key
            var ids: [String] = []
            for _ in 0..<2 {
                let pushed = try await postEvents(app, key: producer, body: Array(GatewayFixture.event().utf8))
                ids += pushed.json["incident_ids"] as? [String] ?? []
            }
            let start = Date()
            #expect(try await routerRequest(app, .get, "/v1/feed", key: consumer, headers: [.liaisonPurpose: "case=KT-7"]).status == .ok)
            let single = try await routerRequest(
                app, .get, "/v1/incidents/\(ids[0])", key: consumer, headers: [.liaisonPurpose: "case=KT-8; basis=ZKP art. 286"])
            #expect(single.status == .ok)

            let all = try await routerRequest(app, .get, "/v1/disclosures", key: producer)
            #expect(all.status == .ok)
            let items = try #require(all.json["disclosures"] as? [[String: Any]])
            #expect(items.count == 3)
            #expect(items.map { $0["incident"] as? String } == [ids[0], ids[1], ids[0]])
            #expect(items.allSatisfy {
                $0["consumer"] as? String == "police" && $0["agreement"] as? String == "cert-to-police"
                    && $0["agreement_version"] as? String == agreement.versionHash && $0["incident_version"] as? Int == 1
                    && $0["at"] as? String != nil
            })
            #expect(items.map { $0["transport"] as? String } == ["feed", "feed", "incident-api"])
            let purposes = items.compactMap { $0["purpose"] as? [String: String] }
            #expect(purposes[0] == ["source": "request", "case": "KT-7", "basis": "MoU art. 4"])
            #expect(purposes[2] == ["source": "request", "case": "KT-8", "basis": "ZKP art. 286"])
            #expect(!all.text.contains("Petra"), "a producer must not see the reading officer")

            let one = try await routerRequest(app, .get, "/v1/disclosures?incident=\(ids[0])", key: producer)
            #expect((one.json["disclosures"] as? [Any])?.count == 2)
            let since = RFC3339.string(from: start.addingTimeInterval(3600))
            let later = try await routerRequest(app, .get, "/v1/disclosures?since=\(since)", key: producer)
            #expect((later.json["disclosures"] as? [Any])?.isEmpty == true)

            var seen: [String] = []
            var after = ""
            for _ in 0..<5 {
                let page = try await routerRequest(app, .get, "/v1/disclosures?limit=2&after=\(after)", key: producer)
                let entries = page.json["disclosures"] as? [[String: Any]] ?? []
                if entries.isEmpty { break }
                seen += entries.compactMap { $0["transport"] as? String }
                after = try #require(page.json["next_after"] as? String)
                #expect(Int64(after) == nil, "after is an audit sequence number")
            }
            #expect(seen == ["feed", "feed", "incident-api"])
        }
    }

    @Test("Another producer's incident is 404 as if absent; consumers are 403; bad parameters are 400")
    func refusals() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [GatewayFixture.agreement(webhookURL: nil)])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let other = try await db.store.createAPIKey(organisation: "other-cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key
            let pushed = try await postEvents(app, key: producer, body: Array(GatewayFixture.event().utf8))
            let id = try #require((pushed.json["incident_ids"] as? [String])?.first)
            _ = try await routerRequest(app, .get, "/v1/feed", key: consumer, headers: readPurpose)

            let theirs = try await routerRequest(app, .get, "/v1/disclosures?incident=\(id)", key: other)
            let absent = try await routerRequest(app, .get, "/v1/disclosures?incident=\(UUID().uuidString)", key: other)
            #expect(theirs.status == .notFound && absent.status == .notFound)
            #expect(theirs.text == absent.text, "another producer's incident must read as one that does not exist")
            let everything = try await routerRequest(app, .get, "/v1/disclosures", key: other)
            #expect((everything.json["disclosures"] as? [Any])?.isEmpty == true)
            #expect(try await routerRequest(app, .get, "/v1/disclosures", key: consumer).status == .forbidden)
            for query in ["incident=not-a-uuid", "since=yesterday", "after=3", "limit=0"] {
                let bad = try await routerRequest(app, .get, "/v1/disclosures?\(query)", key: producer)
                #expect(bad.status == .badRequest, "\(query)")
            }
            let mine = try await routerRequest(app, .get, "/v1/disclosures?limit=1", key: producer)
            let cursor = try #require(mine.json["next_after"] as? String)
            #expect(try await routerRequest(app, .get, "/v1/disclosures?after=\(cursor)", key: other).status == .badRequest)
        }
    }
}
