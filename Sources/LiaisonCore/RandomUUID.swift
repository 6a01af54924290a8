import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

extension UUID {
    /// A random (version 4) UUID from the system's secure generator. Foundation's `UUID()`
    /// opens and reads `/dev/urandom` for each one on Linux (about 3.4 µs here), and intake
    /// makes one for every incident.
    public static func random() -> UUID {
        var words = (SecureRandom.next(), SecureRandom.next())
        return withUnsafeMutableBytes(of: &words) { bytes in
            bytes[6] = bytes[6] & 0x0F | 0x40  // version 4
            bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 9562 variant
            return UUID(uuid: bytes.load(as: uuid_t.self))
        }
    }
}

/// Random 64-bit words from the kernel's CSPRNG, read 4 KiB at a time from `/dev/urandom`:
/// the standard library's generator asks the kernel (`getrandom`) for every eight bytes, and
/// intake wants several words for each incident (its id, the tokens of its personal values).
enum SecureRandom {
    private static let pool = Mutex(Pool())

    private struct Pool {
        var words = [UInt64](repeating: 0, count: 512)
        var next = 512
        var device: Int32 = -1
    }

    static func next() -> UInt64 {
        pool.withLock { pool in
            if pool.next == pool.words.count {
                #if canImport(Glibc)
                if pool.device < 0 { pool.device = open("/dev/urandom", O_RDONLY | O_CLOEXEC) }
                let device = pool.device
                let complete = pool.words.withUnsafeMutableBytes { buffer -> Bool in
                    var filled = 0
                    while device >= 0, filled < buffer.count {
                        let count = read(device, buffer.baseAddress! + filled, buffer.count - filled)
                        if count > 0 { filled += count } else if count < 0, errno == EINTR { continue } else { break }
                    }
                    return filled == buffer.count
                }
                #else
                let complete = false
                #endif
                if !complete {
                    // No device: the standard library's generator, word by word.
                    var generator = SystemRandomNumberGenerator()
                    for index in pool.words.indices { pool.words[index] = generator.next() }
                }
                pool.next = 0
            }
            defer { pool.next += 1 }
            return pool.words[pool.next]
        }
    }
}
