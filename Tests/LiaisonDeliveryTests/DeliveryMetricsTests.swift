@testable import LiaisonDelivery
import Testing

@Suite struct DeliveryMetricsTests {
    @Test(
        "A sender's reason maps onto a fixed set of failure classes, whatever status a receiver invents",
        arguments: [
            ("http-500", "http-5xx"), ("http-503", "http-5xx"), ("http-404", "http-4xx"), ("http-400", "http-4xx"),
            ("http-429", "http-429"), ("http-410", "http-410"), ("timeout", "timeout"), ("connect-failed", "connect-failed"),
            ("tls-pin-mismatch", "tls"), ("tls-untrusted-receiver", "tls"), ("tls-configuration", "tls"),
            ("http-302", "other"), ("http-999", "other"), ("http-", "other"), ("http-5000", "other"), ("jovana@example.rs", "other"),
        ])
    func failureClasses(reason: String, expected: String) {
        #expect(DeliveryMetrics.failureClass(reason) == expected)
    }
}
