import AsyncHTTPClient
import Crypto
import Foundation
import LiaisonCore
import NIOCore
import NIOHTTP1

/// POSTs signed payloads to consumers' webhooks (Standard Webhooks headers).
/// Redirects are not followed: a 3xx is a failed attempt, as the standard says. A destination
/// that resolves to a non-public address outside the allowed networks is not contacted.
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
    /// given, `v1aKey`.
    public func send(
        body: Data, to url: String, messageID: String, secrets: [Secret], v1aKey: Curve25519.Signing.PrivateKey?, now: Date,
        contentType: String = "application/json"
    ) async -> Outcome {
        if let refusal = await destinations.refusal(for: url) {
            return .failed(status: nil, reason: refusal, retryAfter: nil)
        }
        let timestamp = Int(now.timeIntervalSince1970)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: contentType)
        request.headers.add(name: "user-agent", value: "Liaison-Webhooks/1")
        request.headers.add(name: "webhook-id", value: messageID)
        request.headers.add(name: "webhook-timestamp", value: String(timestamp))
        request.headers.add(
            name: "webhook-signature",
            value: WebhookSignature.header(id: messageID, timestamp: timestamp, body: body, secrets: secrets, v1aKey: v1aKey))
        request.body = .bytes(ByteBuffer(data: body))
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
            // Read (and bound) the answer so the connection can be reused; its content is ignored.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let status = Int(response.status.code)
            switch status {
            case 200..<300: return .delivered(status: status)
            case 410: return .gone
            default:
                let retryAfter = response.headers.first(name: "retry-after").flatMap { Int($0) }
                return .failed(status: status, reason: "http-\(status)", retryAfter: retryAfter)
            }
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .failed(status: nil, reason: "timeout", retryAfter: nil)
        } catch {
            return .failed(status: nil, reason: "connect-failed", retryAfter: nil)
        }
    }
}
