import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Logging
import Testing

/// The one mapping from failures to problem documents, and the request id every answer
/// and log line carries.
@Suite(.timeLimit(.minutes(5))) struct ProblemMappingTests {
    static let cases: [(StoreError, Int, String?)] = [
        (.databaseUnavailable, 503, "5"), (.databaseBusy, 503, "1"), (.schemaNotCurrent(pending: ["0009_x"]), 503, "30"),
        (.migrationChanged(name: "0006_x"), 503, "30"), (.incidentNotFound("x"), 404, nil),
        (.queryFailed(sqlState: "42601"), 500, nil), (.uniqueViolation(constraint: "organisations_pkey"), 500, nil),
        (.undecodableRow(table: "incidents", key: "x"), 500, nil), (.vaultEntryCorrupt(token: "t"), 500, nil),
    ]

    @Test("Store failures become 503 with Retry-After, 404 or a 500 with a correlation id", arguments: cases)
    func storeErrors(error: StoreError, status: Int, retryAfter: String?) {
        let logs = CapturedLogs()
        let problem = Problem.from(error, logger: logs.logger())
        #expect(problem.status.code == status)
        #expect(problem.headers[.retryAfter] == retryAfter)
        if status == 500 {
            let logged = logs.all.first?.split(separator: "correlation_id=").last?.prefix(36)
            #expect(logged.map { problem.detail.contains($0) } == true, "\(logs.all)")
        }
    }

    @Test("A failed statement's 500 is logged with its SQLSTATE and a correlation id the client sees")
    func sqlStateLogged() {
        let logs = CapturedLogs()
        let problem = Problem.from(StoreError.queryFailed(sqlState: "23514"), logger: logs.logger())
        #expect(problem.status == .internalServerError && problem.slug == "internal")
        let line = try? #require(logs.all.first)
        #expect(line?.contains("sqlstate=23514") == true)
        #expect(line.map { line in problem.detail.contains(line.split(separator: "correlation_id=")[1].prefix(36)) } == true)
    }

    @Test("Every answer carries X-Request-Id: the client's sane one, else a new one; the request's log lines carry it")
    func requestID() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let logs = CapturedLogs()
            let app = Application(
                router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])), logger: logs.logger("http"))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let header = HTTPField.Name("X-Request-Id")!
            let pushed = try await routerRequest(
                app, .post, "/v1/intake/events", key: key, body: GatewayFixture.event(), contentType: "application/x-ndjson",
                headers: [header: "cert-push-0042"])
            #expect(pushed.headers[header] == "cert-push-0042")
            #expect(logs.all.contains { $0.contains("intake committed") && $0.contains("request_id=cert-push-0042") })
            for bad in ["has space", String(repeating: "a", count: 129), "é"] {
                let refused = try await routerRequest(app, .get, "/v1/feed", key: nil, headers: [header: bad])
                #expect(refused.status == .unauthorized)
                let id = try #require(refused.headers[header])
                #expect(id != bad && UUID(uuidString: id) != nil)
            }
            let unknown = try await routerRequest(app, .get, "/no/such/route", key: nil)
            #expect(unknown.headers[header] != nil)
        }
    }
}
