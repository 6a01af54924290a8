/// Byte-level character classes. Every detector works on UTF-8 code units so that a scan is a
/// linear walk with no `String.Index` arithmetic and no regular-expression engine.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

typealias Bytes = UnsafeBufferPointer<UInt8>

@inline(__always) @usableFromInline func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
@inline(__always) func isUpperASCII(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
@inline(__always) func isLowerASCII(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
@inline(__always) @usableFromInline func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
@inline(__always) func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
@inline(__always) @usableFromInline func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
@inline(__always) func lowerASCII(_ b: UInt8) -> UInt8 { isUpperASCII(b) ? b | 0x20 : b }
@inline(__always) func upperASCII(_ b: UInt8) -> UInt8 { isLowerASCII(b) ? b & 0xDF : b }
@inline(__always) @usableFromInline func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
@inline(__always) func hexValue(_ b: UInt8) -> Int { isDigit(b) ? Int(b &- 0x30) : Int((b | 0x20) &- 0x61) + 10 }

/// The same classes for the other modules, as properties of a byte.
extension UInt8 {
    @inlinable public var isASCIIDigit: Bool { isDigit(self) }
    @inlinable public var isASCIIHexDigit: Bool { isHex(self) }
    @inlinable public var isASCIILetter: Bool { isAlpha(self) }
    /// Space, tab, LF or CR: JSON's white space (RFC 8259 §2).
    @inlinable public var isASCIISpace: Bool { isSpace(self) }
}

/// One in each byte, and each byte's high bit: the eight-byte searches' constants.
private let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

extension UnsafeBufferPointer where Element == UInt8 {
    /// Bounds-safe read: 0 outside the buffer, which every class predicate rejects.
    @inline(__always) func at(_ i: Int) -> UInt8 { UInt(bitPattern: i) < UInt(bitPattern: count) ? self[i] : 0 }

    /// ASCII case-insensitive comparison of `pattern` (given in lower case) at `i`. The last byte
    /// is compared first: patterns looked up together share their first bytes ("victim:",
    /// "victim,", "reported by"), so a miss shows soonest at the end.
    func matchesLower(_ pattern: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + pattern.count <= count else { return false }
        if let last = pattern.last, lowerASCII(self[i + pattern.count - 1]) != last { return false }
        for k in 0..<pattern.count where lowerASCII(self[i + k]) != pattern[k] { return false }
        return true
    }

    /// Exact comparison of `pattern` at `i`, the last byte first (see `matchesLower`); with
    /// `lineBreakAsSpace`, a pattern's final space also matches a line break ("Detective Sergeant⏎Colin").
    func matches(_ pattern: [UInt8], at i: Int, lineBreakAsSpace: Bool = false) -> Bool {
        guard i >= 0, i + pattern.count <= count, let last = pattern.last else { return false }
        let end = self[i + pattern.count - 1]
        guard end == last || lineBreakAsSpace && last == 0x20 && end == 0x0A else { return false }
        for k in 0..<pattern.count - 1 where self[i + k] != pattern[k] { return false }
        return true
    }

    func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[r]), as: UTF8.self)
    }

    /// The first byte of the scalar that the byte at `k` belongs to.
    @inline(__always) func leadByte(_ k: Int) -> Int {
        var j = k
        while j > 0 && self[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// Decodes the scalar starting at `i` (which must be a lead byte); returns value and byte length.
    @inline(__always) func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let b0 = at(i)
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xE0 { return ((UInt32(b0 & 0x1F) << 6) | UInt32(at(i + 1) & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(at(i + 1) & 0x3F) << 6) | UInt32(at(i + 2) & 0x3F), 3)
        }
        return ((UInt32(b0 & 0x07) << 18) | (UInt32(at(i + 1) & 0x3F) << 12)
                    | (UInt32(at(i + 2) & 0x3F) << 6) | UInt32(at(i + 3) & 0x3F), 4)
    }

    /// The first index at or after `i` where `hits` sets the high bit of a byte of the eight read
    /// at once (little-endian, so the lowest set bit is the first byte), or where `hit` holds for one
    /// of the last bytes read singly; `count` when none. The searches below are its instances.
    @inline(__always) private func firstIndex(from i: Int, hits: (UInt64) -> UInt64, hit: (UInt8) -> Bool) -> Int {
        var k = Swift.max(i, 0)
        if let base = baseAddress {
            let raw = UnsafeRawPointer(base)
            while k &+ 8 <= count {
                let found = hits(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)))
                if found != 0 { return k &+ found.trailingZeroBitCount &>> 3 }
                k &+= 8
            }
        }
        while k < count, !hit(self[k]) { k += 1 }
        return k
    }

    /// The first index at or after `i` holding one of the bytes `a`, `b`, `c` (repeat a byte to
    /// look for fewer), or `count`. Reads eight bytes per step: a byte equal to the one sought
    /// becomes zero after an exclusive or, and `(x - 0x01…01) & ~x & 0x80…80` sets the high bit
    /// of the lowest zero byte exactly (bits above it may be set by the borrow, never below), so
    /// the lowest bit set over the three patterns is the first match. With `orMask` each byte is
    /// or-ed with it before the comparison (0x20: "X" and "x" alike, "[" found as "{").
    @inline(__always) func firstIndex(of a: UInt8, _ b: UInt8, _ c: UInt8, from i: Int, orMask: UInt8 = 0) -> Int {
        let pa = ones &* UInt64(a), pb = ones &* UInt64(b), pc = ones &* UInt64(c), mask = ones &* UInt64(orMask)
        return firstIndex(from: i, hits: { word in
            let w = word | mask
            let xa = w ^ pa, xb = w ^ pb, xc = w ^ pc
            return ((xa &- ones) & ~xa | (xb &- ones) & ~xb | (xc &- ones) & ~xc) & highs
        }, hit: { byte in
            let x = byte | orMask
            return x == a || x == b || x == c
        })
    }

    /// The first index at or after `i` holding an ASCII digit, or `count`; eight bytes a step. In
    /// each byte `w & 0x7F` plus 0x46 reaches the high bit when above "9", plus 0x50 when at least
    /// "0" (no carry leaves a byte), and a byte with its own high bit set is no digit.
    @inline(__always) func firstDigit(from i: Int) -> Int {
        firstIndex(from: i, hits: { w in
            let low = w & (ones &* 0x7F)
            return (low &+ ones &* 0x50) & ~(low &+ ones &* 0x46) & ~w & highs
        }, hit: isDigit)
    }

    /// The first index at or after `i` holding no ASCII letter, or `count`; eight bytes a step. In
    /// each byte `w | 0x20` (lower case) masked to seven bits, plus 0x1F reaches the high bit when at
    /// least "a", plus 0x05 when above "z" (no carry leaves a byte), and a byte with its own high bit
    /// set is no ASCII letter.
    @inline(__always) func asciiLettersEnd(from i: Int) -> Int {
        firstIndex(from: i, hits: { w in
            let low = (w | ones &* 0x20) & (ones &* 0x7F)
            let letters = (low &+ ones &* 0x1F) & ~(low &+ ones &* 0x05) & ~w & highs
            return ~letters & highs
        }, hit: { !isAlpha($0) })
    }

    /// The index of the first `byte` at or after `i`, or `count`: the C library's `memchr`, many
    /// bytes a step, for a byte that is rare in text ("(" before a year of birth).
    func firstIndex(of byte: UInt8, from i: Int) -> Int {
        let i = Swift.max(i, 0)
        guard i < count, let base = baseAddress, let hit = memchr(base + i, Int32(byte), count - i) else { return count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The start of the line that holds `i`: right after the line break before it, or `within` bytes
    /// back at most.
    func lineStart(_ i: Int, within n: Int) -> Int {
        var s = i
        while s > 0, i - s < n, self[s - 1] != 0x0A { s -= 1 }
        return s
    }

    /// The eight bytes from `i`, the first lowest (as `loadUnaligned` reads them little-endian), with
    /// 0 for a byte beyond the buffer.
    @inline(__always) func eightBytes(at i: Int) -> UInt64 {
        if i >= 0, i <= count &- 8, let base = baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
        }
        var w: UInt64 = 0
        for k in 0..<8 { w |= UInt64(at(i &+ k)) << (8 &* UInt64(k)) }
        return w
    }

    /// Length of the host-name character at `i` (ASCII alnum, '-', or a non-ASCII letter), 0 if none.
    /// Non-ASCII punctuation blocks (U+0080–U+00BF, U+2000–U+2FFF, ×, ÷) end a host name so that
    /// curly quotes or no-break spaces never glue onto a domain.
    @inline(__always) func hostCharLength(at i: Int) -> Int {
        let b = at(i)
        if b < 0x80 { return isAlnum(b) || b == 0x2D ? 1 : 0 }
        if b < 0xC3 || b == 0xE2 || b == 0xE3 && at(i + 1) == 0x80 { return 0 }
        if b == 0xC3 && (at(i + 1) == 0x97 || at(i + 1) == 0xB7) { return 0 }
        if b == 0xEF && at(i + 1) >= 0xBC { return 0 } // full-width forms, specials
        return b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }
}

