import Hummingbird
import NIOCore

/// Request bodies, read with a bound.
enum RequestBody {
    /// Reads the body up to `limit` bytes; past it (declared in Content-Length, or counted while
    /// a chunked body arrives), stops reading and answers 413 with `Connection: close`, so the
    /// rest is never read: `ConnectionCloseHandler` closes the connection after the answer.
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem.bodyTooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw Problem.bodyTooLarge(limit: limit)
        }
    }
}
