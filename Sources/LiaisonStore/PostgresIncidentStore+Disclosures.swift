import Foundation
import LiaisonCore
import NIOCore
import PostgresNIO

/// A delivery row: one incident version disclosed to a consumer under one agreement version,
/// at a position in the consumer's feed.
public struct StoredDisclosure: Sendable, Hashable {
    public var deliveryID: UUID
    /// The position in the consumer's feed.
    public var sequence: Int64
    public var incident: IncidentVersionKey
    public var agreementID: String
    /// The agreement version that decided it; nil for deliveries made before versions were
    /// recorded (migration 0008), which render under the agreement's current version.
    public var agreementVersion: String?
    public var consumer: String
}

/// What rendering stored disclosures needs from the database: the incident versions and the
/// agreement versions they name.
public struct DisclosedRows: Sendable {
    public var incidents: [IncidentVersionKey: Incident]
    public var agreements: [AgreementVersionKey: Agreement]
    /// When each incident version was received (its custody record's time): the STIX
    /// `modified` of that version.
    public var versionTimes: [IncidentVersionKey: Date] = [:]
}

/// One disclosure as it left the gateway, for the audit trail: what, to whom, under which
/// rules, the digest of the exact bytes, which tokens were shown in plaintext, for what
/// purpose and, for a read, by whose hand.
public struct DisclosureRecord: Sendable {
    public var disclosure: StoredDisclosure
    /// SHA-256 of the bytes disclosed (a webhook body, a feed item), lower-case hex.
    public var bytesSHA256: String
    /// SHA-256 of the projection's canonical JSON, the same whatever the transport wrapped it
    /// in: what an evidence package's projection is checked against.
    public var projectionSHA256: String
    public var revealed: Set<Token>
    /// The legal basis the agreement names, recorded with every reveal.
    public var legalBasis: String?
    public var purpose: DisclosurePurpose
    /// The named person whose key read it; nil for a push.
    public var person: String?

    public init(
        disclosure: StoredDisclosure, bytesSHA256: String, projectionSHA256: String, revealed: Set<Token>, legalBasis: String?,
        purpose: DisclosurePurpose, person: String?
    ) {
        self.disclosure = disclosure
        self.bytesSHA256 = bytesSHA256
        self.projectionSHA256 = projectionSHA256
        self.revealed = revealed
        self.legalBasis = legalBasis
        self.purpose = purpose
        self.person = person
    }
}

extension PostgresIncidentStore {
    /// The consumer's disclosures after position `after`, in order.
    public func feed(consumer: String, after: Int64, limit: Int) async throws -> [StoredDisclosure] {
        try await disclosures(
            """
            SELECT id, seq, incident_id, incident_version, agreement_id, agreement_version, consumer FROM deliveries
            WHERE consumer = \(consumer) AND seq > \(after)
            ORDER BY seq LIMIT \(limit)
            """)
    }

    /// The latest disclosure of incident `id` to `consumer`, with the custody record of the
    /// version it disclosed; nil when there is none.
    public func latestDisclosure(of id: UUID, to consumer: String) async throws -> (StoredDisclosure, CustodyRecord)? {
        guard let disclosure = try await disclosures(
            """
            SELECT id, seq, incident_id, incident_version, agreement_id, agreement_version, consumer FROM deliveries
            WHERE incident_id = \(id) AND consumer = \(consumer)
            ORDER BY incident_version DESC, seq DESC LIMIT 1
            """).first
        else { return nil }
        let rows = try await fetch(
            """
            SELECT receipt_id, producer, transport, body_sha256, received_at, details::text FROM custody_records
            WHERE incident_id = \(id) AND version = \(disclosure.incident.version)
            """, logger: logger)
        for try await (receipt, producer, transport, digest, received, details) in rows.decode((UUID, String, String, Data, Date, String).self) {
            guard let fields = try? CanonicalJSON.decode([String: String].self, from: Data(details.utf8)) else {
                throw StoreError.undecodableRow(table: "custody_records", key: id.uuidString)
            }
            return (disclosure, CustodyRecord(
                receiptID: receipt, producer: producer, transport: transport, bodySHA256: digest.hexString,
                receivedAt: received, details: fields))
        }
        return nil
    }

