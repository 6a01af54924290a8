import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import LiaisonCore
import LiaisonDelivery
import LiaisonIntake
import LiaisonMail
import LiaisonStore
import Logging
import NIOSSL

/// What the HTTP layer needs, built once by ``Gateway`` (or by a test).
public struct GatewayDependencies: Sendable {
    public var store: PostgresIncidentStore
    public var migrator: Migrator
    public var agreements: AgreementRegistry
    public var governance: AgreementGovernance
    public var parser: EventBatchParser
    public var stixReader: STIXBundleReader
    public var protector: IncidentProtector
    public var mail: MailSubmission
    public var maxBodyBytes: Int
    /// `public_url`: the base of URLs the gateway hands out (TAXII API roots); nil: relative URLs.
    public var publicURL: String?
    /// `delivery.allow_insecure_loopback`, for agreement documents sent to the admin API.
    public var allowInsecureLoopback: Bool
    /// The ledger's origin, the name its checkpoints carry (``LedgerSettings/origin(publicURL:)``).
    public var ledgerOrigin: String
    /// `reidentification.*`: who approves re-identification requests, and their time limits.
    public var reidentification: ReidentificationPolicy
    /// The producers with a `reidentification.notify` webhook: their new requests queue a notification.
    public var notifiedProducers: Set<String>
    /// This gateway's metrics (its own registry; see ``PrometheusExposition``).
    public var metrics: GatewayMetrics
    /// `metrics.*`: whether, where and behind which token `/metrics` is served.
    public var metricsSettings: MetricsSettings
    /// `public_report.*`: the public reporting form at `/report/`; off by default.
    public var publicReport: PublicReportSettings
    /// Whether a request without an `Authorization` header may authenticate by its TLS client
    /// certificate: true when `serve` listens with TLS and `tls.client_ca`. Default false, and
    /// the connection is never asked for one.
    public var clientCertificateAuthentication = false
    /// `console.*`: the console's session timeouts and sign-in bounds.
    public var console: ConsoleSettings

    public init(
        store: PostgresIncidentStore, migrator: Migrator, agreements: AgreementRegistry,
        governance: AgreementGovernance = AgreementGovernance(), parser: EventBatchParser,
        stixReader: STIXBundleReader = STIXBundleReader(defaultTLP: .amber), protector: IncidentProtector = IncidentProtector(),
        mail: MailSubmission? = nil, maxBodyBytes: Int, publicURL: String? = nil, allowInsecureLoopback: Bool = false,
        ledgerOrigin: String = LedgerSettings().origin(publicURL: nil),
        reidentification: ReidentificationPolicy? = nil, notifiedProducers: Set<String> = [],
        metrics: GatewayMetrics = GatewayMetrics(), metricsSettings: MetricsSettings = MetricsSettings(),
        publicReport: PublicReportSettings = PublicReportSettings(), console: ConsoleSettings = ConsoleSettings()
    ) {
        self.store = store
        self.migrator = migrator
        self.agreements = agreements
        self.governance = governance
        self.parser = parser
        self.stixReader = stixReader
        self.protector = protector
        self.mail = mail ?? MailSubmission(limits: MailLimits(), intake: MailIntake(), keyrings: [:])
        self.maxBodyBytes = maxBodyBytes
        self.publicURL = publicURL
        self.allowInsecureLoopback = allowInsecureLoopback
        self.ledgerOrigin = ledgerOrigin
        self.reidentification = reidentification ?? ReidentificationPolicy(operatorOrganisation: governance.operatorOrganisation)
        self.notifiedProducers = notifiedProducers
        self.metrics = metrics
        self.metricsSettings = metricsSettings
        self.publicReport = publicReport
        self.console = console
    }
}

