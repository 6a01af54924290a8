import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonTestSupport
import LiaisonTestTools
import Testing

/// Consumers' TAXII 2.1 collections (issue 15): one read-only collection per agreement, read
/// with paging and filters, every read a recorded consultation.
@Suite(.timeLimit(.minutes(5))) struct TAXIIReadTests {
    static let taxii = "application/taxii+json;version=2.1"
    static let reading: HTTPFields = [.accept: taxii, .liaisonPurpose: "case=TEST-2026-1; basis=test suite"]

    struct World {
        var app: Application<RouterResponder<LiaisonRequestContext>>
        var dependencies: GatewayDependencies
        var producer: String
        var consumer: String
        var collection: String
    }

    static func world(_ db: TestDatabase.Handle, agreements: [Agreement]? = nil) async throws -> World {
        var agreement = GatewayFixture.agreement(webhookURL: nil)
        agreement.title = "CERT-RS to Police cybercrime unit"
        let dependencies = try await GatewayFixture.dependencies(db, agreements: agreements ?? [agreement])
        let app = Application(router: buildRouter(dependencies))
        let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key
        let list = try await routerRequest(app, .get, "/taxii2/liaison/collections/", key: consumer, headers: [.accept: taxii])
        let collections = list.json["collections"] as? [[String: Any]] ?? []
        return World(
            app: app, dependencies: dependencies, producer: try await db.store.createAPIKey(organisation: "cert", role: .producer).key,
            consumer: consumer, collection: collections.first?["id"] as? String ?? "")
    }

    /// Pushes `count` events; their incident ids.
    @discardableResult
    static func push(_ world: World, _ count: Int) async throws -> [String] {
        let body = (0..<count).map { _ in GatewayFixture.event() }.joined(separator: "\n")
        let answer = try await postEvents(world.app, key: world.producer, body: Array(body.utf8))
        #expect(answer.status == .created)
        return answer.json["incident_ids"] as? [String] ?? []
    }

    static func get(_ world: World, _ path: String, key: String? = nil, headers: HTTPFields = reading) async throws -> RouterAnswer {
        try await routerRequest(world.app, .get, "/taxii2/liaison/collections/\(world.collection)/\(path)", key: key ?? world.consumer, headers: headers)
    }

    static func objects(_ answer: RouterAnswer, _ key: String = "objects") -> [[String: Any]] {
        answer.json[key] as? [[String: Any]] ?? []
    }

    @Test("A consumer sees one read-only collection per agreement it holds, titled from the agreement; others see none of it")
    func collections() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var second = GatewayFixture.agreement(id: "cert-to-prosecutor", webhookURL: nil)
            second.title = "CERT-RS to Prosecutor"
            var first = GatewayFixture.agreement(webhookURL: nil)
            first.title = "CERT-RS to Police cybercrime unit"
            let other = GatewayFixture.agreement(id: "cert-to-fiu", consumer: "fiu", webhookURL: nil)
            let world = try await Self.world(db, agreements: [first, second, other])
            let list = try await routerRequest(world.app, .get, "/taxii2/liaison/collections/", key: world.consumer, headers: [.accept: Self.taxii])
            let collections = try #require(list.json["collections"] as? [[String: Any]])
            #expect(Set(collections.compactMap { $0["title"] as? String }) == ["CERT-RS to Police cybercrime unit", "CERT-RS to Prosecutor"])
            #expect(collections.allSatisfy { $0["can_read"] as? Bool == true && $0["can_write"] as? Bool == false })
            #expect(collections.allSatisfy { ($0["media_types"] as? [String]) == ["application/stix+json;version=2.1"] })
            // Deterministic: the same ids on another listing (and on any replica).
            let again = try await routerRequest(world.app, .get, "/taxii2/liaison/collections/", key: world.consumer, headers: [.accept: Self.taxii])
            #expect((again.json["collections"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == collections.compactMap { $0["id"] as? String })
            try await Self.push(world, 2)
            let fiu = try await db.store.createAPIKey(organisation: "fiu", role: .consumer, person: "Fiona Analyst").key
            for (key, path) in [(fiu, "objects/"), (world.producer, "objects/"), (fiu, "manifest/"), (world.producer, "manifest/"), (fiu, "")] {
                let answer = try await Self.get(world, path, key: key)
                #expect(answer.status == .notFound, "\(path)")
                #expect(answer.contentType == Self.taxii && answer.json["http_status"] as? String == "404")
            }
            #expect(try await PurposeTests.disclosures(db).isEmpty)
        }
    }

    @Test("Paging by limit and next gives every object once, in order, with date-added headers; the manifest agrees")
    func paging() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await Self.world(db)
            try await Self.push(world, 7)
            let whole = try await Self.get(world, "objects/?limit=1000")
            #expect(whole.status == .ok && whole.contentType == Self.taxii)
            #expect(whole.json["more"] as? Bool == false && whole.json["next"] == nil)
            let all = Self.objects(whole)
            #expect(all.filter { $0["type"] as? String == "incident" }.count == 7)
            for limit in [1, 3, 10] {
                var seen: [[String: Any]] = []
                var next: String?
                var pages = 0
                var lastAdded = ""
                repeat {
                    let page = try await Self.get(world, "objects/?limit=\(limit)" + (next.map { "&next=\($0)" } ?? ""))
                    #expect(page.status == .ok)
                    let objects = Self.objects(page)
                    #expect(objects.count <= limit && !objects.isEmpty)
                    let first = try #require(page.headers[HTTPField.Name("X-TAXII-Date-Added-First")!])
                    let last = try #require(page.headers[HTTPField.Name("X-TAXII-Date-Added-Last")!])
                    #expect(first >= lastAdded && first <= last)
                    lastAdded = last
                    seen += objects
                    next = page.json["next"] as? String
                    #expect((page.json["more"] as? Bool == true) == (next != nil))
                    pages += 1
                } while next != nil && pages < 200
                #expect(seen.count == all.count, "limit \(limit)")
                #expect(seen.compactMap { $0["id"] as? String } == all.compactMap { $0["id"] as? String })
            }
            let manifest = try await Self.get(world, "manifest/?limit=1000")
            let records = Self.objects(manifest)
            #expect(records.compactMap { $0["id"] as? String } == all.compactMap { $0["id"] as? String })
            #expect(records.allSatisfy { $0["media_type"] as? String == "application/stix+json;version=2.1" && $0["version"] is String })
            // date_added: microseconds, strictly increasing from one disclosure to the next.
            let added = records.compactMap { $0["date_added"] as? String }
            #expect(added.allSatisfy { $0.count == 27 && $0.hasSuffix("Z") })
            #expect(Set(added).count == 7 && added == added.sorted())
            // added_after at one disclosure's date_added gives exactly the ones after it.
            let third = Set(added).sorted()[2]
            let after = try await Self.get(world, "objects/?added_after=\(third)&match[type]=incident")
            #expect(Self.objects(after).count == 4)
        }
    }

    /// An indicator-only bundle whose `name` (the consumer's title) and `modified` change per version.
    static func indicator(_ id: String, version: Int) -> String {
        let modified = "2026-11-2\(version)T10:00:00.000Z"
        return """
            {"type": "bundle", "id": "bundle--\(UUID().uuidString.lowercased())", "objects": [{"type": "indicator", "spec_version": "2.1", \
            "id": "\(id)", "created": "2026-11-20T10:00:00.000Z", "modified": "\(modified)", "name": "Fake bank login page, version \(version)", \
            "indicator_types": ["malicious-activity"], "labels": ["phishing"], "pattern": "[url:value = 'https://bank-login.example.net/rs/']", \
            "pattern_type": "stix", "valid_from": "2026-11-20T10:00:00Z"}]}
            """
    }

    @Test("match[id], match[type], match[version] and match[spec_version] filter; objects/{id}/ and versions/ read one object")
    func filters() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await Self.world(db)
            let indicator = "indicator--\(UUID().uuidString.lowercased())"
            for version in 1...3 {
                let answer = try await routerRequest(
                    world.app, .post, "/v1/intake/stix", key: world.producer, body: Self.indicator(indicator, version: version),
                    contentType: "application/stix+json;version=2.1")
                #expect(answer.status.code < 300)
            }
            try await Self.push(world, 1)
            let versionsOf: (String) async throws -> [String] = { query in
                let answer = try await Self.get(world, "objects/?match[type]=incident&\(query)")
                #expect(answer.status == .ok, "\(query)")
                return Self.objects(answer).compactMap { $0["modified"] as? String }
            }
            let all = try await versionsOf("match[version]=all")
            #expect(all.count == 4)
            #expect(try await versionsOf("").count == 2)  // last, per incident
            #expect(try await versionsOf("match[version]=last").count == 2)
            #expect(try await versionsOf("match[version]=first").count == 2)
            let updated = try #require(try await versionsOf("match[version]=all").first)
            #expect(try await versionsOf("match[version]=\(updated)") == [updated])
            #expect(try await versionsOf("match[version]=first,last").count == 3)
            #expect(try await versionsOf("match[spec_version]=2.0").isEmpty)
            #expect(try await versionsOf("match[spec_version]=2.1").count == 2)
            let incidents = Self.objects(try await Self.get(world, "objects/?match[type]=incident&match[version]=all"))
            let id = try #require(incidents.first?["id"] as? String)
            let byID = Self.objects(try await Self.get(world, "objects/?match%5Bid%5D=\(id)&match%5Bversion%5D=all"))
            #expect(byID.count == 3 && byID.allSatisfy { $0["id"] as? String == id })
            let types = Self.objects(try await Self.get(world, "objects/?match[type]=incident,identity"))
            #expect(Set(types.compactMap { $0["type"] as? String }) == ["incident", "identity"])
            let one = try await Self.get(world, "objects/\(id)/")
            #expect(one.status == .ok)
            #expect(Self.objects(one).count == 1 && Self.objects(one).first?["modified"] as? String == byID.compactMap { $0["modified"] as? String }.max())
            let versions = try await Self.get(world, "objects/\(id)/versions/")
            #expect(versions.status == .ok)
            #expect((versions.json["versions"] as? [String])?.count == 3)
            let missing = try await Self.get(world, "objects/indicator--00000000-0000-4000-8000-000000000000/")
            #expect(missing.status == .notFound && missing.json["http_status"] as? String == "404")
            #expect(try await Self.get(world, "objects/indicator--00000000-0000-4000-8000-000000000000/versions/").status == .notFound)
        }
    }

    @Test(
        "Bad parameters are TAXII errors with status 400",
        arguments: [
            "limit=0", "limit=1001", "limit=ten", "next=abc", "added_after=yesterday", "added_after=2026-13-01T00:00:00Z",
            "added_after=2026-12-01T00:00:00+01:00", "match[version]=newest", "match[type]=Incident", "match[id]=", "match[colour]=red",
            "limit=5&limit=6", "purpose=case%3D", "match[spec_version]=two",
        ])
    func badParameters(query: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await Self.world(db)
            try await Self.push(world, 1)
            let answer = try await Self.get(world, "objects/?\(query)", headers: query.hasPrefix("purpose") ? [.accept: Self.taxii] : Self.reading)
            #expect(answer.status == .badRequest)
            #expect(answer.contentType == Self.taxii && answer.json["http_status"] as? String == "400")
            #expect(answer.json["title"] is String && answer.json["error_code"] is String)
            #expect(try await PurposeTests.disclosures(db).isEmpty)
        }
    }

    @Test("A next from another collection or consumer is refused")
    func foreignNext() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var second = GatewayFixture.agreement(id: "cert-to-police-2", webhookURL: nil)
            second.title = "Second"
            var first = GatewayFixture.agreement(webhookURL: nil)
            first.title = "First"
            var world = try await Self.world(db, agreements: [first, second])
            try await Self.push(world, 3)
            let page = try await Self.get(world, "objects/?limit=2")
            let next = try #require(page.json["next"] as? String)
            let list = try await routerRequest(world.app, .get, "/taxii2/liaison/collections/", key: world.consumer, headers: [.accept: Self.taxii])
            let ids = (list.json["collections"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            world.collection = try #require(ids.first { $0 != world.collection })
            #expect(try await Self.get(world, "objects/?limit=2&next=\(next)").status == .badRequest)
        }
    }

    @Test("Objects cannot be deleted; a read without a purpose is 428; a purpose in the query is recorded like the header's")
    func deleteAndPurpose() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await Self.world(db)
            try await Self.push(world, 2)
            let incident = try #require(Self.objects(try await Self.get(world, "objects/?match[type]=incident")).first?["id"] as? String)
            let before = try await PurposeTests.disclosures(db).count
            let delete = try await routerRequest(
                world.app, .delete, "/taxii2/liaison/collections/\(world.collection)/objects/\(incident)/", key: world.consumer,
                headers: Self.reading)
            #expect(delete.status == .forbidden && delete.contentType == Self.taxii && delete.json["http_status"] as? String == "403")
            for path in ["objects/", "manifest/", "objects/\(incident)/", "objects/\(incident)/versions/"] {
                let answer = try await Self.get(world, path, headers: [.accept: Self.taxii])
                #expect(answer.status.code == 428, "\(path)")
                #expect(answer.contentType == Self.taxii && answer.json["http_status"] as? String == "428")
                #expect(answer.json["error_code"] as? String == "purpose-required")
            }
            #expect(try await PurposeTests.disclosures(db).count == before)
            let both = try await Self.get(world, "objects/?purpose=case%3DKT-1", headers: Self.reading)
            #expect(both.status == .badRequest)
            let query = try await Self.get(world, "objects/?purpose=case%3DKT-2026-0419%3B+basis%3DZKP+art.+286", headers: [.accept: Self.taxii])
            #expect(query.status == .ok)
            let entries = try await PurposeTests.disclosures(db).dropFirst(before)
            #expect(entries.count == 2)
            #expect(entries.allSatisfy {
                $0["transport"] as? String == "taxii" && $0["purpose_case"] as? String == "KT-2026-0419"
                    && $0["purpose_basis"] as? String == "ZKP art. 286" && $0["person"] as? String == "Petra Analyst"
            })
            let manifest = try await Self.get(world, "manifest/")
            #expect(manifest.status == .ok)
            let recorded = try await PurposeTests.disclosures(db).dropFirst(before + 2)
            #expect(recorded.count == 2 && recorded.allSatisfy { $0["transport"] as? String == "taxii-manifest" && $0["purpose_case"] as? String == "TEST-2026-1" })
        }
    }

    @Test("A suspended agreement's collection and objects are gone")
    func suspended() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var agreement = GatewayFixture.agreement(webhookURL: nil)
            agreement.title = "Police"
            let world = try await Self.world(db, agreements: [agreement])
            try await Self.push(world, 2)
            #expect(Self.objects(try await Self.get(world, "objects/")).count > 0)
            let records = AgreementRecords(store: db.store, governance: AgreementGovernance())
            _ = try await records.move(
                agreement.id, 1, to: .suspended, ifMatch: nil, by: AuditActor(organisation: "cert", person: "Data Protection Officer"),
                reason: "review of the MoU")
            try await world.dependencies.agreements.refresh(from: db.store)
            #expect(try await Self.get(world, "objects/").status == .notFound)
            let list = try await routerRequest(world.app, .get, "/taxii2/liaison/collections/", key: world.consumer, headers: [.accept: Self.taxii])
            #expect(list.json.isEmpty)
        }
    }
}
