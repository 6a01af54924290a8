import LiaisonCore

/// Validation and decoding of prefixed literals (STIX 2.1 §9.4 "Literals"):
/// timestamps (RFC 3339, UTC, as in the grammar's `TimestampLiteral`), hex and base64.
/// Ranges are UTF-8 byte ranges of the literal's content (between the quotes).
enum LiteralDecoding {
    /// Checks `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, including the calendar (month 01–12,
    /// day valid for the month with Gregorian leap years, hour 00–23, minute 00–59,
    /// second 00–60 to admit leap seconds).
    static func validateTimestamp(_ bytes: [UInt8], _ range: Range<Int>) throws(PatternError) {
        var p = range.lowerBound
        let end = range.upperBound

        func digits(_ count: Int, _ what: String) throws(PatternError) -> Int {
            var value = 0
            for i in 0..<count {
                guard p + i < end, bytes[p + i].isASCIIDigit else {
                    throw PatternError(offset: p, reason: "expected a \(count)-digit \(what) in the timestamp")
                }
                value = value * 10 + Int(bytes[p + i] - 0x30)
            }
            return value
        }
        func separator(_ ch: Character, _ after: String) throws(PatternError) {
            guard p < end, bytes[p] == UInt8(ascii: ch.unicodeScalars.first!) else {
                throw PatternError(offset: p, reason: "expected '\(ch)' after the \(after) in the timestamp")
            }
            p += 1
        }
        func field(_ what: String, _ count: Int, _ valid: ClosedRange<Int>) throws(PatternError) -> Int {
            let at = p
            let v = try digits(count, what)
            guard valid.contains(v) else {
                throw PatternError(offset: at, reason: "timestamp \(what) must be \(pad(valid.lowerBound))-\(pad(valid.upperBound))")
            }
            p += count
            return v
        }

        let year = try digits(4, "year")
        p += 4
        try separator("-", "year")
        let month = try field("month", 2, 1...12)
        try separator("-", "month")
        let dayAt = p
        let day = try digits(2, "day")
        guard day >= 1, day <= RFC3339.daysIn(month: month, year: year) else {
            throw PatternError(offset: dayAt, reason: "timestamp day is out of range for the month")
        }
        p += 2
        try separator("T", "date")
        _ = try field("hour", 2, 0...23)
        try separator(":", "hour")
        _ = try field("minute", 2, 0...59)
        try separator(":", "minute")
        _ = try field("second", 2, 0...60)
        if p < end, bytes[p] == UInt8(ascii: ".") {
            p += 1
            guard p < end, bytes[p].isASCIIDigit else {
                throw PatternError(offset: p, reason: "expected fractional-second digits after '.' in the timestamp")
            }
            while p < end, bytes[p].isASCIIDigit { p += 1 }
        }
        guard p < end, bytes[p] == UInt8(ascii: "Z") else {
            throw PatternError(offset: p, reason: "expected 'Z' (UTC) to end the timestamp")
        }
        guard p + 1 == end else {
            throw PatternError(offset: p + 1, reason: "expected the closing quote after 'Z' in the timestamp")
        }
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// `h'…'`: pairs of hex digits (upper or lower case), possibly none.
    static func decodeHex(_ bytes: [UInt8], _ range: Range<Int>) throws(PatternError) -> [UInt8] {
        guard range.count % 2 == 0 else {
            throw PatternError(offset: range.upperBound, reason: "expected an even number of hex digits")
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count / 2)
        var i = range.lowerBound
        while i < range.upperBound {
            guard let hi = ByteClass.hexValue(bytes[i]) else {
                throw PatternError(offset: i, reason: "expected a hex digit (0-9, a-f, A-F)")
            }
            guard let lo = ByteClass.hexValue(bytes[i + 1]) else {
                throw PatternError(offset: i + 1, reason: "expected a hex digit (0-9, a-f, A-F)")
            }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// `b'…'`: non-empty, padded standard base64 (`A–Z a–z 0–9 + /`, `=` padding), as in
    /// the grammar's `BinaryLiteral`.
    static func decodeBase64(_ bytes: [UInt8], _ range: Range<Int>) throws(PatternError) -> [UInt8] {
        guard !range.isEmpty else {
            throw PatternError(offset: range.lowerBound, reason: "expected base64 data in the binary literal")
        }
        guard range.count % 4 == 0 else {
            throw PatternError(offset: range.upperBound, reason: "expected base64 data whose length is a multiple of 4")
        }
        var padding = 0
        if bytes[range.upperBound - 1] == UInt8(ascii: "=") { padding += 1 }
        if bytes[range.upperBound - 2] == UInt8(ascii: "=") { padding += 1 }
        let dataEnd = range.upperBound - padding
        var out: [UInt8] = []
        out.reserveCapacity(range.count / 4 * 3)
        var acc: UInt32 = 0
        var bits = 0
        for i in range.lowerBound..<dataEnd {
            guard let v = ByteClass.base64Value(bytes[i]) else {
                throw PatternError(offset: i, reason: "expected a base64 character (A-Z, a-z, 0-9, '+', '/') or final '=' padding")
            }
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
            }
        }
        return out
    }
}