/// Every route of the gateway.
public func buildRouter(_ dependencies: GatewayDependencies) -> Router<LiaisonRequestContext> {
    let router = Router(context: LiaisonRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: RequestRecordMiddleware(metrics: dependencies.metrics))
    router.add(middleware: ProblemMiddleware())
    HealthController(store: dependencies.store, migrator: dependencies.migrator).addRoutes(to: router)
    // With a listen address of its own, /metrics is served there only (``buildMetricsRouter``);
    // with neither that nor a token, nowhere: counts per consumer are not for every caller.
    if dependencies.metricsSettings.host == nil, let token = dependencies.metricsSettings.token {
        MetricsController(metrics: dependencies.metrics, store: dependencies.store, migrator: dependencies.migrator, token: token).addRoutes(to: router)
    }
    let pipeline = IntakePipeline(
        store: dependencies.store, agreements: dependencies.agreements, protector: dependencies.protector, metrics: dependencies.metrics)
    let renderer = DisclosureRenderer(store: dependencies.store, agreements: dependencies.agreements)
    let json = dependencies.parser.json
    let v1 = router.group("v1").add(middleware: APIKeyAuthenticator(store: dependencies.store, clientCertificates: dependencies.clientCertificateAuthentication))
    EventsIntakeController(pipeline: pipeline, parser: dependencies.parser, maxBodyBytes: dependencies.maxBodyBytes).addRoutes(to: v1)
    STIXIntakeController(pipeline: pipeline, reader: dependencies.stixReader, json: json, maxBodyBytes: dependencies.maxBodyBytes)
        .addRoutes(to: v1)
    EmailIntakeController(pipeline: pipeline, mail: dependencies.mail).addRoutes(to: v1)
    ReceiptController(store: dependencies.store).addRoutes(to: v1)
    WebhookKeyController(store: dependencies.store, agreements: dependencies.agreements, governance: dependencies.governance)
        .addRoutes(to: v1)
    FeedController(
        store: dependencies.store, renderer: renderer,
        cursors: FeedCursors(key: dependencies.store.vault.derivedKey(for: "feed-cursor"))
    ).addRoutes(to: v1)
    IncidentController(store: dependencies.store, renderer: renderer).addRoutes(to: v1)
    DisclosuresController(store: dependencies.store, cursors: FeedCursors(key: dependencies.store.vault.derivedKey(for: "disclosures-cursor")))
        .addRoutes(to: v1)
    let feedback = FeedbackController(
        store: dependencies.store, renderer: renderer, protector: dependencies.protector,
        cursors: FeedCursors(key: dependencies.store.vault.derivedKey(for: "feedback-cursor")), notifying: dependencies.notifiedProducers)
    feedback.addRoutes(to: v1)
    StatsController(store: dependencies.store).addRoutes(to: v1)
    AdminVaultController(store: dependencies.store, governance: dependencies.governance).addRoutes(to: v1)
    let records = AgreementRecords(store: dependencies.store, governance: dependencies.governance)
    let agreementViews = AgreementViews(records: records, registry: dependencies.agreements)
    AdminAgreementsController(views: agreementViews, allowInsecureLoopback: dependencies.allowInsecureLoopback).addRoutes(to: v1)
    let keys = AdminKeysController(store: dependencies.store, governance: dependencies.governance)
    keys.addRoutes(to: v1)
    AdminOrganisationsController(store: dependencies.store, governance: dependencies.governance).addRoutes(to: v1)
    let deliveries = AdminDeliveriesController(store: dependencies.store, governance: dependencies.governance)
    deliveries.addRoutes(to: v1)
    let audit = AdminAuditController(store: dependencies.store, governance: dependencies.governance)
    audit.addRoutes(to: v1)
    let checkpointKey = dependencies.store.signer.checkpointKey(name: dependencies.ledgerOrigin)
    LedgerController(store: dependencies.store, key: checkpointKey, governance: dependencies.governance).addRoutes(to: v1)
    EvidenceController(store: dependencies.store, renderer: renderer, key: checkpointKey, governance: dependencies.governance)
        .addRoutes(to: v1)
    let reidentifications = ReidentificationRecords(
        store: dependencies.store, renderer: renderer, policy: dependencies.reidentification, notifying: dependencies.notifiedProducers)
    ReidentificationController(records: reidentifications).addRoutes(to: v1)
    AdminReidentificationsController(records: reidentifications).addRoutes(to: v1)
    let pages = WebPages.shared
    pages.addRoutes(to: router)
    PublicReportController(
        settings: dependencies.publicReport, pipeline: pipeline, pages: pages, catalogues: ReportCatalogues.shared,
        limiter: SubmissionLimiter(
            perAddressPerHour: dependencies.publicReport.perAddressPerHour, perMinute: dependencies.publicReport.perMinute)
    ).addRoutes(to: router)
    // The console: sign-in without a session, every other page within one; failures as pages.
    let consolePages = ConsolePages(pages: pages)
    let console = ConsoleController(
        store: dependencies.store, views: agreementViews, settings: dependencies.console, pages: consolePages,
        limiter: SubmissionLimiter(
            perAddressPerHour: dependencies.console.signInAttemptsPerHour, perMinute: dependencies.console.signInAttemptsPerMinute),
        checkpointKey: checkpointKey, governance: dependencies.governance,
        secureCookies: dependencies.publicURL?.lowercased().hasPrefix("https://") == true)
    console.addSignInRoutes(to: router.group("console").add(middleware: ConsoleErrorMiddleware(pages: consolePages)))
    let session = router.group("console").add(middleware: ConsoleErrorMiddleware(pages: consolePages))
        .add(middleware: ConsoleSessionMiddleware(store: dependencies.store, settings: dependencies.console, pages: consolePages))
    console.addRoutes(to: session)
    ConsoleAgreementsController(views: agreementViews, pages: consolePages).addRoutes(to: session)
    ConsoleEditorController(views: agreementViews, pages: consolePages, allowInsecureLoopback: dependencies.allowInsecureLoopback)
        .addRoutes(to: session)
    ConsoleKeysController(keys: keys, deliveries: deliveries, pages: consolePages).addRoutes(to: session)
    ConsoleAuditController(audit: audit, pages: consolePages).addRoutes(to: session)
    ConsoleFeedbackController(feedback: feedback, pages: consolePages).addRoutes(to: session)
    let taxii = router.group("taxii2").add(middleware: TAXIIErrorMiddleware())
        .add(middleware: APIKeyAuthenticator(store: dependencies.store, clientCertificates: dependencies.clientCertificateAuthentication))
    TAXIIController(
        pipeline: pipeline, reader: dependencies.stixReader, json: json, collections: TAXIICollections(agreements: dependencies.agreements),
        collectionReader: TAXIICollectionReader(
            store: dependencies.store, renderer: renderer, cursors: FeedCursors(key: dependencies.store.vault.derivedKey(for: "taxii-cursor"))),
        maxBodyBytes: dependencies.maxBodyBytes, publicURL: dependencies.publicURL
    ).addRoutes(to: taxii)
    return router
}

