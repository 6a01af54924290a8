import Foundation
import Hummingbird
import LiaisonCore
import NIOCore

/// Under `/taxii2/`, failures answer as TAXII error messages (`application/taxii+json`),
/// with the same status, slug and places as the problem document elsewhere.
struct TAXIIErrorMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = ProblemMiddleware.problem(for: error, context: context)
            var headers = problem.headers
            headers[.contentType] = MediaType.taxii.text
            return Response(
                status: problem.status, headers: headers,
                body: .init(byteBuffer: ByteBuffer(data: try CanonicalJSON.encode(TAXII.ErrorMessage(problem)))))
        }
    }
}