/// `lowerASCII` of each of eight bytes at once: in each byte masked to seven bits, plus 0x3F reaches
/// the high bit when at least "A", plus 0x25 when above "Z" (no carry leaves a byte); a byte with its
/// own high bit set is no ASCII capital. The capitals' high bits, shifted to 0x20, are or-ed in.
@inline(__always) func lowerASCII8(_ w: UInt64) -> UInt64 {
    let low = w & (ones &* 0x7F)
    let capitals = (low &+ ones &* 0x3F) & ~(low &+ ones &* 0x25) & ~w & highs
    return w | capitals &>> 2
}

/// Each line break ('\n') of eight bytes made a space: a byte equal to 0x0A is the one left zero by
/// the xor, whose seven low bits plus 0x7F, or-ed with itself, do not reach the high bit; 0x0A xor 0x2A is 0x20.
@inline(__always) func lineBreaksAsSpaces8(_ w: UInt64) -> UInt64 {
    let t = w ^ (ones &* 0x0A)
    let breaks = ~(((t & (ones &* 0x7F)) &+ ones &* 0x7F) | t) & highs
    return w ^ (breaks &>> 7) &* 0x2A
}

/// A value for each of the 256 bytes, read without a bounds check, as a byte always indexes it.
struct ByteTable: Sendable {
    private let values: [UInt8]
    init(_ value: (UInt8) -> UInt8) { values = (0...255).map { value(UInt8($0)) } }
    @inline(__always) subscript(_ b: UInt8) -> UInt8 { values.withUnsafeBufferPointer { $0[Int(b)] } }
}

