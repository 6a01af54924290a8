import CoreMetrics
import LiaisonDelivery
import Prometheus

/// One gateway's Prometheus registry and the swift-metrics factory over it.
///
/// `MetricsSystem.bootstrap` may run once per process, but the test suite runs many
/// gateways in one process and each test must read its own gateway's figures. So nothing
/// here uses the global system: each gateway owns a registry, and every component that
/// counts is handed this factory through its initialiser (swift-metrics' `Counter`, `Timer`
/// and `Gauge` take a `factory:`), as the rest of the code is handed its store.
struct PrometheusExposition: Sendable {
    let registry: PrometheusCollectorRegistry
    let factory: any MetricsFactory

    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = ["liaison_delivery_enqueue_to_2xx_seconds": DeliveryMetrics.latencyBuckets]
        self.factory = factory
    }

    /// The text exposition format, version 0.0.4.
    func text() -> [UInt8] { registry.emitToBuffer() }
}
