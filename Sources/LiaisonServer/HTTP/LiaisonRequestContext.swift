import Hummingbird
import LiaisonCore

/// The request context: Hummingbird's core storage plus the caller the API key names.
public struct LiaisonRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?
    /// The caller's organisation, for the request's log line (see ``RequestCaller``).
    public let caller: RequestCaller

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
        caller = RequestCaller()
    }

    /// The caller, if its key has one of `roles`; otherwise a 401 or 403 problem.
    func require(_ roles: APIRole...) throws -> Principal {
        guard let principal else { throw Problem.unauthenticated }
        guard roles.contains(principal.role) else { throw Problem.forbidden(principal.role, need: roles) }
        return principal
    }
}
