import AsyncHTTPClient
import Crypto
import Foundation
import LiaisonCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// POSTs signed payloads to consumers' webhooks (Standard Webhooks headers).
/// Redirects are not followed: a 3xx is a failed attempt, as the standard says. A destination
/// that resolves to a non-public address outside the allowed networks is not contacted.
/// An agreement's ``WebhookTLS`` decides whom the receiver may be (a CA bundle, or a pinned
/// public key) and which client certificate is presented.
public struct WebhookSender: Sendable {
    public let httpClient: HTTPClient
    public let timeout: Duration
    public let destinations: DestinationResolver

    public init(httpClient: HTTPClient, timeout: Duration = .seconds(15), destinations: DestinationRule) {
        self.httpClient = httpClient
        self.timeout = timeout
        self.destinations = DestinationResolver(rule: destinations)
    }

    /// An HTTP client configured for webhooks: no redirects, bounded connect time.
    public static func makeHTTPClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(5))
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    public enum Outcome: Sendable, Equatable {
        case delivered(status: Int)
        /// `retryAfter` is the receiver's `Retry-After`, in seconds, when it sent one.
        case failed(status: Int?, reason: String, retryAfter: Int?)
        /// 410 Gone: the receiver wants no more deliveries.
        case gone
    }

    /// `contentType` is `application/json` for Liaison's envelope, the STIX media type for a
    /// bundle.
    public func send(
        body: Data, to url: String, messageID: String, secret: Secret, now: Date, contentType: String = "application/json"
    ) async -> Outcome {
        await send(body: body, to: url, messageID: messageID, secrets: [secret], v1aKey: nil, now: now, contentType: contentType)
    }

    /// Signs with every secret in `secrets` (a rotation's overlap sends two `v1`) and, when
    /// given, `v1aKey`. With `tls`, its files are read for this attempt; one that cannot be
    /// used fails the attempt as `tls-configuration`.
    public func send(
        body: Data, to url: String, messageID: String, secrets: [Secret], v1aKey: Curve25519.Signing.PrivateKey?, now: Date,
        contentType: String = "application/json", tls: WebhookTLS? = nil
    ) async -> Outcome {
        if let refusal = await destinations.refusal(for: url) {
            return .failed(status: nil, reason: refusal, retryAfter: nil)
        }
        let timestamp = Int(now.timeIntervalSince1970)
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: contentType)
        headers.add(name: "user-agent", value: "Liaison-Webhooks/1")
        headers.add(name: "webhook-id", value: messageID)
        headers.add(name: "webhook-timestamp", value: String(timestamp))
        headers.add(
            name: "webhook-signature",
            value: WebhookSignature.header(id: messageID, timestamp: timestamp, body: body, secrets: secrets, v1aKey: v1aKey))
        var material: WebhookTLSMaterial?
        if let tls {
            guard let loaded = try? await NIOThreadPool.singleton.runIfActive({ try WebhookTLSMaterial.load(tls) }) else {
                return .failed(status: nil, reason: "tls-configuration", retryAfter: nil)
            }
            material = loaded
        }
        do {
            if let material, let pin = material.pin {
                guard let target = URL(string: url) else { return .failed(status: nil, reason: "connect-failed", retryAfter: nil) }
                let answer = try await PinnedWebhookConnection(context: material.context, pin: pin)
                    .post(url: target, headers: headers, body: ByteBuffer(data: body), timeout: timeout)
                return Self.outcome(status: answer.status, retryAfter: answer.retryAfter)
            }
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers = headers
            request.tlsConfiguration = material?.configuration
            request.body = .bytes(ByteBuffer(data: body))
            let response = try await httpClient.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
            // Read (and bound) the answer so the connection can be reused; its content is ignored.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return Self.outcome(status: Int(response.status.code), retryAfter: response.headers.first(name: "retry-after"))
        } catch {
            return .failed(status: nil, reason: Self.reason(for: error), retryAfter: nil)
        }
    }

    private static func outcome(status: Int, retryAfter: String?) -> Outcome {
        switch status {
        case 200..<300: return .delivered(status: status)
        case 410: return .gone
        default: return .failed(status: status, reason: "http-\(status)", retryAfter: retryAfter.flatMap { Int($0) })
        }
    }

    /// The reason class of a failed exchange, as admins see it: `timeout`; for TLS,
    /// `tls-pin-mismatch`, `tls-untrusted-receiver` (no chain to the trusted CAs, or the wrong
    /// name), `tls-refused-by-receiver` (the receiver sent an alert: most often it wanted a
    /// client certificate or did not trust the one presented), `tls-handshake-failed`;
    /// anything else `connect-failed`. Error texts are matched, never recorded.
    static func reason(for error: any Error) -> String {
        if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout { return "timeout" }
        switch error as? PinnedWebhookConnection.Failure {
        case .pinMismatch?: return "tls-pin-mismatch"
        case .timeout?: return "timeout"
        case .malformedAnswer?: return "connect-failed"
        case nil: break
        }
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("failedToValidateHostname") {
            return "tls-untrusted-receiver"
        }
        if text.contains("ALERT_") { return "tls-refused-by-receiver" }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError { return "tls-handshake-failed" }
        return "connect-failed"
    }
}
