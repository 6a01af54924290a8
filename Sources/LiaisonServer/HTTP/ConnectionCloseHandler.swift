import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Says `Connection: close` in every response after which the gateway closes the connection,
/// and closes it then (RFC 9112 section 9.6): a response to a request that asked for the close,
/// one the application marked with the header (a 413 for a body it stopped reading, so that the
/// rest of an oversized body is never read), an early answer written before the request's body
/// was read to its end (a 401 to a large upload without a key: the rest of the body is not
/// drained, however large), and the response in hand when the server begins to shut down. Without the header, a client that pools connections would send its next
/// request on a connection that is about to go.
///
/// The close lingers, as section 9.6 advises: output is half-closed right after the response,
/// what the client still sends is read and dropped for up to `linger`, then the connection is
/// closed. Closing at once with unread bytes in the socket makes the kernel answer with a reset,
/// which can reach the client before it has read the response.
final class ConnectionCloseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let linger: TimeAmount
    /// Per request read and not yet answered, in order: whether it asked for the close.
    private var requestsAskingToClose: [Bool] = []
    /// The server is shutting down: the response in hand is the last.
    private var quiescing = false
    /// A request head was read and its end not yet.
    private var readingRequest = false
    private var closeAfterResponse = false
    private var lingering = false

    init(linger: TimeAmount = .seconds(2)) {
        self.linger = linger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !lingering else { return }
        switch unwrapInboundIn(data) {
        case .head(let request):
            requestsAskingToClose.append(Self.saysClose(request.headerFields))
            readingRequest = true
        case .end: readingRequest = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if lingering { context.read() } else { context.fireChannelReadComplete() }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent { quiescing = true }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var response) where response.status.kind != .informational:
            let askedToClose = requestsAskingToClose.isEmpty ? false : requestsAskingToClose.removeFirst()
            guard askedToClose || quiescing || readingRequest || Self.saysClose(response.headerFields) else {
                return context.write(data, promise: promise)
            }
            closeAfterResponse = true
            response.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(response)), promise: promise)
        case .end where closeAfterResponse:
            context.writeAndFlush(data, promise: promise)
            lingering = true
            context.close(mode: .output, promise: nil)
            let channel = context.channel
            context.eventLoop.scheduleTask(in: linger) { channel.close(promise: nil) }
            context.read()
        default:
            context.write(data, promise: promise)
        }
    }

    static func saysClose(_ fields: HTTPFields) -> Bool {
        fields[values: .connection].contains { value in
            value.split(separator: ",").contains { $0.lowercased().filter { $0 != " " && $0 != "\t" } == "close" }
        }
    }
}
