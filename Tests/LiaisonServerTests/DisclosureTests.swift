import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDelivery
import LiaisonIntake
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

/// A disclosure is decided once, when an incident version is shared, under the agreement
/// version in force then; the webhook and the feed render exactly that pair, and only the
/// agreement's standing (suspended, terminated) narrows what is read later.
@Suite(.timeLimit(.minutes(5))) struct DisclosureTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    static func draft(title: String, modified: Date, email: String = "ana@example.rs") -> IncidentDraft {
        IncidentDraft(
            naturalKey: "stix:indicator--7", classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .green,
            title: title, description: "victim \(email)", firstSeen: nil, lastSeen: nil,
            observables: [Observable(kind: .email, value: email, role: .victim)], modified: modified)
    }

    func feed(_ db: TestDatabase.Handle, agreements: [Agreement], key: String) async throws -> RouterAnswer {
        let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: agreements)))
        return try await routerRequest(app, .get, "/v1/feed", key: key, headers: readPurpose)
    }

    @Test("A pending delivery of version 1 sends version 1, even after version 2 arrived")
    func pendingSendsItsOwnVersion() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                try await GatewayFixture.install(db.store, [agreement])
                let first = try await IntakeFixture.commit(
                    db.store, [Self.draft(title: "Phishing kit, first wave", modified: Self.t0)], agreements: [agreement])
                let second = try await IntakeFixture.commit(
                    db.store, [Self.draft(title: "Phishing kit, second wave", modified: Self.t0.addingTimeInterval(60))],
                    agreements: [agreement])
                #expect(second.outcomes.map(\.status) == [.updated])
                let incident = try #require(first.incidentIDs.first)
                try await GatewayFixture.withWorker(db, agreements: [agreement]) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await db.store.deliveries(incidentID: incident).allSatisfy { $0.status == "delivered" }) == true
                    })
                }
                let titles = try receiver.deliveries.map { delivery in
                    let payload = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
                    return (payload["data"] as? [String: Any])?["title"] as? String
                }
                #expect(Set(titles) == ["Phishing kit, first wave", "Phishing kit, second wave"])
                let versions = try await db.store.deliveries(incidentID: incident)
                #expect(versions.map(\.incidentVersion) == [1, 2])
                #expect(versions.allSatisfy { $0.agreementVersion == agreement.versionHash })
            }
        }
    }

    @Test("A delivery's audit entry names the incident version, the agreement version and the SHA-256 of the bytes sent")
    func auditNamesTheVersions() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                try await GatewayFixture.install(db.store, [agreement])
                let receipt = try await IntakeFixture.commit(db.store, [Self.draft(title: "Kit", modified: Self.t0)], agreements: [agreement])
                let incident = try #require(receipt.incidentIDs.first)
                try await GatewayFixture.withWorker(db, agreements: [agreement]) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await db.store.deliveries(incidentID: incident).first?.status) == "delivered"
                    })
                }
                let body = try #require(receiver.deliveries.first?.body)
                let rows = try await db.client.query(
                    "SELECT details::text FROM audit_log WHERE action = 'disclose' AND subject = \("incident:\(incident)")",
                    logger: TestDatabase.logger)
                var details: [[String: Any]] = []
                for try await text in rows.decode(String.self) {
                    details.append(try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
                }
                #expect(details.count == 1)
                #expect(details.first?["incident_version"] as? Int == 1)
                #expect(details.first?["agreement_version"] as? String == agreement.versionHash)
                #expect(details.first?["sha256"] as? String == SHA256.hash(data: body).hexString)
                #expect(details.first?["transport"] as? String == "webhook")
            }
        }
    }

    @Test("An agreement widened after sharing does not change what the feed shows of the earlier incident; later ones follow the new version")
    func laterVersionNeverWidens() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let narrow = GatewayFixture.agreement(webhookURL: nil, personalData: [.email: .mask])
            try await GatewayFixture.install(db.store, [narrow])
            _ = try await IntakeFixture.commit(db.store, [Self.draft(title: "Earlier", modified: Self.t0)], agreements: [narrow])
            let before = try await feed(db, agreements: [narrow], key: consumer)
            #expect(before.text.contains("a***@example.rs") && !before.text.contains("ana@example.rs"))

            var wide = narrow
            wide.legalBasis = "MoU art. 7"
            wide.personalData = [.email: .reveal]
            #expect(wide.versionHash != narrow.versionHash)
            try await GatewayFixture.install(db.store, [wide])
            var later = Self.draft(title: "Later", modified: Self.t0, email: "mira@example.rs")
            later.naturalKey = "stix:indicator--8"
            _ = try await IntakeFixture.commit(db.store, [later], agreements: [wide])
            let after = try await feed(db, agreements: [wide], key: consumer)
            let items = try #require(after.json["items"] as? [[String: Any]])
            #expect(items.count == 2)
            let earlier = try #require(items.first)
            #expect(earlier["title"] as? String == "Earlier")
            #expect((earlier["description"] as? String) == "victim a***@example.rs")
            #expect((items.last?["description"] as? String) == "victim mira@example.rs")
            #expect(!after.text.contains("ana@example.rs"))
        }
    }

    @Test("A suspended agreement withholds pending deliveries (not dead) and its disclosures leave the feed until resumed")
    func suspendedWithholds() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer)
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                try await GatewayFixture.install(db.store, [agreement])
                let receipt = try await IntakeFixture.commit(db.store, [Self.draft(title: "Kit", modified: Self.t0)], agreements: [agreement])
                let incident = try #require(receipt.incidentIDs.first)
                let records = AgreementRecords(store: db.store, governance: AgreementGovernance())
                let dpo = AuditActor(organisation: "cert", person: "Data Protection Officer")
                _ = try await records.move(agreement.id, 1, to: .suspended, ifMatch: nil, by: dpo, reason: "review of the MoU")
                let registry = AgreementRegistry()
                try await registry.refresh(from: db.store)
                #expect(registry.book[agreement.id]?.status == .suspended)
                try await GatewayFixture.withWorker(db, registry: registry) {
                    #expect(await WebhookReceiver.eventually {
                        (try? await db.store.deliveries(incidentID: incident).first?.status) == "withheld"
                    })
                }
                #expect(try await db.store.deliveries(incidentID: incident).first?.lastError == "agreement-suspended")
                #expect(receiver.deliveries.isEmpty)
                let app = Application(router: buildRouter(GatewayDependencies(
                    store: db.store, migrator: db.migrator, agreements: registry, parser: EventBatchParser(), maxBodyBytes: 1 << 20)))
                let page = try await routerRequest(app, .get, "/v1/feed", key: consumer, headers: readPurpose)
                #expect((page.json["items"] as? [Any])?.isEmpty == true)
                #expect(page.json["next_cursor"] as? String != "0")
                _ = try await records.move(agreement.id, 1, to: .approved, ifMatch: nil, by: dpo, reason: "review done")
                try await registry.refresh(from: db.store)
                let resumed = try await routerRequest(app, .get, "/v1/feed", key: consumer, headers: readPurpose)
                #expect((resumed.json["items"] as? [Any])?.count == 1)
            }
        }
    }

    @Test("An agreement no longer loaded withholds its pending deliveries with the reason")
    func goneWithholds() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let agreement = GatewayFixture.agreement(webhookURL: "http://127.0.0.1:1/never")
            try await GatewayFixture.install(db.store, [agreement])
            let receipt = try await IntakeFixture.commit(db.store, [Self.draft(title: "Kit", modified: Self.t0)], agreements: [agreement])
            let incident = try #require(receipt.incidentIDs.first)
            try await GatewayFixture.withWorker(db, registry: AgreementRegistry()) {
                #expect(await WebhookReceiver.eventually {
                    (try? await db.store.deliveries(incidentID: incident).first?.status) == "withheld"
                })
            }
            #expect(try await db.store.deliveries(incidentID: incident).first?.lastError == "agreement-not-in-force")
        }
    }
}
