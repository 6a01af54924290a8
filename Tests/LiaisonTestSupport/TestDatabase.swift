import Foundation
import LiaisonCore
import LiaisonStore
import Logging
import NIOPosix
import PostgresNIO
import Synchronization

/// A freshly migrated schema of its own for each test, in the PostgreSQL that
/// `LIAISON_TEST_DATABASE_URL` names, or, without it, in a throwaway cluster started
/// through the same ``EmbeddedPostgres`` that `liaison serve` uses. Never skips: no
/// database is a failure that says why. Refuses any server not on this machine.
public enum TestDatabase {
    public struct Handle: Sendable {
        public var store: PostgresIncidentStore
        public var migrator: Migrator
        public var client: PostgresClient
        public var configuration: DatabaseConfiguration
        /// The URL plus the schema, for tests that run the built binary.
        public var url: String
        public var schema: String
        public var vaultKey: Secret

        /// What a `liaison` process needs to use this database with the keys `store` uses:
        /// the URL and the vault, lookup and receipt keys (`serve` refuses to generate them
        /// for an external database).
        public var gatewayEnvironment: [String: String] {
            TestDatabase.keysEnvironment(vaultKey: vaultKey).merging(["LIAISON_DATABASE_URL": url]) { $1 }
        }
    }

    /// The vault, lookup and receipt keys as `liaison` reads them from its environment: with a
    /// database URL, every command refuses to run without them.
    public static func keysEnvironment(vaultKey: Secret = Secret(bytes: Array(repeating: 7, count: 32))) -> [String: String] {
        [
            "LIAISON_VAULT_KEY": Data(vaultKey.bytes).base64EncodedString(),
            "LIAISON_VAULT_LOOKUP_KEY": Data(lookupKey.bytes).base64EncodedString(),
            "LIAISON_RECEIPT_KEY": Data(receiptKey.bytes).base64EncodedString(),
        ]
    }

    /// The vault lookup key and receipt-signing key of every test store.
    public static let lookupKey = Secret(bytes: Array(repeating: 11, count: 32))
    public static let receiptKey = Secret(bytes: Array(repeating: 5, count: 32))

    public static let logger: Logger = {
        var logger = Logger(label: "liaison-test")
        logger.logLevel = .warning
        return logger
    }()

    /// Each test holds at most 1 + 4 connections; ten at a time stay well inside the
    /// default `max_connections` of 100.
    static let gate = TestGate(limit: 10)

    public static func withSchema<T: Sendable>(_ body: (Handle) async throws -> T) async throws -> T {
        await gate.enter()
        do {
            let result = try await withSchemaUngated(body)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    static func withSchemaUngated<T: Sendable>(_ body: (Handle) async throws -> T) async throws -> T {
        let url = try await baseURL()
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        var admin = try DatabaseConfiguration(url: url)
        admin.client.options.maximumConnections = 1
        let adminClient = PostgresClient(configuration: admin.client, backgroundLogger: logger)
        var configuration = try DatabaseConfiguration(url: url, schema: String(schema))
        configuration.client.options.maximumConnections = 4
        let client = PostgresClient(configuration: configuration.client, backgroundLogger: logger)
        let key = Secret(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) })
        let vault = try VaultCipher(keys: ["test": key], currentKeyID: "test", lookupKey: lookupKey)
        let store = PostgresIncidentStore(
            client: client, vault: vault, signer: try ReceiptSigner(privateKey: receiptKey),
            logger: logger)
        let migrator = Migrator(client: client, schema: String(schema), logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await adminClient.run() }
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await adminClient.query("CREATE SCHEMA \(unescaped: String(schema))", logger: logger)
            do {
                try await migrator.migrate()
                let handle = Handle(
                    store: store, migrator: migrator, client: client, configuration: configuration,
                    url: url + "&search_path=" + schema, schema: String(schema), vaultKey: key)
                let result = try await body(handle)
                try await adminClient.query("DROP SCHEMA \(unescaped: String(schema)) CASCADE", logger: logger)
                return result
            } catch {
                try? await adminClient.query("DROP SCHEMA \(unescaped: String(schema)) CASCADE", logger: logger)
                throw error
            }
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case notLocal(String)
        case cannotStart(String)

        public var description: String {
            switch self {
            case .notLocal(let url): "LIAISON_TEST_DATABASE_URL must point at this machine (a Unix socket or localhost), not \(url)"
            case .cannotStart(let reason): "no test database: LIAISON_TEST_DATABASE_URL is not set and a throwaway cluster could not start: \(reason)"
            }
        }
    }

    /// The server's URL: the environment's, checked to be local, or a throwaway cluster's,
    /// started (once per test process) on the thread pool made for blocking work.
    static func baseURL() async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { try baseURLBlocking() }
    }

    private static func baseURLBlocking() throws -> String {
        if let url = ProcessInfo.processInfo.environment["LIAISON_TEST_DATABASE_URL"], !url.isEmpty {
            guard let components = URLComponents(string: url),
                ["localhost", "127.0.0.1", "::1", "[::1]"].contains(components.host ?? "")
            else { throw Failure.notLocal(url) }
            return url.contains("?") ? url : url + "?sslmode=disable"
        }
        return try throwawayCluster.withLock { cluster in
            if let cluster { return cluster.url }
            let directory = URL(fileURLWithPath: NSTemporaryDirectory())
                .appendingPathComponent("liaison-test-\(getpid())")
            do {
                let embedded = try EmbeddedPostgres(dataDirectory: directory)
                try embedded.startBlocking()
                cluster = embedded
                atexit { TestDatabase.stopThrowawayCluster() }
                return embedded.url
            } catch {
                throw Failure.cannotStart(String(describing: error))
            }
        }
    }

    static let throwawayCluster = Mutex<EmbeddedPostgres?>(nil)

    static func stopThrowawayCluster() {
        throwawayCluster.withLock { cluster in
            try? cluster?.stopBlocking()
            if let cluster { try? FileManager.default.removeItem(at: cluster.directory.deletingLastPathComponent()) }
        }
    }

    /// Every text and jsonb value in every table of the schema except the vault, for
    /// checking that no plaintext personal data lies outside it.
    public static func allTextOutsideVault(_ handle: Handle) async throws -> [String] {
        let columns = try await handle.client.query(
            """
            SELECT table_name::text, column_name::text FROM information_schema.columns
            WHERE table_schema = \(handle.schema) AND data_type IN ('text', 'jsonb', 'character varying')
              AND table_name <> 'vault_entries'
            """, logger: logger)
        var pairs: [(String, String)] = []
        for try await pair in columns.decode((String, String).self) { pairs.append(pair) }
        var values: [String] = []
        for (table, column) in pairs {
            let rows = try await handle.client.query(
                "SELECT \(unescaped: column)::text FROM \(unescaped: table) WHERE \(unescaped: column) IS NOT NULL",
                logger: logger)
            for try await value in rows.decode(String.self) { values.append(value) }
        }
        return values
    }

    /// Row counts of every table in the schema, bar the migration record.
    public static func rowCounts(_ handle: Handle) async throws -> [String: Int] {
        let tables = try await handle.client.query(
            """
            SELECT table_name::text FROM information_schema.tables
            WHERE table_schema = \(handle.schema) AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
            """, logger: logger)
        var names: [String] = []
        for try await name in tables.decode(String.self) { names.append(name) }
        var counts: [String: Int] = [:]
        for name in names {
            for try await count in try await handle.client.query("SELECT count(*)::int FROM \(unescaped: name)", logger: logger)
                .decode(Int.self)
            {
                counts[name] = count
            }
        }
        return counts
    }
}
