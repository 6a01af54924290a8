import Foundation
import Logging
import PostgresNIO

/// Applies the numbered SQL files in `Migrations/` in name order, each in its own
/// transaction, recording each in `schema_migrations`. Runs under a session advisory
/// lock keyed by the schema, so replicas starting together apply each file once.
public struct Migrator: Sendable {
    public let client: PostgresClient
    public let schema: String
    public let logger: Logger

    public init(client: PostgresClient, schema: String, logger: Logger) {
        self.client = client
        self.schema = schema
        self.logger = logger
    }

    /// The migration files shipped in this binary, in the order they apply; read once.
    public static func bundledMigrations() throws(StoreError) -> [(name: String, sql: String)] {
        try bundled.get()
    }

    private static let bundled = Result { () throws(StoreError) in try readBundledMigrations() }

    private static func readBundledMigrations() throws(StoreError) -> [(name: String, sql: String)] {
        guard let directory = Bundle.module.url(forResource: "Migrations", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { throw .migrationFailed(name: "Migrations") }
        var migrations: [(name: String, sql: String)] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let sql = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                throw .migrationFailed(name: name)
            }
            migrations.append((String(name.dropLast(4)), sql))
        }
        return migrations
    }

    /// Applies what is missing; returns the names applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrations = try Self.bundledMigrations()
        return try await client.withConnection { connection in
            let lockKey = Self.lockKey(schema)
            _ = try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
            do {
                _ = try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                let applied = try await appliedMigrations(connection)
                let known = Set(migrations.map(\.name))
                if let unknown = applied.first(where: { !known.contains($0) }) {
                    throw StoreError.schemaNewerThanBinary(applied: unknown)
                }
                var ran: [String] = []
                for migration in migrations where !applied.contains(migration.name) {
                    try await apply(migration, on: connection)
                    ran.append(migration.name)
                    logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
                }
                _ = try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
                return ran
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
                throw error
            }
        }
    }

    /// The migrations this binary ships that the database has not applied yet. Reads only,
    /// so `/readyz` can ask as often as it likes.
    public func pendingMigrations() async throws -> [String] {
        let names = try Self.bundledMigrations().map(\.name)
        let applied = try await client.withConnection { connection in
            var recorded = false
            let rows = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
            for try await exists in rows.decode(Bool.self) { recorded = exists }
            return recorded ? try await appliedMigrations(connection) : []
        }
        return names.filter { !applied.contains($0) }
    }

    private func appliedMigrations(_ connection: PostgresConnection) async throws -> Set<String> {
        var names: Set<String> = []
        for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger)
            .decode(String.self)
        {
            names.insert(name)
        }
        return names
    }

    private func apply(_ migration: (name: String, sql: String), on connection: PostgresConnection) async throws {
        // A migration file holds several statements, which one extended-protocol query
        // cannot; a session-local PL/pgSQL function runs the file, passed as a bind value.
        _ = try await connection.query(
            """
            CREATE OR REPLACE FUNCTION pg_temp.liaison_run_migration(body text) RETURNS void
            LANGUAGE plpgsql AS $body$ BEGIN EXECUTE body; END $body$
            """, logger: logger)
        do {
            _ = try await connection.query("BEGIN", logger: logger)
            _ = try await connection.query("SELECT pg_temp.liaison_run_migration(\(migration.sql))", logger: logger)
            _ = try await connection.query(
                "INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
            _ = try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            logger.error(
                "migration failed",
                metadata: ["migration": "\(migration.name)", "error": "\(String(reflecting: error))"])
            throw StoreError.migrationFailed(name: migration.name)
        }
    }

    /// A stable 63-bit key per schema for the advisory lock.
    static func lockKey(_ schema: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("liaison-migrations:" + schema).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash & 0x7fff_ffff_ffff_ffff)
    }
}
