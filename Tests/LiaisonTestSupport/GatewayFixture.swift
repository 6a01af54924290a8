import AsyncHTTPClient
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonIntake
import LiaisonServer
import LiaisonStore
import Logging
import ServiceLifecycle

/// Agreements, events and a delivery worker for integration tests.
public enum GatewayFixture {
    public static let webhookSecret = WebhookSignature.secret(fromText: "whsec_" + Data(repeating: 42, count: 32).base64EncodedString())!

    public static func agreement(
        id: String = "cert-to-police", producer: String = "cert", consumer: String = "police", webhookURL: String?,
        fields: Set<IncidentField> = [.classification, .title, .description, .observables],
        personalData: [PersonalDataKind: RenderAction] = [.email: .pseudonymise, .phone: .mask]
    ) -> Agreement {
        Agreement(
            id: id, producer: producer, consumer: consumer,
            match: .init(taxonomies: ["fraud", "malicious-code"], maxTLP: .amber), fields: fields,
            personalData: personalData, pseudonymKey: Secret(bytes: Array(repeating: 3, count: 32)),
            webhook: webhookURL.map { Agreement.Webhook(url: $0, secret: webhookSecret) })
    }

    public static let victimEmail = "jovana.petrovic@example.rs"
    public static let victimPhone = "+381 64 123 4567"

    /// Whether `text` holds the phone number +381 64 123 4567 in any of the forms tests write it
    /// in. Nine digits, or the groups with their spaces and brackets: a shorter probe turns up by
    /// chance in the random hex of a token, a digest or a UUID in the same text ("4567" did, in
    /// `[[pd:phone:b45675a0…]]`; a UUID's third group starts with 4, so "123-4567" needs only six).
    public static func holdsVictimPhone(_ text: String) -> Bool {
        ["641234567", "64 123 4567", "(64) 123-4567"].contains { text.contains($0) }
    }

    /// One event full of personal data, as NDJSON.
    public static func event(id: String = UUID().uuidString, taxonomy: String = "fraud", type: String = "phishing") -> String {
        """
        {"id": "\(id)", "classification": {"taxonomy": "\(taxonomy)", "type": "\(type)"}, "tlp": "TLP:AMBER", \
        "title": "Phishing against a bank's customers", \
        "description": "Victim \(victimEmail) was called from \(victimPhone) before the fake login page.", \
        "first_seen": "2026-11-28T09:15:00Z", \
        "observables": [{"kind": "url", "value": "https://bank-login.example.net/rs/", "role": "offender"}, \
        {"kind": "email", "value": "\(victimEmail)", "role": "victim"}, {"kind": "ipv4", "value": "203.0.113.7", "role": "offender"}]}
        """
    }

    /// Installs `agreements` as approved versions (as agreement files with
    /// `governance.auto_approve_files` are) and returns a registry with them in force.
    @discardableResult
    public static func install(_ store: PostgresIncidentStore, _ agreements: [Agreement]) async throws -> AgreementRegistry {
        try await AgreementRecords(store: store, governance: AgreementGovernance())
            .apply(agreements, approve: true, source: AuditActor(organisation: "gateway", person: "tests"))
        let registry = AgreementRegistry()
        try await registry.refresh(from: store)
        return registry
    }

    public static func dependencies(
        _ db: TestDatabase.Handle, agreements: [Agreement], governance: AgreementGovernance = AgreementGovernance(),
        maxBodyBytes: Int = 1 << 20
    ) async throws -> GatewayDependencies {
        GatewayDependencies(
            store: db.store, migrator: db.migrator, agreements: try await install(db.store, agreements), governance: governance,
            parser: EventBatchParser(),
            maxBodyBytes: maxBodyBytes)
    }

    /// The default breaker's threshold with a cool-down as short as the tests' retry waits.
    public static let testBreaker = CircuitBreaker(failures: 5, cooldown: .milliseconds(200))

    /// Runs a delivery worker with a fast retry schedule while `body` runs.
    public static func withWorker<T: Sendable>(
        _ db: TestDatabase.Handle, agreements: [Agreement], maxAttempts: Int = 3, logger: Logger = TestDatabase.logger,
        metrics: DeliveryMetrics = DeliveryMetrics(), breaker: CircuitBreaker = testBreaker, retryAfterCap: Duration = .seconds(3600),
        _ body: @Sendable () async throws -> T
    ) async throws -> T {
        try await withWorker(
            db, registry: AgreementRegistry(AgreementBook(agreements)), maxAttempts: maxAttempts, logger: logger, metrics: metrics,
            breaker: breaker, retryAfterCap: retryAfterCap, body)
    }

    /// Runs a delivery worker over `registry` while `body` runs. Each attempt waits 5 s for the
    /// answer: a test machine running the browser suites beside this one can take more than a
    /// second over a mutual-TLS handshake, and a retry would then send the message twice.
    public static func withWorker<T: Sendable>(
        _ db: TestDatabase.Handle, registry: AgreementRegistry, maxAttempts: Int = 3, logger: Logger = TestDatabase.logger,
        metrics: DeliveryMetrics = DeliveryMetrics(), breaker: CircuitBreaker = testBreaker, retryAfterCap: Duration = .seconds(3600),
        _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let httpClient = WebhookSender.makeHTTPClient()
        let worker = DeliveryWorker(
            store: db.store, sender: WebhookSender(httpClient: httpClient, timeout: .seconds(5), destinations: .loopbackAllowed),
            agreements: registry,
            schedule: RetrySchedule(base: .milliseconds(20), cap: .milliseconds(100), maxAttempts: maxAttempts),
            pollInterval: .milliseconds(20), logger: logger, metrics: metrics, breaker: breaker, retryAfterCap: retryAfterCap)
        let result = try await whileRunning([worker], body)
        try await httpClient.shutdown()
        return result
    }

    /// Runs the producer notifiers (re-identification requests and feedback), with producer
    /// `producer`'s notification webhook at `url` and a fast retry schedule, while `body` runs.
    public static func withNotifiers<T: Sendable>(
        _ db: TestDatabase.Handle, url: String, producer: String = "cert", _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let httpClient = WebhookSender.makeHTTPClient()
        let sender = WebhookSender(httpClient: httpClient, timeout: .seconds(2), destinations: .loopbackAllowed)
        let webhooks = [producer: NotificationWebhook(url: url, secret: webhookSecret)]
        let schedule = RetrySchedule(base: .milliseconds(20), cap: .milliseconds(100), maxAttempts: 3)
        let notifier = ReidentificationNotifier(
            store: db.store, sender: sender, webhooks: webhooks, schedule: schedule, pollInterval: .milliseconds(20),
            logger: TestDatabase.logger)
        let notifiers: [any Service] = [notifier, FeedbackNotifier(alongside: notifier)]
        let result = try await whileRunning(notifiers, body)
        try await httpClient.shutdown()
        return result
    }

    /// Runs `services` while `body` runs, then cancels them.
    static func whileRunning<T: Sendable>(_ services: [any Service], _ body: @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            for service in services {
                group.addTask {
                    try await service.run()
                    return nil
                }
            }
            let result = try await body()
            group.cancelAll()
            return result
        }
    }
}