    func disclosures(_ query: PostgresQuery) async throws -> [StoredDisclosure] {
        let rows = try await fetch(query, logger: logger)
        var found: [StoredDisclosure] = []
        for try await (id, seq, incident, version, agreement, agreementVersion, consumer) in rows.decode(
            (UUID, Int64, UUID, Int, String, Data?, String).self)
        {
            found.append(StoredDisclosure(
                deliveryID: id, sequence: seq, incident: IncidentVersionKey(id: incident, version: version), agreementID: agreement,
                agreementVersion: agreementVersion?.hexString, consumer: consumer))
        }
        return found
    }

    /// The incident versions and agreement versions `disclosures` name, in one connection.
    public func rows(for disclosures: [StoredDisclosure]) async throws -> DisclosedRows {
        try await rows(
            incidents: Set(disclosures.map(\.incident)),
            agreements: Set(disclosures.compactMap { disclosure in
                disclosure.agreementVersion.map { AgreementVersionKey(id: disclosure.agreementID, version: $0) }
            }))
    }

    /// The incident versions and agreement versions named, in one connection.
    public func rows(incidents keys: Set<IncidentVersionKey>, agreements versions: Set<AgreementVersionKey>) async throws -> DisclosedRows {
        guard !keys.isEmpty || !versions.isEmpty else { return DisclosedRows(incidents: [:], agreements: [:]) }
        return try await client.withConnection { connection in
            DisclosedRows(
                incidents: try await incidents(at: keys, on: connection),
                agreements: try await agreements(at: versions, on: connection),
                versionTimes: try await versionTimes(of: keys, on: connection))
        }
    }

    /// The custody record's receipt time of each incident version.
    func versionTimes(of keys: Set<IncidentVersionKey>, on connection: PostgresConnection) async throws -> [IncidentVersionKey: Date] {
        let ids = keys.map(\.id), versions = keys.map(\.version)
        let rows = try await connection.guardedQuery(
            """
            SELECT c.incident_id, c.version, c.received_at FROM custody_records c
            JOIN unnest(\(ids)::uuid[], \(versions)::int4[]) AS k(id, version) ON c.incident_id = k.id AND c.version = k.version
            """, logger: logger)
        var found: [IncidentVersionKey: Date] = [:]
        for try await (id, version, received) in rows.decode((UUID, Int, Date).self) {
            found[IncidentVersionKey(id: id, version: version)] = received
        }
        return found
    }

    /// Audits disclosures made by `transport` (feed, incident API) in one transaction.
    public func recordDisclosures(_ records: [DisclosureRecord], transport: String) async throws {
        guard !records.isEmpty else { return }
        try await withTransaction { connection in
            try await appendDisclosures(records, transport: transport, on: connection)
        }
    }

