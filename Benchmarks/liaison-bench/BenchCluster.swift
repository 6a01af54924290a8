import Logging
import PostgresNIO

/// What the intake bench does to the cluster so that the intake and plain COPY are timed under
/// the same conditions.
enum BenchCluster {
    /// Writes out dirty pages, so that the checkpointer does not compete with a timed load
    /// (needs superuser or pg_checkpoint; said when it cannot run).
    static func checkpoint(on connection: PostgresConnection, logger: Logger) async {
        do {
            try await connection.query("CHECKPOINT", logger: logger)
        } catch {
            print("note: CHECKPOINT refused (\(String(reflecting: error).prefix(120))); timed without it")
        }
    }

    /// A fresh cluster has one WAL file and creates (zero-fills and syncs) every further one the
    /// first time it needs it; a server that has run for a while reuses old ones instead. Plain
    /// COPY runs after checkpoints with the intake's WAL files there to reuse, so without this
    /// the intake alone paid for creating them. About 600 MB of WAL is written and thrown away,
    /// then a checkpoint makes those files reusable.
    static func warmUpWAL(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withConnection { connection in
            try await connection.query(
                "CREATE TABLE bench_wal_warm_up AS SELECT g, repeat('w', 900) AS filler FROM generate_series(1, 600000) g",
                logger: logger)
            try await connection.query("DROP TABLE bench_wal_warm_up", logger: logger)
            await checkpoint(on: connection, logger: logger)
        }
    }
}
