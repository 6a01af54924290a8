import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore

/// Drafts committed through the one intake pipeline, for tests below the HTTP layer.
public enum IntakeFixture {
    public static func submit(
        _ store: PostgresIncidentStore, _ drafts: [IncidentDraft], objects: [IntakeObject]? = nil, producer: String = "cert",
        transport: Transport = .httpEvents, agreements: [Agreement] = [], body: [UInt8] = Array("body".utf8),
        receivedAt: Date = Date()
    ) async throws -> IntakePipeline.Outcome {
        try await IntakePipeline(store: store, agreements: AgreementRegistry(AgreementBook(agreements)), protector: IncidentProtector()).submit(
            IntakeBatch(drafts: drafts, objects: objects),
            .init(producer: producer, transport: transport, body: body, idempotencyKey: nil, receivedAt: receivedAt))
    }

    /// The receipt of a push that must have committed.
    public static func commit(
        _ store: PostgresIncidentStore, _ drafts: [IncidentDraft], objects: [IntakeObject]? = nil, producer: String = "cert",
        transport: Transport = .httpEvents, agreements: [Agreement] = [], body: [UInt8] = Array("body".utf8)
    ) async throws -> Receipt {
        guard case .committed(let signed) = try await submit(
            store, drafts, objects: objects, producer: producer, transport: transport, agreements: agreements, body: body)
        else { throw IntakeFixtureError.notCommitted }
        return signed.receipt
    }

    /// The tokens an incident holds in place of personal values, in the order of its redactions.
    public static func tokens(_ store: PostgresIncidentStore, incident: UUID) async throws -> [Token] {
        try await store.incidents(ids: [incident])[incident]?.redactions.compactMap { Token(text: $0.token) } ?? []
    }
}

public enum IntakeFixtureError: Error {
    case notCommitted
}