    /// The ledger entries of disclosures (LED Art. 25: disclosure, recipient, when, the
    /// justification and, for a read, the person), each one's row in `disclosures`, and, for
    /// each that showed values in plaintext, a reveal entry naming their tokens and the legal
    /// basis right after its disclose entry. One append lock and one statement for them all,
    /// in the order given.
    func appendDisclosures(_ records: [DisclosureRecord], transport: String, on connection: PostgresConnection) async throws {
        guard !records.isEmpty else { return }
        var index = try await nextLedgerIndex(on: connection)
        var indexes: [Int64] = [], subjects: [String] = [], actions: [String] = [], details: [String] = []
        var rows: [[String: String]] = []
        for record in records {
            let disclosure = record.disclosure
            let subject = "incident:\(disclosure.incident.id)"
            let row: [String: String?] = [
                "leaf_index": String(index), "incident_id": disclosure.incident.id.uuidString,
                "incident_version": String(disclosure.incident.version), "consumer": disclosure.consumer,
                "agreement_id": disclosure.agreementID, "agreement_version": disclosure.agreementVersion,
                "delivery_id": disclosure.deliveryID.uuidString, "purpose_source": record.purpose.source.rawValue,
                "purpose_case": record.purpose.caseReference, "purpose_basis": record.purpose.basis,
                "purpose_statement": record.purpose.statement,
            ]
            rows.append(row.compactMapValues { $0 })
            for (action, entry) in Self.ledgerDetails(of: record, transport: transport) {
                indexes.append(index)
                subjects.append(subject)
                actions.append(action)
                details.append(String(decoding: try CanonicalJSON.encode(entry.mapValues(AnyEncodable.init)), as: UTF8.self))
                index += 1
            }
        }
        let keys = String(decoding: try CanonicalJSON.encode(rows), as: UTF8.self)
        let written = try await connection.guardedQuery(
            """
            WITH entries AS (
                INSERT INTO audit_log (leaf_index, actor, action, subject, details)
                SELECT e.leaf_index, 'gateway', e.action, e.subject, e.details::jsonb
                FROM unnest(\(indexes)::int8[], \(actions)::text[], \(subjects)::text[], \(details)::text[])
                     WITH ORDINALITY AS e(leaf_index, action, subject, details, n)
                ORDER BY e.n
                RETURNING seq, at, leaf_index
            )
            INSERT INTO disclosures (audit_seq, at, incident_id, incident_version, producer, consumer, agreement_id,
                                     agreement_version, delivery_id, transport, purpose_source, purpose_case, purpose_basis,
                                     purpose_statement)
            SELECT e.seq, e.at, i.id, k.incident_version, i.producer, k.consumer, k.agreement_id, decode(k.agreement_version, 'hex'),
                   k.delivery_id, \(transport), k.purpose_source, k.purpose_case, k.purpose_basis, k.purpose_statement
            FROM jsonb_to_recordset(\(keys)::jsonb) AS k(
                     leaf_index int8, incident_id uuid, incident_version int4, consumer text, agreement_id text, agreement_version text,
                     delivery_id uuid, purpose_source text, purpose_case text, purpose_basis text, purpose_statement text)
            JOIN entries e ON e.leaf_index = k.leaf_index
            JOIN incidents i ON i.id = k.incident_id
            ORDER BY e.seq
            RETURNING incident_id
            """, logger: logger)
        // A disclosure of an incident that is not there would leave its entry unindexed.
        var indexed: Set<UUID> = []
        for try await id in written.decode(UUID.self) { indexed.insert(id) }
        if let missing = records.first(where: { !indexed.contains($0.disclosure.incident.id) }) {
            throw StoreError.incidentNotFound(missing.disclosure.incident.id.uuidString)
        }
    }

    /// The ledger entries of one disclosure, in order: `disclose`, then `reveal` when it showed
    /// values in plaintext.
    static func ledgerDetails(of record: DisclosureRecord, transport: String) -> [(String, [String: any Sendable & Encodable])] {
        let disclosure = record.disclosure
        let purpose = record.purpose
        var details: [String: any Sendable & Encodable] = [
            "incident_version": disclosure.incident.version, "agreement": disclosure.agreementID,
            "agreement_version": disclosure.agreementVersion ?? "", "consumer": disclosure.consumer, "transport": transport,
            "delivery": disclosure.deliveryID.uuidString, "sha256": record.bytesSHA256, "purpose_source": purpose.source.rawValue,
            "projection_sha256": record.projectionSHA256,
        ]
        if let person = record.person { details["person"] = person }
        if let reference = purpose.caseReference { details["purpose_case"] = reference }
        if let basis = purpose.basis { details["purpose_basis"] = basis }
        if let statement = purpose.statement { details["purpose"] = statement }
        guard !record.revealed.isEmpty else { return [("disclose", details)] }
        var reveal: [String: any Sendable & Encodable] = [
            "incident_version": disclosure.incident.version, "agreement": disclosure.agreementID,
            "agreement_version": disclosure.agreementVersion ?? "", "consumer": disclosure.consumer,
            "legal_basis": record.legalBasis ?? "", "tokens": record.revealed.map(\.text).sorted().joined(separator: ","),
        ]
        if let person = record.person { reveal["person"] = person }
        return [("disclose", details), ("reveal", reveal)]
    }
}
