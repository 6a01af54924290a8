import Foundation

extension UUID {
    /// A random (version 4) UUID from the system's secure generator. Foundation's `UUID()`
    /// opens and reads `/dev/urandom` for each one on Linux (about 3.4 µs here, against
    /// 0.7 µs for this), and intake makes two for every event.
    public static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var words = (generator.next() as UInt64, generator.next() as UInt64)
        return withUnsafeMutableBytes(of: &words) { bytes in
            bytes[6] = bytes[6] & 0x0F | 0x40  // version 4
            bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 9562 variant
            return UUID(uuid: bytes.load(as: uuid_t.self))
        }
    }
}
