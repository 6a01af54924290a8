import Crypto
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonStore
import Logging

/// The one intake pipeline every transport goes through (HTTP events, STIX, TAXII, e-mail
/// over HTTP, `liaison mail`): a parser's ``IntakeBatch`` in, a committed, signed receipt
/// out. It protects the drafts (personal data to the vault, tokens in its place), lets the
/// store say what it already holds, lets Core decide fates and disclosures, and commits it
/// all in one transaction. Adding a transport is one parser and one route.
public struct IntakePipeline: Sendable {
    public var store: PostgresIncidentStore
    public var agreements: AgreementRegistry
    public var protector: IncidentProtector
    /// Where intakes are counted (by transport), if anywhere.
    public var metrics: GatewayMetrics?

    public init(
        store: PostgresIncidentStore, agreements: AgreementRegistry, protector: IncidentProtector, metrics: GatewayMetrics? = nil
    ) {
        self.store = store
        self.agreements = agreements
        self.protector = protector
        self.metrics = metrics
    }

    /// One push, as it arrived.
    public struct Submission: Sendable {
        public var producer: String
        public var transport: Transport
        /// The exact bytes received, for the receipt's and the custody record's SHA-256.
        public var body: [UInt8]
        public var idempotencyKey: String?
        public var receivedAt: Date

        public init(producer: String, transport: Transport, body: [UInt8], idempotencyKey: String?, receivedAt: Date) {
            self.producer = producer
            self.transport = transport
            self.body = body
            self.idempotencyKey = idempotencyKey
            self.receivedAt = receivedAt
        }
    }

    /// What became of a push.
    public enum Outcome: Sendable {
        /// Committed now, under this new receipt.
        case committed(SignedReceipt)
        /// Nothing written: a retry with an `Idempotency-Key` already used; the first answer.
        case replayed(SignedReceipt)
        /// Nothing written: every object is already held, all by this one earlier receipt.
        case duplicate(SignedReceipt)
        /// Nothing written: every object is already held, by several earlier receipts; each
        /// outcome names the receipt that holds its object.
        case duplicates([Receipt.Outcome])

        /// The receipt this outcome answers with, if one receipt holds everything.
        public var receipt: SignedReceipt? {
            switch self {
            case .committed(let signed), .replayed(let signed), .duplicate(let signed): signed
            case .duplicates: nil
            }
        }
    }

    public func submit(_ batch: IntakeBatch, _ submission: Submission) async throws -> Outcome {
        var vaulted: [PersonalDataKind] = []
        let outcome = try await submit(batch, submission, vaulted: &vaulted)
        metrics?.intake(transport: submission.transport, outcome: outcome, vaulted: vaulted)
        return outcome
    }

    private func submit(_ batch: IntakeBatch, _ submission: Submission, vaulted: inout [PersonalDataKind]) async throws -> Outcome {
        if let key = submission.idempotencyKey, let first = try await store.receipt(producer: submission.producer, idempotencyKey: key) {
            return .replayed(first)
        }
        let naturalKeyHash = store.vault.derivedKey(for: "natural-key")
        let results = Self.storingNaturalKeys(
            protector.protect(batch.drafts, producer: submission.producer, receivedAt: submission.receivedAt), key: naturalKeyHash)
        let agreements = agreements.book.agreements(producer: submission.producer)
        let bodySHA256 = Data(SHA256.hash(data: submission.body))
        let decided: Decided
        do {
            decided = try await store.withIntakeTransaction { transaction in
                try await commit(results, batch, submission, bodySHA256: bodySHA256, agreements: agreements, in: transaction)
            }
        } catch StoreError.uniqueViolation(let constraint) where constraint == "receipts_producer_idempotency_key_key" {
            // A concurrent request with the same idempotency key committed first.
            guard let key = submission.idempotencyKey, let first = try await store.receipt(producer: submission.producer, idempotencyKey: key)
            else { throw StoreError.uniqueViolation(constraint: constraint) }
            return .replayed(first)
        }
        switch decided {
        case .committed(let receipt):
            vaulted = results.flatMap { $0.vault.map(\.token.kind) }
            return .committed(receipt)
        case .heldBy(let receiptID, let outcomes):
            guard let receiptID, let first = try await store.receipt(id: receiptID, producer: submission.producer) else {
                return .duplicates(outcomes)
            }
            return .duplicate(first)
        }
    }

