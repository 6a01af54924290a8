import Hummingbird
import LiaisonCore
import LiaisonDelivery
import NIOCore
import NIOSSL

/// The request context: Hummingbird's core storage, the caller the API key names, and the
/// client's address (for the public form's per-address limits; never logged).
public struct LiaisonRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?
    /// The caller's organisation, for the request's log line (see ``RequestCaller``).
    public let caller: RequestCaller
    public var remoteAddress: SocketAddress?
    /// The connection, to ask its TLS handler for the client's certificate.
    let channel: any Channel
    /// In a console session: the session's CSRF token, which every form of its pages carries.
    public var consoleCSRF: String?
    /// In a console session: the POST's form, read once (bounded) by the session middleware.
    var consoleForm: URLEncodedForm?

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
        caller = RequestCaller()
        remoteAddress = source.channel.remoteAddress
        channel = source.channel
        consoleCSRF = nil
        consoleForm = nil
    }

    /// SHA-256 (lower-case hex) of the DER of the client certificate the TLS handshake
    /// verified against `tls.client_ca`; nil on plain HTTP, or when the client sent none.
    func clientCertificateSHA256() async -> String? {
        guard let certificate = try? await channel.nioSSL_peerCertificate().get() else { return nil }
        return WebhookTLSMaterial.fingerprint(of: certificate)
    }

    /// The caller, if its key has one of `roles`; otherwise a 401 or 403 problem.
    func require(_ roles: APIRole...) throws -> Principal {
        guard let principal else { throw Problem.unauthenticated }
        guard roles.contains(principal.role) else { throw Problem.forbidden(principal.role, need: roles) }
        return principal
    }
}
