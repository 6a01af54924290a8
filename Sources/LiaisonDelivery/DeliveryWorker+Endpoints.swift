import Foundation
import LiaisonCore
import LiaisonStore
import Logging

/// Endpoint health around each attempt: a disabled endpoint or an open breaker holds the
/// delivery back, a 410 disables the endpoint, and failures and successes move the breaker.
/// Log lines name the delivery and agreement, never the URL.
extension DeliveryWorker {
    /// Whether `job` may be sent now. When not, it is held (its claim not counted as an attempt)
    /// until its endpoint is enabled again or its breaker lets a probe through.
    func admit(_ job: DeliveryJob, to url: String, through gate: CircuitBreaker.Gate, metadata: Logger.Metadata) async throws -> Bool {
        switch gate {
        case .send: return true
        case .disabled:
            try await store.holdDelivery(job, for: nil, reason: "endpoint-disabled")
            logger.notice("delivery held: its webhook endpoint is disabled", metadata: metadata)
            return false
        case .wait(let wait):
            try await store.holdDelivery(job, for: wait, reason: "circuit-open")
            return false
        case .probe:
            if try await store.takeEndpointProbe(agreementID: job.disclosure.agreementID, url: url, cooldown: breaker.cooldown) {
                logger.notice("probing a webhook endpoint whose circuit is open", metadata: metadata)
                return true
            }
            try await store.holdDelivery(job, for: breaker.cooldown, reason: "circuit-open")
            return false
        }
    }

    /// A 2xx closes the breaker of an endpoint that had failed, and releases what it held.
    func recordSuccess(
        _ job: DeliveryJob, to url: String, endpoint: WebhookEndpointState?, gate: CircuitBreaker.Gate, metadata: Logger.Metadata
    ) async throws {
        guard let endpoint, endpoint.consecutiveFailures > 0 || endpoint.openUntil != nil else { return }
        try await store.recordEndpointSuccess(agreementID: job.disclosure.agreementID, url: url)
        if gate == .probe { logger.notice("webhook endpoint answered the probe: circuit closed", metadata: metadata) }
    }

    /// Counts a failed attempt; opening the breaker (or a failed probe reopening it) is logged and counted.
    func recordFailure(_ job: DeliveryJob, to url: String, gate: CircuitBreaker.Gate, metadata: Logger.Metadata) async throws {
        let inARow = try await store.recordEndpointFailure(
            agreementID: job.disclosure.agreementID, url: url, threshold: breaker.failures, cooldown: breaker.cooldown)
        if gate == .probe || inARow == breaker.failures {
            metrics.circuitOpened(consumer: job.disclosure.consumer)
            logger.warning(
                "webhook endpoint circuit open: its deliveries wait for a probe", metadata: metadata.merging(["failures": "\(inARow)"]) { $1 })
        }
    }

    /// The receiver answered 410 Gone: the endpoint takes nothing more until an admin enables it.
    func disable(_ job: DeliveryJob, at url: String, metadata: Logger.Metadata) async throws {
        try await store.disableEndpoint(agreementID: job.disclosure.agreementID, url: url, reason: "http-410")
        metrics.endpointDisabled(consumer: job.disclosure.consumer)
        logger.warning(
            "webhook endpoint disabled: receiver answered 410 Gone; an admin enables it again (POST /v1/admin/webhook-endpoints/{agreement}/enable)",
            metadata: metadata)
    }
}

extension Result where Success == DisclosureRenderer.Rendered {
    /// The recorded health of the webhook this rendering would go to, if any.
    func endpoint(in endpoints: [String: [String: WebhookEndpointState]]) -> WebhookEndpointState? {
        guard case .success(let rendered) = self, let webhook = rendered.agreement.webhook else { return nil }
        return endpoints[rendered.agreement.id]?[webhook.url]
    }
}
