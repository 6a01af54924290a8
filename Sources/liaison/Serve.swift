import ArgumentParser
import LiaisonServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the gateway: HTTP intake and feed, delivery workers, migrations.",
        discussion: """
            Applies pending migrations (under an advisory lock, so replicas can start together), \
            loads the agreements in agreements_dir, then serves until SIGTERM or SIGINT, finishing \
            the requests and deliveries in hand. With no database URL it starts, and at the end \
            stops, a PostgreSQL cluster in DATA_DIR/postgres, and generates the vault, lookup and \
            receipt keys there once. With a database URL it generates no key: every replica on one \
            database must hold the same vault.keys, vault.lookup_key and receipts.signing_key, and \
            serve exits 78 naming any that is not configured.

            GET /metrics (Prometheus text format) is served only when metrics.token \
            (LIAISON_METRICS_TOKEN) or metrics.listen (LIAISON_METRICS_LISTEN) is configured. \
            Logs go to standard error as key=value lines, or one JSON object a line with \
            log_format: json (LIAISON_LOG_FORMAT=json).
            """)

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Do not apply migrations at start (for sites that run 'liaison migrate' as a separate step).")
    var noMigrate = false

    func run() async throws {
        try await reporting {
            let configuration = try options.load()
            let logger = LogSetup.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
            let gateway = Gateway(
                configuration: configuration, environment: options.environment, logger: logger, migrate: !noMigrate)
            try await gateway.run { port in
                logger.notice("listening", metadata: ["address": "\(configuration.host):\(port)"])
            }
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the database migrations this binary ships, then exit.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await reporting {
            let configuration = try options.load()
            let logger = LogSetup.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
            let applied = try await Gateway(configuration: configuration, environment: options.environment, logger: logger)
                .withStore(requireCurrentSchema: false) { _, migrator in try await migrator.migrate() }
            print(applied.isEmpty ? "migrations: up to date" : "migrations applied: \(applied.joined(separator: ", "))")
        }
    }
}
