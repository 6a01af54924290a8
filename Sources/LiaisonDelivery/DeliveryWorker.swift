import Foundation
import LiaisonCore
import LiaisonStore
import Logging
import ServiceLifecycle

/// Pushes due deliveries from the outbox to consumers' webhooks: keeps up to `batchSize`
/// sends in flight, claiming more as soon as half of them have finished, records accepted
/// deliveries in batches (``DeliveredRecorder``), and sleeps when nothing is due.
/// On graceful shutdown it finishes the sends in hand and returns.
public struct DeliveryWorker: Service {
    public var store: PostgresIncidentStore
    public var sender: WebhookSender
    public var renderer: DisclosureRenderer
    public var schedule: RetrySchedule
    public var pollInterval: Duration
    public var batchSize: Int
    /// How long a claimed delivery stays reserved for this worker.
    public var lease: Duration
    public var logger: Logger
    /// Attempts, failures, dead letters and enqueue→2xx latency, per consumer.
    public var metrics: DeliveryMetrics
    /// When an endpoint that keeps failing is left alone, and how it is probed.
    public var breaker: CircuitBreaker
    /// The longest wait a receiver's `Retry-After` can impose.
    public var retryAfterCap: Duration

    public init(
        store: PostgresIncidentStore, sender: WebhookSender, agreements: AgreementRegistry, schedule: RetrySchedule,
        pollInterval: Duration = .seconds(1), batchSize: Int = 32, lease: Duration = .seconds(60), logger: Logger,
        metrics: DeliveryMetrics = DeliveryMetrics(), breaker: CircuitBreaker = CircuitBreaker(), retryAfterCap: Duration = .seconds(3600)
    ) {
        self.store = store
        self.sender = sender
        self.renderer = DisclosureRenderer(store: store, agreements: agreements)
        self.schedule = schedule
        self.pollInterval = pollInterval
        self.batchSize = batchSize
        self.lease = lease
        self.logger = logger
        self.metrics = metrics
        self.breaker = breaker
        self.retryAfterCap = retryAfterCap
    }

    public func run() async throws {
        let inFlight = SendsInFlight(limit: batchSize)
        let recorder = DeliveredRecorder(store: store)
        // While claims find work, an empty one is retried soon, waiting twice as long each
        // time up to `pollInterval`: a steady stream is not held back by a whole poll.
        let shortestWait = min(pollInterval, .milliseconds(10))
        var wait = shortestWait
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled, !Task.isShuttingDownGracefully {
                let room = await inFlight.room()
                let jobs: [DeliveryJob]
                do {
                    jobs = try await store.claimDueDeliveries(limit: room, lease: lease)
                } catch {
                    logger.warning("cannot claim deliveries", metadata: ["error": "\(type(of: error))"])
                    jobs = []
                }
                if jobs.isEmpty {
                    let pause = wait
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
                    wait = min(wait * 2, pollInterval)
                    continue
                }
                wait = shortestWait
                let rendered: [Result<DisclosureRenderer.Rendered, Withheld>]
                do {
                    rendered = try await renderer.render(jobs.map(\.disclosure))
                } catch {
                    logger.error("cannot render deliveries; their leases will run out", metadata: ["error": "\(type(of: error))"])
                    continue
                }
                let endpoints: [String: [String: WebhookEndpointState]]
                do {
                    endpoints = try await store.webhookEndpoints(of: Array(Set(jobs.map(\.disclosure.agreementID))))
                } catch {
                    logger.error("cannot read webhook endpoint health; leases will run out", metadata: ["error": "\(type(of: error))"])
                    continue
                }
                inFlight.started(jobs.count)
                for (job, result) in zip(jobs, rendered) {
                    group.addTask {
                        await deliver(job, result, endpoint: result.endpoint(in: endpoints), recorder: recorder)
                        inFlight.finished()
                    }
                }
            }
        }
    }

    /// Sends one delivery and records what happened. Errors are recorded, never thrown:
    /// a failed store write leaves the lease to run out and the delivery to be retried.
    func deliver(
        _ job: DeliveryJob, _ rendered: Result<DisclosureRenderer.Rendered, Withheld>, endpoint: WebhookEndpointState?,
        recorder: DeliveredRecorder
    ) async {
        var metadata: Logger.Metadata = ["delivery": "\(job.id)", "agreement": "\(job.disclosure.agreementID)"]
        do {
            let shown: DisclosureRenderer.Rendered
            switch rendered {
            case .failure(let withheld):
                metadata["reason"] = "\(withheld.code)"
                try await store.markWithheld(job, reason: withheld.code)
                logger.notice("delivery withheld: its agreement no longer shares", metadata: metadata)
                return
            case .success(let value):
                shown = value
            }
            guard let webhook = shown.agreement.webhook else {
                try await store.markWithheld(job, reason: "no-webhook")
                logger.notice("delivery withheld: the agreement has no webhook now", metadata: metadata)
                return
            }
            let gate = breaker.gate(endpoint)
            guard try await admit(job, to: webhook.url, through: gate, metadata: metadata) else { return }
            // A STIX receiver gets the bundle itself (its bytes are the same on every retry; the
            // Standard Webhooks headers carry id and time); others get the JSON envelope.
            let body: Data, contentType: String
            switch webhook.format {
            case .stix: (body, contentType) = (Data(shown.stixBundle.bytes), STIXBundle.mediaType)
            case .json:
                body = try CanonicalJSON.encode(WebhookPayload(projection: shown.rendering.projected, now: Date()))
                contentType = "application/json"
            }
            metrics.attempted(consumer: job.disclosure.consumer)
            let now = Date()
            let outcome = await sender.send(
                body: body, to: webhook.url, messageID: "msg_\(job.id.uuidString.lowercased())", secrets: webhook.secrets(at: now),
                v1aKey: webhook.v1a ? store.signer.webhookKey(agreement: shown.agreement.id) : nil, now: now, contentType: contentType,
                tls: webhook.tls)
            switch outcome {
            case .delivered(let status):
                let waited = try await recorder.record(
                    .init(job: job, record: try shown.record(of: body, purpose: .push(under: shown.agreement)), status: status))
                metrics.delivered(consumer: job.disclosure.consumer, sinceEnqueued: waited)
                logger.info("delivered", metadata: metadata)
                try await recordSuccess(job, to: webhook.url, endpoint: endpoint, gate: gate, metadata: metadata)
            case .gone:
                metrics.failed(consumer: job.disclosure.consumer, reason: "http-410")
                try await store.markDead(job, status: 410, error: "http-410")
                metrics.deadLettered(consumer: job.disclosure.consumer)
                logger.warning("delivery dead: receiver answered 410 Gone", metadata: metadata)
                try await disable(job, at: webhook.url, metadata: metadata)
            case .failed(let status, let reason, let retryAfter):
                metadata["reason"] = "\(reason)"
                metadata["attempt"] = "\(job.attempts)"
                metrics.failed(consumer: job.disclosure.consumer, reason: reason)
                try await recordFailure(job, to: webhook.url, gate: gate, metadata: metadata)
                if job.attempts >= schedule.maxAttempts {
                    try await store.markDead(job, status: status, error: reason)
                    metrics.deadLettered(consumer: job.disclosure.consumer)
                    logger.error("delivery dead after its last attempt", metadata: metadata)
                } else {
                    var random = SystemRandomNumberGenerator()
                    var wait = schedule.delay(afterAttempt: job.attempts, using: &random)
                    if let retryAfter { wait = max(wait, min(.seconds(retryAfter), retryAfterCap)) }
                    try await store.scheduleRetry(job, after: wait, status: status, error: reason)
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
