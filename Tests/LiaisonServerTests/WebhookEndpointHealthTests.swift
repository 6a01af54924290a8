import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// Endpoint health against a real loopback receiver: a 410 disables the endpoint until an admin
/// enables it, the circuit breaker holds deliveries to a failing receiver and probes it, and
/// `Retry-After` is capped.
@Suite(.timeLimit(.minutes(5))) struct WebhookEndpointHealthTests {
    static func events(_ count: Int) -> [UInt8] {
        Array((0..<count).map { _ in GatewayFixture.event() }.joined(separator: "\n").utf8)
    }

    /// Every delivery, newest first.
    static func states(_ db: TestDatabase.Handle) async throws -> [DeliveryRecord] {
        try await db.store.deliveries(party: nil, consumer: nil, status: nil, limit: 100)
    }

    /// A counter's value for the consumer `police` in the gateway's exposition (0 when absent).
    static func counter(_ name: String, in metrics: GatewayMetrics) -> Double {
        let text = String(decoding: metrics.text(), as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.hasPrefix(name + "{") && $0.contains(#"consumer="police""#) }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) } ?? 0
    }

    @Test("A 410 disables the endpoint: later deliveries are held with their reason, admins see it, and enabling it sends them")
    func goneDisables() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let logs = CapturedLogs(format: .text)
            let metrics = GatewayMetrics()
            let receiver = WebhookReceiver(script: [410])
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
                let keys = try await AdminAgreementsAPITests.keys(db.store)
                #expect(try await postEvents(app, key: keys.producer, body: Self.events(1)).status == .created)
                try await GatewayFixture.withWorker(db, agreements: [agreement], logger: logs.logger("worker"), metrics: metrics.delivery) {
                    #expect(await WebhookReceiver.eventually { (try? await Self.states(db).first?.status) == "dead" })
                    #expect(try await postEvents(app, key: keys.producer, body: Self.events(1)).status == .created)
                    #expect(await WebhookReceiver.eventually { (try? await Self.states(db).first?.lastError) == "endpoint-disabled" })
                    try await Task.sleep(for: .milliseconds(500))
                }
                // The gone one is dead with its 410; the later one was never sent and waits.
                let states = try await Self.states(db)
                #expect(states.map(\.status) == ["pending", "dead"])
                #expect(states[0].lastError == "endpoint-disabled" && states[0].attempts == 0)
                #expect(states[1].lastStatus == 410 && states[1].lastError == "http-410")
                #expect(receiver.deliveries.count == 1)
                let lines = logs.all
                #expect(lines.contains { $0.contains("webhook endpoint disabled") })
                #expect(Self.counter("liaison_webhook_endpoints_disabled_total", in: metrics) == 1)
                #expect(!lines.contains { $0.contains(url) }, "a log line names the receiver's URL")

                let listed = try await routerRequest(app, .get, "/v1/admin/webhook-endpoints", key: keys.policeAdmin)
                let endpoint = try #require((listed.json["endpoints"] as? [[String: Any]])?.first)
                #expect(endpoint["agreement_id"] as? String == agreement.id && endpoint["disabled_reason"] as? String == "http-410")
                #expect(endpoint["disabled_at"] is String)
                #expect((try await routerRequest(app, .get, "/v1/admin/webhook-endpoints", key: keys.outsider).json["endpoints"] as? [Any])?.isEmpty == true)
                let held = try await routerRequest(app, .get, "/v1/admin/deliveries?status=pending", key: keys.ana)
                #expect((held.json["deliveries"] as? [[String: Any]])?.first?["last_error"] as? String == "endpoint-disabled")

                let enable = "/v1/admin/webhook-endpoints/\(agreement.id)/enable"
                #expect(AdminAgreementsAPITests.isProblem(try await routerRequest(app, .post, enable, key: keys.auditor), 403, "forbidden"))
                #expect(AdminAgreementsAPITests.isProblem(try await routerRequest(app, .post, enable, key: keys.outsider), 404, "not-found"))
                #expect(AdminAgreementsAPITests.isProblem(
                    try await routerRequest(app, .post, "/v1/admin/webhook-endpoints/no-such-agreement/enable", key: keys.ana), 404, "not-found"))
                let enabled = try await routerRequest(app, .post, enable, key: keys.policeAdmin)
                #expect(enabled.status == .ok && enabled.json["resumed"] as? Int == 1, "\(enabled.text)")
                let audit = try await routerRequest(app, .get, "/v1/admin/audit?subject=agreement:", key: keys.policeAdmin)
                #expect((audit.json["entries"] as? [[String: Any]])?.contains { $0["action"] as? String == "enable-webhook" } == true)

                try await GatewayFixture.withWorker(db, agreements: [agreement]) {
                    #expect(await WebhookReceiver.eventually { (try? await Self.states(db).first?.status) == "delivered" })
                }
                #expect(receiver.deliveries.count == 2)
                #expect(try await Self.states(db).map(\.status) == ["delivered", "dead"])
                #expect(try await db.store.webhookEndpoints(party: nil).first?.disabledAt == nil)
            }
        }
    }

    @Test("After failures in a row the breaker opens: deliveries wait without counting attempts, one probe at a time, and a 2xx closes it")
    func breakerOpensAndProbes() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let metrics = GatewayMetrics()
            let receiver = WebhookReceiver(fallback: 503)
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
                let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
                #expect(try await postEvents(app, key: producer, body: Self.events(4)).status == .created)
                let breaker = CircuitBreaker(failures: 2, cooldown: .seconds(1))
                try await GatewayFixture.withWorker(
                    db, agreements: [agreement], maxAttempts: 100, metrics: metrics.delivery, breaker: breaker
                ) {
                    #expect(await WebhookReceiver.eventually { receiver.deliveries.count >= 2 })
                    // Without the breaker, retries 20-100 ms apart would reach the receiver dozens of times.
                    try await Task.sleep(for: .milliseconds(2500))
                    let whileOpen = receiver.deliveries.count
                    #expect(whileOpen <= 4 + 3, "attempts while the breaker was open: \(whileOpen)")
                    let states = try await Self.states(db)
                    #expect(states.allSatisfy { $0.status == "pending" })
                    // Held claims (one every poll, about a hundred in these 2.5 s) must not count. An
                    // attempt the receiver never saw (a send timed out on a loaded machine) does, so
                    // the sum may exceed what the receiver counted by a few, never by the held claims.
                    let attempts = states.map(\.attempts).reduce(0, +)
                    #expect(attempts >= whileOpen && attempts <= whileOpen + 8, "held claims were counted as attempts: \(attempts) against \(whileOpen) received")
                    #expect(states.contains { $0.lastError == "circuit-open" })
                    let endpoint = try #require(try await db.store.webhookEndpoints(party: nil).first)
                    #expect(endpoint.consecutiveFailures >= 2 && endpoint.openUntil != nil)
                    // Opened, then reopened by a failed probe a cooldown later; on a loaded machine the
                    // probe may come after the 2.5 s above, so it is waited for (the counts are taken).
                    #expect(await WebhookReceiver.eventually(timeout: .seconds(15)) {
                        Self.counter("liaison_webhook_circuit_opened_total", in: metrics) >= 2
                    }, "opened, then reopened by a failed probe")

                    receiver.setFallback(204)
                    #expect(await WebhookReceiver.eventually(timeout: .seconds(15)) {
                        (try? await Self.states(db).allSatisfy { $0.status == "delivered" }) == true
                    })
                }
                let endpoint = try #require(try await db.store.webhookEndpoints(party: nil).first)
                #expect(endpoint.consecutiveFailures == 0 && endpoint.openUntil == nil)
            }
        }
    }

    @Test("A Retry-After longer than delivery.retry_after_cap_ms waits only the cap")
    func retryAfterCapped() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver(script: [429], retryAfter: 3600)
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
                let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
                #expect(try await postEvents(app, key: producer, body: Self.events(1)).status == .created)
                let start = ContinuousClock.now
                try await GatewayFixture.withWorker(db, agreements: [agreement], retryAfterCap: .seconds(1)) {
                    #expect(await WebhookReceiver.eventually(timeout: .seconds(20)) {
                        (try? await Self.states(db).first?.status) == "delivered"
                    })
                }
                #expect(receiver.deliveries.count == 2)
                #expect(ContinuousClock.now - start >= .seconds(1), "the capped Retry-After was not waited for")
            }
        }
    }
}
