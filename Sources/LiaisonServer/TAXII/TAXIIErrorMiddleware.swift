import Hummingbird
import LiaisonCore

/// Under `/taxii2/`: refuses a request whose `Accept` does not allow TAXII's media type
/// (406), and answers every failure as a TAXII error message, with the same status, slug
/// and places as the problem document elsewhere.
struct TAXIIErrorMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            guard MediaType.taxii.isAccepted(by: request) else {
                throw Problem(
                    .notAcceptable, "not-acceptable", title: "Not acceptable",
                    detail: "This server answers only in \(MediaType.taxii.text); allow it in Accept.")
            }
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error, logger: context.logger)
            return try JSONResponse.make(
                problem.status, TAXII.ErrorMessage(problem), contentType: MediaType.taxii.text, headers: problem.headers)
        }
    }
}
