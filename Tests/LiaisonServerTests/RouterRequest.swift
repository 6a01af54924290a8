import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// One request through the router and its answer, with the body read as JSON.
struct RouterAnswer {
    var status: HTTPResponse.Status
    var contentType: String?
    var json: [String: Any]
    var text: String = ""
    var headers: HTTPFields = [:]
}

func routerRequest(
    _ app: some ApplicationProtocol, _ method: HTTPRequest.Method, _ uri: String, key: String?, body: String = "",
    contentType: String? = nil, headers: HTTPFields = [:]
) async throws -> RouterAnswer {
    try await routerRequest(app, method, uri, key: key, bytes: Array(body.utf8), contentType: contentType, headers: headers)
}

/// The same with a body of raw bytes (which need not be UTF-8).
func routerRequest(
    _ app: some ApplicationProtocol, _ method: HTTPRequest.Method, _ uri: String, key: String?, bytes: [UInt8],
    contentType: String? = nil, headers extra: HTTPFields = [:]
) async throws -> RouterAnswer {
    try await app.test(.router) { client in
        var headers = extra
        if let key, headers[.authorization] == nil { headers[.authorization] = "Bearer \(key)" }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(bytes: bytes))
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
        return RouterAnswer(
            status: response.status, contentType: response.headers[.contentType], json: json,
            text: String(buffer: response.body), headers: response.headers)
    }
}

/// Posts raw bytes to the events endpoint.
func postEvents(
    _ app: some ApplicationProtocol, key: String, body: [UInt8], contentType: String = "application/x-ndjson",
    query: String = ""
) async throws -> RouterAnswer {
    try await routerRequest(app, .post, "/v1/intake/events" + query, key: key, bytes: body, contentType: contentType)
}

extension HTTPField.Name {
    static let liaisonPurpose = HTTPField.Name("Liaison-Purpose")!
}

/// A stated purpose, which consumers' reads of what an agreement shares need unless the
/// agreement says `require_purpose: false`.
let readPurpose: HTTPFields = [.liaisonPurpose: "case=TEST-2026-1; basis=test suite"]
