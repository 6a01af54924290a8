import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonServer
import LiaisonTestSupport
import Testing

/// A CERT (`cert`), a police unit (`police`) and an agreement between them that shares
/// classification, title and observables but not the description; and the push of a
/// phishing incident naming a victim's e-mail address.
enum StoreFixture {
    static let agreement = GatewayFixture.agreement(webhookURL: nil, fields: [.classification, .title, .observables])

    static func prepare(_ store: PostgresIncidentStore) async throws {
        _ = try await store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
        _ = try await store.createAPIKey(organisation: "cert", role: .producer).key
        try await GatewayFixture.install(store, [agreement])
    }

    /// The push's receipt: a new one, or the earlier one that already holds it.
    static func push(
        _ store: PostgresIncidentStore, modified: Date? = nil, title: String = "Phishing kit", description: String = "first",
        email: String = "ana@example.rs", key: String = "stix:indicator--1"
    ) async throws -> Receipt {
        let outcome = try await submit(store, modified: modified, title: title, description: description, email: email, key: key)
        return try #require(outcome.receipt).receipt
    }

    static func submit(
        _ store: PostgresIncidentStore, modified: Date? = nil, title: String = "Phishing kit", description: String = "first",
        email: String = "ana@example.rs", key: String = "stix:indicator--1"
    ) async throws -> IntakePipeline.Outcome {
        let draft = IncidentDraft(
            naturalKey: key, classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .green,
            title: title, description: description, firstSeen: nil, lastSeen: nil,
            observables: [Observable(kind: .email, value: email, role: .victim)], modified: modified)
        return try await IntakeFixture.submit(store, [draft], transport: .httpSTIX, agreements: [agreement])
    }
}
