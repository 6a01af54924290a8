import HTTPTypes
import Hummingbird

/// Says on every answer that it must not be stored by caches (`Cache-Control: no-store`,
/// RFC 9111 section 5.2.2.5: answers hold incidents, receipts and keys' views) and must not be
/// sniffed for another media type than the one it declares (`X-Content-Type-Options: nosniff`,
/// WHATWG Fetch). Outermost, so error answers carry both too.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    static let fields: HTTPFields = [.cacheControl: "no-store", HTTPField.Name("X-Content-Type-Options")!: "nosniff"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.append(contentsOf: Self.fields)
        return response
    }
}
