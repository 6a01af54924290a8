import Foundation
import Hummingbird
import LiaisonIntake
import LiaisonStore
import PostgresNIO

/// Maps every failure to a problem document. Known domain errors get their own problem;
/// anything else becomes a 500 carrying only a correlation id, logged with the error's
/// type (never its description, which may quote data).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as HTTPError {
            throw Problem(error.status, "http-\(error.status.code)", title: error.status.reasonPhrase, detail: error.status.reasonPhrase)
        } catch is PSQLError {
            context.logger.error("database error", metadata: ["error": "PSQLError"])
            throw Problem.unavailable
        } catch {
            let correlationID = UUID().uuidString.lowercased()
            context.logger.error(
                "request failed", metadata: ["correlation_id": "\(correlationID)", "error_type": "\(type(of: error))"])
            throw Problem.internalError(correlationID: correlationID)
        }
    }
}
