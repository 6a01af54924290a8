import AsyncHTTPClient
import Foundation
import LiaisonCore
@testable import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// A live gateway for the console's tests: the CERT `cert` shares with `police` under
/// `cert-to-police` (version 1 approved); two admins and an auditor of `cert` hold personal
/// keys; one incident full of personal data came in by the HTTP intake. Also a small HTTP
/// client that signs in as a browser would, for what a browser test cannot see (headers).
enum ConsoleWorld {
    struct Keys: Sendable {
        var ana: String
        var boris: String
        var dora: String
        var producer: String
    }

    static let ana = AuditActor(organisation: "cert", person: "Ana Admin")

    static func run(
        _ settings: ConsoleSettings = ConsoleSettings(), governance: AgreementGovernance = AgreementGovernance(),
        _ body: @escaping @Sendable (TestDatabase.Handle, String, Keys) async throws -> Void
    ) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(
                db, agreements: [GatewayFixture.agreement(webhookURL: nil)], governance: governance)
            dependencies.console = settings
            let keys = Keys(
                ana: try await db.store.createAPIKey(organisation: "cert", role: .admin, person: "Ana Admin").key,
                boris: try await db.store.createAPIKey(organisation: "cert", role: .admin, person: "Boris Admin").key,
                dora: try await db.store.createAPIKey(organisation: "cert", role: .auditor, person: "Dora Auditor").key,
                producer: try await db.store.createAPIKey(organisation: "cert", role: .producer).key)
            try await LiveGateway.run(dependencies) { port in
                let base = "http://127.0.0.1:\(port)"
                let (status, _, _) = try await send(
                    base + "/v1/intake/events", method: .POST, body: GatewayFixture.event(),
                    headers: [("Authorization", "Bearer \(keys.producer)"), ("Content-Type", "application/x-ndjson")])
                #expect(status == 201)
                try await body(db, base, keys)
            }
        }
    }

    /// Ana drafts version 2 of `cert-to-police` (sharing fewer fields) and proposes it.
    static func proposeVersion2(_ db: TestDatabase.Handle) async throws {
        let records = AgreementRecords(store: db.store, governance: AgreementGovernance())
        let narrower = GatewayFixture.agreement(webhookURL: nil, fields: [.classification, .title])
        let versions = try await records.draft("cert-to-police", document: narrower, from: nil, by: ana)
        let draft = try #require(versions.last)
        _ = try await records.move(
            "cert-to-police", draft.number, to: .proposed, ifMatch: AgreementRecords.etag(of: draft), by: ana, reason: "less for the police")
    }

    /// The police ask about the incident, naming the victim's e-mail address in their text.
    static func askForMoreInformation(_ db: TestDatabase.Handle, _ base: String) async throws {
        let police = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key
        let rows = try await db.client.query("SELECT id FROM \(unescaped: db.schema).incidents", logger: TestDatabase.logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        let incident = try #require(ids.first)
        let (status, _, _) = try await send(
            base + "/v1/incidents/\(incident.uuidString.lowercased())/feedback", method: .POST,
            body: #"{"status": "request-more-information", "text": "Did \#(GatewayFixture.victimEmail) report it to the bank too?"}"#,
            headers: [("Authorization", "Bearer \(police)"), ("Content-Type", "application/json")])
        #expect(status == 201)
    }

    /// The state of each version of `cert-to-police`, by number.
    static func states(_ db: TestDatabase.Handle) async throws -> [Int: String] {
        Dictionary(uniqueKeysWithValues: try await db.store.agreementVersions("cert-to-police").map { ($0.number, $0.state.rawValue) })
    }

    /// Makes the incident's delivery to the police dead, as the worker leaves one after its last failed attempt.
    static func killDelivery(_ db: TestDatabase.Handle) async throws -> UUID {
        let rows = try await db.client.query(
            """
            UPDATE \(unescaped: db.schema).deliveries SET status = 'dead', dead_at = now(), attempts = 12, last_status = 503,
                last_error = 'http-503' RETURNING id
            """, logger: TestDatabase.logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return try #require(ids.first)
    }

    // MARK: HTTP as a browser sends it

    /// A client that does not follow redirects, so each answer's headers can be read.
    static let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))

    static func send(
        _ url: String, method: HTTPMethod = .GET, body: String? = nil, headers: [(String, String)] = []
    ) async throws -> (Int, HTTPHeaders, String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        return (Int(response.status.code), response.headers, String(buffer: bytes))
    }

    /// The value of cookie `name` that an answer sets, and the whole `Set-Cookie` line.
    static func setCookie(_ headers: HTTPHeaders, _ name: String) -> (value: String, line: String)? {
        for line in headers["Set-Cookie"] where line.hasPrefix(name + "=") {
            let value = line.dropFirst(name.count + 1).prefix { $0 != ";" }
            return (String(value), line)
        }
        return nil
    }

    /// The value of the first `name="csrf"` hidden field of a page.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func form(_ fields: [(String, String)]) -> String {
        fields.map { "\(PublicReportWorld.encode($0.0))=\(PublicReportWorld.encode($0.1))" }.joined(separator: "&")
    }

    static let formType = ("Content-Type", "application/x-www-form-urlencoded")

    /// Signs in over HTTP as the sign-in page would; the session cookie's value and `Set-Cookie` line.
    static func signIn(_ base: String, key: String) async throws -> (token: String, line: String) {
        let (_, headers, page) = try await send(base + "/console/sign-in")
        let pre = try #require(setCookie(headers, "liaison_console_sign_in"))
        let (status, answer, _) = try await send(
            base + "/console/sign-in", method: .POST, body: form([("csrf", try #require(csrf(in: page))), ("key", key)]),
            headers: [formType, ("Cookie", "liaison_console_sign_in=\(pre.value)")])
        #expect(status == 303)
        let session = try #require(setCookie(answer, "liaison_console"))
        return (session.value, session.line)
    }
}
