import Hummingbird
import LiaisonCore
import LiaisonIntake
import LiaisonMail
import LiaisonStore
import Logging

/// What the HTTP layer needs, built once by ``Gateway`` (or by a test).
public struct GatewayDependencies: Sendable {
    public var store: PostgresIncidentStore
    public var migrator: Migrator
    public var agreements: AgreementBook
    public var parser: EventBatchParser
    public var stixReader: STIXBundleReader
    public var protector: IncidentProtector
    public var mail: MailSubmission
    public var maxBodyBytes: Int

    public init(
        store: PostgresIncidentStore, migrator: Migrator, agreements: AgreementBook, parser: EventBatchParser,
        stixReader: STIXBundleReader = STIXBundleReader(defaultTLP: .amber), protector: IncidentProtector = IncidentProtector(),
        mail: MailSubmission? = nil, maxBodyBytes: Int
    ) {
        self.store = store
        self.migrator = migrator
        self.agreements = agreements
        self.parser = parser
        self.stixReader = stixReader
        self.protector = protector
        self.mail = mail ?? MailSubmission(limits: MailLimits(), intake: MailIntake(), protector: protector, keyrings: [:])
        self.maxBodyBytes = maxBodyBytes
    }
}

/// Every route of the gateway.
public func buildRouter(_ dependencies: GatewayDependencies) -> Router<LiaisonRequestContext> {
    let router = Router(context: LiaisonRequestContext.self)
    router.add(middleware: ProblemMiddleware())
    HealthController(store: dependencies.store, migrator: dependencies.migrator).addRoutes(to: router)
    let v1 = router.group("v1").add(middleware: APIKeyAuthenticator(store: dependencies.store))
    EventsIntakeController(
        store: dependencies.store, agreements: dependencies.agreements, parser: dependencies.parser,
        protector: dependencies.protector, maxBodyBytes: dependencies.maxBodyBytes
    ).addRoutes(to: v1)
    let stix = STIXSubmission(store: dependencies.store, agreements: dependencies.agreements, protector: dependencies.protector)
    STIXIntakeController(
        submission: stix, reader: dependencies.stixReader, json: dependencies.parser.json, maxBodyBytes: dependencies.maxBodyBytes)
        .addRoutes(to: v1)
    EmailIntakeController(store: dependencies.store, agreements: dependencies.agreements, mail: dependencies.mail)
        .addRoutes(to: v1)
    ReceiptController(store: dependencies.store).addRoutes(to: v1)
    FeedController(store: dependencies.store, agreements: dependencies.agreements).addRoutes(to: v1)
    IncidentController(store: dependencies.store, agreements: dependencies.agreements).addRoutes(to: v1)
    AdminVaultController(store: dependencies.store).addRoutes(to: v1)
    let taxii = router.group("taxii2").add(middleware: TAXIIErrorMiddleware())
        .add(middleware: APIKeyAuthenticator(store: dependencies.store))
    TAXIIController(
        submission: stix, reader: dependencies.stixReader, json: dependencies.parser.json, collections: TAXIICollections(),
        maxBodyBytes: dependencies.maxBodyBytes
    ).addRoutes(to: taxii)
    return router
}

/// The HTTP application on `host:port`. `onServerRunning` receives the bound port
/// (useful with port 0).
public func buildApplication(
    _ dependencies: GatewayDependencies, host: String, port: Int, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(dependencies),
        server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionCloseHandler()])),
        configuration: .init(address: .hostname(host, port: port), serverName: "Liaison"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger)
}
