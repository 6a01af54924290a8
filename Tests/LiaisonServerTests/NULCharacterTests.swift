import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

/// U+0000 cannot be stored in PostgreSQL text. Every JSON intake route refuses it where it
/// stands, before anything reaches the database.
@Suite(.timeLimit(.minutes(5))) struct NULCharacterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var contentType: String
        var body: String
        var pointer: String
        var testDescription: String { name }
    }

    static let taxii = "application/taxii+json;version=2.1"
    static let event = GatewayFixture.event(id: "nul-1")

    static let cases: [Case] = [
        Case(name: "event title", path: "/v1/intake/events", contentType: "application/x-ndjson",
             body: event.replacingOccurrences(of: "Phishing against", with: #"Phishing\u0000against"#), pointer: "/0/title"),
        Case(name: "event description", path: "/v1/intake/events", contentType: "application/x-ndjson",
             body: event.replacingOccurrences(of: "before the fake", with: #"before\u0000the fake"#), pointer: "/0/description"),
        Case(name: "event id", path: "/v1/intake/events", contentType: "application/x-ndjson",
             body: event.replacingOccurrences(of: #""nul-1""#, with: #""nul\u00001""#), pointer: "/0/id"),
        Case(name: "observable value", path: "/v1/intake/events", contentType: "application/json",
             body: "[" + event.replacingOccurrences(of: "203.0.113.7", with: #"203.0.113.7\u0000"#) + "]", pointer: "/0/observables/2/value"),
        Case(name: "IntelMQ field", path: "/v1/intake/events?format=intelmq", contentType: "application/json",
             body: #"{"classification.taxonomy": "fraud", "classification.type": "phishing", "source.fqdn": "bank\u0000.example"}"#,
             pointer: "/source.fqdn"),
        Case(name: "object key", path: "/v1/intake/events", contentType: "application/json",
             body: #"{"classification": {"taxonomy": "fraud", "type": "phishing"}, "title": "t", "x\u0000": 1}"#, pointer: ""),
        Case(name: "STIX name", path: "/v1/intake/stix", contentType: "application/stix+json;version=2.1",
             body: STIXFixture.bundle().replacingOccurrences(of: "Fake bank login", with: #"Fake\u0000bank login"#),
             pointer: "/objects/0/name"),
        Case(name: "STIX pattern", path: "/v1/intake/stix", contentType: "application/stix+json;version=2.1",
             body: STIXFixture.bundle().replacingOccurrences(of: "bank-login.example.net/rs/'] OR", with: #"bank-login.example.net/rs/\u0000'] OR"#),
             pointer: "/objects/0/pattern"),
        Case(name: "TAXII envelope description", path: "/taxii2/liaison/collections/COLLECTION/objects/", contentType: taxii,
             body: STIXFixture.envelope().replacingOccurrences(of: "Broken", with: #"Bro\u0000ken"#), pointer: "/objects/3/name"),
    ]

    @Test("U+0000 in any JSON text is a 422 naming the field, and nothing is written", arguments: cases)
    func refused(_ example: Case) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            var path = example.path
            if path.contains("COLLECTION") {
                let list = try await routerRequest(app, .get, "/taxii2/liaison/collections/", key: key, headers: [.accept: Self.taxii])
                let id = try #require((list.json["collections"] as? [[String: Any]])?.first?["id"] as? String)
                path = path.replacingOccurrences(of: "COLLECTION", with: id)
            }
            let before = try await TestDatabase.rowCounts(db)
            let answer = try await routerRequest(
                app, .post, path, key: key, body: example.body, contentType: example.contentType, headers: [.accept: "*/*"])
            #expect(answer.status == .unprocessableContent, "\(answer.text)")
            let pointers: [String]
            if path.hasPrefix("/taxii2/") {
                pointers = Array(((answer.json["details"] as? [String: String]) ?? [:]).keys)
            } else {
                pointers = ((answer.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["pointer"] as? String }
            }
            #expect(pointers == [example.pointer], "\(answer.text)")
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }
}
