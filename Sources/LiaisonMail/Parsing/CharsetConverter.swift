import CGMime
#if canImport(Glibc)
import Glibc
#endif

/// Converts body text to UTF-8 from its MIME charset (RFC 2045 section 5.1, RFC 2046 section 4.1.2)
/// using iconv via GMime's charset-name canonicalisation (so "windows-1250", "cp1250",
/// "ISO_8859-2", "koi8-r" etc. all resolve).
enum CharsetConverter {
    /// Tried in order when the declared charset is missing, unknown or does not fit the bytes.
    /// UTF-8 is strict; windows-1252 covers most mislabelled Western mail; ISO-8859-1 never fails.
    static let fallbacks = ["utf-8", "windows-1252", "iso-8859-1"]

    static func decode(_ bytes: [UInt8], declared: String?) -> MailText {
        if let declared, let string = convert(bytes, from: declared) {
            return MailText(string: string, source: .declared(declared))
        }
        for candidate in fallbacks {
            if let string = convert(bytes, from: candidate) {
                return MailText(string: string, source: .fallback(declared: declared, used: candidate))
            }
        }
        // Unreachable in practice (ISO-8859-1 maps every byte); repair as a last resort.
        return MailText(string: String(decoding: bytes, as: UTF8.self),
                        source: .fallback(declared: declared, used: "utf-8-repaired"))
    }

    /// Strict conversion: nil if the charset is unknown or any byte sequence is invalid in it.
    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        let name = charset.lowercased()
        if name == "utf-8" || name == "utf8" { return String(validating: bytes, as: UTF8.self) }
        if name == "us-ascii" || name == "ascii" {
            return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : nil
        }
        if bytes.isEmpty { return "" }
        let cd = g_mime_iconv_open("UTF-8", charset)
        if cg_iconv_failed(cd) != 0 { return nil }
        defer { _ = g_mime_iconv_close(cd) }
        var capacity = bytes.count * 4 + 16
        while true {
            switch run(cd, bytes, capacity: capacity) {
            case .ok(let out): return String(validating: out, as: UTF8.self)
            case .tooBig: capacity *= 2
            case .invalid: return nil
            }
        }
    }

    private enum Outcome { case ok([UInt8]), tooBig, invalid }

    private static func run(_ cd: iconv_t?, _ bytes: [UInt8], capacity: Int) -> Outcome {
        var input = bytes
        var output = [UInt8](repeating: 0, count: capacity)
        _ = iconv(cd, nil, nil, nil, nil)  // reset shift state of a cached descriptor
        var failure: Int32 = 0
        let produced = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw -> Int in
                var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 {
                    failure = errno == 0 ? EILSEQ : errno
                } else if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 {
                    failure = errno
                }
                return outRaw.count - outLeft
            }
        }
        if failure == E2BIG { return .tooBig }
        if failure != 0 { return .invalid }
        return .ok(Array(output[..<produced]))
    }
}
