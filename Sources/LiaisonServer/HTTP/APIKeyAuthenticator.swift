import Hummingbird
import LiaisonCore
import LiaisonStore

/// Resolves `Authorization: Bearer <key>` to the key's organisation and role. A missing
/// or unknown key is a 401 problem; routes then check the role (403).
struct APIKeyAuthenticator: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let store: PostgresIncidentStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw Problem.unauthenticated
        }
        let key = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let principal = try await store.principal(forKey: key) else { throw Problem.unauthenticated }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "org"] = "\(principal.organisation)"
        return try await next(request, context)
    }
}
