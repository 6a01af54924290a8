import AsyncHTTPClient
import Foundation
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonIntake
import LiaisonMail
import LiaisonStore
import Logging
import PostgresNIO
import ServiceLifecycle

/// Assembles and runs the whole gateway from a ``Configuration``: the database (the
/// embedded cluster when no URL is configured), migrations, agreements, the delivery
/// worker and the HTTP server, until SIGTERM or SIGINT.
public struct Gateway: Sendable {
    public var configuration: Configuration
    public var environment: [String: String]
    public var logger: Logger
    /// Apply migrations at start (under an advisory lock). Off for sites that migrate separately.
    public var migrate: Bool

    public init(configuration: Configuration, environment: [String: String], logger: Logger, migrate: Bool = true) {
        self.configuration = configuration
        self.environment = environment
        self.logger = logger
        self.migrate = migrate
    }

    /// The database URL, starting the embedded cluster first when none is configured.
    /// The returned cluster, if any, was started by this call and is the caller's to stop.
    public func database() async throws -> (DatabaseConfiguration, EmbeddedPostgres?) {
        if let url = configuration.databaseURL {
            do {
                return (try DatabaseConfiguration(url: url), nil)
            } catch {
                throw ConfigurationError(key: "database_url", "\(error.reasonText)")
            }
        }
        let cluster = try EmbeddedPostgres(dataDirectory: configuration.dataDirectory)
        let started = try await cluster.start()
        logger.info("embedded PostgreSQL running", metadata: ["socket": "\(cluster.socketDirectory)"])
        return (try DatabaseConfiguration(url: cluster.url), started ? cluster : nil)
    }

    /// The vault's keys: configured ones, or keys generated once in the data directory.
    public func vaultCipher() throws -> VaultCipher {
        let lookupKey = try configuration.vaultLookupKey
            ?? GeneratedKey.load(at: configuration.dataDirectory.appendingPathComponent("vault-lookup.key"))
        var keys = configuration.vaultKeys
        if keys.isEmpty {
            keys[configuration.vaultCurrentKey] = try GeneratedKey.load(
                at: configuration.dataDirectory.appendingPathComponent("vault-\(configuration.vaultCurrentKey).key"))
        }
        return try VaultCipher(keys: keys, currentKeyID: configuration.vaultCurrentKey, lookupKey: lookupKey)
    }

    /// The receipt-signing key: configured (`receipts.signing_key` / `LIAISON_RECEIPT_KEY`),
    /// or an Ed25519 key generated once in `DATA_DIR/receipt-signing.key`.
    public func receiptSigner() throws -> ReceiptSigner {
        let key = try configuration.receiptSigningKey
            ?? GeneratedKey.load(at: configuration.dataDirectory.appendingPathComponent("receipt-signing.key"))
        return try ReceiptSigner(privateKey: key)
    }

    /// E-mail intake as configured (`mail.*`, `intake.default_tlp`).
    public func mailSubmission() -> MailSubmission {
        MailSubmission(
            limits: configuration.mailLimits,
            intake: MailIntake(
                defaultTLP: configuration.defaultTLP, decryptionKeyring: configuration.mailDecryptionKeyring,
                gpgProgram: configuration.mailGPGProgram),
            keyrings: configuration.mailKeyrings)
    }

    /// The intake pipeline over `store`, with the agreements and protection policy as configured.
    public func intakePipeline(store: PostgresIncidentStore, agreements: AgreementRegistry) -> IntakePipeline {
        IntakePipeline(store: store, agreements: agreements, protector: IncidentProtector(policy: configuration.protectionPolicy))
    }

    /// The name the ledger's checkpoints carry (`ledger.origin`).
    public var ledgerOrigin: String { configuration.ledger.origin(publicURL: configuration.publicURL) }

    public func loadAgreements() throws -> [AgreementLoader.Loaded] {
        guard let directory = configuration.agreementsDirectory else { return [] }
        return try AgreementLoader(environment: environment, allowInsecureLoopback: configuration.allowInsecureLoopback)
            .load(directory: directory)
    }

    /// The store and migrator over one client the caller runs, and the embedded cluster if
    /// this call started it (the caller stops it). Keys are read first, so a key problem
    /// stops the command before any cluster starts.
    private func openStore() async throws -> (PostgresClient, PostgresIncidentStore, Migrator, EmbeddedPostgres?, DatabaseConfiguration) {
        try requireSharedKeys()
        let vault = try vaultCipher()
        let signer = try receiptSigner()
        let (database, cluster) = try await database()
        let client = PostgresClient(configuration: database.client, backgroundLogger: logger)
        let store = PostgresIncidentStore(
            client: client, vault: vault, signer: signer, retention: configuration.vaultRetention, logger: logger)
        return (client, store, Migrator(client: client, schema: database.schema, logger: logger), cluster, database)
    }

