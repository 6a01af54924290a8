import NIOCore
import PostgresNIO

/// A `text[]` parameter written straight from UTF-8 bytes, for the JSON columns of intake
/// (observables, redactions, custody details): the canonical writer's bytes go into the
/// parameter as they are, where a `[String]` would first make a string of each (a copy and a
/// UTF-8 check) and then copy it again. Every element must be valid UTF-8 (what
/// ``LiaisonCore/CanonicalWriter`` writes is); PostgreSQL checks it again on receipt.
struct TextArrayBind: PostgresNonThrowingEncodable {
    static var psqlType: PostgresDataType { .textArray }
    static var psqlFormat: PostgresFormat { .binary }

    /// The elements, each as its 4-byte length and its bytes.
    private var elements = ByteBuffer()
    private(set) var count = 0

    init(reservingBytes capacity: Int = 0) {
        elements.reserveCapacity(capacity)
    }

    mutating func append(_ utf8: [UInt8]) {
        elements.writeInteger(Int32(utf8.count))
        elements.writeBytes(utf8)
        count += 1
    }

    /// PostgreSQL's binary array form: dimensions, null flag, element type, then for the one
    /// dimension its length and lower bound (1), then the elements.
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(count == 0 ? 0 : 1, as: Int32.self)
        buffer.writeInteger(0, as: Int32.self)
        buffer.writeInteger(PostgresDataType.text.rawValue)
        guard count > 0 else { return }
        buffer.writeInteger(Int32(count))
        buffer.writeInteger(1, as: Int32.self)
        buffer.writeImmutableBuffer(elements)
    }
}
