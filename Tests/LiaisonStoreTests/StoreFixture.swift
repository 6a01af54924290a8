import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonTestSupport

/// A CERT (`cert`), a police unit (`police`) and an agreement between them that shares
/// classification, title and observables but not the description; and the push of a
/// phishing incident naming a victim's e-mail address.
enum StoreFixture {
    static let agreement = GatewayFixture.agreement(webhookURL: nil, fields: [.classification, .title, .observables])

    static func prepare(_ store: PostgresIncidentStore) async throws {
        _ = try await store.createAPIKey(organisation: "police", role: .consumer)
        _ = try await store.createAPIKey(organisation: "cert", role: .producer)
        try await store.registerAgreements([(agreement, Data(repeating: 0, count: 32))])
    }

    static func push(
        _ store: PostgresIncidentStore, modified: Date? = nil, title: String = "Phishing kit", description: String = "first",
        email: String = "ana@example.rs", key: String = "stix:indicator--1"
    ) async throws -> Receipt {
        let draft = IncidentDraft(
            naturalKey: key, classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .green,
            title: title, description: description, firstSeen: nil, lastSeen: nil,
            observables: [Observable(kind: .email, value: email, role: .victim)], modified: modified)
        let protected = IncidentProtector().protect(draft, id: UUID(), producer: "cert", receivedAt: Date())
        return try await store.commitIntake(
            .init(producer: "cert", transport: .httpSTIX, idempotencyKey: nil, bodySHA256: Data(repeating: 1, count: 32),
                  receivedAt: Date(), incidents: [protected]),
            agreements: [agreement]
        ).receipt
    }
}
