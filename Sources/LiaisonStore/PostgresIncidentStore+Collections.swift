import Foundation
import LiaisonCore
import PostgresNIO

/// A disclosure as a consumer's TAXII collection holds it.
public struct CollectedDisclosure: Sendable, Hashable {
    public var disclosure: StoredDisclosure
    /// When it was added to the collection (`deliveries.added_at`, migration 0015): RFC 3339
    /// in UTC with six fractional digits, exactly as stored, so that a client's `added_after`
    /// compares with it without rounding.
    public var addedAt: String
    /// Whether no later version of its incident was disclosed under the same agreement
    /// (TAXII's `match[version]=last`).
    public var isLatest: Bool
    /// Whether no earlier version of its incident was (`match[version]=first`).
    public var isFirst: Bool
}

extension PostgresIncidentStore {
    /// The disclosures made under `agreement` to `consumer` from feed position `from` on
    /// (inclusive), in feed order — which is also `added_at` order — at most `limit`; with
    /// `addedAfter` (an RFC 3339 timestamp, at most microseconds) only those added strictly
    /// after it.
    public func collection(
        consumer: String, agreement: String, from sequence: Int64, addedAfter: String?, limit: Int
    ) async throws -> [CollectedDisclosure] {
        let rows = try await fetch(
            """
            SELECT d.id, d.seq, d.incident_id, d.incident_version, d.agreement_id, d.agreement_version, d.consumer,
                   to_char(d.added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                   NOT EXISTS (SELECT 1 FROM deliveries l WHERE l.incident_id = d.incident_id AND l.agreement_id = d.agreement_id
                                                          AND l.incident_version > d.incident_version),
                   NOT EXISTS (SELECT 1 FROM deliveries l WHERE l.incident_id = d.incident_id AND l.agreement_id = d.agreement_id
                                                          AND l.incident_version < d.incident_version)
            FROM deliveries d
            WHERE d.consumer = \(consumer) AND d.agreement_id = \(agreement) AND d.seq >= \(sequence)
              AND (\(addedAfter)::timestamptz IS NULL OR d.added_at > \(addedAfter)::timestamptz)
            ORDER BY d.seq LIMIT \(limit)
            """, logger: logger)
        var found: [CollectedDisclosure] = []
        for try await (id, seq, incident, version, agreementID, agreementVersion, consumer, addedAt, latest, first) in rows.decode(
            (UUID, Int64, UUID, Int, String, Data?, String, String, Bool, Bool).self)
        {
            found.append(CollectedDisclosure(
                disclosure: StoredDisclosure(
                    deliveryID: id, sequence: seq, incident: IncidentVersionKey(id: incident, version: version), agreementID: agreementID,
                    agreementVersion: agreementVersion?.hexString, consumer: consumer),
                addedAt: addedAt, isLatest: latest, isFirst: first))
        }
        return found
    }
}
