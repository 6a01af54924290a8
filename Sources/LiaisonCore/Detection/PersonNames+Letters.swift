/// Letters for the name rules, read from UTF-8 bytes: where a word starts and ends, and which
/// scalars are letters and capitals (Latin, Cyrillic and, out of line, the rest of Unicode).
extension PersonNames {
    /// An upper-case letter at a word start, not right after a letter, digit, colon or dot.
    /// Not inside a token such as a hash, an address or an abbreviation ("…A39D. Број", "…:411D", "T.C. Kimlik").
    @inline(__always) static func isNameStart(_ p: Bytes, _ i: Int) -> Bool {
        let b = p[i]
        if i > 0 && (isAlnum(p[i - 1]) || p[i - 1] == 0x3A || p[i - 1] == 0x2E) { return false }
        if b < 0x80 { return isUpperASCII(b) }
        return isUpper(p.scalar(at: i).value)
    }

    /// The bytes of a closing quotation mark at `k`: `"`, `“`, `”` or `»`; 0 for none.
    @inline(__always) static func closingQuoteLength(_ p: Bytes, at k: Int) -> Int {
        let b = p.at(k)
        if b == 0x22 { return 1 }
        if b == 0xE2 && p.at(k + 1) == 0x80 && (p.at(k + 2) == 0x9C || p.at(k + 2) == 0x9D) { return 3 }
        return b == 0xC2 && p.at(k + 1) == 0xBB ? 2 : 0
    }

    /// The start of the run of letters that ends at `e`: walks back a scalar at a time while the one
    /// before is a letter and the start is above `floor`.
    static func lettersStart(_ p: Bytes, endingAt e: Int, above floor: Int = 0) -> Int {
        var s = e
        while s > floor, isLetter(p.scalar(at: p.leadByte(s - 1)).value) { s = p.leadByte(s - 1) }
        return s
    }

    /// The end of the run of letters from `i`, read a scalar at a time and at most 97 bytes on (a
    /// longer run is no word: `NameReader.stem(at:)` refuses it).
    static func lettersEnd(_ p: Bytes, from i: Int) -> Int {
        var e = i
        while e < p.count, e - i <= 96 {
            let c = p[e]
            if c < 0x80 { guard isAlpha(c) else { break }; e = Swift.min(p.asciiLettersEnd(from: e + 1), i + 97); continue }
            if isTwoByteLetter(c, p.at(e + 1)) { e += 2; continue }
            let (v, l) = p.scalar(at: e)
            guard isLetter(v) else { break }
            e += l
        }
        return e
    }

    /// The two bytes `lead`, `next` are a letter of Latin-1 to Latin Extended-B or Cyrillic
    /// (U+00C0–U+024F but "×" and "÷", U+0400–U+04FF), as `isLetter` says, read without decoding:
    /// most letters beyond ASCII in the region's text.
    @inline(__always) static func isTwoByteLetter(_ lead: UInt8, _ next: UInt8) -> Bool {
        guard next & 0xC0 == 0x80 else { return false }
        switch lead {
        case 0xC4...0xC8, 0xD0...0xD3: return true
        case 0xC3: return next != 0x97 && next != 0xB7
        case 0xC9: return next < 0x90
        default: return false
        }
    }

    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return isAlpha(UInt8(v)) }
        if v &- 0xC0 <= 0x24F - 0xC0 { return v != 0xD7 && v != 0xF7 }
        if v &- 0x400 <= 0xFF { return true }
        return isOtherLetter(v)
    }

    /// `isLetter` beyond Latin and Cyrillic, by Unicode's properties.
    @inline(never) private static func isOtherLetter(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return isUpperASCII(UInt8(v)) }
        if v < 0x800 { return upperBelow800[Int(v >> 6)] >> (v & 63) & 1 != 0 }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    /// Unicode's upper case for the scalars of two UTF-8 bytes (Latin, Greek, Cyrillic), a bit each:
    /// one load where a property lookup costs some 300 instructions ("Š", "Ğ", "Ж").
    private static let upperBelow800: [UInt64] = (0..<32).map { w in
        (0..<64).reduce(UInt64(0)) { Unicode.Scalar(UInt32(w * 64 + $1))?.properties.isUppercase == true ? $0 | 1 << $1 : $0 }
    }
}
