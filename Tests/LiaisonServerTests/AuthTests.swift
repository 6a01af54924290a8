import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
@testable import LiaisonServer
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct AuthTests {
    enum Caller: String, CaseIterable { case none, wrong, producer, consumer, admin, auditor }

    @Test("Each role is refused where it does not belong", arguments: [
        (Caller.none, "POST", "/v1/intake/events", 401), (.wrong, "POST", "/v1/intake/events", 401),
        (.consumer, "POST", "/v1/intake/events", 403), (.admin, "POST", "/v1/intake/events", 403),
        (.auditor, "POST", "/v1/intake/events", 403), (.producer, "POST", "/v1/intake/events", 201),
        (.none, "GET", "/v1/feed", 401), (.wrong, "GET", "/v1/feed", 401), (.producer, "GET", "/v1/feed", 403),
        (.auditor, "GET", "/v1/feed", 403), (.consumer, "GET", "/v1/feed", 200),
    ])
    func roles(caller: Caller, method: String, path: String, expected: Int) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            var headers: HTTPFields = [.contentType: "application/x-ndjson"]
            switch caller {
            case .none: break
            case .wrong: headers[.authorization] = "Bearer lsn_not-a-key"
            default:
                let key = try await db.store.createAPIKey(organisation: "org-\(caller.rawValue)", role: APIRole(rawValue: caller.rawValue)!, person: "Test Person").key
                headers[.authorization] = "Bearer \(key)"
            }
            let requestHeaders = headers
            let status = try await app.test(.router) { client in
                let response = try await client.execute(
                    uri: path, method: HTTPRequest.Method(method)!, headers: requestHeaders,
                    body: ByteBuffer(string: GatewayFixture.event()))
                if expected >= 400 {
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
                if expected == 401 { #expect(response.headers[.wwwAuthenticate] == "Bearer") }
                return response.status.code
            }
            #expect(status == expected)
        }
    }

    @Test("A key sent as 'bearer' or 'BEARER' is taken like one sent as 'Bearer'")
    func lowerCaseScheme() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            for scheme in ["bearer", "BEARER"] {
                let answer = try await routerRequest(app, .get, "/v1/feed", key: nil, headers: [.authorization: "\(scheme) \(key)"])
                #expect(answer.status == .ok, "\(scheme)")
            }
        }
    }
}

@Suite struct APIKeyAuthenticatorTests {
    @Test("The authorization scheme is case-insensitive (RFC 9110 section 11.1)", arguments: [
        "Bearer lsn_k", "bearer lsn_k", "BEARER lsn_k", "bEaReR  lsn_k", "Basic dTpsc25faw==", "basic dTpsc25faw==", "BASIC dTpsc25faw==",
    ])
    func schemeIgnoresCase(header: String) {
        #expect(APIKeyAuthenticator.key(fromAuthorization: header) == "lsn_k")
    }

    @Test("A header that names another scheme, or none, carries no key", arguments: ["Bearerlsn_k", "Token lsn_k", "lsn_k", "Bearer ", ""])
    func otherSchemes(header: String) {
        #expect(APIKeyAuthenticator.key(fromAuthorization: header) == nil)
    }
}
