import Foundation
import LiaisonCore
import LiaisonStore
import NIOPosix
import PostgresNIO

extension TestDatabase {
    public enum PoolerFailure: Error, CustomStringConvertible {
        case notConfigured
        case notLocal(String)

        public var description: String {
            switch self {
            case .notConfigured:
                "LIAISON_TEST_PGBOUNCER_URL is not set: run the tests with deploy/local/test, which starts PgBouncer "
                    + "(transaction pooling) in front of its throwaway cluster"
            case .notLocal(let url): "LIAISON_TEST_PGBOUNCER_URL must point at this machine, not \(url)"
            }
        }
    }

    /// A fresh database of its own, reached through the PgBouncer in transaction pooling
    /// mode that `deploy/local/test` starts and names in `LIAISON_TEST_PGBOUNCER_URL`.
    /// PgBouncer 1.18 takes no `search_path` at startup, so where ``withSchema(_:)`` gives
    /// each test a schema, this gives it a database (PgBouncer's `*` entry pools any
    /// database name), with its tables in `public`. The database is created and dropped
    /// directly on the server; everything else, migrations included (unless `migrate` is
    /// false, for a test that migrates by itself), goes through the pooler. Never skips.
    public static func withPooledDatabase<T: Sendable>(migrate: Bool = true, _ body: (Handle) async throws -> T) async throws -> T {
        guard let pooler = ProcessInfo.processInfo.environment["LIAISON_TEST_PGBOUNCER_URL"], !pooler.isEmpty else {
            throw PoolerFailure.notConfigured
        }
        guard var components = URLComponents(string: pooler), ["localhost", "127.0.0.1"].contains(components.host ?? "") else {
            throw PoolerFailure.notLocal(pooler)
        }
        let name = "p_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        components.path = "/" + name
        guard let url = components.string else { throw PoolerFailure.notLocal(pooler) }

        await gate.enter()
        do {
            let result = try await withPooledDatabaseUngated(url: url, name: String(name), migrate: migrate, body)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    static func withPooledDatabaseUngated<T: Sendable>(
        url: String, name: String, migrate: Bool, _ body: (Handle) async throws -> T
    ) async throws -> T {
        var admin = try DatabaseConfiguration(url: try await baseURL())
        admin.client.options.maximumConnections = 1
        let adminClient = PostgresClient(configuration: admin.client, backgroundLogger: logger)
        var configuration = try DatabaseConfiguration(url: url)
        configuration.client.options.maximumConnections = 4
        let client = PostgresClient(configuration: configuration.client, backgroundLogger: logger)
        let key = Secret(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) })
        let vault = try VaultCipher(keys: ["test": key], currentKeyID: "test", lookupKey: lookupKey)
        let store = PostgresIncidentStore(
            client: client, vault: vault, signer: try ReceiptSigner(privateKey: receiptKey), logger: logger)
        let migrator = Migrator(client: client, schema: configuration.schema, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await adminClient.run() }
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await adminClient.query("CREATE DATABASE \(unescaped: name)", logger: logger)
            // FORCE ends the server sessions PgBouncer still keeps open to the database.
            let drop: PostgresQuery = "DROP DATABASE \(unescaped: name) WITH (FORCE)"
            do {
                if migrate { try await migrator.migrate() }
                let handle = Handle(
                    store: store, migrator: migrator, client: client, configuration: configuration, url: url,
                    schema: configuration.schema, vaultKey: key)
                let result = try await body(handle)
                try await adminClient.query(drop, logger: logger)
                return result
            } catch {
                try? await adminClient.query(drop, logger: logger)
                throw error
            }
        }
    }
}
