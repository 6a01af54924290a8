import Foundation
import HTTPTypes
import Hummingbird
import LiaisonIntake
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct STIXIntakeTests {
    static let stix = "application/stix+json;version=2.1"

    func gateway(_ db: TestDatabase.Handle) async throws -> (some ApplicationProtocol, String) {
        let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
        return (app, try await db.store.createAPIKey(organisation: "cert", role: .producer).key)
    }

    func outcomes(_ answer: RouterAnswer) -> [String: [String: Any]] {
        let list = answer.json["outcomes"] as? [[String: Any]] ?? []
        return Dictionary(list.compactMap { o in (o["object_id"] as? String).map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
    }

    @Test("A bundle is taken object by object: valid ones stored, the invalid one rejected with its reason")
    func perObjectOutcomes() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let answer = try await routerRequest(app, .post, "/v1/intake/stix", key: key, body: STIXFixture.bundle(), contentType: Self.stix)
            #expect(answer.status == .created)
            let byID = outcomes(answer)
            #expect(byID.count == 4)
            #expect(byID[STIXFixture.indicatorID]?["status"] as? String == "accepted")
            #expect(byID[STIXFixture.indicatorID]?["incident_id"] != nil)
            #expect(byID[STIXFixture.indicatorID]?["version"] as? String == "2026-11-20T10:00:00.000Z")
            let rejected = try #require(byID[STIXFixture.badIndicatorID])
            #expect(rejected["status"] as? String == "rejected")
            let errors = try #require(rejected["errors"] as? [[String: String]])
            #expect(errors.contains { $0["pointer"]?.hasPrefix("/objects/3") == true && $0["reason"]?.contains("pattern") == true })
            let incidents = Set((answer.json["incident_ids"] as? [String]) ?? [])
            #expect(try await TestDatabase.rowCounts(db)["incidents"] == incidents.count)
            #expect(!incidents.isEmpty)
            // The victim's name and address live only in the vault.
            let text = try await TestDatabase.allTextOutsideVault(db).joined(separator: "\n")
            #expect(!text.contains(STIXFixture.victimEmail) && !text.contains("Petrović"))
        }
    }

    @Test("Re-sending a bundle is a duplicate; a newer modified updates the incident")
    func resendAndUpdate() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            _ = try await routerRequest(app, .post, "/v1/intake/stix", key: key, body: STIXFixture.bundle(), contentType: Self.stix)
            let counts = try await TestDatabase.rowCounts(db)
            let again = try await routerRequest(app, .post, "/v1/intake/stix", key: key, body: STIXFixture.bundle(), contentType: Self.stix)
            #expect(again.status == .created)
            #expect(outcomes(again)[STIXFixture.indicatorID]?["status"] as? String == "duplicate")
            #expect(try await TestDatabase.rowCounts(db)["incidents"] == counts["incidents"])
            #expect(try await TestDatabase.rowCounts(db)["vault_entries"] == counts["vault_entries"])
            let newer = try await routerRequest(
                app, .post, "/v1/intake/stix", key: key, body: STIXFixture.bundle(modified: "2026-11-22T10:00:00.000Z"),
                contentType: Self.stix)
            #expect(outcomes(newer)[STIXFixture.indicatorID]?["status"] as? String == "updated")
            #expect(try await TestDatabase.rowCounts(db)["incident_versions"] == 1)
        }
    }

    @Test("Re-sending a valid bundle writes nothing and answers 200 with the first receipt")
    func resendWritesNothing() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let bundle = STIXFixture.bundle(withBadIndicator: false)
            let first = try await routerRequest(app, .post, "/v1/intake/stix", key: key, body: bundle, contentType: Self.stix)
            #expect(first.status == .created)
            let counts = try await TestDatabase.rowCounts(db)
            let again = try await routerRequest(app, .post, "/v1/intake/stix", key: key, body: bundle, contentType: Self.stix)
            #expect(again.status == .ok)
            #expect(again.json["receipt_id"] as? String == first.json["receipt_id"] as? String)
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("atomic=true writes nothing when any object is rejected")
    func atomicRefusesAll() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let before = try await TestDatabase.rowCounts(db)
            let answer = try await routerRequest(
                app, .post, "/v1/intake/stix?atomic=true", key: key, body: STIXFixture.bundle(), contentType: Self.stix)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.json["type"] as? String == "urn:liaison:problem:invalid-objects")
            #expect(try await TestDatabase.rowCounts(db) == before)
            let clean = try await routerRequest(
                app, .post, "/v1/intake/stix?atomic=true", key: key, body: STIXFixture.bundle(withBadIndicator: false),
                contentType: Self.stix)
            #expect(clean.status == .created)
        }
    }

    @Test("A bundle over the object bound is a 413; an Idempotency-Key retry returns the first receipt")
    func boundAndIdempotency() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            dependencies.stixReader = STIXBundleReader(limits: STIXLimits(maxObjects: 3), defaultTLP: .amber)
            let app = Application(router: buildRouter(dependencies))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let over = try await routerRequest(app, .post, "/v1/intake/stix", key: key, body: STIXFixture.bundle(), contentType: Self.stix)
            #expect(over.status == .contentTooLarge)
            #expect(over.json["type"] as? String == "urn:liaison:problem:too-many-objects")
            #expect(try await TestDatabase.rowCounts(db) == before)
            let body = STIXFixture.bundle(withBadIndicator: false)
            let first = try await routerRequest(
                app, .post, "/v1/intake/stix", key: key, body: body, contentType: Self.stix, headers: [HTTPField.Name("Idempotency-Key")!: "push-1"])
            let retry = try await routerRequest(
                app, .post, "/v1/intake/stix", key: key, body: body, contentType: Self.stix, headers: [HTTPField.Name("Idempotency-Key")!: "push-1"])
            #expect(first.status == .created && retry.status == .created)
            #expect(retry.json["receipt_id"] as? String == first.json["receipt_id"] as? String)
            #expect(try await TestDatabase.rowCounts(db)["receipts"] == 1)
        }
    }

    @Test("Bad bodies get precise problems and write nothing", arguments: [
        ("text/plain", STIXFixture.bundle(), 415),
        ("application/stix+json;version=2.0", STIXFixture.bundle(), 415),
        ("application/json", #"{"type": "report", "objects": []}"#, 422),
        ("application/json", #"{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": []}"#, 422),
        ("application/json", #"["not", "a", "bundle"]"#, 422),
        ("application/json", #"{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [{"type": "indicator"}]}"#, 422),
        ("application/json", "{\"type\": \"bundle\"", 422),
    ])
    func badBodies(contentType: String, body: String, status: Int) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let before = try await TestDatabase.rowCounts(db)
            let answer = try await routerRequest(app, .post, "/v1/intake/stix", key: key, body: body, contentType: contentType)
            #expect(answer.status.code == status)
            #expect(answer.contentType == "application/problem+json")
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }
}