    /// The natural key as stored: a mail's key holds its Message-ID (RFC 5322 section 3.6.4),
    /// whose left part can name a person, so it is kept as an HMAC-SHA256 under a key derived
    /// from the vault's lookup key: equal for a re-sent message, meaningless without the key.
    /// The Message-ID itself is in the vault, as the custody record's `message_id` token.
    static func storedNaturalKey(_ key: String, key hashKey: SymmetricKey) -> String {
        guard key.hasPrefix("message-id:") else { return key }
        return "message-id-hmac:" + Data(HMAC<SHA256>.authenticationCode(for: Array(key.utf8), using: hashKey)).hexString
    }

    /// Each result with its natural key as stored, changed in place: a copy of every result
    /// would cost a retain and a release of each of its parts.
    static func storingNaturalKeys(_ results: consuming [IncidentProtector.Result], key hashKey: SymmetricKey) -> [IncidentProtector.Result] {
        for index in results.indices where results[index].naturalKey.hasPrefix("message-id:") {
            results[index].naturalKey = storedNaturalKey(results[index].naturalKey, key: hashKey)
        }
        return results
    }

    private enum Decided: Sendable {
        case committed(SignedReceipt)
        /// Nothing new; the one receipt that holds everything, if there is one.
        case heldBy(UUID?, [Receipt.Outcome])
    }

    private func commit(
        _ results: [IncidentProtector.Result], _ batch: IntakeBatch, _ submission: Submission, bodySHA256: Data,
        agreements: [Agreement], in transaction: IntakeTransaction
    ) async throws -> Decided {
        let inserted = try await transaction.insertNew(results)
        let stored = try await transaction.storedIncidents(
            producer: submission.producer, naturalKeys: results.filter { !inserted.contains($0.incident.id) }.map(\.naturalKey))
        let resolution = try IntakeResolution(results, inserted: inserted, stored: stored)
        let outcomes = resolution.outcomes(batch.objects)
        if !results.isEmpty, resolution.changesNothing, !batch.hasRejections {
            let holders = Set(outcomes.compactMap(\.receiptID))
            return .heldBy(holders.count == 1 ? holders.first : nil, outcomes)
        }
        let previous = try await transaction.incidents(ids: resolution.updates.map(\.stored.id))
        let updates = try resolution.updates.map { result, held in
            guard let before = previous[held.id] else { throw StoreError.incidentNotFound(held.id.uuidString) }
            return IncidentUpdate(
                incident: result.incident, vault: result.vault, version: held.version + 1, modified: result.modified,
                previous: before)
        }
        let previousVault = try await transaction.vaultValues(for: SharingPlanner.tokensToCompare(updates, under: agreements))
        let accepted = resolution.accepted
        let disclosures = SharingPlanner.disclosures(ofNew: accepted.map(\.incident), under: agreements)
            + SharingPlanner.disclosures(ofUpdates: updates, under: agreements, previousVault: previousVault)
        let receipt = Receipt(
            id: UUID.random(), producer: submission.producer, transport: submission.transport,
            receivedAt: submission.receivedAt, bodySHA256: bodySHA256.hexString, outcomes: outcomes, parts: batch.parts)
        let signed = try await transaction.commit(IntakeCommit(
            receipt: receipt, idempotencyKey: submission.idempotencyKey, bodySHA256: bodySHA256,
            accepted: accepted, updates: updates, disclosures: disclosures))
        return .committed(signed)
    }
}

extension Logger {
    /// The one log line of an intake, whatever its transport: identifiers and counts, never content.
    func intake(_ outcome: IntakePipeline.Outcome) {
        switch outcome {
        case .committed(let signed):
            info(
                "intake committed",
                metadata: [
                    "transport": "\(signed.receipt.transport.rawValue)", "receipt": "\(signed.receipt.id)",
                    "objects": "\(signed.receipt.outcomes.count)", "incidents": "\(signed.receipt.incidentIDs.count)",
                ])
        case .replayed(let signed), .duplicate(let signed):
            info("intake repeated; nothing written", metadata: ["receipt": "\(signed.receipt.id)"])
        case .duplicates(let outcomes):
            info("intake already held; nothing written", metadata: ["objects": "\(outcomes.count)"])
        }
    }
}
