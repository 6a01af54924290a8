import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonIntake
import LiaisonServer
import LiaisonTestSupport
import Testing

/// A hostile body of many bad objects must not make an answer many times its size: error
/// answers list at most `intake.max_errors` places, with the total.
@Suite(.timeLimit(.minutes(5))) struct BoundedAnswerTests {
    /// Each event breaks three rules: its classification, its TLP and an observable.
    static let badEvent = #"{"classification": {"taxonomy": "fraud", "type": "nope"}, "tlp": "TLP:PURPLE", "title": "x", "#
        + #""observables": [{"kind": "shoe", "value": "44", "role": "victim"}]}"#

    func gateway(_ db: TestDatabase.Handle, maxErrors: Int = 100) async throws -> (some ApplicationProtocol, String) {
        var dependencies = try await GatewayFixture.dependencies(db, agreements: [], maxBodyBytes: 16 << 20)
        dependencies.parser.limits.maxErrorsListed = maxErrors
        dependencies.stixReader.limits.maxErrorsListed = maxErrors
        return (Application(router: buildRouter(dependencies)), try await db.store.createAPIKey(organisation: "cert", role: .producer).key)
    }

    @Test("20,000 invalid events: the 422 lists 100 problems, says how many there were, and stays small")
    func invalidEvents() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let body = Array(repeating: Self.badEvent, count: 20_000).joined(separator: "\n")
            let answer = try await postEvents(app, key: key, body: Array(body.utf8))
            #expect(answer.status == .unprocessableContent)
            #expect((answer.json["errors"] as? [Any])?.count == 100)
            #expect(answer.json["error_count"] as? Int == 60_000)
            #expect((answer.json["detail"] as? String)?.contains("20000 event(s)") == true, "\(answer.json["detail"] ?? "")")
            #expect(answer.text.utf8.count < 16 << 10, "the answer is \(answer.text.utf8.count) bytes")
        }
    }

    @Test("As many NDJSON lines that are not JSON, and a JSON array of bad events, are bounded the same way")
    func invalidJSONLines() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db, maxErrors: 7)
            let lines = try await postEvents(app, key: key, body: Array(Array(repeating: "{", count: 20_000).joined(separator: "\n").utf8))
            #expect(lines.json["type"] as? String == "urn:liaison:problem:invalid-json")
            #expect((lines.json["errors"] as? [Any])?.count == 7 && lines.json["error_count"] as? Int == 20_000)
            let array = "[" + Array(repeating: Self.badEvent, count: 5_000).joined(separator: ",") + "]"
            let events = try await postEvents(app, key: key, body: Array(array.utf8), contentType: "application/json")
            #expect((events.json["errors"] as? [Any])?.count == 7 && events.json["error_count"] as? Int == 15_000)
        }
    }

    @Test("A bundle of 5,000 invalid STIX objects sent all-or-nothing lists 100 problems and the total")
    func invalidObjects() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let object = #"{"type": "indicator", "spec_version": "2.1", "id": "indicator--ID", "created": "2026-11-20T10:00:00.000Z", "#
                + #""modified": "2026-11-20T10:00:00.000Z", "pattern": "[url:value = ", "pattern_type": "stix", "valid_from": "x"}"#
            let objects = (0..<5_000).map { _ in object.replacingOccurrences(of: "ID", with: UUID().uuidString.lowercased()) }
            let bundle = #"{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": ["#
                + objects.joined(separator: ",") + "]}"
            let answer = try await routerRequest(
                app, .post, "/v1/intake/stix?atomic=true", key: key, body: bundle, contentType: "application/stix+json")
            #expect(answer.status == .unprocessableContent)
            #expect((answer.json["errors"] as? [Any])?.count == 100)
            #expect((answer.json["error_count"] as? Int ?? 0) >= 10_000)
            #expect(answer.text.utf8.count < 32 << 10, "the answer is \(answer.text.utf8.count) bytes")
        }
    }
}
