import Foundation
import LiaisonCore
import PostgresNIO

/// One organisation's own side of sharing, counted in the database (`GET /v1/stats`): only
/// identifiers, classes, times and counts are read, never an incident's text nor a value.
public struct SharingCounts: Sendable, Equatable {
    /// Incidents first shared (a producer's) or first received (a consumer's) in each bucket,
    /// by their RSIT class.
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
        let rows = try await fetch(
            """
            SELECT date_trunc(\(interval.rawValue), f.first_at, 'UTC'), i.classification_taxonomy, i.classification_type, count(*)::int8
            FROM (SELECT d.incident_id, min(d.added_at) AS first_at
                  FROM deliveries d JOIN incidents i ON i.id = d.incident_id
                  WHERE (\(producer)::text IS NULL OR i.producer = \(producer))
                    AND (\(consumer)::text IS NULL OR d.consumer = \(consumer))
                  GROUP BY d.incident_id) f
            JOIN incidents i ON i.id = f.incident_id
            WHERE f.first_at >= \(since)
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, logger: logger)
        for try await (bucket, taxonomy, type, count) in rows.decode((Date, String, String, Int64).self) {
            guard let classification = Classification(taxonomy: taxonomy, type: type) else {
                throw StoreError.undecodableRow(table: "incidents", key: "\(taxonomy)/\(type)")
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
