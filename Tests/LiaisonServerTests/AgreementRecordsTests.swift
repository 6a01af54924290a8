import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// Agreement versions as governed records, through the one code path the admin API, the CLI
/// and agreement files share, on a real database.
@Suite(.timeLimit(.minutes(5))) struct AgreementRecordsTests {
    static let ana = AuditActor(organisation: "cert", person: "Ana")
    static let bojan = AuditActor(organisation: "cert", person: "Bojan")

    @Test("Draft, propose, approve by a second person, roll back: each step kept with the person who took it")
    func lifecycle() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let records = AgreementRecords(store: db.store, governance: AgreementGovernance())
            let first = GatewayFixture.agreement(webhookURL: nil)
            var versions = try await records.create(first, by: Self.ana)
            #expect(versions.map(\.state) == [.draft])
            versions = try await records.move(first.id, 1, to: .proposed, ifMatch: AgreementRecords.etag(of: versions[0]), by: Self.ana, reason: "initial MoU")
            await #expect(throws: AgreementGovernance.Refusal.samePerson) {
                _ = try await records.approve(first.id, 1, ifMatch: nil, by: Self.ana)
            }
            await #expect(throws: AgreementRecords.Failure.self) {
                _ = try await records.approve(first.id, 1, ifMatch: "\"1-draft-stale\"", by: Self.bojan)
            }
            versions = try await records.approve(first.id, 1, ifMatch: AgreementRecords.etag(of: versions[0]), by: Self.bojan)
            #expect(versions.map(\.state) == [.approved])
            let registry = AgreementRegistry()
            try await registry.refresh(from: db.store)
            #expect(registry.book[first.id]?.versionHash == first.versionHash)

            // A wider second version, then a rollback to the first document.
            var wider = first
            wider.personalData[.phone] = .pseudonymise
            _ = try await records.draft(first.id, document: wider, from: nil, by: Self.bojan)
            _ = try await records.move(first.id, 2, to: .proposed, ifMatch: nil, by: Self.bojan, reason: "phones too")
            versions = try await records.approve(first.id, 2, ifMatch: nil, by: Self.ana)
            #expect(versions.map(\.state) == [.superseded, .approved])
            _ = try await records.draft(first.id, document: nil, from: 1, by: Self.ana)
            _ = try await records.move(first.id, 3, to: .proposed, ifMatch: nil, by: Self.ana, reason: "roll back to version 1")
            versions = try await records.approve(first.id, 3, ifMatch: nil, by: Self.bojan)
            #expect(versions.map(\.state) == [.superseded, .superseded, .approved])
            #expect(versions[2].hash == versions[0].hash)
            try await registry.refresh(from: db.store)
            #expect(registry.book[first.id]?.versionHash == first.versionHash)

            let events = try await db.store.agreementEvents(first.id)
            #expect(events.map(\.action) == [
                "create", "propose", "approve", "draft", "propose", "approve", "supersede", "rollback-draft", "propose", "approve", "supersede",
            ])
            #expect(events.first { $0.action == "approve" }?.actor == Self.bojan)
            let audit = try await TestDatabase.allTextOutsideVault(db).joined(separator: "\n")
            #expect(audit.contains("agreement-approve") && audit.contains("\"person\": \"Bojan\""))
        }
    }

    @Test("A version expires by itself at valid_until, and the agreement leaves the agreements in force")
    func expiry() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var agreement = GatewayFixture.agreement(webhookURL: nil)
            agreement.validUntil = Date(timeIntervalSince1970: 4_000_000_000)
            let registry = try await GatewayFixture.install(db.store, [agreement])
            #expect(registry.book[agreement.id] != nil)
            try await registry.refresh(from: db.store, at: Date(timeIntervalSince1970: 4_000_000_001))
            #expect(registry.book[agreement.id] == nil)
            #expect(try await db.store.agreementVersions(agreement.id).map(\.state) == [.expired])
            #expect(try await db.store.agreementEvents(agreement.id).last?.action == "expire")
        }
    }

    @Test("Applying agreement files proposes only what changed; without auto-approval nothing comes into force")
    func files() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let records = AgreementRecords(store: db.store, governance: AgreementGovernance())
            let agreement = GatewayFixture.agreement(webhookURL: nil)
            let files = AuditActor(organisation: "gateway", person: "agreements_dir")
            #expect(try await records.apply([agreement], approve: false, source: files) == [agreement.id])
            #expect(try await records.apply([agreement], approve: false, source: files).isEmpty)
            let registry = AgreementRegistry()
            try await registry.refresh(from: db.store)
            #expect(registry.book[agreement.id] == nil)
            #expect(try await db.store.agreementVersions(agreement.id).map(\.state) == [.proposed])
            _ = try await records.approve(agreement.id, 1, ifMatch: nil, by: Self.ana)
            try await registry.refresh(from: db.store)
            #expect(registry.book[agreement.id] != nil)
        }
    }
}
