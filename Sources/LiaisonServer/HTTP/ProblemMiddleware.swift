import Hummingbird

/// Answers every failure as a problem document (see ``Problem/from(_:logger:)``).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw Problem.from(error, logger: context.logger)
        }
    }
}
