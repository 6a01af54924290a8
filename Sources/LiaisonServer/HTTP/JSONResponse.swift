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

    /// A receipt as it was signed and stored (RFC 8785 JSON).
    static func receipt(_ status: HTTPResponse.Status, _ signed: SignedReceipt) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: signed.document)))
    }
}
