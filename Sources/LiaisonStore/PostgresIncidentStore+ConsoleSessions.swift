import Crypto
import Foundation
import LiaisonCore
import PostgresNIO

/// What the console's overview counts, for the operator (every organisation) or one party.
public struct ConsoleOverview: Sendable {
    /// Incidents received in the last 24 hours, per producer.
    public var intake: [(producer: String, incidents: Int)]
    /// Deliveries per consumer: waiting for a first attempt, failing (retrying), and dead.
    public var deliveries: [(consumer: String, pending: Int, failing: Int, dead: Int)]
}

extension PostgresIncidentStore {
    /// Opens a console session for the key `keyID`: stores the SHA-256 of `token`, ending at
    /// the latest `absoluteSeconds` from now. Sessions already past either timeout are deleted
    /// on the way, so the table holds live sessions only. Audited as `console-sign-in`.
    public func openConsoleSession(token: String, keyID: UUID, absoluteSeconds: Int, idleSeconds: Int, by actor: AuditActor) async throws {
        try await withTransaction { connection in
            try await connection.guardedQuery(
                """
                DELETE FROM console_sessions
                WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => \(Double(idleSeconds)))
                """, logger: logger)
            try await connection.guardedQuery(
                """
                INSERT INTO console_sessions (token_hash, key_id, expires_at)
                VALUES (\(Self.keyHash(token)), \(keyID), now() + make_interval(secs => \(Double(absoluteSeconds))))
                """, logger: logger)
            try await appendAudit(by: actor, action: "console-sign-in", subject: "key:\(keyID.uuidString.lowercased())", on: connection)
        }
    }

    /// The person behind a live console session, its idle time restarted; nil when the token
    /// names no session, the session passed its idle or absolute end, or its key was revoked
    /// or expired. One statement.
    public func consolePrincipal(token: String, idleSeconds: Int) async throws -> Principal? {
        guard token.utf8.count <= 256 else { return nil }
        let rows = try await fetch(
            """
            UPDATE console_sessions s SET last_seen_at = now()
            FROM api_keys k
            WHERE s.token_hash = \(Self.keyHash(token)) AND k.id = s.key_id AND s.expires_at > now()
              AND s.last_seen_at > now() - make_interval(secs => \(Double(idleSeconds)))
              AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
            RETURNING k.id, k.org_id, k.role, k.person
            """, logger: logger)
        return try await firstPrincipal(rows)
    }

    /// Ends the session of `token` (sign-out); audited as `console-sign-out` when there was one.
    public func closeConsoleSession(token: String, by actor: AuditActor) async throws {
        try await withTransaction { connection in
            let rows = try await connection.guardedQuery(
                "DELETE FROM console_sessions WHERE token_hash = \(Self.keyHash(token)) RETURNING key_id", logger: logger)
            for try await keyID in rows.decode(UUID.self) {
                try await appendAudit(by: actor, action: "console-sign-out", subject: "key:\(keyID.uuidString.lowercased())", on: connection)
            }
        }
    }

    /// The overview's counts, of agreements and incidents `party` is part of (all when nil).
    /// Pending and dead deliveries are read through their partial indexes.
    public func consoleOverview(party: String?) async throws -> ConsoleOverview {
        var overview = ConsoleOverview(intake: [], deliveries: [])
        let intake = try await fetch(
            """
            SELECT producer, count(*)::int8 FROM incidents
            WHERE received_at >= now() - interval '24 hours' AND (\(party)::text IS NULL OR producer = \(party))
            GROUP BY producer ORDER BY producer
            """, logger: logger)
        for try await (producer, count) in intake.decode((String, Int64).self) { overview.intake.append((producer, Int(count))) }
        let deliveries = try await fetch(
            """
            SELECT d.consumer,
                   count(*) FILTER (WHERE d.status = 'pending' AND d.attempts = 0)::int8,
                   count(*) FILTER (WHERE d.status = 'pending' AND d.attempts > 0)::int8,
                   count(*) FILTER (WHERE d.status = 'dead')::int8
            FROM deliveries d JOIN agreements a ON a.id = d.agreement_id
            WHERE d.status IN ('pending', 'dead') AND (\(party)::text IS NULL OR a.producer = \(party) OR a.consumer = \(party))
            GROUP BY d.consumer ORDER BY d.consumer
            """, logger: logger)
        for try await (consumer, pending, failing, dead) in deliveries.decode((String, Int64, Int64, Int64).self) {
            overview.deliveries.append((consumer, Int(pending), Int(failing), Int(dead)))
        }
        return overview
    }
}