    /// Runs `body`, then stops `cluster` (if this process started it) however `body` ends.
    private func stopping<T>(_ cluster: EmbeddedPostgres?, _ body: () async throws -> T) async throws -> T {
        do {
            let result = try await body()
            try? await cluster?.stop()
            return result
        } catch {
            if let cluster {
                do { try await cluster.stop() } catch { logger.warning("embedded PostgreSQL did not stop cleanly") }
            }
            throw error
        }
    }

    /// Runs `body` with a running store, for one-shot commands. Only `migrate` (and `serve`)
    /// apply migrations; every other command passes `requireCurrentSchema` and refuses a
    /// database whose schema is not exactly the one this binary ships
    /// (``StoreError/schemaNotCurrent(pending:)``, or a changed history).
    public func withStore<T: Sendable>(
        requireCurrentSchema: Bool = true, _ body: @Sendable (PostgresIncidentStore, Migrator) async throws -> T
    ) async throws -> T {
        let (client, store, migrator, cluster, _) = try await openStore()
        return try await stopping(cluster) {
            try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    await client.run()
                    return nil
                }
                do {
                    try await store.waitUntilReachable()
                    if requireCurrentSchema { try await migrator.requireCurrentSchema() }
                    let result = try await body(store, migrator)
                    group.cancelAll()
                    return result
                } catch {
                    group.cancelAll()
                    throw StoreError.classify(error)
                }
            }
        }
    }

    /// The keys every replica on one database must hold alike: with an external database,
    /// `serve` and every command that opens the store (`mail`, `keys`, `vault`, …) refuse to
    /// generate them, since a key generated in one
    /// host's data directory would differ from the next replica's (vault entries one replica
    /// could not decrypt, pseudonyms and cursors that change with the replica, receipts
    /// signed by several keys). Throws naming each missing setting; the embedded cluster
    /// (no database URL) keeps generating them for a one-machine install.
    public func requireSharedKeys() throws {
        guard configuration.databaseURL != nil else { return }
        var missing: [String] = []
        if configuration.vaultKeys.isEmpty { missing.append("vault.keys (or LIAISON_VAULT_KEY / LIAISON_VAULT_KEY_FILE)") }
        if configuration.vaultLookupKey == nil { missing.append("vault.lookup_key (or LIAISON_VAULT_LOOKUP_KEY)") }
        if configuration.receiptSigningKey == nil { missing.append("receipts.signing_key (or LIAISON_RECEIPT_KEY)") }
        guard !missing.isEmpty else { return }
        throw ConfigurationError(
            key: "database_url",
            "with an external database every replica must use the same keys, so serve does not generate them in data_dir; "
                + "configure " + missing.joined(separator: ", "))
    }

    /// Runs until a shutdown signal; stops the embedded cluster, if it started one, last.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let loaded = try loadAgreements()
        let (client, store, migrator, cluster, database) = try await openStore()
        let agreements = AgreementRegistry()
        let httpClient = WebhookSender.makeHTTPClient()
        try await stopping(cluster) {
            try await withThrowingDiscardingTaskGroup { group in
                // The client runs for the whole life of the gateway and stops last.
                group.addTask { await client.run() }
                do {
                    try await store.waitUntilReachable()
                } catch {
                    throw StoreError.classify(error)
                }
                if migrate { try await migrator.migrate() } else { try await migrator.requireCurrentSchema() }
                let changed = try await AgreementRecords(store: store, governance: configuration.governance).apply(
                    loaded.map(\.agreement), approve: configuration.autoApproveAgreementFiles,
                    source: AuditActor(organisation: "gateway", person: "agreements_dir"))
                try await agreements.refresh(from: store)
                if configuration.publicReport.enabled {
                    // The form files reports as this CERT; it must exist even before any agreement names it.
                    try await store.saveOrganisation(
                        configuration.publicReport.producer, name: configuration.publicReport.certName, contacts: [], update: false,
                        by: AuditActor(organisation: "gateway", person: "public_report"))
                }
                logger.info(
                    "agreement files applied",
                    metadata: ["files": "\(loaded.count)", "changed": "\(changed.count)", "in_force": "\(agreements.book.all.count)"])
                let metrics = GatewayMetrics()
                metrics.databasePool(maximumConnections: database.client.options.maximumConnections)
                var dependencies = GatewayDependencies(
                    store: store, migrator: migrator, agreements: agreements, governance: configuration.governance,
                    parser: EventBatchParser(limits: configuration.intakeLimits, defaultTLP: configuration.defaultTLP),
                    stixReader: STIXBundleReader(limits: configuration.stixLimits, defaultTLP: configuration.defaultTLP),
                    protector: IncidentProtector(policy: configuration.protectionPolicy), mail: mailSubmission(),
                    maxBodyBytes: configuration.maxBodyBytes, publicURL: configuration.publicURL,
                    allowInsecureLoopback: configuration.allowInsecureLoopback, ledgerOrigin: ledgerOrigin,
                    reidentification: configuration.reidentification, notifiedProducers: Set(configuration.reidentificationNotify.keys),
                    metrics: metrics, metricsSettings: configuration.metrics, publicReport: configuration.publicReport, console: configuration.console)
                dependencies.clientCertificateAuthentication = configuration.tls?.clientCA != nil
                let worker = DeliveryWorker(
                    store: store, sender: WebhookSender(
                        httpClient: httpClient, timeout: configuration.deliveryTimeout, destinations: configuration.webhookDestinations),
                    agreements: agreements, schedule: configuration.retrySchedule,
                    pollInterval: configuration.deliveryPollInterval, lease: configuration.deliveryLease, logger: logger,
                    metrics: metrics.delivery, breaker: configuration.circuitBreaker, retryAfterCap: configuration.retryAfterCap)
                let notifier = ReidentificationNotifier(
                    store: store, sender: WebhookSender(
                        httpClient: httpClient, timeout: configuration.deliveryTimeout, destinations: configuration.webhookDestinations),
                    webhooks: configuration.reidentificationNotify, schedule: configuration.retrySchedule,
                    pollInterval: configuration.deliveryPollInterval, logger: logger)
                let feedbackNotifier = FeedbackNotifier(alongside: notifier)
                let app = try buildApplication(
                    dependencies, host: configuration.host, port: configuration.port, timeouts: configuration.connectionTimeouts,
                    tls: try configuration.tls?.serverConfiguration(), logger: logger,
                    onServerRunning: onServerRunning)
                let services = ServiceGroup(
                    configuration: .init(
                        services: [
                            .init(service: VaultPurgeService(
                                store: store, interval: configuration.vaultPurgeInterval, logger: logger, metrics: metrics)),
                            .init(service: AgreementRefreshService(
                                registry: agreements, store: store, interval: configuration.agreementRefreshInterval, logger: logger)),
                            .init(service: LedgerSealService(
                                store: store, key: store.signer.checkpointKey(name: ledgerOrigin), settings: configuration.ledger,
                                httpClient: httpClient, logger: logger)),
                            .init(service: ReidentificationExpiryService(store: store, logger: logger)),
                            .init(service: worker), .init(service: notifier), .init(service: feedbackNotifier), .init(service: app),
                        ] + (metricsListener(dependencies).map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? []),
                        gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await services.run()
                group.cancelAll()
            }
            try await httpClient.shutdown()
        }
        logger.info("gateway stopped")
    }
}

