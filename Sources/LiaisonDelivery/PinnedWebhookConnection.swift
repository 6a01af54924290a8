import Foundation
import LiaisonCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// One webhook POST over a connection of its own to a receiver whose public key is pinned
/// (`webhook.tls.pin_sha256`). async-http-client offers no hook into certificate verification,
/// and checking the pin on a separate connection first would leave a gap between the check
/// and the send; so the pin is checked here, by NIOSSL's verification callback, on the very
/// connection that carries the webhook. The pin replaces chain and name checks. HTTP/1.1,
/// `Connection: close`, no redirects; the answer's body is read up to 64 KiB and ignored.
struct PinnedWebhookConnection {
    var context: NIOSSLContext
    var pin: [UInt8]

    /// Failures of the exchange beside NIO's own errors: the pin, the deadline, an answer that
    /// is not HTTP (or a URL without a host).
    enum Failure: Error { case pinMismatch, timeout, malformedAnswer }

    /// The receiver's status and `Retry-After` header.
    func post(
        url: URL, headers: HTTPHeaders, body: ByteBuffer, timeout: Duration
    ) async throws -> (status: Int, retryAfter: String?) {
        guard let host = url.host, !host.isEmpty else { throw Failure.malformedAnswer }
        let port = url.port ?? 443
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target, headers: headers)
        head.headers.replaceOrAdd(name: "host", value: url.port.map { "\(host):\($0)" } ?? host)
        head.headers.replaceOrAdd(name: "content-length", value: String(body.readableBytes))
        head.headers.replaceOrAdd(name: "connection", value: "close")
        let requestHead = head
        let verdict = PinVerdict()
        let expected = pin
        // An IP address is not a valid SNI name (RFC 6066 §3).
        let serverName = IPAddress(host) == nil && !host.contains(":") ? host : nil
        return try await withThrowingTaskGroup(of: (status: Int, retryAfter: String?).self) { group in
            group.addTask {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(.seconds(5))
                    .connect(host: host, port: port) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            let verify: NIOSSLCustomVerificationCallback = { certificates, promise in
                                let matches = certificates.first.flatMap(WebhookTLSMaterial.pinDigest(of:)) == expected
                                if !matches { verdict.mismatched.withLock { $0 = true } }
                                promise.succeed(matches ? .certificateVerified : .failed)
                            }
                            let tls = try NIOSSLClientHandler(
                                context: context, serverHostname: serverName, customVerificationCallback: verify)
                            try channel.pipeline.syncOperations.addHandler(tls)
                            try channel.pipeline.syncOperations.addHTTPClientHandlers()
                            return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                        }
                    }
                do {
                    return try await channel.executeThenClose { inbound, outbound in
                        try await outbound.write(.head(requestHead))
                        try await outbound.write(.body(.byteBuffer(body)))
                        try await outbound.write(.end(nil))
                        var answer: (status: Int, retryAfter: String?)?
                        var read = 0
                        for try await part in inbound {
                            switch part {
                            case .head(let response):
                                answer = (Int(response.status.code), response.headers.first(name: "retry-after"))
                            case .body(let chunk):
                                read += chunk.readableBytes
                                if read > 64 * 1024, let answer { return answer }
                            case .end:
                                guard let answer else { throw Failure.malformedAnswer }
                                return answer
                            }
                        }
                        guard let answer else { throw Failure.malformedAnswer }
                        return answer
                    }
                } catch {
                    throw verdict.mismatched.withLock { $0 } ? Failure.pinMismatch : error
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure.timeout
            }
            defer { group.cancelAll() }
            guard let answer = try await group.next() else { throw Failure.timeout }
            return answer
        }
    }
}

/// Set by the verification callback (on the channel's event loop), read after the exchange.
private final class PinVerdict: Sendable {
    let mismatched = Mutex(false)
}
