import Foundation

extension StringProtocol {
    /// The text without leading and trailing white space (and newlines); returned as it is,
    /// without Foundation's character-set scan, when it has none, which is nearly always.
    /// Text that begins and ends with an ASCII byte other than white space is returned without
    /// its first and last characters being read (a character whose last byte is such a byte, or
    /// whose first is, does not count as white space).
    public var trimmedOfWhitespace: String {
        let text = String(self)
        if let head = text.utf8.first, let tail = text.utf8.last, !isASCIIWhitespaceOrOther(head), !isASCIIWhitespaceOrOther(tail) {
            return text
        }
        guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the text holds white space anywhere (Unicode's White_Space, as
    /// `Character.isWhitespace`); ASCII text is checked byte by byte, without decoding.
    public var containsWhitespace: Bool {
        var ascii = true
        for byte in utf8 {
            guard byte < 0x80 else {
                ascii = false
                break
            }
            if isASCIIWhitespace(byte) { return true }
        }
        guard !ascii else { return false }
        return unicodeScalars.contains { $0.isASCII ? isASCIIWhitespace(UInt8($0.value)) : $0.properties.isWhitespace }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs, CR and LF (ASCII only), as header values
    /// and detector candidates are cut.
    public func trimmingSpaces() -> String {
        let u = Array(utf8)
        var s = 0, e = u.count
        while s < e && isSpace(u[s]) { s += 1 }
        while e > s && isSpace(u[e - 1]) { e -= 1 }
        return String(decoding: u[s..<e], as: UTF8.self)
    }
}

/// A byte that is white space in ASCII: space, tab, LF, VT, FF, CR.
private func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
}

/// A byte that is white space in ASCII or not ASCII at all.
private func isASCIIWhitespaceOrOther(_ byte: UInt8) -> Bool {
    byte >= 0x80 || isASCIIWhitespace(byte)
}
