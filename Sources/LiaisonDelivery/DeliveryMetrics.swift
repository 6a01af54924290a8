import CoreMetrics
import Foundation

/// What the delivery worker counts, through the metrics factory it is handed (the gateway's
/// own Prometheus registry; by default nothing). Labels hold only the consumer organisation's
/// id, which is configured and so bounded, and a failure class from a fixed set: never an
/// incident id, a URL or an address.
public struct DeliveryMetrics: Sendable {
    public let factory: any MetricsFactory

    public init(factory: any MetricsFactory = NOOPMetricsHandler.instance) {
        self.factory = factory
    }

    /// The buckets of the enqueue→2xx histogram: from a tenth of a second to a day, since
    /// retries under the default schedule stretch over hours.
    public static let latencyBuckets: [Duration] = [
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(15),
        .seconds(60), .seconds(300), .seconds(900), .seconds(3600), .seconds(6 * 3600), .seconds(86_400),
    ]

    /// One POST to a consumer's webhook, whatever its outcome.
    func attempted(consumer: String) {
        Counter(label: "liaison_delivery_attempts_total", dimensions: [("consumer", consumer)], factory: factory).increment()
    }

    /// A 2xx, and how long it took from the moment the delivery was queued (in the intake's
    /// transaction) to that answer, retries included.
    func delivered(consumer: String, sinceEnqueued seconds: Double?) {
        Counter(label: "liaison_deliveries_delivered_total", dimensions: [("consumer", consumer)], factory: factory).increment()
        guard let seconds, seconds >= 0 else { return }
        CoreMetrics.Timer(label: "liaison_delivery_enqueue_to_2xx_seconds", dimensions: [], factory: factory)
            .recordNanoseconds(Int64(min(seconds, 1e9) * 1e9))
    }

    /// A failed attempt, by class: `http-4xx`, `http-5xx`, `http-429`, `http-410`, `timeout`,
    /// `connect-failed`, `tls` (any `tls-…` reason) or `other`.
    func failed(consumer: String, reason: String) {
        Counter(
            label: "liaison_delivery_failures_total", dimensions: [("consumer", consumer), ("class", Self.failureClass(reason))],
            factory: factory
        ).increment()
    }

    /// A delivery given up: its last attempt failed, or the receiver answered 410.
    func deadLettered(consumer: String) {
        Counter(label: "liaison_delivery_dead_letters_total", dimensions: [("consumer", consumer)], factory: factory).increment()
    }

    /// A receiver answered 410 Gone and its endpoint was disabled.
    func endpointDisabled(consumer: String) {
        Counter(label: "liaison_webhook_endpoints_disabled_total", dimensions: [("consumer", consumer)], factory: factory).increment()
    }

    /// An endpoint's circuit breaker opened (failures in a row reached the threshold, or a probe failed).
    func circuitOpened(consumer: String) {
        Counter(label: "liaison_webhook_circuit_opened_total", dimensions: [("consumer", consumer)], factory: factory).increment()
    }

    /// Maps the sender's reason (`http-503`, `timeout`, ...) onto a fixed set, so a receiver
    /// answering odd status codes cannot grow the label set.
    static func failureClass(_ reason: String) -> String {
        switch reason {
        case "timeout", "connect-failed", "http-429", "http-410": return reason
        case _ where reason.hasPrefix("tls-"): return "tls"
        default:
            guard reason.hasPrefix("http-"), let status = Int(reason.dropFirst(5)) else { return "other" }
            switch status {
            case 400..<500: return "http-4xx"
            case 500..<600: return "http-5xx"
            default: return "other"
            }
        }
    }
}
