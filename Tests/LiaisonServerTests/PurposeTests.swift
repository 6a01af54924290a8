import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

/// Purpose-bound reads (issue 14): a feed or incident read under agreement versions that
/// require a purpose is refused (428) without `Liaison-Purpose`; with one, the ledger entry
/// of each disclosure names the purpose and the reading person. Webhook pushes record the
/// agreement's stated purpose.
@Suite(.timeLimit(.minutes(5))) struct PurposeTests {
    static let caseReference = "KT-2026-0419"

    static func agreement(requiresPurpose: Bool = true, webhookURL: String? = nil) -> Agreement {
        var agreement = GatewayFixture.agreement(webhookURL: webhookURL)
        agreement.legalBasis = "MoU art. 4"
        agreement.purpose = "Investigation and prosecution of computer-related fraud"
        agreement.requiresPurpose = requiresPurpose
        return agreement
    }

    /// The details of every `disclose` entry, oldest first.
    static func disclosures(_ db: TestDatabase.Handle) async throws -> [[String: Any]] {
        let rows = try await db.client.query(
            "SELECT details::text FROM audit_log WHERE action = 'disclose' ORDER BY seq", logger: TestDatabase.logger)
        var details: [[String: Any]] = []
        for try await text in rows.decode(String.self) {
            details.append(try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
        }
        return details
    }

    struct Gateway {
        var app: Application<RouterResponder<LiaisonRequestContext>>
        var producer: String
        var consumer: String
    }

    static func gateway(_ db: TestDatabase.Handle, _ agreements: [Agreement], logs: CapturedLogs? = nil) async throws -> Gateway {
        let dependencies = try await GatewayFixture.dependencies(db, agreements: agreements)
        let app = Application(router: buildRouter(dependencies), logger: (logs ?? CapturedLogs()).logger("http"))
        return Gateway(
            app: app, producer: try await db.store.createAPIKey(organisation: "cert", role: .producer).key,
            consumer: try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key)
    }

    static func push(_ gateway: Gateway) async throws -> String {
        let answer = try await postEvents(gateway.app, key: gateway.producer, body: Array(GatewayFixture.event().utf8))
        #expect(answer.status == .created)
        return try #require((answer.json["incident_ids"] as? [String])?.first)
    }

    @Test("A feed read without a purpose is 428 and discloses nothing; with one, the ledger names the purpose and the person")
    func feed() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let logs = CapturedLogs()
            let gateway = try await Self.gateway(db, [Self.agreement()], logs: logs)
            let empty = try await routerRequest(gateway.app, .get, "/v1/feed", key: gateway.consumer)
            #expect(empty.status == .ok, "an empty page discloses nothing and needs no purpose")
            _ = try await Self.push(gateway)

            let refused = try await routerRequest(gateway.app, .get, "/v1/feed", key: gateway.consumer)
            #expect(refused.status == .preconditionRequired)
            #expect(refused.contentType == "application/problem+json")
            #expect(refused.json["type"] as? String == "urn:liaison:problem:purpose-required")
            #expect((refused.json["detail"] as? String)?.contains("Liaison-Purpose: case=") == true)
            #expect(try await Self.disclosures(db).isEmpty)

            let read = try await routerRequest(
                gateway.app, .get, "/v1/feed", key: gateway.consumer, headers: [.liaisonPurpose: "case=\(Self.caseReference)"])
            #expect(read.status == .ok && (read.json["items"] as? [Any])?.count == 1)
            let entry = try #require(try await Self.disclosures(db).first)
            #expect(entry["person"] as? String == "Petra Analyst")
            #expect(entry["purpose_source"] as? String == "request")
            #expect(entry["purpose_case"] as? String == Self.caseReference)
            #expect(entry["purpose_basis"] as? String == "MoU art. 4", "without basis=, the agreement's legal basis is recorded")
            #expect(!logs.all.joined(separator: "\n").contains(Self.caseReference), "a purpose reached a log line")
        }
    }

    @Test("An incident read without a purpose is 428, after the 404 a stranger gets; with one, its basis is recorded")
    func incident() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let gateway = try await Self.gateway(db, [Self.agreement()])
            let stranger = try await db.store.createAPIKey(organisation: "other-police", role: .consumer, person: "Other Person").key
            let id = try await Self.push(gateway)
            for format in ["json", "stix"] {
                let refused = try await routerRequest(gateway.app, .get, "/v1/incidents/\(id)?format=\(format)", key: gateway.consumer)
                #expect(refused.status == .preconditionRequired)
                #expect(refused.json["type"] as? String == "urn:liaison:problem:purpose-required")
            }
            let hidden = try await routerRequest(gateway.app, .get, "/v1/incidents/\(id)", key: stranger)
            #expect(hidden.status == .notFound)
            #expect(try await Self.disclosures(db).isEmpty)
            let read = try await routerRequest(
                gateway.app, .get, "/v1/incidents/\(id)", key: gateway.consumer,
                headers: [.liaisonPurpose: #"case=\#(Self.caseReference); basis="ZKP art. 286; para. 1""#])
            #expect(read.status == .ok)
            let entry = try #require(try await Self.disclosures(db).first)
            #expect(entry["transport"] as? String == "incident-api")
            #expect(entry["purpose_case"] as? String == Self.caseReference)
            #expect(entry["purpose_basis"] as? String == "ZKP art. 286; para. 1")
            #expect(entry["person"] as? String == "Petra Analyst")
        }
    }

    @Test(
        "A malformed purpose is 400 naming the rule, without pointer and without echoing the text",
        arguments: [
            ("basis=ZKP art. 286 SECRET-MARK", "case=<reference>"),
            ("case=SECRET-MARK; officer=Petra", "case and basis only"),
            ("case=SECRET-MARK" + String(repeating: "x", count: 200), "at most 128 characters"),
            ("case=SECRET-MARK; basis=" + String(repeating: "b", count: 600), "at most 512 characters"),
            ("SECRET-MARK", "parameters separated by ';'"),
            ("case=SECRET-MARK\u{202E}", "control or format"),
        ])
    func malformed(text: String, rule: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let gateway = try await Self.gateway(db, [Self.agreement()])
            let id = try await Self.push(gateway)
            for uri in ["/v1/feed", "/v1/incidents/\(id)"] {
                let refused = try await routerRequest(gateway.app, .get, uri, key: gateway.consumer, headers: [.liaisonPurpose: text])
                #expect(refused.status == .badRequest)
                #expect(refused.json["type"] as? String == "urn:liaison:problem:purpose-malformed")
                #expect((refused.json["detail"] as? String)?.contains(rule) == true, "\(refused.text)")
                #expect(refused.json["errors"] == nil)
                #expect(!refused.text.contains("SECRET-MARK"))
            }
            #expect(try await Self.disclosures(db).isEmpty)
        }
    }

    @Test("Liaison-Purpose sent twice is 400, even when one would do")
    func twice() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let gateway = try await Self.gateway(db, [Self.agreement()])
            _ = try await Self.push(gateway)
            var headers: HTTPFields = [.liaisonPurpose: "case=KT-1"]
            headers.append(HTTPField(name: .liaisonPurpose, value: "case=KT-2"))
            let refused = try await routerRequest(gateway.app, .get, "/v1/feed", key: gateway.consumer, headers: headers)
            #expect(refused.status == .badRequest && refused.json["type"] as? String == "urn:liaison:problem:purpose-malformed")
        }
    }

    @Test("Under require_purpose: false a read needs no purpose, and the ledger says none was stated")
    func notRequired() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let gateway = try await Self.gateway(db, [Self.agreement(requiresPurpose: false)])
            _ = try await Self.push(gateway)
            let read = try await routerRequest(gateway.app, .get, "/v1/feed", key: gateway.consumer)
            #expect(read.status == .ok && (read.json["items"] as? [Any])?.count == 1)
            let entry = try #require(try await Self.disclosures(db).first)
            #expect(entry["purpose_source"] as? String == "none")
            #expect(entry["purpose_case"] == nil)
            #expect(entry["person"] as? String == "Petra Analyst")
        }
    }

    @Test("A version in force that requires a purpose binds reads of what a relaxed version shared before")
    func laterVersionTightens() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let relaxed = Self.agreement(requiresPurpose: false)
            let gateway = try await Self.gateway(db, [relaxed])
            _ = try await Self.push(gateway)
            let strict = Self.agreement(requiresPurpose: true)
            #expect(strict.versionHash != relaxed.versionHash)
            let tightened = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [strict])))
            let refused = try await routerRequest(tightened, .get, "/v1/feed", key: gateway.consumer)
            #expect(refused.status == .preconditionRequired)
            let read = try await routerRequest(tightened, .get, "/v1/feed", key: gateway.consumer, headers: readPurpose)
            #expect(read.status == .ok && (read.json["items"] as? [Any])?.count == 1)
        }
    }

    @Test("A webhook push records the agreement's stated purpose and legal basis, and no person")
    func webhookRecordsAgreementPurpose() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer)
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                let agreement = Self.agreement(webhookURL: url)
                try await GatewayFixture.install(db.store, [agreement])
                let draft = IncidentDraft(
                    naturalKey: "event:purpose", classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .green,
                    title: "Kit", description: "victim ana@example.rs", firstSeen: nil, lastSeen: nil,
                    observables: [Observable(kind: .email, value: "ana@example.rs", role: .victim)])
                let receipt = try await IntakeFixture.commit(db.store, [draft], agreements: [agreement])
                let incident = try #require(receipt.incidentIDs.first)
                try await GatewayFixture.withWorker(db, agreements: [agreement]) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await db.store.deliveries(incidentID: incident).first?.status) == "delivered"
                    })
                }
                let entry = try #require(try await Self.disclosures(db).first)
                #expect(entry["transport"] as? String == "webhook")
                #expect(entry["purpose_source"] as? String == "agreement")
                #expect(entry["purpose"] as? String == "Investigation and prosecution of computer-related fraud")
                #expect(entry["purpose_basis"] as? String == "MoU art. 4")
                #expect(entry["person"] == nil)
            }
        }
    }
}
