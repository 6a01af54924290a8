import CGMime

/// Process-wide GMime setup.
///
/// Thread-safety: `g_mime_init` is not itself thread-safe, so it runs exactly once through a
/// Swift `static let` (lazily initialised with `swift_once`). After that, every parse creates its
/// own GMimeStream, GMimeParser and GMimeParserOptions and never shares GMime objects across
/// threads; GMime's shared state (charset tables, iconv cache) is read-only or mutex-protected,
/// so concurrent `MailParser.parse` calls are safe (exercised by `ConcurrencyTests`).
enum GMimeRuntime {
    private static let initialised: Bool = {
        g_mime_init()
        _ = gpgme_check_version(nil)  // GPGME requires this before any context is created.
        return true
    }()

    static func ensureInitialised() { _ = initialised }
}

/// Reinterprets one GObject-derived C pointer as another (an upcast/downcast the C macros would do).
@inline(__always)
func gcast<From, To>(_ pointer: UnsafeMutablePointer<From>, to: To.Type = To.self) -> UnsafeMutablePointer<To> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: To.self)
}

/// Copies a C string; nil for NULL. Invalid UTF-8 is repaired with U+FFFD.
@inline(__always)
func swiftString(_ cString: UnsafePointer<CChar>?) -> String? {
    guard let cString else { return nil }
    return String(cString: cString)
}

/// Copies the bytes held by a GMimeStreamMem.
func streamBytes(_ stream: UnsafeMutablePointer<GMimeStream>) -> [UInt8] {
    var length = 0
    guard let data = cg_stream_mem_bytes(stream, &length), length > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: length))
}
