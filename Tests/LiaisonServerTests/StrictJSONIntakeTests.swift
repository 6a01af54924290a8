import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonIntake
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct StrictJSONIntakeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var body: [UInt8]
        var pointer: String
        var offset: Int
        var reason: JSONSyntaxError.Reason
        var testDescription: String { name }
    }

    static let first = Array((GatewayFixture.event(id: "first") + "\n").utf8)
    static let minimal = #"{"classification": {"taxonomy": "fraud", "type": "phishing"}, "title": "t""#

    /// The second line of an NDJSON body is bad; offsets count from the body's first byte.
    static let cases: [Case] = [
        Case(name: "duplicate key", body: first + Array((minimal + #", "title": "again"}"#).utf8),
             pointer: "/1/title", offset: first.count + minimal.utf8.count + 2, reason: .duplicateKey),
        Case(name: "invalid UTF-8", body: first + Array((minimal + #", "description": "a"#).utf8) + [0xC0, 0xAF] + Array("\"}".utf8),
             pointer: "/1/description", offset: first.count + minimal.utf8.count + 19, reason: .invalidUTF8),
        Case(name: "lone surrogate", body: first + Array((minimal + #", "description": "\udc00"}"#).utf8),
             pointer: "/1/description", offset: first.count + minimal.utf8.count + 18, reason: .loneSurrogate),
        Case(name: "too deep", body: first + Array((minimal + ", \"observables\": " + String(repeating: "[", count: 70)).utf8),
             pointer: "/1/observables" + String(repeating: "/0", count: 63), offset: first.count + minimal.utf8.count + 17 + 63,
             reason: .tooDeep),
        Case(name: "number out of range", body: first + Array((minimal + #", "n": 9007199254740993}"#).utf8),
             pointer: "/1/n", offset: first.count + minimal.utf8.count + 7, reason: .numberOutOfRange),
        Case(name: "truncated", body: first + Array(minimal.utf8),
             pointer: "/1", offset: first.count + minimal.utf8.count, reason: .truncated),
        Case(name: "trailing garbage", body: first + Array((minimal + "} x").utf8),
             pointer: "/1", offset: first.count + minimal.utf8.count + 2, reason: .trailingContent),
    ]

    @Test("A body that is not strict JSON is a 422 invalid-json naming pointer, offset and reason; nothing is written",
          arguments: cases)
    func refuses(_ example: Case) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let answer = try await postEvents(app, key: key, body: example.body)
            #expect(answer.status == 422)
            #expect(answer.json["type"] as? String == "urn:liaison:problem:invalid-json")
            let errors = try #require(answer.json["errors"] as? [[String: Any]])
            #expect(errors.count == 1)
            #expect(errors.first?["pointer"] as? String == example.pointer)
            #expect(errors.first?["offset"] as? Int == example.offset)
            #expect((errors.first?["reason"] as? String)?.hasPrefix(example.reason.rawValue + ":") == true)
            #expect(!String(describing: answer.json).contains("petrovic"))
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("Strings longer than the configured bound are refused, in a JSON array body too")
    func stringTooLong() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            dependencies.parser = EventBatchParser(limits: IntakeLimits(maxStringLength: 1024, maxJSONDepth: 8))
            let app = Application(router: buildRouter(dependencies))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let body = "[" + Self.minimal + ", \"description\": \"" + String(repeating: "a", count: 1025) + "\"}]"
            let answer = try await postEvents(app, key: key, body: Array(body.utf8), contentType: "application/json")
            #expect(answer.status == 422)
            let errors = try #require(answer.json["errors"] as? [[String: Any]])
            #expect(errors.first?["pointer"] as? String == "/0/description")
            #expect(errors.first?["offset"] as? Int == Self.minimal.utf8.count + 18)
            #expect((errors.first?["reason"] as? String)?.hasPrefix("string-too-long:") == true)
            let deep = "[" + Self.minimal + ", \"x\": " + String(repeating: "[", count: 9) + "}]"
            let tooDeep = try await postEvents(app, key: key, body: Array(deep.utf8), contentType: "application/json")
            #expect((tooDeep.json["errors"] as? [[String: Any]])?.first?["reason"] as? String == "too-deep: nests arrays and objects deeper than 8 levels")
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("An unknown format parameter is a 400")
    func badFormatParameter() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let answer = try await postEvents(app, key: key, body: Array(GatewayFixture.event().utf8), query: "?format=misp")
            #expect(answer.status == 400)
            #expect(answer.json["type"] as? String == "urn:liaison:problem:invalid-format")
            #expect(try await TestDatabase.rowCounts(db)["incidents"] == 0)
        }
    }
}
