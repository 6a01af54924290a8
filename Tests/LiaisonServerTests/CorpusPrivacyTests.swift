import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonCorpus
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct CorpusPrivacyTests {
    /// The text a labelled span covers, as written.
    func written(_ document: LabelledDocument, _ span: LabelledSpan) -> String {
        let scalars = Array(document.text.unicodeScalars)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[span.start..<span.end])
        return String(text)
    }

    @Test(
        "After pushing reports full of personal data in seven languages, no value is in any table but the vault, nor in any log line (text or JSON), nor in /metrics",
        arguments: LogFormat.allCases)
    func noPlaintextAnywhere(format: LogFormat) async throws {
        try await TestDatabase.withSchema { (handle) async throws in
            let logs = CapturedLogs(format: format)
            var captured = handle
            captured.store = PostgresIncidentStore(client: handle.client, vault: handle.store.vault, signer: handle.store.signer, logger: logs.logger("store"))
            let db = captured
            let agreement = GatewayFixture.agreement(
                webhookURL: nil, fields: Set(IncidentField.allCases),
                personalData: [.email: .mask, .phone: .mask, .iban: .mask, .person: .pseudonymise, .ipv4: .generalise])
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [agreement])
            dependencies.metricsSettings.token = MetricsTests.token
            let app = Application(router: buildRouter(dependencies), logger: logs.logger("http"))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let documents = CorpusGenerator(seed: 7).documents(count: 40)
            var lines: [String] = []
            for document in documents {
                let observables: [[String: String]] = document.fields.filter(\.isPerson).map {
                    ["kind": "person", "value": $0.value, "role": "victim"]
                }
                let event: [String: Any] = [
                    "classification": ["taxonomy": "fraud", "type": "phishing"], "title": "Report \(document.id)",
                    "description": document.text, "observables": observables,
                ]
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self))
            }
            let body = lines.joined(separator: "\n")
            let (status, feed, metrics) = try await app.test(.router) { client in
                let push = try await client.execute(
                    uri: "/v1/intake/events", method: .post,
                    headers: [.authorization: "Bearer \(producer)", .contentType: "application/x-ndjson"],
                    body: ByteBuffer(string: body))
                let page = try await client.execute(
                    uri: "/v1/feed?limit=100", method: .get, headers: [.authorization: "Bearer \(consumer)", .liaisonPurpose: "case=TEST-2026-1"])
                #expect(page.status == .ok)
                let scrape = try await client.execute(
                    uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(MetricsTests.token)"])
                return (push.status, String(buffer: page.body), String(buffer: scrape.body))
            }
            #expect(status == .created)
            #expect(metrics.contains("liaison_personal_data_found_total{kind=\"person\"}"))
            let personal = documents.flatMap { document in
                document.spans.filter { ProtectionPolicy.standard.isPersonal($0.type, role: .unknown) }.map { (written(document, $0), $0.type) }
            } + documents.flatMap { $0.fields.filter(\.isPerson).map { ($0.value, PersonalDataKind.person) } }
            #expect(personal.count > 200)
            let stored = try await TestDatabase.allTextOutsideVault(db).joined(separator: "\n")
            let logged = logs.all.joined(separator: "\n")
            for (value, kind) in personal {
                #expect(!stored.contains(value), "\(kind.rawValue) in the shared store")
                #expect(!logged.contains(value), "\(kind.rawValue) in a log line")
                #expect(!metrics.contains(value), "\(kind.rawValue) in /metrics")
                if kind != .ipv4 { #expect(!feed.contains(value), "\(kind.rawValue) in the feed") }
            }
            #expect(try await TestDatabase.rowCounts(db)["vault_entries"] ?? 0 > 200)
        }
    }
}
