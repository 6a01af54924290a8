import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// `v1a` (Ed25519) signatures and a secret rotation's overlap, against a real loopback receiver,
/// with the agreement stored and read back (its secrets sealed) as the gateway does.
@Suite(.timeLimit(.minutes(5))) struct WebhookSignatureSchemesTests {
    static let previousSecret = WebhookSignature.secret(fromText: "whsec_" + Data(repeating: 7, count: 32).base64EncodedString())!

    /// Pushes one event under `webhook`'s settings and returns what the receiver got, the app
    /// and the admin keys.
    static func deliver(
        previousUntil: Date, v1a: Bool, _ check: @Sendable (WebhookReceiver.Delivery, any ApplicationProtocol, AdminAgreementsAPITests.Keys) async throws -> Void
    ) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                var agreement = GatewayFixture.agreement(webhookURL: url)
                agreement.webhook?.previousSecret = previousSecret
                agreement.webhook?.previousSecretUntil = previousUntil
                agreement.webhook?.v1a = v1a
                let dependencies = try await GatewayFixture.dependencies(db, agreements: [agreement])
                let app = Application(router: buildRouter(dependencies))
                let keys = try await AdminAgreementsAPITests.keys(db.store)
                #expect(try await postEvents(app, key: keys.producer, body: Array(GatewayFixture.event().utf8)).status == .created)
                try await GatewayFixture.withWorker(db, registry: dependencies.agreements) {
                    #expect(await WebhookReceiver.eventually { receiver.deliveries.count == 1 })
                }
                try await check(try #require(receiver.deliveries.first), app, keys)
            }
        }
    }

    @Test("During a rotation's overlap both v1 signatures are sent, then v1a, which the agreement's public key verifies")
    func overlapAndV1a() async throws {
        try await Self.deliver(previousUntil: Date().addingTimeInterval(3600), v1a: true) { delivery, app, keys in
            let header = try #require(delivery.headers["webhook-signature"])
            let id = try #require(delivery.headers["webhook-id"])
            let timestamp = try #require(delivery.headers["webhook-timestamp"].flatMap(Int.init))
            let parts = header.split(separator: " ")
            #expect(parts.count == 3 && parts[0].hasPrefix("v1,") && parts[1].hasPrefix("v1,") && parts[2].hasPrefix("v1a,"), "\(header)")
            for secret in [GatewayFixture.webhookSecret, Self.previousSecret] {
                #expect(WebhookSignature.verify(header: header, id: id, timestamp: timestamp, body: delivery.body, secret: secret, now: Date()))
            }

            let answer = try await routerRequest(app, .get, "/v1/webhooks/cert-to-police/public-key", key: keys.policeAdmin)
            #expect(answer.status == .ok && answer.json["crv"] as? String == "Ed25519" && answer.json["in_use"] as? Bool == true, "\(answer.text)")
            let text = try #require(answer.json["standard_webhooks"] as? String)
            #expect(text.hasPrefix("whpk_"))
            let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: try #require(Data(base64Encoded: String(text.dropFirst(5)))))
            #expect(WebhookSignature.verifyV1a(header: header, id: id, timestamp: timestamp, body: delivery.body, publicKey: publicKey, now: Date()))
            #expect(!WebhookSignature.verifyV1a(
                header: header, id: id, timestamp: timestamp, body: delivery.body + Data(" ".utf8), publicKey: publicKey, now: Date()))
            let other = Curve25519.Signing.PrivateKey().publicKey
            #expect(!WebhookSignature.verifyV1a(header: header, id: id, timestamp: timestamp, body: delivery.body, publicKey: other, now: Date()))

            // The key is the agreement's own, shown to its parties only.
            #expect(try await routerRequest(app, .get, "/v1/webhooks/cert-to-police/public-key", key: keys.producer).status == .ok)
            #expect(AdminAgreementsAPITests.isProblem(
                try await routerRequest(app, .get, "/v1/webhooks/cert-to-police/public-key", key: keys.outsider), 404, "not-found"))
            #expect(AdminAgreementsAPITests.isProblem(
                try await routerRequest(app, .get, "/v1/webhooks/no-such/public-key", key: keys.ana), 404, "not-found"))
            #expect(try await routerRequest(app, .get, "/v1/webhooks/cert-to-police/public-key", key: nil).status == .unauthorized)
        }
    }

    @Test("After the overlap only the current secret signs, and no v1a unless the agreement asks for it")
    func afterOverlap() async throws {
        try await Self.deliver(previousUntil: Date().addingTimeInterval(-60), v1a: false) { delivery, _, _ in
            let header = try #require(delivery.headers["webhook-signature"])
            let id = try #require(delivery.headers["webhook-id"])
            let timestamp = try #require(delivery.headers["webhook-timestamp"].flatMap(Int.init))
            #expect(header.split(separator: " ").count == 1 && header.hasPrefix("v1,"), "\(header)")
            #expect(WebhookSignature.verify(
                header: header, id: id, timestamp: timestamp, body: delivery.body, secret: GatewayFixture.webhookSecret, now: Date()))
            #expect(!WebhookSignature.verify(header: header, id: id, timestamp: timestamp, body: delivery.body, secret: Self.previousSecret, now: Date()))
        }
    }
}
