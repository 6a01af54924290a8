import AsyncHTTPClient
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonTestSupport
import Testing

/// The SSRF guard in front of a real loopback receiver: a gateway that has not allowed loopback
/// never contacts it, whether the URL names the address or a name that resolves to it.
@Suite(.timeLimit(.minutes(5))) struct DestinationGuardTests {
    let secret = WebhookSignature.secret(fromText: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!

    @Test("A loopback receiver is refused by default, by address and by name, and reached once allowed")
    func loopbackRefusedUnlessAllowed() async throws {
        let httpClient = WebhookSender.makeHTTPClient()
        let receiver = WebhookReceiver()
        try await receiver.serve { url in
            let strict = WebhookSender(httpClient: httpClient, timeout: .seconds(2), destinations: DestinationRule())
            let byName = url.replacingOccurrences(of: "127.0.0.1", with: "localhost")
            let byMappedAddress = url.replacingOccurrences(of: "127.0.0.1", with: "[::ffff:127.0.0.1]")
            for target in [url, byName, byMappedAddress] {
                let outcome = await strict.send(body: Data("{}".utf8), to: target, messageID: "msg_1", secret: secret, now: Date())
                #expect(outcome == .failed(status: nil, reason: "destination-loopback", retryAfter: nil), "\(target)")
            }
            #expect(receiver.deliveries.isEmpty)

            let allowed = WebhookSender(httpClient: httpClient, timeout: .seconds(2), destinations: .loopbackAllowed)
            let outcome = await allowed.send(body: Data("{}".utf8), to: url, messageID: "msg_2", secret: secret, now: Date())
            #expect(outcome == .delivered(status: 204))
            #expect(receiver.deliveries.map { $0.headers["webhook-id"] } == ["msg_2"])
        }
        try await httpClient.shutdown()
    }

    @Test("A name that does not resolve is a failed attempt with its reason, not a crash")
    func unresolvable() async throws {
        let httpClient = WebhookSender.makeHTTPClient()
        let sender = WebhookSender(httpClient: httpClient, timeout: .seconds(2), destinations: DestinationRule())
        for url in ["https://no-such-host.invalid/hook", "not a url", "https:///path-only"] {
            let outcome = await sender.send(body: Data("{}".utf8), to: url, messageID: "msg_3", secret: secret, now: Date())
            #expect(outcome == .failed(status: nil, reason: "destination-unresolved", retryAfter: nil), "\(url)")
        }
        try await httpClient.shutdown()
    }
}
