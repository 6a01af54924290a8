import AsyncHTTPClient
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonTestSupport
import NIOSSL
import Testing

/// Webhook TLS per agreement against a real HTTPS receiver on loopback, with certificates
/// made by `openssl` for each test: a CA bundle or a pinned public key decides whom the
/// gateway trusts, and a client certificate is presented to a receiver that requires one.
@Suite(.timeLimit(.minutes(5))) struct WebhookTLSTests {
    let secret = WebhookSignature.secret(fromText: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!

    /// Sends one webhook to a receiver serving `receiverTLS`, with `tls` on the gateway's side.
    func attempt(
        receiver receiverTLS: (TestCertificates) throws -> TLSConfiguration, tls: (TestCertificates) throws -> WebhookTLS?,
        host: String = "127.0.0.1"
    ) async throws -> (WebhookSender.Outcome, Int) {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let httpClient = WebhookSender.makeHTTPClient()
        let receiver = WebhookReceiver(tls: try receiverTLS(certificates))
        let settings = try tls(certificates)
        let outcome = try await receiver.serve { url in
            let sender = WebhookSender(httpClient: httpClient, timeout: .seconds(5), destinations: .loopbackAllowed)
            return await sender.send(
                body: Data("{}".utf8), to: url.replacingOccurrences(of: "127.0.0.1", with: host), messageID: "msg_tls",
                secrets: [secret], v1aKey: nil, now: Date(), tls: settings)
        }
        try await httpClient.shutdown()
        return (outcome, receiver.deliveries.count)
    }

    @Test("A receiver whose certificate the agreement's CA bundle issued is reached, by address and by name")
    func caBundle() async throws {
        for host in ["127.0.0.1", "localhost"] {
            let (outcome, received) = try await attempt(
                receiver: { try $0.serverConfiguration() }, tls: { WebhookTLS(caBundle: $0.caPath) }, host: host)
            #expect(outcome == .delivered(status: 204), "\(host)")
            #expect(received == 1)
        }
    }

    @Test("A receiver whose certificate another CA issued is refused as untrusted, and gets nothing")
    func wrongCA() async throws {
        let (outcome, received) = try await attempt(
            receiver: { try $0.serverConfiguration() }, tls: { WebhookTLS(caBundle: $0.otherCAPath) })
        #expect(outcome == .failed(status: nil, reason: "tls-untrusted-receiver", retryAfter: nil))
        #expect(received == 0)
        // Without a bundle, the system's roots do not know the test CA either.
        let (system, _) = try await attempt(receiver: { try $0.serverConfiguration() }, tls: { _ in nil })
        #expect(system == .failed(status: nil, reason: "tls-untrusted-receiver", retryAfter: nil))
    }

    @Test("A pinned public key is trusted whoever issued the certificate; any other key is refused before a byte is sent")
    func pin() async throws {
        let (outcome, received) = try await attempt(
            receiver: { try $0.serverConfiguration() },
            tls: { WebhookTLS(pinSHA256: try $0.pinSHA256(of: $0.serverCertificatePath)) })
        #expect(outcome == .delivered(status: 204))
        #expect(received == 1)
        let (refused, nothing) = try await attempt(
            receiver: { try $0.serverConfiguration() },
            tls: { WebhookTLS(pinSHA256: try $0.pinSHA256(of: $0.otherServerCertificatePath)) })
        #expect(refused == .failed(status: nil, reason: "tls-pin-mismatch", retryAfter: nil))
        #expect(nothing == 0)
    }

    @Test("A receiver that requires a client certificate gets the agreement's, by CA bundle and by pin")
    func clientCertificate() async throws {
        let requiring: (TestCertificates) throws -> TLSConfiguration = {
            try $0.serverConfiguration(clientCA: $0.clientCAPath)
        }
        let (outcome, received) = try await attempt(receiver: requiring) {
            WebhookTLS(caBundle: $0.caPath, clientCertificate: $0.clientCertificatePath, clientKey: $0.clientKeyPath)
        }
        #expect(outcome == .delivered(status: 204))
        #expect(received == 1)
        let (pinned, pinnedReceived) = try await attempt(receiver: requiring) {
            WebhookTLS(
                pinSHA256: try $0.pinSHA256(of: $0.serverCertificatePath), clientCertificate: $0.clientCertificatePath,
                clientKey: $0.clientKeyPath)
        }
        #expect(pinned == .delivered(status: 204))
        #expect(pinnedReceived == 1)
    }

    @Test("Without a client certificate, or with one the receiver does not trust, the receiver refuses and gets nothing")
    func clientCertificateRefused() async throws {
        let requiring: (TestCertificates) throws -> TLSConfiguration = {
            try $0.serverConfiguration(clientCA: $0.clientCAPath)
        }
        let (none, noneReceived) = try await attempt(receiver: requiring) { WebhookTLS(caBundle: $0.caPath) }
        #expect(none == .failed(status: nil, reason: "tls-refused-by-receiver", retryAfter: nil))
        #expect(noneReceived == 0)
        let (other, otherReceived) = try await attempt(receiver: requiring) {
            WebhookTLS(caBundle: $0.caPath, clientCertificate: $0.otherClientCertificatePath, clientKey: $0.otherClientKeyPath)
        }
        #expect(other == .failed(status: nil, reason: "tls-refused-by-receiver", retryAfter: nil))
        #expect(otherReceived == 0)
    }

    @Test("Files that went missing since the agreement was read fail the attempt as tls-configuration")
    func missingFiles() async throws {
        let (outcome, received) = try await attempt(
            receiver: { try $0.serverConfiguration() }, tls: { WebhookTLS(caBundle: $0.path("gone.pem")) })
        #expect(outcome == .failed(status: nil, reason: "tls-configuration", retryAfter: nil))
        #expect(received == 0)
    }

    @Test("Bad files and settings are refused with the member at fault", arguments: [
        ("ca", "not-pem"), ("client", "key-of-other"), ("pin", "short"), ("both", ""),
    ])
    func refusals(kind: String, detail: String) throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let garbage = certificates.path("garbage.pem")
        try "not a certificate\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let pin = Data(repeating: 1, count: 32).base64EncodedString()
        switch kind {
        case "ca":
            #expect(throws: WebhookTLSError.notCertificates(member: "ca_bundle")) { try WebhookTLSMaterial.load(WebhookTLS(caBundle: garbage)) }
        case "client":
            #expect(throws: WebhookTLSError.unusable) {
                try WebhookTLSMaterial.load(
                    WebhookTLS(clientCertificate: certificates.clientCertificatePath, clientKey: certificates.otherClientKeyPath))
            }
            #expect(throws: WebhookTLSError.notPrivateKey(member: "client_key")) {
                try WebhookTLSMaterial.load(WebhookTLS(clientCertificate: certificates.clientCertificatePath, clientKey: garbage))
            }
        case "pin":
            #expect(throws: WebhookTLSError.invalidPin) { try WebhookTLSMaterial.load(WebhookTLS(pinSHA256: "AAAA")) }
        default:
            #expect(throws: WebhookTLSError.conflicting) {
                try WebhookTLSMaterial.load(WebhookTLS(caBundle: certificates.caPath, pinSHA256: pin))
            }
            #expect(throws: WebhookTLSError.conflicting) {
                try WebhookTLSMaterial.load(WebhookTLS(clientCertificate: certificates.clientCertificatePath))
            }
        }
    }
}
