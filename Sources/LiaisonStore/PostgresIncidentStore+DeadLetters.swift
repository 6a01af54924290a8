import Foundation
import LiaisonCore
import PostgresNIO

/// What a bulk replay of dead letters did.
public struct DeadLetterReplay: Sendable, Hashable, Codable {
    public var consumer: String
    /// The deliveries queued again, oldest first; each keeps its id, and so its `webhook-id`.
    public var replayed: [UUID]
    /// Dead deliveries that matched but were left for a further call (the batch is bounded).
    public var remaining: Int

    public init(consumer: String, replayed: [UUID], remaining: Int) {
        self.consumer = consumer
        self.replayed = replayed
        self.remaining = remaining
    }
}

extension PostgresIncidentStore {
    /// The most dead deliveries one bulk replay queues again.
    public static let maxReplayBatch = 1000

    /// Puts up to `limit` dead deliveries to `consumer` back in the queue, oldest first, due now
    /// with attempts reset, as ``replayDelivery(_:party:by:)`` does for one: of agreements `party`
    /// is a party to (every one when nil), and only those that died at or after `since` when
    /// given (one that died before migration 0022 counts from when it was queued). Each replay is
    /// audited as `replay-delivery` of that delivery, all in one transaction.
    public func replayDeadDeliveries(
        consumer: String, since: Date?, party: String?, limit: Int, by actor: AuditActor
    ) async throws -> DeadLetterReplay {
        precondition((1...Self.maxReplayBatch).contains(limit), "the batch is bounded")
        return try await withTransaction { connection -> DeadLetterReplay in
            let rows = try await connection.guardedQuery(
                """
                WITH picked AS (
                    SELECT d.id, d.seq FROM deliveries d JOIN agreements a ON a.id = d.agreement_id
                    WHERE d.status = 'dead' AND d.consumer = \(consumer)
                      AND (\(since)::timestamptz IS NULL OR COALESCE(d.dead_at, d.created_at) >= \(since)::timestamptz)
                      AND (\(party)::text IS NULL OR a.producer = \(party) OR a.consumer = \(party))
                    ORDER BY d.seq LIMIT \(limit)
                    FOR UPDATE OF d SKIP LOCKED)
                UPDATE deliveries d SET status = 'pending', attempts = 0, next_attempt_at = now(), scheduled_at = now(),
                       last_error = NULL, dead_at = NULL
                FROM picked WHERE d.id = picked.id
                RETURNING d.id, picked.seq
                """, logger: logger)
            var replayed: [(UUID, Int64)] = []
            for try await row in rows.decode((UUID, Int64).self) { replayed.append(row) }
            let ids = replayed.sorted { $0.1 < $1.1 }.map(\.0)
            for id in ids {
                try await appendAudit(
                    by: actor, action: "replay-delivery", subject: "delivery:\(id)", details: ["bulk": true], on: connection)
            }
            let left = try await connection.guardedQuery(
                """
                SELECT count(*)::int8 FROM deliveries d JOIN agreements a ON a.id = d.agreement_id
                WHERE d.status = 'dead' AND d.consumer = \(consumer)
                  AND (\(since)::timestamptz IS NULL OR COALESCE(d.dead_at, d.created_at) >= \(since)::timestamptz)
                  AND (\(party)::text IS NULL OR a.producer = \(party) OR a.consumer = \(party))
                """, logger: logger)
            var remaining = 0
            for try await count in left.decode(Int64.self) { remaining = Int(count) }
            return DeadLetterReplay(consumer: consumer, replayed: ids, remaining: remaining)
        }
    }
}
