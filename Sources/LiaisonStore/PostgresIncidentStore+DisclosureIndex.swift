import Foundation
import LiaisonCore
import PostgresNIO

/// One disclosure as the `disclosures` index holds it (migration 0013): who received which
/// incident version, when, under which agreement version, by which transport and for what
/// purpose. The audit entry it names (`seq`) is the evidence; it also names the person.
public struct DisclosureEntry: Sendable, Hashable {
    /// The seq of the `disclose` audit entry.
    public var seq: Int64
    public var at: Date
    public var incident: IncidentVersionKey
    public var producer: String
    public var consumer: String
    public var agreementID: String
    /// Lower-case hex SHA-256 of the agreement version's document; nil before versions were recorded.
    public var agreementVersion: String?
    public var deliveryID: UUID?
    public var transport: String
    public var purpose: DisclosurePurpose

    /// The agreement version that decided it, where one was recorded.
    public var agreementVersionKey: AgreementVersionKey? {
        agreementVersion.map { AgreementVersionKey(id: agreementID, version: $0) }
    }
}

extension PostgresIncidentStore {
    /// The disclosures of `producer`'s incidents — of incident `incident` only, when given —
    /// after the entry `after` and at or after `since`, oldest first.
    public func disclosures(producer: String, incident: UUID?, since: Date?, after: Int64, limit: Int) async throws -> [DisclosureEntry] {
        try await disclosureEntries(
            """
            SELECT audit_seq, at, incident_id, incident_version, producer, consumer, agreement_id, agreement_version,
                   delivery_id, transport, purpose_source, purpose_case, purpose_basis, purpose_statement
            FROM disclosures
            WHERE producer = \(producer) AND (\(incident)::uuid IS NULL OR incident_id = \(incident))
              AND (\(since)::timestamptz IS NULL OR at >= \(since)) AND audit_seq > \(after)
            ORDER BY audit_seq LIMIT \(limit)
            """)
    }

    /// Every disclosure of the incidents `ids`, oldest first.
    public func disclosures(ofIncidents ids: [UUID]) async throws -> [DisclosureEntry] {
        guard !ids.isEmpty else { return [] }
        return try await disclosureEntries(
            """
            SELECT audit_seq, at, incident_id, incident_version, producer, consumer, agreement_id, agreement_version,
                   delivery_id, transport, purpose_source, purpose_case, purpose_basis, purpose_statement
            FROM disclosures WHERE incident_id = ANY(\(ids)::uuid[])
            ORDER BY audit_seq
            """)
    }

    /// The organisation that reported incident `id`; nil when there is no such incident.
    public func producer(ofIncident id: UUID) async throws -> String? {
        let rows = try await fetch("SELECT producer FROM incidents WHERE id = \(id)", logger: logger)
        for try await producer in rows.decode(String.self) { return producer }
        return nil
    }

    private func disclosureEntries(_ query: PostgresQuery) async throws -> [DisclosureEntry] {
        let rows = try await fetch(query, logger: logger)
        var entries: [DisclosureEntry] = []
        for try await row in rows.decode(
            (Int64, Date, UUID, Int, String, String, String, Data?, UUID?, String, String, String?, String?, String?).self)
        {
            entries.append(try DisclosureEntry(row))
        }
        return entries
    }
}

extension DisclosureEntry {
    fileprivate init(
        _ row: (Int64, Date, UUID, Int, String, String, String, Data?, UUID?, String, String, String?, String?, String?)
    ) throws {
        let (seq, at, incident, version, producer, consumer, agreement, agreementVersion, delivery, transport, source, reference, basis, statement) = row
        guard let source = DisclosurePurpose.Source(rawValue: source) else {
            throw StoreError.undecodableRow(table: "disclosures", key: String(seq))
        }
        self.init(
            seq: seq, at: at, incident: IncidentVersionKey(id: incident, version: version), producer: producer, consumer: consumer,
            agreementID: agreement, agreementVersion: agreementVersion?.hexString, deliveryID: delivery, transport: transport,
            purpose: DisclosurePurpose(source: source, caseReference: reference, basis: basis, statement: statement))
    }
}
