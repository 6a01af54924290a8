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

    /// One intake request, protected and ready to commit.
    public struct IntakeSubmission: Sendable {
        public var producer: String
        public var transport: Transport
        public var idempotencyKey: String?
        public var bodySHA256: Data
        public var receivedAt: Date
        public var incidents: [IncidentProtector.Result]
        /// For e-mail: the outcome of each MIME part, for the receipt.
        public var parts: [Receipt.Part]

        public init(
            producer: String, transport: Transport, idempotencyKey: String?, bodySHA256: Data, receivedAt: Date,
            incidents: [IncidentProtector.Result], parts: [Receipt.Part] = []
        ) {
            self.producer = producer
            self.transport = transport
            self.idempotencyKey = idempotencyKey
            self.bodySHA256 = bodySHA256
            self.receivedAt = receivedAt
            self.incidents = incidents
            self.parts = parts
        }
    }

    /// A receipt by id, if `producer` was given it.
    public func receipt(id: UUID, producer: String) async throws -> Receipt? {
        let rows = try await client.query(
            "SELECT document::text FROM receipts WHERE id = \(id) AND producer = \(producer)", logger: logger)
        for try await document in rows.decode(String.self) {
            return try CanonicalJSON.decode(Receipt.self, from: Data(document.utf8))
        }
        return nil
    }

    /// The receipt first given for this producer's idempotency key, if any.
    public func receipt(producer: String, idempotencyKey: String) async throws -> Receipt? {
        let rows = try await client.query(
            "SELECT document::text FROM receipts WHERE producer = \(producer) AND idempotency_key = \(idempotencyKey)",
            logger: logger)
        for try await document in rows.decode(String.self) {
            return try CanonicalJSON.decode(Receipt.self, from: Data(document.utf8))
        }
        return nil
    }

    /// Writes the incidents, their custody records, vault entries, one delivery per
    /// agreement that shares each, the receipt and an audit entry, in one transaction.
    /// An incident the producer sent before (same natural key) is reported as a
    /// duplicate and changes nothing. Returns only after commit.
    public func commitIntake(_ submission: IntakeSubmission, agreements: [Agreement]) async throws -> Receipt {
        if let key = submission.idempotencyKey, let first = try await receipt(producer: submission.producer, idempotencyKey: key) {
            return first
        }
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await commit(submission, agreements: agreements, on: connection)
            }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            // A concurrent request with the same idempotency key committed first.
            if let key = submission.idempotencyKey, let first = try await receipt(producer: submission.producer, idempotencyKey: key) {
                return first
            }
            throw error
        }
    }

    private func commit(
        _ submission: IntakeSubmission, agreements: [Agreement], on connection: PostgresConnection
    ) async throws -> Receipt {
        let incidents = submission.incidents.map(\.incident)
        let inserted = try await insertIncidents(incidents, naturalKeys: submission.naturalKeys, on: connection)
        let existing = try await existingIncidents(
            producer: submission.producer,
            naturalKeys: zip(incidents, submission.naturalKeys).filter { !inserted.contains($0.0.id) }.map(\.1),
            on: connection)
        var outcomes: [Receipt.Outcome] = []
        for (index, (incident, key)) in zip(incidents, submission.naturalKeys).enumerated() {
            if inserted.contains(incident.id) {
                outcomes.append(.init(index: index, incidentID: incident.id, status: .accepted))
            } else {
                outcomes.append(.init(index: index, incidentID: existing[key] ?? incident.id, status: .duplicate))
            }
        }
        let receipt = try signer.sign(Receipt(
            id: UUID(), producer: submission.producer, transport: submission.transport,
            receivedAt: submission.receivedAt, bodySHA256: submission.bodySHA256.hexString, outcomes: outcomes,
            parts: submission.parts))
        let document = String(decoding: try CanonicalJSON.encode(receipt), as: UTF8.self)
        try await connection.query(
            """
            INSERT INTO receipts (id, producer, transport, idempotency_key, body_sha256, received_at, document)
            VALUES (\(receipt.id), \(submission.producer), \(submission.transport.rawValue),
                    \(submission.idempotencyKey), \(submission.bodySHA256), \(submission.receivedAt), \(document)::jsonb)
            """, logger: logger)
        let accepted = submission.incidents.filter { inserted.contains($0.incident.id) }
        guard !accepted.isEmpty else {
            try await appendAudit(
                actor: submission.producer, action: "intake", subject: "receipt:\(receipt.id)",
                details: ["accepted": 0, "duplicates": outcomes.count, "deliveries": 0], on: connection)
            return receipt
        }
        let acceptedIDs = accepted.map(\.incident.id)
        let details = try accepted.map { String(decoding: try CanonicalJSON.encode($0.incident.custody), as: UTF8.self) }
        try await connection.query(
            """
            INSERT INTO custody_records (incident_id, receipt_id, producer, transport, body_sha256, received_at, details)
            SELECT i, \(receipt.id), \(submission.producer), \(submission.transport.rawValue),
                   \(submission.bodySHA256), \(submission.receivedAt), d::jsonb
            FROM unnest(\(acceptedIDs)::uuid[], \(details)::text[]) AS t(i, d)
            """, logger: logger)
        try await insertVaultEntries(accepted, on: connection)
        let deliveries = try await insertDeliveries(for: accepted.map(\.incident), agreements: agreements, on: connection)
        try await appendAudit(
            actor: submission.producer, action: "intake", subject: "receipt:\(receipt.id)",
            details: ["accepted": accepted.count, "duplicates": outcomes.count - accepted.count, "deliveries": deliveries],
            on: connection)
        return receipt
    }

    private func insertIncidents(
        _ incidents: [Incident], naturalKeys: [String], on connection: PostgresConnection
    ) async throws -> Set<UUID> {
        let observables = try incidents.map { String(decoding: try CanonicalJSON.encode($0.observables), as: UTF8.self) }
        let redactions = try incidents.map { String(decoding: try CanonicalJSON.encode($0.redactions), as: UTF8.self) }
        // Optional times travel as text, '' for none, since arrays cannot hold NULLs here.
        let firstSeen = incidents.map { $0.firstSeen.map(RFC3339.string(from:)) ?? "" }
        let lastSeen = incidents.map { $0.lastSeen.map(RFC3339.string(from:)) ?? "" }
        let rows = try await connection.query(
            """
            INSERT INTO incidents (id, producer, natural_key, received_at, classification_taxonomy,
                classification_type, tlp, title, description, first_seen, last_seen, observables, redactions)
            SELECT id, producer, natural_key, received_at, taxonomy, type, tlp, title, description,
                   NULLIF(first_seen, '')::timestamptz, NULLIF(last_seen, '')::timestamptz,
                   observables::jsonb, redactions::jsonb
            FROM unnest(\(incidents.map(\.id))::uuid[], \(incidents.map(\.producer))::text[],
                        \(naturalKeys)::text[], \(incidents.map(\.receivedAt))::timestamptz[],
                        \(incidents.map(\.classification.taxonomy))::text[], \(incidents.map(\.classification.type))::text[],
                        \(incidents.map(\.tlp.rawValue))::text[], \(incidents.map(\.title))::text[],
                        \(incidents.map(\.description))::text[], \(firstSeen)::text[], \(lastSeen)::text[],
                        \(observables)::text[], \(redactions)::text[])
                 AS t(id, producer, natural_key, received_at, taxonomy, type, tlp, title, description,
                      first_seen, last_seen, observables, redactions)
            ON CONFLICT (producer, natural_key) DO NOTHING
            RETURNING id
            """, logger: logger)
        var inserted: Set<UUID> = []
        for try await id in rows.decode(UUID.self) { inserted.insert(id) }
        return inserted
    }

    private func existingIncidents(
        producer: String, naturalKeys: [String], on connection: PostgresConnection
    ) async throws -> [String: UUID] {
        guard !naturalKeys.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT natural_key, id FROM incidents
            WHERE producer = \(producer) AND natural_key = ANY(\(naturalKeys)::text[])
            """, logger: logger)
        var found: [String: UUID] = [:]
        for try await (key, id) in rows.decode((String, UUID).self) { found[key] = id }
        return found
    }

    private func insertVaultEntries(_ accepted: [IncidentProtector.Result], on connection: PostgresConnection) async throws {
        var tokens: [String] = [], incidentIDs: [UUID] = [], kinds: [String] = [], roles: [String] = []
        var sealed: [ByteBuffer] = [], lookups: [ByteBuffer] = [], retainUntil: [Date] = []
        let now = Date()
        for result in accepted {
            for item in result.vault {
                tokens.append(item.token.text)
                incidentIDs.append(result.incident.id)
                kinds.append(item.token.kind.rawValue)
                roles.append(item.role.rawValue)
                sealed.append(ByteBuffer(data: try vault.seal(item.plaintext, token: item.token)))
                lookups.append(ByteBuffer(data: vault.lookupHash(kind: item.token.kind, value: item.plaintext)))
                retainUntil.append(now.addingTimeInterval(TimeInterval(retention.days(for: item.token.kind) * 86_400)))
            }
        }
        guard !tokens.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO vault_entries (token, incident_id, kind, role, key_id, sealed, lookup_hash, retain_until)
            SELECT token, incident_id, kind, role, \(vault.currentKeyID), sealed, lookup_hash, retain_until
            FROM unnest(\(tokens)::text[], \(incidentIDs)::uuid[], \(kinds)::text[], \(roles)::text[],
                        \(sealed)::bytea[], \(lookups)::bytea[], \(retainUntil)::timestamptz[])
                 AS t(token, incident_id, kind, role, sealed, lookup_hash, retain_until)
            """, logger: logger)
    }

    /// One row per (incident, agreement that shares it). Inserted under the append lock,
    /// so feed sequence numbers become visible in order and a cursor never skips a row.
    private func insertDeliveries(
        for incidents: [Incident], agreements: [Agreement], on connection: PostgresConnection
    ) async throws -> Int {
        var ids: [UUID] = [], incidentIDs: [UUID] = [], agreementIDs: [String] = []
        var consumers: [String] = [], statuses: [String] = []
        for incident in incidents {
            for agreement in agreements {
                guard case .share = agreement.decision(for: incident) else { continue }
                ids.append(UUID())
                incidentIDs.append(incident.id)
                agreementIDs.append(agreement.id)
                consumers.append(agreement.consumer)
                statuses.append(agreement.webhook == nil ? "pull-only" : "pending")
            }
        }
        guard !ids.isEmpty else { return 0 }
        try await takeAppendLock(on: connection)
        try await connection.query(
            """
            INSERT INTO deliveries (id, incident_id, agreement_id, consumer, status)
            SELECT * FROM unnest(\(ids)::uuid[], \(incidentIDs)::uuid[], \(agreementIDs)::text[],
                                 \(consumers)::text[], \(statuses)::text[])
            """, logger: logger)
        return ids.count
    }
}

extension PostgresIncidentStore.IntakeSubmission {
    var naturalKeys: [String] { incidents.map(\.naturalKey) }
}

