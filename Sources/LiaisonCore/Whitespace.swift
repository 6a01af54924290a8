import Foundation

extension StringProtocol {
    /// The text without leading and trailing white space (and newlines); returned as it is,
    /// without Foundation's character-set scan, when it has none, which is nearly always.
    public var trimmedOfWhitespace: String {
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return String(self) }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the text holds white space anywhere (Unicode's White_Space, as
    /// `Character.isWhitespace`); ASCII is checked without a property lookup.
    public var containsWhitespace: Bool {
        unicodeScalars.contains { $0.isASCII ? $0 == " " || (0x09...0x0D).contains($0.value) : $0.properties.isWhitespace }
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
