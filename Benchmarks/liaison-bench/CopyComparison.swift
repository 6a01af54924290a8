import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Loads rows the intake wrote into empty copies of their tables with plain
/// `COPY … FROM STDIN` (CSV), to compare the gateway's rate with PostgreSQL's own.
struct CopyComparison {
    let client: PostgresClient
    let logger: Logger

    /// The tables one incident's rows are spread over, and how to pick them.
    static let tables: [(name: String, filter: String)] = [
        ("incidents", "natural_key LIKE $1"),
        ("custody_records", "incident_id IN (SELECT id FROM incidents WHERE natural_key LIKE $1)"),
        ("vault_entries", "incident_id IN (SELECT id FROM incidents WHERE natural_key LIKE $1)"),
        ("deliveries", "incident_id IN (SELECT id FROM incidents WHERE natural_key LIKE $1)"),
    ]

    struct Result {
        var events: Int
        var rows: Int
        /// The median of the three loads.
        var seconds: Double
        var runs: [Double]
    }

    /// Exports the rows of incidents whose natural key starts with `prefix` in COPY's text
    /// format, then times loading them into `bench_copy_*` tables made `LIKE … INCLUDING
    /// ALL` (same columns, defaults, checks and indexes; no foreign keys), in one transaction;
    /// three times into fresh tables, each after a checkpoint, and gives the median time.
    func measure(naturalKeyPrefix prefix: String) async throws -> Result {
        try await client.withConnection { connection in
            var exports: [(table: String, chunks: [ByteBuffer], rows: Int)] = []
            for (table, filter) in Self.tables {
                let columns = try await columnNames(table, on: connection)
                // Each row as one line of COPY text format, escaped by PostgreSQL itself
                // (column names come from the catalog).
                let fields = columns.map {
                    #"CASE WHEN \#($0) IS NULL THEN '\N' ELSE replace(replace(replace(replace(\#($0)::text, '\', '\\'), E'\n', '\n'), E'\r', '\r'), E'\t', '\t') END"#
                }
                let sql = "SELECT concat_ws(E'\\t', \(fields.joined(separator: ", "))) FROM \(table) WHERE "
                    + filter.replacingOccurrences(of: "$1", with: "'\(prefix)%'")
                var chunks: [ByteBuffer] = [], chunk = ByteBuffer(), rows = 0
                for try await line in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(String.self) {
                    chunk.writeString(line)
                    chunk.writeInteger(UInt8(ascii: "\n"))
                    rows += 1
                    if chunk.readableBytes > 1 << 20 {
                        chunks.append(chunk)
                        chunk = ByteBuffer()
                    }
                }
                chunks.append(chunk)
                exports.append((table, chunks, rows))
            }
            var times: [Double] = []
            for _ in 0..<3 {
                for export in exports {
                    try await connection.query(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS bench_copy_\(export.table)"), logger: logger)
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "CREATE TABLE bench_copy_\(export.table) (LIKE \(export.table) INCLUDING ALL)"),
                        logger: logger)
                }
                // Dirty pages the intake left are written out before the timed load.
                await BenchCluster.checkpoint(on: connection, logger: logger)
                let start = Date()
                try await connection.query("BEGIN", logger: logger)
                for export in exports {
                    try await connection.copyFrom(table: "bench_copy_\(export.table)", logger: logger) { writer in
                        for chunk in export.chunks { try await writer.write(chunk) }
                    }
                }
                try await connection.query("COMMIT", logger: logger)
                times.append(Date().timeIntervalSince(start))
            }
            for export in exports {
                try await connection.query(PostgresQuery(unsafeSQL: "DROP TABLE bench_copy_\(export.table)"), logger: logger)
            }
            return Result(events: exports.first?.rows ?? 0, rows: exports.map(\.rows).reduce(0, +), seconds: times.sorted()[1], runs: times)
        }
    }

    private func columnNames(_ table: String, on connection: PostgresConnection) async throws -> [String] {
        var names: [String] = []
        let rows = try await connection.query(
            """
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
            """, logger: logger)
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }
}
