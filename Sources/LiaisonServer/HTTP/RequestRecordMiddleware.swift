import Foundation
import Hummingbird
import Logging
import Synchronization

/// Records every answered request once: in the metrics (count by route pattern, method and
/// status; duration by route and method) and as one `request` log line with the route
/// pattern, method, status, duration and the caller's organisation. It sits inside
/// ``RequestIDMiddleware``, so the line carries `request_id`, and outside
/// ``ProblemMiddleware``, so error answers are recorded with their status. The raw path
/// and query never appear: they can hold ids and, in a careless client's hands, personal data.
struct RequestRecordMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let metrics: GatewayMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            record(request, context, status: status, since: start)
            return response
        } catch let error as any HTTPResponseError {
            record(request, context, status: Int(error.status.code), since: start)
            throw error
        } catch {
            record(request, context, status: 500, since: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = Self.route(context.endpointPath)
        let method = Self.method(request.method.rawValue)
        metrics.requestAnswered(route: route, method: method, status: status, seconds: seconds)
        var metadata: Logger.Metadata = [
            "route": "\(route)", "method": "\(method)", "status": "\(status)", "duration_seconds": "\(String(format: "%.6f", seconds))",
        ]
        if let organisation = context.caller.organisation { metadata["organisation"] = "\(organisation)" }
        context.logger.info("request", metadata: metadata)
    }

    /// The route pattern Hummingbird matched, or `unmatched` for none.
    static func route(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath
    }

    /// The method if it is one of RFC 9110's (and PATCH), else `other`: a client may send
    /// any token as a method, and a label must not grow with what clients send.
    static func method(_ method: String) -> String {
        ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"].contains(method) ? method : "other"
    }
}

/// Who the API key named, written by ``APIKeyAuthenticator`` deep in the middleware chain
/// and read by ``RequestRecordMiddleware`` outside it (a request context is a value, so a
/// change made inside is not seen outside; this box is shared by reference).
public final class RequestCaller: Sendable {
    private let value = Mutex<String?>(nil)

    public init() {}

    public var organisation: String? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
