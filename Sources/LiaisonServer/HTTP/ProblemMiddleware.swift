import Hummingbird

/// Answers every failure as a problem document (see ``Problem/from(_:logger:)``). Under
/// `/taxii2/` the only failures that reach it are paths no route takes (the TAXII routes answer
/// their own, through `TAXIIErrorMiddleware`); those are answered as TAXII error messages
/// (TAXII 2.1 section 3.6.1), as a TAXII client expects.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error, logger: context.logger)
            guard request.uri.path == "/taxii2" || request.uri.path.hasPrefix("/taxii2/") else { throw problem }
            return try JSONResponse.make(
                problem.status, TAXII.ErrorMessage(problem), contentType: MediaType.taxii.text, headers: problem.headers)
        }
    }
}
