import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// Resolves `Authorization: Bearer <key>` to the key's organisation and role. A missing
/// or unknown key is a 401 problem; routes then check the role (403). HTTP Basic with the
/// key as the password (any user name) is taken too, for TAXII clients that only speak
/// Basic.
struct APIKeyAuthenticator: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let store: PostgresIncidentStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let key = request.headers[.authorization].flatMap(Self.key(fromAuthorization:)) else {
            throw Problem.unauthenticated
        }
        guard let principal = try await store.principal(forKey: key) else { throw Problem.unauthenticated }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "org"] = "\(principal.organisation)"
        return try await next(request, context)
    }

    /// The API key in a `Bearer` or `Basic` authorization header.
    static func key(fromAuthorization header: String) -> String? {
        if header.hasPrefix("Bearer ") {
            return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        guard header.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let credentials = String(data: decoded, encoding: .utf8), let colon = credentials.firstIndex(of: ":")
        else { return nil }
        return String(credentials[credentials.index(after: colon)...])
    }
}
