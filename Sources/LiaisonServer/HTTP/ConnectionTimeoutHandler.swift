import NIOCore
import NIOHTTPTypes

/// How long a connection may take at each step before the gateway closes it, so that idle or
/// slow clients cannot hold descriptors and memory forever (the slow-read attacks of RFC 9112
/// section 9.5, which leaves the bounds to the server). Configured as `http.idle_timeout`,
/// `http.header_timeout` and `http.body_min_bytes_per_second`.
public struct ConnectionTimeouts: Sendable, Hashable {
    /// No request under way and no byte received for this long: the connection is closed.
    public var idle: Duration
    /// From the first byte of a request to the end of its head (request line and header fields).
    public var header: Duration
    /// After `header` of grace from the end of the head, a body must have arrived at this average
    /// rate at least: 8 KiB/s by default, which a 16 MiB upload meets in 34 minutes.
    public var bodyMinBytesPerSecond: Int

    public init(idle: Duration = .seconds(60), header: Duration = .seconds(10), bodyMinBytesPerSecond: Int = 8192) {
        self.idle = idle
        self.header = header
        self.bodyMinBytesPerSecond = bodyMinBytesPerSecond
    }

    /// How often a connection checks its clock: often enough that a timeout is overshot by at
    /// most a quarter of the shortest one (and never more than one second).
    var tick: TimeAmount {
        let tick = min(min(idle, header) / 4, .seconds(1))
        return .nanoseconds(tick.components.seconds * 1_000_000_000 + tick.components.attoseconds / 1_000_000_000)
    }
}

/// Closes a connection that is idle for longer than ``ConnectionTimeouts/idle``, that takes
/// longer than ``ConnectionTimeouts/header`` to send a request head once it has begun, or
/// whose request body arrives more slowly than ``ConnectionTimeouts/bodyMinBytesPerSecond``.
/// While the gateway works on a request and answers it, no clock runs.
///
/// It sits after the HTTP codec, where it sees requests begin and end, and puts a
/// ``RequestBytesObserver`` in front of the codec, where it sees bytes arrive before there is
/// a request head to see. Both live on the channel's event loop, so they share the state.
final class ConnectionTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeouts: ConnectionTimeouts
    /// Requests whose head was read and whose answer is not yet written.
    private var requestsInFlight = 0
    /// When the request now being read had its head; nil when none is being read.
    private var bodySince: NIODeadline?
    private var bodyBytes = 0
    /// When the first byte of a request not yet headed arrived; nil when none has.
    private var headSince: NIODeadline?
    private var lastActivity = NIODeadline.now()
    private var timer: RepeatedTask?

    init(timeouts: ConnectionTimeouts) {
        self.timeouts = timeouts
    }

    func handlerAdded(context: ChannelHandlerContext) {
        lastActivity = .now()
        try? context.pipeline.syncOperations.addHandler(RequestBytesObserver(owner: self), position: .first)
        let tick = timeouts.tick
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleRepeatedTask(initialDelay: tick, delay: tick) { _ in
            if handler.value.expired(now: .now()) { loopBound.value.close(promise: nil) }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    /// Bytes reached the connection, before the codec made anything of them.
    func bytesArrived(_ count: Int) {
        let now = NIODeadline.now()
        lastActivity = now
        if bodySince != nil {
            bodyBytes += count
        } else if requestsInFlight == 0, headSince == nil {
            headSince = now
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            requestsInFlight += 1
            headSince = nil
            bodySince = .now()
            bodyBytes = 0
        case .body:
            break
        case .end:
            bodySince = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            requestsInFlight = max(0, requestsInFlight - 1)
            lastActivity = .now()
        }
        context.write(data, promise: promise)
    }

    /// Whether the connection has overstayed the step it is in.
    func expired(now: NIODeadline) -> Bool {
        if let since = bodySince {
            let elapsed = Self.duration(now - since)
            guard elapsed > timeouts.header else { return false }
            let owed = Double(timeouts.bodyMinBytesPerSecond) * Self.seconds(elapsed - timeouts.header)
            return Double(bodyBytes) < owed
        }
        if requestsInFlight > 0 { return false }
        if let since = headSince { return Self.duration(now - since) > timeouts.header }
        return Self.duration(now - lastActivity) > timeouts.idle
    }

    private static func duration(_ amount: TimeAmount) -> Duration { .nanoseconds(amount.nanoseconds) }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Tells its ``ConnectionTimeoutHandler`` that bytes arrived, from in front of the HTTP codec.
final class RequestBytesObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let owner: ConnectionTimeoutHandler

    init(owner: ConnectionTimeoutHandler) {
        self.owner = owner
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        owner.bytesArrived(unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }
}
