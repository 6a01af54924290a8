import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// Resolves `Authorization: Bearer <key>` to the key's organisation and role. A missing
/// or unknown key is a 401 problem; routes then check the role (403). HTTP Basic with the
/// key as the password (any user name) is taken too, for TAXII clients that only speak
/// Basic. A request without an `Authorization` header, on the TLS listener, is taken as the
/// key bound to the client certificate it presented (`tls.client_ca`), if one is; a request
/// with the header is decided by the header alone, so a certificate never adds to a key.
struct APIKeyAuthenticator: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let store: PostgresIncidentStore
    /// ``GatewayDependencies/clientCertificateAuthentication``.
    var clientCertificates = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let found: Principal?
        if let header = request.headers[.authorization] {
            guard let key = Self.key(fromAuthorization: header) else { throw Problem.unauthenticated }
            found = try await store.principal(forKey: key)
        } else if clientCertificates, let certificate = await context.clientCertificateSHA256() {
            found = try await store.principal(forClientCertificate: certificate)
        } else {
            found = nil
        }
        guard let principal = found else { throw Problem.unauthenticated }
        var context = context
        context.principal = principal
        context.caller.organisation = principal.organisation
        context.logger[metadataKey: "org"] = "\(principal.organisation)"
        return try await next(request, context)
    }

    /// The credentials of a `Bearer` authorization header only (for the metrics token).
    static func bearer(fromAuthorization header: String) -> String? {
        guard header.lowercased().hasPrefix("bearer ") else { return nil }
        return key(fromAuthorization: header)
    }

    /// The API key in a `Bearer` or `Basic` authorization header. The scheme's name is
    /// case-insensitive (RFC 9110 section 11.1): `bearer` and `BEARER` are `Bearer`.
    static func key(fromAuthorization header: String) -> String? {
        guard let space = header.firstIndex(of: " ") else { return nil }
        let credentials = header[space...].trimmingCharacters(in: .whitespaces)
        guard !credentials.isEmpty else { return nil }
        switch header[..<space].lowercased() {
        case "bearer":
            return credentials
        case "basic":
            guard let decoded = Data(base64Encoded: credentials), let pair = String(data: decoded, encoding: .utf8),
                let colon = pair.firstIndex(of: ":")
            else { return nil }
            return String(pair[pair.index(after: colon)...])
        default:
            return nil
        }
    }
}
