import Foundation
import Hummingbird
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport

/// A producer `cert`, a consumer `police` under one agreement, a stranger `other-police` with
/// no agreement, and the gateway's router: the set-up of the feedback and stats tests.
struct FeedbackWorld: Sendable {
    let db: TestDatabase.Handle
    let dependencies: GatewayDependencies
    let producer: String
    let police: String
    let stranger: String

    var app: some ApplicationProtocol { Application(router: buildRouter(dependencies)) }

    static let contactEmail = "ana.kovacevic@example.rs"
    static let contactPhone = "+381 64 765 4321"

    static func make(
        _ db: TestDatabase.Handle, notified: Set<String> = [], agreement: Agreement = GatewayFixture.agreement(webhookURL: nil)
    ) async throws -> FeedbackWorld {
        var dependencies = try await GatewayFixture.dependencies(db, agreements: [agreement])
        dependencies.notifiedProducers = notified
        return FeedbackWorld(
            db: db, dependencies: dependencies,
            producer: try await db.store.createAPIKey(organisation: "cert", role: .producer).key,
            police: try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key,
            stranger: try await db.store.createAPIKey(organisation: "other-police", role: .consumer, person: "Test Person").key)
    }

    /// Pushes one event and answers its incident id.
    func push(taxonomy: String = "fraud", type: String = "phishing") async throws -> String {
        let answer = try await routerRequest(
            app, .post, "/v1/intake/events", key: producer, body: GatewayFixture.event(taxonomy: taxonomy, type: type),
            contentType: "application/x-ndjson")
        return (answer.json["incident_ids"] as? [String])?.first ?? ""
    }

    func feedback(_ incident: String, _ body: String, key: String? = nil, contentType: String = "application/json") async throws -> RouterAnswer {
        try await routerRequest(app, .post, "/v1/incidents/\(incident)/feedback", key: key ?? police, body: body, contentType: contentType)
    }

    /// Rows of the feedback table as stored: status and text.
    func storedFeedback() async throws -> [(status: String, detail: String?)] {
        let rows = try await db.client.query("SELECT status, detail FROM feedback ORDER BY seq", logger: TestDatabase.logger)
        var found: [(String, String?)] = []
        for try await row in rows.decode((String, String?).self) { found.append(row) }
        return found
    }

    /// Every audit entry's action and details, as text.
    func audit() async throws -> [(action: String, details: String)] {
        let rows = try await db.client.query("SELECT action, details::text FROM audit_log ORDER BY seq", logger: TestDatabase.logger)
        var entries: [(String, String)] = []
        for try await entry in rows.decode((String, String).self) { entries.append(entry) }
        return entries
    }

    /// Runs the notifiers, with the producer `cert`'s webhook at `url`, while `body` runs.
    func withNotifier<T: Sendable>(url: String, _ body: @Sendable () async throws -> T) async throws -> T {
        try await GatewayFixture.withNotifiers(db, url: url, body)
    }
}