/// A set of 2^16 bits (8 KB), one per 16-bit key.
struct Bits16: Sendable {
    private var words = [UInt64](repeating: 0, count: 1 << 10)
    mutating func insert(_ key: Int) { words[key >> 6] |= 1 << UInt64(key & 63) }
    @inline(__always) func contains(_ key: Int) -> Bool { words[key >> 6] & (1 << UInt64(key & 63)) != 0 }
}

/// Folded words (a rule's grammar words, blank-separated) or keys by their FNV-1a hashes, looked up
/// on a hot path: the hashes' low 16 bits rule out most other words by one load, without the seeded
/// hashing of a `Set`, before a binary search of the sorted hashes.
struct HashedWords: Sendable {
    private var filter = Bits16()
    private let hashes: [UInt64]

    init(_ words: String) {
        self.init(hashes: wordHashes(words, anyWhiteSpace: true))
    }

    init(hashes: [UInt64]) {
        self.hashes = hashes.sorted()
        for h in hashes { filter.insert(Int(truncatingIfNeeded: h & 0xFFFF)) }
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool {
        guard filter.contains(Int(truncatingIfNeeded: hash & 0xFFFF)) else { return false }
        var (lo, hi) = (0, hashes.count)
        while lo < hi {
            let mid = (lo + hi) >> 1
            if hashes[mid] < hash { lo = mid + 1 } else { hi = mid }
        }
        return lo < hashes.count && hashes[lo] == hash
    }
}

extension Array where Element == UInt8 {
    init(ascii s: StaticString) {
        self = Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}

/// 64-bit FNV-1a, used to look up gazetteer words without allocating a String per word.
@inline(__always) func fnv1a(_ p: Bytes, _ r: Range<Int>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in r { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3 }
    return h
}

/// The same hash fed a byte at a time, for a key that is not one range of the text.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ b: UInt8) { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
}

/// Each word of `list` (words separated by spaces, or by any ASCII white space with
/// `anyWhiteSpace`), as its UTF-8 bytes. The tables built from such lists at the first scan read
/// them byte by byte: splitting a `String` into `Character`s took most of the start-up's time.
func forEachWord(in list: String, anyWhiteSpace: Bool = false, _ body: (Bytes) -> Void) {
    var copy = list
    copy.withUTF8 { p in
        var start = 0
        for i in 0...p.count where i == p.count || p[i] == 0x20 || anyWhiteSpace && (p[i] == 0x0A || p[i] == 0x09 || p[i] == 0x0D) {
            if i > start { body(Bytes(rebasing: p[start..<i])) }
            start = i + 1
        }
    }
}

/// The FNV-1a hashes of the words of `list` (see `forEachWord`).
func wordHashes(_ list: String, anyWhiteSpace: Bool = false) -> [UInt64] {
    var hashes: [UInt64] = []
    forEachWord(in: list, anyWhiteSpace: anyWhiteSpace) { hashes.append(fnv1a($0, 0..<$0.count)) }
    return hashes
}

func fnv1a(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}
