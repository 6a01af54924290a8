/// RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes a signature covers, so any
/// implementation can recompute them. Object members sorted by the UTF-16 code units of
/// their names, no insignificant whitespace, strings escaped as ECMAScript's
/// `JSON.stringify` does (RFC 8785 §3.2.2.2), numbers in ECMAScript form (§3.2.2.3).
extension JSONValue {
    public var canonicalBytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(into: &output)
        return output
    }

    /// The canonical bytes of an object given as its members already in RFC 8785's order
    /// (each name after the one before by UTF-16 code units; names distinct, as a parsed
    /// object's are): what `JSONValue.object` of them writes, without sorting its names
    /// again. Nil when they are not in that order, for the caller to fall back on
    /// ``canonicalBytes``.
    public static func canonicalBytes(ofOrderedMembers members: [(key: String, value: JSONValue)]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        output.append(UInt8(ascii: "{"))
        for index in members.indices {
            if index > 0 {
                guard utf16Precedes(members[index - 1].key, members[index].key) else { return nil }
                output.append(UInt8(ascii: ","))
            }
            writeString(members[index].key, into: &output)
            output.append(UInt8(ascii: ":"))
            members[index].value.write(into: &output)
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    /// An object's canonical bytes from its members' names and their values' canonical bytes
    /// (names distinct): for a document written twice with one member more, whose other
    /// values need be written only once.
    static func canonicalBytes(ofWrittenMembers members: [(key: String, bytes: [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(members.reduce(2) { $0 + $1.key.utf8.count + $1.bytes.count + 4 })
        output.append(UInt8(ascii: "{"))
        for (position, member) in members.sorted(by: { utf16Precedes($0.key, $1.key) }).enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            writeString(member.key, into: &output)
            output.append(UInt8(ascii: ":"))
            output.append(contentsOf: member.bytes)
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): output.append(contentsOf: Self.ecmaScriptNumber(value).utf8)
        case .string(let value): Self.writeString(value, into: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            // The names are read out once (keys and indices run in the same order); sorting
            // positions in that array compares names without copying members out of the
            // dictionary, and each value is then reached by its index, not hashed again.
            let names = Array(members.keys)
            let places = Array(members.indices)
            var order = Array(names.indices)
            order.sort { Self.utf16Precedes(names[$0], names[$1]) }
            for (position, index) in order.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(names[index], into: &output)
                output.append(UInt8(ascii: ":"))
                members.values[places[index]].write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 §3.2.3 orders member names by their UTF-16 code units: that order, read off
    /// the UTF-8 bytes. UTF-8 sorts by code point, and so does UTF-16 except that U+E000–
    /// U+FFFF come after U+10000 and above (whose surrogates are 0xD800–0xDFFF). At the first
    /// byte that differs, both are lead bytes if either is 0xEE or more; a 0xEE/0xEF lead
    /// against a 0xF0–0xF4 one is that exception.
    static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                var index = 0
                while index < common && x[index] == y[index] { index += 1 }
                guard index < common else { return x.count < y.count }
                let (p, q) = (x[index], y[index])
                if p >= 0xF0 && (0xEE...0xEF).contains(q) { return true }
                if q >= 0xF0 && (0xEE...0xEF).contains(p) { return false }
                return p < q
            }
        }
    }

    /// Quote, backslash and control characters escaped as RFC 8785 §3.2.2.2 asks; every
    /// other byte of the UTF-8 copied as it is, in runs. Eight bytes are checked at a time
    /// while none of them needs escaping (most strings have nothing to escape).
    static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var run = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count,
                    !mayNeedEscaping(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let at = index
                let byte = bytes[at]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<at]))
                run = at + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` is a control character, a quote or a backslash
    /// (the classic word-at-a-time tests: a byte below 0x20, a byte equal to 0x22 or 0x5C). Exact
    /// for the word as a whole; the bytes of a word that may need it are then read one by one.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// Integers (the only numbers receipts hold) exactly as ECMAScript writes them; other
    /// values in Swift's shortest round-trip form with an ECMAScript exponent (`1e-7`, `1e+21`).
    static func ecmaScriptNumber(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e21 { return String(Int64(value)) }
        var text = "\(value)"
        if let e = text.firstIndex(of: "e") {
            var exponent = String(text[text.index(after: e)...])
            let sign = exponent.hasPrefix("-") ? "-" : "+"
            exponent = String(exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" })
            text = String(text[..<e]) + "e" + sign + (exponent.isEmpty ? "0" : exponent)
        }
        return text
    }
}
