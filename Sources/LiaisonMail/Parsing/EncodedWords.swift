/// RFC 2047 encoded-word decoding for unstructured header values, written to keep malformed
/// input *readable*: an encoded-word whose encoded-text is invalid (bad base64 alphabet, bad
/// Q-escape, missing "?=") is kept verbatim instead of being dropped or turned into noise.
///
/// Deliberately lenient where RFC 2047 section 5 is strict: encoded-words glued to text
/// ("abc=?utf-8?q?x?=def") are decoded, as mail clients do. Linear whitespace between two
/// adjacent encoded-words is removed (RFC 2047 section 6.2). Raw 8-bit bytes outside
/// encoded-words (RFC 6532 or plain broken mail) go through `CharsetConverter`'s fallbacks.
enum EncodedWords {
    static func decode(_ raw: [UInt8]) -> String {
        var out = ""
        var literal: [UInt8] = []
        var pendingSpace: [UInt8] = []  // whitespace after an encoded-word, dropped if another follows
        var lastWasWord = false
        var index = 0
        func flushLiteral() {
            if !literal.isEmpty { out += text(literal); literal.removeAll() }
        }
        while index < raw.count {
            if raw[index] == UInt8(ascii: "="), index + 1 < raw.count, raw[index + 1] == UInt8(ascii: "?"),
               let (decoded, end) = word(raw, at: index) {
                if !lastWasWord { literal += pendingSpace }
                pendingSpace.removeAll()
                flushLiteral()
                out += decoded
                lastWasWord = true
                index = end
                continue
            }
            let byte = raw[index]
            if lastWasWord, byte == 0x20 || byte == 0x09 {
                pendingSpace.append(byte)
            } else {
                literal += pendingSpace
                pendingSpace.removeAll()
                literal.append(byte)
                lastWasWord = false
            }
            index += 1
        }
        literal += pendingSpace
        flushLiteral()
        return out
    }

    /// Parses "=?charset[*lang]?B|Q?text?=" at `start`; nil when malformed (caller keeps it literal).
    private static func word(_ raw: [UInt8], at start: Int) -> (String, Int)? {
        var cursor = start + 2
        let limit = min(raw.count, start + 4096)
        func field() -> [UInt8]? {
            let begin = cursor
            while cursor < limit, raw[cursor] != UInt8(ascii: "?") {
                if raw[cursor] <= 0x20 || raw[cursor] >= 0x7F { return nil }
                cursor += 1
            }
            guard cursor < limit else { return nil }
            defer { cursor += 1 }
            return Array(raw[begin..<cursor])
        }
        guard let charsetField = field(), !charsetField.isEmpty, let encoding = field(), encoding.count == 1,
              let payload = field(), cursor < limit, raw[cursor] == UInt8(ascii: "=") else { return nil }
        let charset = String(decoding: charsetField.prefix { $0 != UInt8(ascii: "*") }, as: UTF8.self)
        let bytes: [UInt8]?
        switch encoding[0] | 0x20 {
        case UInt8(ascii: "b"): bytes = base64(payload)
        case UInt8(ascii: "q"): bytes = quoted(payload)
        default: bytes = nil
        }
        guard let bytes else { return nil }
        let decoded = CharsetConverter.convert(bytes, from: charset) ?? text(bytes)
        return (decoded, cursor + 1)
    }

    private static func text(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return CharsetConverter.decode(bytes, declared: nil).string
    }

    /// RFC 2047 section 4.1 "B" (RFC 2045 base64); strict alphabet, padding optional.
    static func base64(_ text: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var accumulator = 0, bits = 0, padding = 0
        for char in text {
            let value: Int
            switch char {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = Int(char) - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = Int(char) - 71
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(char) + 4
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): padding += 1; continue
            default: return nil
            }
            if padding > 0 { return nil }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> bits) & 0xFF))
            }
        }
        if bits >= 6 || padding > 2 { return nil }  // a lone trailing sextet cannot be valid
        return out
    }

    /// RFC 2047 section 4.2 "Q": "_" is space, "=XX" is a hex octet.
    static func quoted(_ text: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var index = 0
        while index < text.count {
            let char = text[index]
            if char == UInt8(ascii: "_") {
                out.append(0x20)
            } else if char == UInt8(ascii: "=") {
                guard index + 2 < text.count, let high = hex(text[index + 1]), let low = hex(text[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(char)
            }
            index += 1
        }
        return out
    }

    private static func hex(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return char - 48
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return char - 55
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return char - 87
        default: return nil
        }
    }
}
