import Foundation
import LiaisonCore
import PostgresNIO

/// One organisation's own side of sharing, counted in the database (`GET /v1/stats`): only
/// identifiers, classes, times and counts are read, never an incident's text nor a value.
public struct SharingCounts: Sendable, Equatable {
    /// Incidents first shared (a producer's) or first received (a consumer's) in each bucket,
    /// by their RSIT class (a consumer's: as first received; nil where it was not shared).
    public var incidents: [SharingStatistics.Row]
    /// Seconds from an incident's first disclosure to a consumer to that consumer's first
    /// feedback on it: the median over the pairs disclosed in the window, and how many.
    public var medianSecondsToAcknowledge: Double?
    public var acknowledged: Int
    /// Requests for more information not yet answered: no later feedback from that consumer
    /// on the incident, and no new version of the incident since.
    public var openRequests: Int
}

extension PostgresIncidentStore {
    /// The counts for `organisation` as `side`, from `since`, in buckets of `interval`.
    public func sharingCounts(
        organisation: String, side: SharingStatistics.Side, since: Date, interval: SharingStatistics.Interval
    ) async throws -> SharingCounts {
        let producer: String? = side == .shared ? organisation : nil
        let consumer: String? = side == .received ? organisation : nil
        var incidents: [SharingStatistics.Row] = []
        // A producer counts its incidents by their class now. A consumer counts what it was
        // given: the class of the incident version first disclosed to it, and only where the
        // agreement version that decided that disclosure shares `classification`.
        let rows = try await fetch(
            side == .shared
                ? """
                SELECT date_trunc(\(interval.rawValue), f.first_at, 'UTC'), i.classification_taxonomy, i.classification_type, count(*)::int8
                FROM (SELECT d.incident_id, min(d.added_at) AS first_at
                      FROM deliveries d JOIN incidents i ON i.id = d.incident_id
                      WHERE i.producer = \(producer)
                      GROUP BY d.incident_id) f
                JOIN incidents i ON i.id = f.incident_id
                WHERE f.first_at >= \(since)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """
                : """
                SELECT date_trunc(\(interval.rawValue), f.added_at, 'UTC'),
                       CASE WHEN s.shown THEN coalesce(v.document->>'classification_taxonomy', i.classification_taxonomy) END,
                       CASE WHEN s.shown THEN coalesce(v.document->>'classification_type', i.classification_type) END,
                       count(*)::int8
                FROM (SELECT DISTINCT ON (d.incident_id) d.incident_id, d.incident_version, d.agreement_id, d.agreement_version, d.added_at
                      FROM deliveries d WHERE d.consumer = \(consumer)
                      ORDER BY d.incident_id, d.added_at, d.incident_version) f
                JOIN incidents i ON i.id = f.incident_id
                LEFT JOIN incident_versions v ON v.incident_id = f.incident_id AND v.version = f.incident_version
                LEFT JOIN agreement_documents a ON a.agreement_id = f.agreement_id AND a.sha256 = f.agreement_version
                CROSS JOIN LATERAL (SELECT coalesce((a.document::jsonb -> 'share' -> 'fields') ? 'classification', false) AS shown) s
                WHERE f.added_at >= \(since)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, logger: logger)
        for try await (bucket, taxonomy, type, count) in rows.decode((Date, String?, String?, Int64).self) {
            var classification: Classification?
            if let taxonomy, let type {
                guard let known = Classification(taxonomy: taxonomy, type: type) else {
                    throw StoreError.undecodableRow(table: "incidents", key: "\(taxonomy)/\(type)")
                }
                classification = known
            }
            incidents.append(.init(bucket: bucket, classification: classification, count: Int(count)))
        }
        var median: Double?
        var acknowledged = 0
        let timing = try await fetch(
            """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_feedback - d.first_at)::float8), count(*)::int8
            FROM (SELECT incident_id, consumer, min(created_at) AS first_feedback FROM feedback
                  WHERE (\(producer)::text IS NULL OR producer = \(producer)) AND (\(consumer)::text IS NULL OR consumer = \(consumer))
                  GROUP BY incident_id, consumer) f
            CROSS JOIN LATERAL (SELECT min(added_at) AS first_at FROM deliveries
                                WHERE incident_id = f.incident_id AND consumer = f.consumer) d
            WHERE d.first_at >= \(since)
            """, logger: logger)
        for try await (seconds, count) in timing.decode((Double?, Int64).self) {
            median = seconds
            acknowledged = Int(count)
        }
        var open = 0
        let requests = try await fetch(
            """
            SELECT count(*)::int8 FROM feedback r
            WHERE r.status = 'request-more-information'
              AND (\(producer)::text IS NULL OR r.producer = \(producer)) AND (\(consumer)::text IS NULL OR r.consumer = \(consumer))
              AND NOT EXISTS (SELECT 1 FROM feedback l WHERE l.incident_id = r.incident_id AND l.consumer = r.consumer AND l.seq > r.seq)
              AND NOT EXISTS (SELECT 1 FROM custody_records c WHERE c.incident_id = r.incident_id AND c.received_at > r.created_at)
            """, logger: logger)
        for try await count in requests.decode(Int64.self) { open = Int(count) }
        return SharingCounts(incidents: incidents, medianSecondsToAcknowledge: median, acknowledged: acknowledged, openRequests: open)
    }
}