/// The router of the separate metrics listener (`metrics.listen`): `/metrics` only, behind
/// `metrics.token` when one is configured too.
public func buildMetricsRouter(_ dependencies: GatewayDependencies) -> Router<LiaisonRequestContext> {
    let router = Router(context: LiaisonRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: ProblemMiddleware())
    MetricsController(
        metrics: dependencies.metrics, store: dependencies.store, migrator: dependencies.migrator, token: dependencies.metricsSettings.token
    )
        .addRoutes(to: router)
    return router
}

/// The HTTP application on `host:port`, HTTPS with `tls` (``ServerTLSSettings``'s
/// configuration: then a plain-HTTP request on the port fails its handshake and is closed).
/// `onServerRunning` receives the bound port (useful with port 0).
public func buildApplication(
    _ dependencies: GatewayDependencies, host: String, port: Int, timeouts: ConnectionTimeouts = .init(), tls: TLSConfiguration? = nil,
    logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let http = HTTPServerBuilder.http1(
        configuration: .init(additionalChannelHandlers: [
            MalformedRequestAnswerer(), ConnectionCloseHandler(), ConnectionTimeoutHandler(timeouts: timeouts),
        ]))
    return Application(
        router: buildRouter(dependencies),
        server: try tls.map { try HTTPServerBuilder.tls(http, tlsConfiguration: $0) } ?? http,
        // A listen queue of 4,096 (Linux caps it at net.core.somaxconn) rather than 256: a burst of
        // connections that arrives while the event loops are busy would otherwise overflow it, and
        // the kernel then drops their handshakes' last step, so that clients that think they are
        // connected wait seconds for retransmissions before the gateway even sees them. (In one run
        // of ConnectionTimeoutTests beside the whole suite, 94 of 1,000 slow connections were still
        // open 16 s after opening, and the kernel's ListenOverflows counter was not zero.)
        configuration: .init(address: .hostname(host, port: port), serverName: "Liaison", backlog: 4096),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger)
}
