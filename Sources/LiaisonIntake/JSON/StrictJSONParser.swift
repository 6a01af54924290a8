import LiaisonCore

/// Reads one JSON document (RFC 8259) into a ``JSONValue``, refusing everything the RFC
/// leaves to chance or that a lenient decoder would quietly accept: bytes that are not
/// UTF-8, lone surrogates, duplicate keys, numbers a double cannot hold, and anything
/// past ``JSONLimits``. The first problem stops it, with its byte offset and JSON Pointer.
///
/// It reads the bytes in place, one pass, allocating only for the strings, arrays and
/// objects of the result.
public struct StrictJSONParser: Sendable {
    public var limits: JSONLimits

    public init(limits: JSONLimits = JSONLimits()) {
        self.limits = limits
    }

    public func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes[...])
    }

    public func parse(_ bytes: ArraySlice<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result<JSONValue, JSONSyntaxError> { () throws(JSONSyntaxError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Offsets in errors count from `bytes.baseAddress`.
    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONByteReader(bytes: bytes, limits: limits)
        return try reader.document()
    }
}
