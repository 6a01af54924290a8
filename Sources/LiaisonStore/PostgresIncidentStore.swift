import Crypto
import Foundation
import LiaisonCore
import Logging
import NIOCore
import PostgresNIO

/// Liaison's PostgreSQL store: incidents with their custody records, the vault, the
/// delivery outbox and feed, API keys, agreements and the audit trail.
public struct PostgresIncidentStore: Sendable {
    public let client: PostgresClient
    public let vault: VaultCipher
    /// Signs every receipt before it is stored and answered.
    public let signer: ReceiptSigner
    /// How long vault entries are kept, by kind, before `purge` deletes them.
    public let retention: VaultRetention
    let logger: Logger
    let agreementVersionCache = AgreementVersionCache()

    public init(
        client: PostgresClient, vault: VaultCipher, signer: ReceiptSigner, retention: VaultRetention = VaultRetention(),
        logger: Logger
    ) {
        self.client = client
        self.vault = vault
        self.signer = signer
        self.retention = retention
        self.logger = logger
    }

    /// A receipt by id, if `producer` was given it.
    public func receipt(id: UUID, producer: String) async throws -> SignedReceipt? {
        let rows = try await fetch(
            "SELECT document FROM receipts WHERE id = \(id) AND producer = \(producer)", logger: logger)
        for try await document in rows.decode(String.self) { return try SignedReceipt(stored: Array(document.utf8)) }
        return nil
    }

    /// The receipt first given for this producer's idempotency key, if any.
    public func receipt(producer: String, idempotencyKey: String) async throws -> SignedReceipt? {
        let rows = try await fetch(
            "SELECT document FROM receipts WHERE producer = \(producer) AND idempotency_key = \(idempotencyKey)",
            logger: logger)
        for try await document in rows.decode(String.self) { return try SignedReceipt(stored: Array(document.utf8)) }
        return nil
    }
}
