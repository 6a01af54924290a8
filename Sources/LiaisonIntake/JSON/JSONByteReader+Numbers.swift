/// Numbers (RFC 8259 §6), held as doubles: integers only within ±2^53, where every integer
/// is exact (RFC 7493 §2.2), and nothing that overflows to infinity.
extension JSONByteReader {
    static let maxExactInteger: UInt64 = 1 << 53

    mutating func number() throws(JSONSyntaxError) -> Double {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < end else { throw failure(.truncated) }
        var magnitude: UInt64 = 0
        var digits = 0
        let first = bytes[index]
        if first == UInt8(ascii: "0") {
            index += 1
            if index < end, bytes[index].isASCIIDigit { throw failure(.leadingZero, at: start) }
        } else if first.isASCIIDigit {
            while index < end, bytes[index].isASCIIDigit {
                if digits < 17 { magnitude = magnitude &* 10 &+ UInt64(bytes[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
        } else {
            throw failure(.invalidNumber, at: start)
        }
        var isInteger = true
        if index < end, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try digitRun(numberStart: start)
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try digitRun(numberStart: start)
        }
        if isInteger {
            guard digits <= 16, magnitude <= Self.maxExactInteger else { throw failure(.numberOutOfRange, at: start) }
            return negative ? -Double(magnitude) : Double(magnitude)
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure(.numberOutOfRange, at: start) }
        return value
    }

    /// One or more digits, as a fraction or an exponent must have.
    private mutating func digitRun(numberStart: Int) throws(JSONSyntaxError) {
        guard index < end else { throw failure(.truncated) }
        guard bytes[index].isASCIIDigit else { throw failure(.invalidNumber, at: numberStart) }
        while index < end, bytes[index].isASCIIDigit { index += 1 }
    }
}
