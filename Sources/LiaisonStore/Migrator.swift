import Crypto
import Foundation
import Logging
import PostgresNIO

/// Applies the numbered SQL files in `Migrations/` in name order, each in its own
/// transaction, recording each in `schema_migrations` with the SHA-256 of its file. Each
/// transaction holds a transaction-level advisory lock keyed by the schema, so replicas
/// starting together apply each file once, and so it works through PgBouncer in
/// transaction pooling mode. Migrations are history: an applied file that has changed since, or an
/// applied migration this binary does not ship, is refused.
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
    public static func bundledMigrations() throws(StoreError) -> [Migration] {
        try bundled.get()
    }

    /// One migration file: its name without `.sql`, its text and the SHA-256 of its bytes.
    public struct Migration: Sendable {
        public var name: String
        public var sql: String
        public var sha256: Data
    }

    private static let bundled = Result { () throws(StoreError) in try readBundledMigrations() }

    private static func readBundledMigrations() throws(StoreError) -> [Migration] {
        guard let directory = Bundle.module.url(forResource: "Migrations", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { throw .migrationFailed(name: "Migrations") }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                throw .migrationFailed(name: name)
            }
            migrations.append(Migration(
                name: String(name.dropLast(4)), sql: String(decoding: bytes, as: UTF8.self), sha256: Data(SHA256.hash(data: bytes))))
        }
        return migrations
    }

    /// Applies what is missing; returns the names applied. Refuses (before applying
    /// anything) a database that holds a migration this binary does not ship, or one whose
    /// file has changed since it was applied. Migrations applied before checksums were kept
    /// get the checksum of this binary's file.
    ///
    /// Each step is one transaction that first takes a transaction-level advisory lock keyed
    /// by the schema and then reads the history again, so replicas starting together apply
    /// each file once. Nothing outlives a transaction (no session lock, no session-local
    /// function between statements), so this works directly and through a pooler in
    /// transaction mode alike.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrations = try Self.bundledMigrations()
        return try await client.withConnection { connection in
            try await locked(on: connection) {
                _ = try await connection.guardedQuery(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                _ = try await connection.guardedQuery(
                    "ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS sha256 bytea", logger: logger)
                let applied = try await appliedMigrations(connection)
                try Self.checkHistory(applied, against: migrations)
                for migration in migrations where applied[migration.name] == .some(nil) {
                    _ = try await connection.guardedQuery(
                        "UPDATE schema_migrations SET sha256 = \(migration.sha256) WHERE name = \(migration.name)", logger: logger)
                }
            }
            var ran: [String] = []
            for migration in migrations {
                let applied = try await locked(on: connection) {
                    let applied = try await appliedMigrations(connection)
                    try Self.checkHistory(applied, against: migrations)
                    guard applied[migration.name] == nil else { return false }
                    try await apply(migration, on: connection)
                    return true
                }
                if applied {
                    ran.append(migration.name)
                    logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
                }
            }
            return ran
        }
    }

    /// Runs `body` in one transaction on `connection` holding the schema's migration lock
    /// (`pg_advisory_xact_lock`, released by the commit or rollback).
    private func locked<T>(on connection: PostgresConnection, _ body: () async throws -> sending T) async throws -> sending T {
        do {
            return try await connection.guardedTransaction(logger: logger) { connection in
                _ = try await connection.guardedQuery("SELECT pg_advisory_xact_lock(\(Self.lockKey(schema)))", logger: logger)
                return try await body()
            }
        } catch {
            throw StoreError.classify(error)
        }
    }

    /// The migrations this binary ships that the database has not applied yet. Reads only,
    /// so `/readyz` can ask as often as it likes. Throws when history disagrees (see ``migrate()``).
    public func pendingMigrations() async throws -> [String] {
        let migrations = try Self.bundledMigrations()
        let applied = try await client.withConnection { connection in
            var recorded = false
            let rows = try await connection.guardedQuery("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
            for try await exists in rows.decode(Bool.self) { recorded = exists }
            return recorded ? try await appliedMigrations(connection) : [:]
        }
        try Self.checkHistory(applied, against: migrations)
        return migrations.map(\.name).filter { applied[$0] == nil }
    }

    /// For commands other than `serve` and `migrate`, which never apply migrations: the
    /// schema must be exactly what this binary ships, or ``StoreError/schemaNotCurrent(pending:)``.
    public func requireCurrentSchema() async throws {
        let pending = try await pendingMigrations()
        guard pending.isEmpty else { throw StoreError.schemaNotCurrent(pending: pending) }
    }

    static func checkHistory(_ applied: [String: Data?], against migrations: [Migration]) throws(StoreError) {
        let shipped = Dictionary(uniqueKeysWithValues: migrations.map { ($0.name, $0.sha256) })
        for name in applied.keys.sorted() {
            guard let file = shipped[name] else { throw .schemaNewerThanBinary(applied: name) }
            if case .some(.some(let recorded)) = applied[name], recorded != file { throw .migrationChanged(name: name) }
        }
    }

    /// Applied migrations by name, with the checksum recorded (nil for those applied before
    /// checksums were kept).
    private func appliedMigrations(_ connection: PostgresConnection) async throws -> [String: Data?] {
        var hasChecksums = false
        let columns = try await connection.guardedQuery(
            """
            SELECT count(*) > 0 FROM information_schema.columns
            WHERE table_name = 'schema_migrations' AND column_name = 'sha256' AND table_schema = current_schema()
            """, logger: logger)
        for try await exists in columns.decode(Bool.self) { hasChecksums = exists }
        var applied: [String: Data?] = [:]
        if hasChecksums {
            for try await (name, sha256) in try await connection.guardedQuery("SELECT name, sha256 FROM schema_migrations", logger: logger)
                .decode((String, Data?).self)
            {
                applied[name] = .some(sha256)
            }
        } else {
            for try await name in try await connection.guardedQuery("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
                applied[name] = .some(nil)
            }
        }
        return applied
    }

    /// Runs one migration file and records it, inside the caller's transaction.
    private func apply(_ migration: Migration, on connection: PostgresConnection) async throws {
        // A migration file holds several statements, which one extended-protocol query
        // cannot; a PL/pgSQL function runs the file, passed as a bind value. It lives in
        // pg_temp only for this transaction: through a pooler the next transaction may run
        // on another server session.
        do {
            _ = try await connection.guardedQuery(
                """
                CREATE OR REPLACE FUNCTION pg_temp.liaison_run_migration(body text) RETURNS void
                LANGUAGE plpgsql AS $body$ BEGIN EXECUTE body; END $body$
                """, logger: logger)
            _ = try await connection.guardedQuery("SELECT pg_temp.liaison_run_migration(\(migration.sql))", logger: logger)
            _ = try await connection.guardedQuery("DROP FUNCTION pg_temp.liaison_run_migration(text)", logger: logger)
            _ = try await connection.guardedQuery(
                "INSERT INTO schema_migrations (name, sha256) VALUES (\(migration.name), \(migration.sha256))", logger: logger)
        } catch {
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
