import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Every disclosure of incident `id`, to `consumer` or (nil) to anyone, oldest first.
    public func disclosures(of id: UUID, to consumer: String?) async throws -> [StoredDisclosure] {
        try await disclosures(
            """
            SELECT id, seq, incident_id, incident_version, agreement_id, agreement_version, consumer FROM deliveries
            WHERE incident_id = \(id) AND (\(consumer)::text IS NULL OR consumer = \(consumer))
            ORDER BY incident_version, seq
            """)
    }

    /// The custody record of each version of incident `id`, by version.
    public func custodyRecords(of id: UUID) async throws -> [(version: Int, record: CustodyRecord)] {
        let rows = try await fetch(
            """
            SELECT version, receipt_id, producer, transport, body_sha256, received_at, details::text FROM custody_records
            WHERE incident_id = \(id) ORDER BY version
            """, logger: logger)
        var found: [(Int, CustodyRecord)] = []
        for try await (version, receipt, producer, transport, digest, received, details) in rows.decode(
            (Int, UUID, String, String, Data, Date, String).self)
        {
            guard let fields = try? CanonicalJSON.decode([String: String].self, from: Data(details.utf8)) else {
                throw StoreError.undecodableRow(table: "custody_records", key: id.uuidString)
            }
            found.append((version, CustodyRecord(
                receiptID: receipt, producer: producer, transport: transport, bodySHA256: digest.hexString, receivedAt: received,
                details: fields)))
        }
        return found
    }

    /// The stored receipts with these ids, as signed.
    public func receipts(ids: [UUID]) async throws -> [SignedReceipt] {
        let rows = try await fetch("SELECT document FROM receipts WHERE id = ANY(\(ids)::uuid[]) ORDER BY received_at", logger: logger)
        var found: [SignedReceipt] = []
        for try await document in rows.decode(String.self) { found.append(try SignedReceipt(stored: Array(document.utf8))) }
        return found
    }

    /// The ledger entries about these subjects (`incident:…`, `receipt:…`), in index order.
    public func ledgerEntries(subjects: [String]) async throws -> [LedgerEntry] {
        let rows = try await fetch(
            "SELECT \(unescaped: Self.ledgerColumns) FROM audit_log WHERE subject = ANY(\(subjects)::text[]) ORDER BY leaf_index",
            logger: logger)
        return try await Self.ledgerEntries(rows)
    }
}
