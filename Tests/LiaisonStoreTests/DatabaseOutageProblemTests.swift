import HTTPTypes
@testable import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import _ConnectionPoolModule
import Testing

/// What a client is told while PostgreSQL is down. The connection pool keeps trying to connect
/// for a minute and then fails every waiting request with its own error, which reached the
/// HTTP edge unclassified and was answered 500 (found by deploy/local/faults, scenario 2).
@Suite struct DatabaseOutageProblemTests {
    @Test("A pool that gave up connecting is 503 unavailable with Retry-After, not a 500")
    func poolGaveUp() {
        let logs = CapturedLogs()
        let problem = Problem.from(ConnectionPoolError.connectionCreationCircuitBreakerTripped, logger: logs.logger())
        #expect(problem.status.code == 503 && problem.slug == "unavailable")
        #expect(problem.headers[.retryAfter] == "5")
        #expect(!logs.all.contains { $0.contains("correlation_id") }, "\(logs.all)")
    }

    @Test("A cancelled request for a connection stays an internal error, not an outage")
    func cancelled() {
        let problem = Problem.from(ConnectionPoolError.requestCancelled, logger: CapturedLogs().logger())
        #expect(problem.status.code == 500)
    }
}
