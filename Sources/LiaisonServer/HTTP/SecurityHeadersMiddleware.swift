import HTTPTypes
import Hummingbird

/// Says on every answer that it must not be stored by caches (`Cache-Control: no-store`,
/// RFC 9111 section 5.2.2.5: answers hold incidents, receipts and keys' views) and must not be
/// sniffed for another media type than the one it declares (`X-Content-Type-Options: nosniff`,
/// WHATWG Fetch). For the HTML pages (``WebPages``), and harmlessly for every other answer: a
/// `Content-Security-Policy` (CSP Level 3) that allows no script at all, styles and images only
/// from the gateway itself, forms posting only back to it, and no framing; `X-Frame-Options:
/// DENY` (RFC 7034) for browsers without `frame-ancestors`; `Referrer-Policy: no-referrer`, so a
/// link followed from a page does not tell the other site where the reader came from.
/// Outermost, so error answers carry them too.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static let fields: HTTPFields = [
        .cacheControl: "no-store", HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        .contentSecurityPolicy: contentSecurityPolicy, HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.append(contentsOf: Self.fields)
        return response
    }
}
