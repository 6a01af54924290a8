import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore

/// An RFC 9457 problem document, the one shape every HTTP error takes. `errors` names
/// the offending places (JSON Pointers, object ids, MIME parts) with a reason each;
/// nothing in it quotes the request's content.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A short slug; the document's `type` is `urn:liaison:problem:SLUG`.
    public var slug: String
    public var title: String
    public var detail: String
    /// The first places at fault (at most `intake.max_errors` of them)…
    public var errors: [Item]
    /// …and how many there were in all, shown as `error_count` with any `errors`.
    public var errorCount: Int
    public var headers: HTTPFields

    public struct Item: Codable, Sendable, Hashable {
        public var pointer: String
        public var reason: String
        /// For a body that is not JSON: the offending byte's offset in the body.
        public var offset: Int?

        public init(pointer: String, reason: String, offset: Int? = nil) {
            self.pointer = pointer
            self.reason = reason
            self.offset = offset
        }
    }

    public init(
        _ status: HTTPResponse.Status, _ slug: String, title: String, detail: String, errors: [Item] = [],
        errorCount: Int? = nil, headers: HTTPFields = [:]
    ) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.errors = errors
        self.errorCount = errorCount ?? errors.count
        self.headers = headers
    }

    struct Document: Codable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var errors: [Item]?
        var errorCount: Int?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, errors
            case errorCount = "error_count"
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let document = Document(
            type: "urn:liaison:problem:\(slug)", title: title, status: status.code, detail: detail,
            errors: errors.isEmpty ? nil : errors, errorCount: errors.isEmpty ? nil : errorCount)
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try CanonicalJSON.encode(document))))
    }
}

extension Problem {
    static let unauthenticated = Problem(
        .unauthorized, "unauthenticated", title: "Authentication required",
        detail: "Send a valid API key as 'Authorization: Bearer <key>'.", headers: [.wwwAuthenticate: "Bearer"])

    /// `/metrics` without its token (`metrics.token`), which is not an API key.
    static let metricsUnauthenticated = Problem(
        .unauthorized, "metrics-unauthenticated", title: "Authentication required",
        detail: "Send the metrics token as 'Authorization: Bearer <token>'.", headers: [.wwwAuthenticate: "Bearer"])

    static func forbidden(_ role: APIRole, need: [APIRole]) -> Problem {
        Problem(
            .forbidden, "forbidden", title: "Not allowed for this key",
            detail: "A \(role.rawValue) key cannot do this; it needs a \(need.map(\.rawValue).joined(separator: " or ")) key.")
    }

    static func badRequest(_ slug: String, _ detail: String, pointer: String? = nil) -> Problem {
        Problem(
            .badRequest, slug, title: "Bad request", detail: detail,
            errors: pointer.map { [Item(pointer: $0, reason: detail)] } ?? [])
    }

    static func unsupportedMediaType(accepted: [String]) -> Problem {
        Problem(
            .unsupportedMediaType, "unsupported-media-type", title: "Unsupported media type",
            detail: "Send the body as \(accepted.joined(separator: " or ")).")
    }

    /// The rest of the body is not read: the answer says `Connection: close`, and
    /// `ConnectionCloseHandler` closes the connection after it (RFC 9112 section 9.6).
    static func bodyTooLarge(limit: Int) -> Problem {
        Problem(
            .contentTooLarge, "body-too-large", title: "Body too large",
            detail: "The body is larger than this gateway's limit of \(limit) bytes; split it into smaller requests.",
            headers: [.connection: "close"])
    }

    /// A request the HTTP/1.1 codec cannot read (RFC 9112): too many or too large header
    /// fields, bytes a request target may not hold, both Content-Length and Transfer-Encoding,
    /// conflicting lengths, a malformed chunk. The connection is closed after it.
    static let malformedRequest = Problem(
        .badRequest, "malformed-request", title: "Malformed request",
        detail: "The request is not valid HTTP/1.1 (RFC 9112) or exceeds this gateway's header bounds; nothing was stored.",
        headers: [.connection: "close"])

    /// An unexpected failure: the client learns only a correlation id, which the log has too.
    static func internalError(correlationID: String) -> Problem {
        Problem(
            .internalServerError, "internal", title: "Internal error",
            detail: "The gateway could not finish this request; nothing was stored. Quote correlation id \(correlationID) to its operator.")
    }

    /// A path under a page route (`/static/`, `/report/`) that names nothing, or the public
    /// form while it is not enabled.
    static let pageNotFound = Problem(.notFound, "not-found", title: "Not found", detail: "There is no page at this address.")

    static let unavailable = Problem(
        .serviceUnavailable, "unavailable", title: "Database unavailable",
        detail: "The gateway cannot reach its database; nothing was stored. Try again later.",
        headers: [.retryAfter: "5"])
}
