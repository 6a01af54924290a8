import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

@Suite struct EventBatchParserTests {
    let parser = EventBatchParser()

    func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    @Test("Reads NDJSON events, skipping blank lines, with defaults for what is absent")
    func ndjson() throws {
        let drafts = try parser.parse(try fixture("events-valid.ndjson"), format: .ndjson)
        #expect(drafts.count == 2)
        #expect(drafts[0].naturalKey == "event-id:ev-1")
        #expect(drafts[0].tlp == .green)
        #expect(drafts[0].observables[1] == Observable(kind: .email, value: "victim@example.rs", role: .victim))
        #expect(drafts[0].lastSeen == Date(timeIntervalSince1970: 1_793_602_800.25))
        #expect(drafts[1].tlp == .amber)
        #expect(drafts[1].observables[0].role == .unknown)
        #expect(drafts[1].naturalKey.hasPrefix("event-sha256:"))
    }

    @Test("Reads a JSON array and a single JSON object")
    func array() throws {
        let one = #"{"classification": {"taxonomy": "test", "type": "test"}, "title": "t"}"#
        #expect(try parser.parse(Array("[\(one),\(one)]".utf8), format: .jsonArray).count == 2)
        #expect(try parser.parse(Array(one.utf8), format: .jsonArray).count == 1)
    }

    @Test("Reports every problem of every bad event by JSON Pointer, without quoting values")
    func invalid() throws {
        let body = try fixture("events-invalid.json")
        let error = #expect(throws: IntakeError.self) { try parser.parse(body, format: .jsonArray) }
        guard case .invalidEvents(let problems, _)? = error else {
            Issue.record("expected invalid events")
            return
        }
        let pointers = Set(problems.map(\.pointer))
        #expect(pointers == [
            "/1/colour", "/1/classification/type", "/1/tlp", "/1/title", "/1/first_seen",
            "/1/observables/0/role", "/1/observables/1/kind", "/2/classification/taxonomy", "/2/last_seen",
        ])
        #expect(!problems.contains { $0.reason.contains("secret.person") || $0.reason.contains("orange") || $0.reason.contains("yesterday") })
    }

    @Test("Gives the same natural key to the same event however it is spelled")
    func naturalKey() throws {
        let a = #"{"title": "t", "classification": {"type": "test", "taxonomy": "test"}}"#
        let b = #"{ "classification": {"taxonomy": "test", "type": "test"},   "title": "t" }"#
        let keys = try [a, b].map { try parser.parse(Array($0.utf8), format: .ndjson)[0].naturalKey }
        #expect(keys[0] == keys[1])
    }

    @Test("Refuses bodies that are not JSON, empty, or over the event bound", arguments: [
        ("not json", EventBatchParser.Format.jsonArray), ("{\"title\": ", .ndjson), ("   \n\n", .ndjson), ("[]", .jsonArray), ("42", .jsonArray),
    ])
    func refuses(body: String, format: EventBatchParser.Format) {
        #expect(throws: IntakeError.self) { try parser.parse(Array(body.utf8), format: format) }
    }

    @Test("Stops at the configured number of events")
    func tooMany() {
        let bounded = EventBatchParser(limits: IntakeLimits(maxEventsPerRequest: 2))
        let line = #"{"classification": {"taxonomy": "test", "type": "test"}, "title": "t"}"# + "\n"
        #expect(throws: IntakeError.tooManyEvents(limit: 2)) {
            try bounded.parse(Array(String(repeating: line, count: 3).utf8), format: .ndjson)
        }
    }
}

@Suite struct EventSchemaTests {
    @Test("The examples in schemas/event.schema.json and the walkthrough's event parse")
    func examples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("schemas/event.schema.json"))) as? [String: Any]
        let examples = try #require(schema?["examples"] as? [Any])
        let body = try JSONSerialization.data(withJSONObject: examples)
        #expect(try EventBatchParser().parse(Array(body), format: .jsonArray).count == examples.count)
        let walkthrough = try Data(contentsOf: root.appendingPathComponent("deploy/local/examples/phishing-event.ndjson"))
        #expect(try EventBatchParser().parse(Array(walkthrough), format: .ndjson).count == 1)
    }
}
