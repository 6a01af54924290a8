import Foundation
import Hummingbird
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

/// An agreement's `webhook.tls` end to end: an incident pushed to intake reaches a mutual-TLS
/// receiver through the delivery worker; a receiver whose key does not match the pin is never
/// sent to, and the delivery records why.
@Suite(.timeLimit(.minutes(5))) struct WebhookTLSDeliveryTests {
    /// The delivery's status and last error, and how many distinct messages (by `webhook-id`)
    /// the receiver got. Delivery is at least once: an attempt whose answer came after the
    /// sender stopped waiting is sent again with the same `webhook-id`, so a loaded machine may
    /// show the receiver one message twice, never two messages.
    func deliver(tls: @escaping @Sendable (TestCertificates) throws -> WebhookTLS) async throws -> (String?, String?, Int) {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        return try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver(tls: try certificates.serverConfiguration(clientCA: certificates.clientCAPath))
            return try await receiver.serve { url in
                var agreement = GatewayFixture.agreement(webhookURL: url)
                agreement.webhook?.tls = try tls(certificates)
                let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
                let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
                let answer = try await postEvents(app, key: key, body: Array(GatewayFixture.event().utf8))
                let incident = try #require(UUID(uuidString: (answer.json["incident_ids"] as? [String])?.first ?? ""))
                try await GatewayFixture.withWorker(db, agreements: [agreement], maxAttempts: 2) {
                    _ = await WebhookReceiver.eventually(timeout: .seconds(30)) {
                        let status = try? await db.store.deliveries(incidentID: incident).first?.status
                        return status == "delivered" || status == "dead"
                    }
                }
                let state = try await db.store.deliveries(incidentID: incident).first
                let ids = receiver.deliveries.map { $0.headers["webhook-id"] }
                #expect(!ids.contains(nil))
                let messages = Set(ids.compactMap { $0 })
                return (state?.status, state?.lastError, messages.count)
            }
        }
    }

    @Test("A pushed incident reaches a receiver that requires the agreement's client certificate, trusted by its CA bundle")
    func mutualTLS() async throws {
        let (status, _, received) = try await deliver {
            WebhookTLS(caBundle: $0.caPath, clientCertificate: $0.clientCertificatePath, clientKey: $0.clientKeyPath)
        }
        #expect(status == "delivered")
        #expect(received == 1)
    }

    @Test("A receiver whose key is not the pinned one is never sent to; the delivery dies with tls-pin-mismatch")
    func pinMismatch() async throws {
        let (status, error, received) = try await deliver {
            WebhookTLS(
                pinSHA256: try $0.pinSHA256(of: $0.otherServerCertificatePath), clientCertificate: $0.clientCertificatePath,
                clientKey: $0.clientKeyPath)
        }
        #expect(status == "dead")
        #expect(error == "tls-pin-mismatch")
        #expect(received == 0)
    }
}