extension Gateway {
    /// The second HTTP server of `metrics.listen`, if configured: `/metrics` only.
    func metricsListener(_ dependencies: GatewayDependencies) -> (any Service)? {
        guard let host = configuration.metrics.host, let port = configuration.metrics.port else { return nil }
        return Application(
            router: buildMetricsRouter(dependencies), configuration: .init(address: .hostname(host, port: port), serverName: "Liaison"),
            onServerRunning: { [logger] channel in
                logger.notice("metrics listening", metadata: ["address": "\(host):\(channel.localAddress?.port ?? port)"])
            }, logger: logger)
    }
}

/// A key Liaison makes for itself on first start and keeps in a 0600 file, so a
/// laptop install needs no key management; production configures its keys.
enum GeneratedKey {
    static func load(at url: URL) throws -> Secret {
        if let text = try? String(contentsOf: url, encoding: .utf8) {
            guard let key = SecretReference.key(fromBase64: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ConfigurationError(key: "vault.keys", "the generated key file \(url.path) is damaged")
            }
            return key
        }
        let bytes = Secret.random().bytes
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(
            atPath: url.path, contents: Data((Data(bytes).base64EncodedString() + "\n").utf8),
            attributes: [.posixPermissions: 0o600])
        else { throw ConfigurationError(key: "data_dir", "cannot write \(url.path)") }
        return Secret(bytes: bytes)
    }
}
