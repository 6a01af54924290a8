import Foundation
import PostgresNIO

/// The figures `/metrics` reads from the database at scrape time. Each comes from one
/// query that an index bounds (see each field), so a scrape stays cheap as the tables grow.
public struct OperationalFigures: Sendable {
    /// Per consumer organisation: pending deliveries and the age in seconds of the oldest.
    /// From `deliveries_due`, the partial index on pending rows: cost grows with the queue.
    public var pending: [String: (count: Int, oldestSeconds: Double)]
    /// Per consumer organisation: dead deliveries (partial index `deliveries_dead`).
    public var dead: [String: Int]
    /// Entries in the ledger: the highest leaf index plus one (one unique-index probe).
    public var ledgerEntries: Int
    /// The newest checkpoint: its size and its age in seconds (primary-key probe); nil if none yet.
    public var checkpoint: (size: Int, ageSeconds: Double)?
    /// Personal-data values held in the vault (a count over `vault_entries`' primary key:
    /// the one figure here whose cost grows with the table).
    public var vaultEntries: Int
    /// Sessions on this database under this user, by state (`active`, `idle`, ...), from
    /// `pg_stat_activity`: every replica's pool together, and any other client of the same user.
    public var databaseSessions: [String: Int]
}

extension PostgresIncidentStore {
    /// Reads ``OperationalFigures``: five small queries on one connection.
    public func operationalFigures() async throws -> OperationalFigures {
        try await client.withConnection { connection in
            var figures = OperationalFigures(
                pending: [:], dead: [:], ledgerEntries: 0, checkpoint: nil, vaultEntries: 0, databaseSessions: [:])
            let pending = try await connection.guardedQuery(
                """
                SELECT consumer, count(*)::int8, EXTRACT(EPOCH FROM now() - min(created_at))::float8
                FROM deliveries WHERE status = 'pending' GROUP BY consumer
                """, logger: logger)
            for try await (consumer, count, oldest) in pending.decode((String, Int64, Double).self) {
                figures.pending[consumer] = (Int(count), max(0, oldest))
            }
            let dead = try await connection.guardedQuery(
                "SELECT consumer, count(*)::int8 FROM deliveries WHERE status = 'dead' GROUP BY consumer", logger: logger)
            for try await (consumer, count) in dead.decode((String, Int64).self) { figures.dead[consumer] = Int(count) }
            let ledger = try await connection.guardedQuery(
                """
                SELECT (SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_log)::int8,
                       (SELECT count(*) FROM vault_entries)::int8
                """, logger: logger)
            for try await (entries, vault) in ledger.decode((Int64, Int64).self) {
                (figures.ledgerEntries, figures.vaultEntries) = (Int(entries), Int(vault))
            }
            let checkpoint = try await connection.guardedQuery(
                """
                SELECT size, EXTRACT(EPOCH FROM now() - signed_at)::float8
                FROM ledger_checkpoints ORDER BY size DESC LIMIT 1
                """, logger: logger)
            for try await (size, age) in checkpoint.decode((Int64, Double).self) { figures.checkpoint = (Int(size), max(0, age)) }
            let sessions = try await connection.guardedQuery(
                """
                SELECT coalesce(state, 'unknown'), count(*)::int8 FROM pg_stat_activity
                WHERE datname = current_database() AND usename = current_user GROUP BY 1
                """, logger: logger)
            for try await (state, count) in sessions.decode((String, Int64).self) {
                figures.databaseSessions[Self.sessionState(state)] = Int(count)
            }
            return figures
        }
    }

    /// PostgreSQL's session states, so the label set stays fixed whatever the server adds.
    static func sessionState(_ state: String) -> String {
        switch state {
        case "active", "idle": state
        case "idle in transaction": "idle_in_transaction"
        case "idle in transaction (aborted)": "idle_in_transaction_aborted"
        default: "other"
        }
    }
}
