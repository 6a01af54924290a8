/// Strings (RFC 8259 §7): UTF-8 checked byte by byte (RFC 3629 §4), escapes decoded into
/// the reused scratch buffer, the decoded length held to ``JSONLimits/maxStringBytes``.
extension JSONByteReader {
    /// Reads the string whose opening quote is at the cursor.
    mutating func string() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        let start = index
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard index - start <= limits.maxStringBytes else {
                    throw failure(.stringTooLong, at: open, limit: limits.maxStringBytes)
                }
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            } else if byte == UInt8(ascii: "\\") {
                return try escapedString(from: start, open: open)
            } else if byte < 0x20 {
                throw failure(.controlCharacter)
            } else if byte < 0x80 {
                index += 1
            } else {
                try skipMultibyteScalar()
            }
        }
        throw failure(.truncated)
    }

    /// The slow path, from the first backslash on: copies into `scratch` while decoding.
    private mutating func escapedString(from start: Int, open: Int) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < end {
            let byte = bytes[index]
            guard scratch.count <= limits.maxStringBytes else {
                throw failure(.stringTooLong, at: open, limit: limits.maxStringBytes)
            }
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                try escape()
            } else if byte < 0x20 {
                throw failure(.controlCharacter)
            } else if byte < 0x80 {
                scratch.append(byte)
                index += 1
            } else {
                let lead = index
                try skipMultibyteScalar()
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[lead..<index]))
            }
        }
        throw failure(.truncated)
    }

    /// Decodes the escape at the cursor into `scratch`.
    private mutating func escape() throws(JSONSyntaxError) {
        let backslash = index
        guard index + 1 < end else { throw failure(.truncated, at: end) }
        let decoded: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            index += 2
            let unit = try hexUnit()
            var scalar = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                guard index < end, bytes[index] == UInt8(ascii: "\\") else {
                    throw index < end ? failure(.loneSurrogate, at: backslash) : failure(.truncated)
                }
                guard index + 1 < end else { throw failure(.truncated, at: end) }
                guard bytes[index + 1] == UInt8(ascii: "u") else { throw failure(.loneSurrogate, at: backslash) }
                index += 2
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure(.loneSurrogate, at: backslash) }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw failure(.loneSurrogate, at: backslash)
            } else if unit == 0 {
                throw failure(.nulCharacter, at: backslash)
            }
            appendUTF8(scalar)
            return
        default:
            throw failure(.invalidEscape, at: backslash)
        }
        scratch.append(decoded)
        index += 2
    }

    /// Four hex digits at the cursor, as one UTF-16 code unit.
    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard index < end else { throw failure(.truncated) }
            guard let digit = ByteClass.hexValue(bytes[index]) else { throw failure(.invalidEscape) }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Steps over one well-formed multi-byte UTF-8 sequence (RFC 3629 §4): no overlong
    /// forms, no encoded surrogates (U+D800–U+DFFF), nothing past U+10FFFF.
    private mutating func skipMultibyteScalar() throws(JSONSyntaxError) {
        let lead = bytes[index]
        let count: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: count = 2
        case 0xE0: count = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: count = 3
        case 0xED: count = 3; second = 0x80...0x9F
        case 0xF0: count = 4; second = 0x90...0xBF
        case 0xF1...0xF3: count = 4
        case 0xF4: count = 4; second = 0x80...0x8F
        default: throw failure(.invalidUTF8)
        }
        for offset in 1..<count {
            guard index + offset < end else { throw failure(.truncated, at: end) }
            let range = offset == 1 ? second : 0x80...0xBF
            guard range.contains(bytes[index + offset]) else { throw failure(.invalidUTF8) }
        }
        index += count
    }
}
