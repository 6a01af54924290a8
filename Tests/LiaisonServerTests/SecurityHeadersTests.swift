import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct SecurityHeadersMiddlewareTests {
    @Test("Every answer, success or failure, says Cache-Control: no-store and X-Content-Type-Options: nosniff")
    func everyAnswer() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let answers = [
                try await routerRequest(app, .get, "/healthz", key: nil),
                try await routerRequest(app, .get, "/v1/feed", key: consumer),
                try await routerRequest(app, .get, "/v1/feed", key: nil),
                try await routerRequest(app, .get, "/no/such/path", key: nil),
                try await routerRequest(app, .post, "/v1/intake/events", key: producer, body: "{", contentType: "application/json"),
                try await routerRequest(app, .get, "/taxii2/", key: producer, headers: [.accept: "application/taxii+json;version=2.1"]),
                try await routerRequest(app, .get, "/taxii2/", key: producer, headers: [.accept: "text/html"]),
            ]
            for answer in answers {
                #expect(answer.headers[.cacheControl] == "no-store", "\(answer.status)")
                #expect(answer.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(answer.status)")
            }
        }
    }
}
