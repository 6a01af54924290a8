import Foundation
import HTTPTypes
import LiaisonCore
import NIOCore
import NIOHTTPTypes

/// Gives the answer to a request the HTTP codec refused before it had a head (too many or
/// too large header fields, bad bytes in the target, Content-Length with Transfer-Encoding,
/// two lengths, a bare LF) a problem document. Hummingbird answers such a request itself, with
/// a bare `400`, `Connection: close` and no body, before any route or middleware can; this
/// handler, between the codec and the rest, recognises that answer (400, empty, no content
/// type: the application never writes one) and writes ``Problem/malformedRequest`` instead.
final class MalformedRequestAnswerer: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private static let body: ByteBuffer = {
        let document = Problem.Document(
            type: "urn:liaison:problem:\(Problem.malformedRequest.slug)", title: Problem.malformedRequest.title,
            status: Problem.malformedRequest.status.code, detail: Problem.malformedRequest.detail)
        return ByteBuffer(data: (try? CanonicalJSON.encode(document)) ?? Data())
    }()

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var response) = unwrapOutboundIn(data), response.status == .badRequest,
            response.headerFields[.contentType] == nil, response.headerFields[.contentLength] == "0"
        else { return context.write(data, promise: promise) }
        response.headerFields[.contentType] = "application/problem+json"
        response.headerFields[.contentLength] = String(Self.body.readableBytes)
        response.headerFields[.connection] = "close"
        for field in SecurityHeadersMiddleware.fields { response.headerFields[field.name] = field.value }
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        context.write(wrapOutboundOut(.body(Self.body)), promise: promise)
    }
}
