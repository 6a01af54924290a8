import Foundation
import Hummingbird
import LiaisonCore
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
        } catch {
            throw Self.problem(for: error, context: context)
        }
    }

    static func problem(for error: any Error, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as HTTPError:
            return Problem(error.status, "http-\(error.status.code)", title: error.status.reasonPhrase, detail: error.status.reasonPhrase)
        case is PSQLError:
            context.logger.error("database error", metadata: ["error": "PSQLError"])
            return Problem.unavailable
        default:
            let correlationID = UUID.random().uuidString.lowercased()
            context.logger.error(
                "request failed", metadata: ["correlation_id": "\(correlationID)", "error_type": "\(type(of: error))"])
            return Problem.internalError(correlationID: correlationID)
        }
    }
}
