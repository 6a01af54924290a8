import HTTPTypes
import Hummingbird
import LiaisonCore
import NIOCore

/// JSON answers in the canonical form.
enum JSONResponse {
    static func make(
        _ status: HTTPResponse.Status, _ value: some Encodable, contentType: String = "application/json",
        headers: HTTPFields = [:]
    ) throws -> Response {
        var headers = headers
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try CanonicalJSON.encode(value))))
    }

    /// A receipt in its RFC 8785 form, the bytes its signature was made over plus the signature.
    static func receipt(_ status: HTTPResponse.Status, _ receipt: Receipt) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: receipt.canonicalBytes)))
    }
}
