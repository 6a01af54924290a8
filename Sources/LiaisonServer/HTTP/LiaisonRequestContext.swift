import Hummingbird
import LiaisonCore
import NIOCore

/// The request context: Hummingbird's core storage, the caller the API key names, and the
/// client's address (for the public form's per-address limits; never logged).
public struct LiaisonRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?
    /// The caller's organisation, for the request's log line (see ``RequestCaller``).
    public let caller: RequestCaller
    public var remoteAddress: SocketAddress?
    /// In a console session: the session's CSRF token, which every form of its pages carries.
    public var consoleCSRF: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
        caller = RequestCaller()
        remoteAddress = source.channel.remoteAddress
        consoleCSRF = nil
    }

    /// The caller, if its key has one of `roles`; otherwise a 401 or 403 problem.
    func require(_ roles: APIRole...) throws -> Principal {
        guard let principal else { throw Problem.unauthenticated }
        guard roles.contains(principal.role) else { throw Problem.forbidden(principal.role, need: roles) }
        return principal
    }
}
