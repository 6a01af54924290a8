import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct TAXIITests {
    static let taxii = "application/taxii+json;version=2.1"
    static let accept: HTTPFields = [.accept: taxii]

    func gateway(_ db: TestDatabase.Handle) async throws -> (some ApplicationProtocol, String) {
        let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
        return (app, try await db.store.createAPIKey(organisation: "cert", role: .producer).key)
    }

    func collectionID(_ app: some ApplicationProtocol, key: String) async throws -> String {
        let answer = try await routerRequest(app, .get, "/taxii2/liaison/collections/", key: key, headers: Self.accept)
        let collections = try #require(answer.json["collections"] as? [[String: Any]])
        return try #require(collections.first?["id"] as? String)
    }

    @Test("Discovery names API roots under the configured public_url, never the request's Host or X-Forwarded-Proto")
    func discoveryIgnoresHost() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let request = "GET /taxii2/ HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Proto: https\r\nAuthorization: Bearer \(key)\r\n"
                + "Accept: \(Self.taxii)\r\nConnection: close\r\n\r\n"
            let configured = dependencies
            dependencies.publicURL = "https://liaison.example.org/gateway"
            for (gateway, expected) in [(configured, "/taxii2/liaison/"), (dependencies, "https://liaison.example.org/gateway/taxii2/liaison/")] {
                try await LiveGateway.run(gateway) { port in
                    let text = try await RawHTTPConnection.run(port: port) { connection in
                        connection.send(request)
                        connection.receive(timeout: .seconds(5)) { _ in false }
                        return connection.text
                    }
                    let body = String(text[try #require(text.range(of: "\r\n\r\n")).upperBound...])
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
                    #expect(json["api_roots"] as? [String] == [expected])
                    #expect(json["default"] as? String == expected)
                    #expect(!text.contains("evil"))
                }
            }
        }
    }

    @Test("Discovery, API root and collections answer in TAXII's media type")
    func discovery() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let found = try await routerRequest(app, .get, "/taxii2/", key: key, headers: Self.accept)
            #expect(found.status == .ok)
            #expect(found.contentType == Self.taxii)
            let roots = try #require(found.json["api_roots"] as? [String])
            #expect(roots == ["/taxii2/liaison/"])
            #expect(found.json["default"] as? String == "/taxii2/liaison/")
            let root = try await routerRequest(app, .get, "/taxii2/liaison/", key: key, headers: Self.accept)
            #expect(root.json["versions"] as? [String] == [Self.taxii])
            #expect(root.json["max_content_length"] as? Int == 1 << 20)
            let list = try await routerRequest(app, .get, "/taxii2/liaison/collections/", key: key, headers: Self.accept)
            let collections = try #require(list.json["collections"] as? [[String: Any]])
            #expect(collections.count == 1)
            #expect(collections.first?["can_write"] as? Bool == true && collections.first?["can_read"] as? Bool == false)
            let id = try #require(collections.first?["id"] as? String)
            let one = try await routerRequest(app, .get, "/taxii2/liaison/collections/\(id)/", key: key, headers: Self.accept)
            #expect(one.json["id"] as? String == id)
            // A consumer that holds no agreement sees no collection: an empty object.
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let none = try await routerRequest(app, .get, "/taxii2/liaison/collections/", key: consumer, headers: Self.accept)
            #expect(none.status == .ok && none.json.isEmpty)
        }
    }

    @Test("Add-objects answers 202 with a status resource that GET status repeats")
    func addObjects() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let id = try await collectionID(app, key: key)
            let added = try await routerRequest(
                app, .post, "/taxii2/liaison/collections/\(id)/objects/", key: key, body: STIXFixture.envelope(),
                contentType: Self.taxii, headers: Self.accept)
            #expect(added.status == .accepted)
            #expect(added.contentType == Self.taxii)
            #expect(added.json["status"] as? String == "complete")
            #expect(added.json["total_count"] as? Int == 4)
            #expect(added.json["success_count"] as? Int == 3)
            #expect(added.json["failure_count"] as? Int == 1 && added.json["pending_count"] as? Int == 0)
            let failures = try #require(added.json["failures"] as? [[String: String]])
            #expect(failures.first?["id"] == STIXFixture.badIndicatorID)
            #expect(failures.first?["version"] == "2026-11-20T10:00:00.000Z")
            let statusID = try #require(added.json["id"] as? String)
            let status = try await routerRequest(app, .get, "/taxii2/liaison/status/\(statusID)/", key: key, headers: Self.accept)
            #expect(status.status == .ok)
            #expect(status.json["success_count"] as? Int == 3)
            // Another producer cannot see it.
            let other = try await db.store.createAPIKey(organisation: "other-cert", role: .producer).key
            let hidden = try await routerRequest(app, .get, "/taxii2/liaison/status/\(statusID)/", key: other, headers: Self.accept)
            #expect(hidden.status == .notFound)
            #expect(hidden.contentType == Self.taxii)
            #expect(hidden.json["http_status"] as? String == "404")
        }
    }

    @Test("Adding the same valid objects again writes nothing and answers with the first push's status resource")
    func addAgain() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let id = try await collectionID(app, key: key)
            let envelope = STIXFixture.envelope(withBadIndicator: false)
            let first = try await routerRequest(
                app, .post, "/taxii2/liaison/collections/\(id)/objects/", key: key, body: envelope, contentType: Self.taxii,
                headers: Self.accept)
            let counts = try await TestDatabase.rowCounts(db)
            let again = try await routerRequest(
                app, .post, "/taxii2/liaison/collections/\(id)/objects/", key: key, body: envelope, contentType: Self.taxii,
                headers: Self.accept)
            #expect(again.status == .accepted)
            #expect(again.json["id"] as? String == first.json["id"] as? String)
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("Wrong media types, collections and keys get TAXII errors and write nothing")
    func errors() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let id = try await collectionID(app, key: key)
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let before = try await TestDatabase.rowCounts(db)
            let path = "/taxii2/liaison/collections/\(id)/objects/"
            let cases: [(String?, String, HTTPFields, Int)] = [
                (key, path, [.accept: "application/json"], 406),
                (key, path, [.accept: "application/taxii+json;version=2.0"], 406),
                (key, "/taxii2/liaison/collections/00000000-0000-0000-0000-000000000000/objects/", Self.accept, 404),
                (consumer, path, Self.accept, 403),
                (nil, path, Self.accept, 401),
            ]
            for (caller, uri, headers, status) in cases {
                let answer = try await routerRequest(
                    app, .post, uri, key: caller, body: STIXFixture.envelope(), contentType: Self.taxii, headers: headers)
                #expect(answer.status.code == status, "\(uri) \(headers)")
                #expect(answer.contentType == Self.taxii)
                #expect(answer.json["http_status"] as? String == String(status))
            }
            let wrongType = try await routerRequest(
                app, .post, path, key: key, body: STIXFixture.envelope(), contentType: "application/json", headers: Self.accept)
            #expect(wrongType.status == .unsupportedMediaType)
            let notEnvelope = try await routerRequest(app, .post, path, key: key, body: "[]", contentType: Self.taxii, headers: Self.accept)
            #expect(notEnvelope.status == .unprocessableContent)
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("TAXII clients may send the key as HTTP Basic's password")
    func basicAuthentication() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (app, key) = try await gateway(db)
            let basic = "Basic " + Data("cert:\(key)".utf8).base64EncodedString()
            let answer = try await routerRequest(app, .get, "/taxii2/", key: nil, headers: [.accept: Self.taxii, .authorization: basic])
            #expect(answer.status == .ok)
        }
    }
}
