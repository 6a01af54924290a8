import Crypto
import Foundation
import LiaisonCore
import LiaisonIntake
import LiaisonStore

/// Takes one read STIX bundle (or TAXII envelope) into the store: protects each incident,
/// maps every object to its outcome, and commits the valid ones in one transaction.
/// Shared by `POST /v1/intake/stix` and TAXII's add-objects.
struct STIXSubmission: Sendable {
    let store: PostgresIncidentStore
    let agreements: AgreementBook
    let protector: IncidentProtector

    /// What to do when objects are rejected.
    enum Rejections {
        /// Any rejection writes nothing (`?atomic=true`).
        case refuseAll
        /// Rejected objects are reported; the rest are stored, unless nothing is left.
        case reportUnlessAllRejected
        /// Rejected objects are reported; a receipt is stored even if all were (TAXII, whose
        /// status resource must name each failure).
        case report
    }

    func submit(
        _ reading: STIXBundleReading, producer: String, transport: Transport,
        idempotencyKey: String?, body: [UInt8], receivedAt: Date, rejections: Rejections
    ) async throws -> SignedReceipt {
        let problems = reading.objects.flatMap { outcome -> [Problem.Item] in
            guard case .rejected(let problems) = outcome.disposition else { return [] }
            return problems.map { Problem.Item(pointer: $0.pointer, reason: $0.reason) }
        }
        let rejected = reading.objects.filter { if case .rejected = $0.disposition { true } else { false } }.count
        switch rejections {
        case .refuseAll where reading.objects.isEmpty, .reportUnlessAllRejected where reading.objects.isEmpty:
            throw Problem(
                .unprocessableContent, "empty-bundle", title: "No objects", detail: "The bundle holds no objects; nothing was stored.")
        case .refuseAll where rejected > 0:
            throw Problem.invalidObjects(problems, rejected: rejected, of: reading.objects.count, atomic: true)
        case .reportUnlessAllRejected where rejected == reading.objects.count:
            throw Problem.invalidObjects(problems, rejected: rejected, of: reading.objects.count, atomic: false)
        default:
            break
        }
        let protected = reading.incidents.map {
            protector.protect($0.draft, id: UUID.random(), producer: producer, receivedAt: receivedAt)
        }
        let submitted = reading.objects.map { outcome in
            var object = PostgresIncidentStore.SubmittedObject(objectID: outcome.id, version: outcome.version, incidents: [])
            switch outcome.disposition {
            case .incident(let index): object.incidents = [index]
            case .included(let indices): object.incidents = indices
            case .context: break
            case .rejected(let problems): object.problems = problems
            }
            return object
        }
        return try await store.commitIntake(
            .init(
                producer: producer, transport: transport, idempotencyKey: idempotencyKey,
                bodySHA256: Data(SHA256.hash(data: body)), receivedAt: receivedAt, incidents: protected,
                objects: submitted),
            agreements: agreements.agreements(producer: producer))
    }
}

extension Problem {
    static func invalidObjects(_ errors: [Item], rejected: Int, of total: Int, atomic: Bool) -> Problem {
        Problem(
            .unprocessableContent, "invalid-objects", title: "Invalid STIX objects",
            detail: atomic
                ? "\(rejected) of \(total) object(s) break STIX 2.1 and the request asked for all or nothing; nothing was stored."
                : "Every object (\(total)) breaks STIX 2.1; nothing was stored.",
            errors: errors)
    }
}
