import Foundation
import LiaisonCore
import LiaisonStore
import Logging
import ServiceLifecycle

/// Pushes due deliveries from the outbox to consumers' webhooks: claims a batch, sends
/// each projection concurrently, records the outcome, and sleeps when nothing is due.
/// On graceful shutdown it finishes the batch in hand and returns.
public struct DeliveryWorker: Service {
    public var store: PostgresIncidentStore
    public var sender: WebhookSender
    public var agreements: AgreementBook
    public var schedule: RetrySchedule
    public var pollInterval: Duration
    public var batchSize: Int
    /// How long a claimed delivery stays reserved for this worker.
    public var lease: Duration
    public var logger: Logger

    public init(
        store: PostgresIncidentStore, sender: WebhookSender, agreements: AgreementBook, schedule: RetrySchedule,
        pollInterval: Duration = .seconds(1), batchSize: Int = 32, lease: Duration = .seconds(60), logger: Logger
    ) {
        self.store = store
        self.sender = sender
        self.agreements = agreements
        self.schedule = schedule
        self.pollInterval = pollInterval
        self.batchSize = batchSize
        self.lease = lease
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let jobs: [DeliveryJob]
            do {
                jobs = try await store.claimDueDeliveries(limit: batchSize, lease: lease)
            } catch {
                logger.warning("cannot claim deliveries", metadata: ["error": "\(type(of: error))"])
                jobs = []
            }
            if jobs.isEmpty {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
                continue
            }
            await withDiscardingTaskGroup { group in
                for job in jobs {
                    group.addTask { await deliver(job) }
                }
            }
        }
    }

    /// Sends one delivery and records what happened. Errors are recorded, never thrown:
    /// a failed store write leaves the lease to run out and the delivery to be retried.
    func deliver(_ job: DeliveryJob) async {
        var metadata: Logger.Metadata = ["delivery": "\(job.id)", "agreement": "\(job.agreementID)"]
        do {
            guard let agreement = agreements[job.agreementID], let webhook = agreement.webhook else {
                try await store.markDead(job, status: nil, error: "agreement-not-loaded")
                logger.error("delivery dead: its agreement is not loaded", metadata: metadata)
                return
            }
            guard let incident = try await store.incidents(ids: [job.incidentID])[job.incidentID],
                let rendering = try await store.renderedProjection(of: incident, under: agreement)
            else {
                try await store.markDead(job, status: nil, error: "no-longer-shared")
                logger.warning("delivery dead: the agreement no longer shares the incident", metadata: metadata)
                return
            }
            let body = try CanonicalJSON.encode(WebhookPayload(projection: rendering.projected, now: Date()))
            let outcome = await sender.send(
                body: body, to: webhook.url, messageID: "msg_\(job.id.uuidString.lowercased())",
                secret: webhook.secret, now: Date())
            switch outcome {
            case .delivered(let status):
                try await store.markDelivered(job, rendering: rendering, agreement: agreement, status: status)
                logger.info("delivered", metadata: metadata)
            case .gone:
                try await store.markDead(job, status: 410, error: "http-410")
                logger.warning("delivery dead: receiver answered 410 Gone", metadata: metadata)
            case .failed(let status, let reason, let retryAfter):
                metadata["reason"] = "\(reason)"
                metadata["attempt"] = "\(job.attempts)"
                if job.attempts >= schedule.maxAttempts {
                    try await store.markDead(job, status: status, error: reason)
                    logger.error("delivery dead after its last attempt", metadata: metadata)
                } else {
                    var random = SystemRandomNumberGenerator()
                    var wait = schedule.delay(afterAttempt: job.attempts, using: &random)
                    if let retryAfter { wait = max(wait, .seconds(min(retryAfter, 86_400))) }
                    try await store.scheduleRetry(
                        job, at: Date().addingTimeInterval(Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18),
                        status: status, error: reason)
                    logger.notice("delivery failed; will retry", metadata: metadata)
                }
            }
        } catch {
            logger.error("delivery not recorded; it will be retried", metadata: metadata.merging(["error": "\(type(of: error))"]) { $1 })
        }
    }
}

/// The webhook body: the Standard Webhooks envelope around one projection.
public struct WebhookPayload: Codable, Sendable, Equatable {
    public var type: String
    public var timestamp: Date
    public var data: ProjectedIncident

    public init(projection: ProjectedIncident, now: Date) {
        type = "incident.shared"
        timestamp = now
        data = projection
    }
}
