import AsyncHTTPClient
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonTestSupport
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

@Suite(.timeLimit(.minutes(5))) struct RetryScheduleTests {
    @Test("Backs off exponentially with jitter between half and all of each step, up to the cap")
    func delays() {
        let schedule = RetrySchedule(base: .seconds(30), cap: .seconds(3600), maxAttempts: 12)
        var random = SystemRandomNumberGenerator()
        for attempt in 1...12 {
            let full = min(Duration.seconds(30) * (1 << (attempt - 1)), .seconds(3600))
            for _ in 0..<20 {
                let delay = schedule.delay(afterAttempt: attempt, using: &random)
                #expect(delay >= full / 2 && delay <= full)
            }
        }
        #expect(schedule.delay(afterAttempt: 500, using: &random) <= .seconds(3600))
    }
}

@Suite(.timeLimit(.minutes(5))) struct WebhookSignatureTests {
    let secret = WebhookSignature.secret(fromText: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!

    @Test("Signs as Standard Webhooks specifies (its published example)")
    func standardExample() {
        let body = Data(#"{"test": 2432232314}"#.utf8)
        let signature = WebhookSignature.sign(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body, secret: secret)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("Verifies any signature of a rotated list, and refuses stale timestamps and altered bodies")
    func verify() {
        let body = Data("{}".utf8)
        let now = Date()
        let stamp = Int(now.timeIntervalSince1970)
        let good = WebhookSignature.sign(id: "m", timestamp: stamp, body: body, secret: secret)
        #expect(WebhookSignature.verify(header: "v1,bogus \(good)", id: "m", timestamp: stamp, body: body, secret: secret, now: now))
        #expect(!WebhookSignature.verify(header: good, id: "m", timestamp: stamp - 600, body: body, secret: secret, now: now))
        #expect(!WebhookSignature.verify(header: good, id: "m", timestamp: stamp, body: Data("{ }".utf8), secret: secret, now: now))
    }

    @Test("Reads only whsec_ secrets of 24 to 64 bytes", arguments: ["whsec_", "secret", "whsec_AAAA", "whsec_!!!!"])
    func badSecrets(text: String) {
        #expect(WebhookSignature.secret(fromText: text) == nil)
    }
}

@Suite(.timeLimit(.minutes(5))) struct DeliveryWorkerTests {
    @Test("Returns promptly on graceful shutdown")
    func gracefulShutdown() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let httpClient = WebhookSender.makeHTTPClient()
            let worker = DeliveryWorker(
                store: db.store, sender: WebhookSender(httpClient: httpClient, destinations: .loopbackAllowed), agreements: AgreementRegistry(),
                schedule: RetrySchedule(), pollInterval: .seconds(30), logger: TestDatabase.logger)
            let clock = ContinuousClock()
            let start = clock.now
            try await testGracefulShutdown { trigger in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await worker.run() }
                    try await Task.sleep(for: .milliseconds(100))
                    trigger.triggerGracefulShutdown()
                    try await group.waitForAll()
                }
            }
            #expect(clock.now - start < .seconds(10))
            try await httpClient.shutdown()
        }
    }
}
