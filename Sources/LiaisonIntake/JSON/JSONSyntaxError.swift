/// Why bytes are not a JSON document Liaison takes in, and where: the byte offset and the
/// JSON Pointer (RFC 6901) of the value being read. Nothing in it quotes the input, which
/// may be full of personal data.
public struct JSONSyntaxError: Error, Sendable, Hashable {
    /// What is wrong, as a rule of RFC 8259 (or of ``JSONLimits``) that was broken.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Nothing but whitespace.
        case empty
        /// The input ends inside a value (RFC 8259 §2).
        case truncated
        /// A byte that cannot start or continue a value here: a missing comma or colon,
        /// a trailing comma, a misspelt literal, a single quote, a byte order mark.
        case unexpectedByte = "unexpected-byte"
        /// Something other than whitespace after the document's value.
        case trailingContent = "trailing-content"
        /// A string's bytes are not UTF-8 (RFC 8259 §8.1, RFC 3629 §4): stray continuation
        /// bytes, overlong forms, encoded surrogates, code points past U+10FFFF.
        case invalidUTF8 = "invalid-utf8"
        /// An unescaped U+0000–U+001F inside a string (RFC 8259 §7).
        case controlCharacter = "control-character"
        /// `\u0000` in a string. JSON allows U+0000, but PostgreSQL cannot store it in text
        /// (nor in `jsonb`), so Liaison refuses it where it stands rather than fail at the commit.
        case nulCharacter = "nul-character"
        /// A backslash not followed by one of the escapes of RFC 8259 §7.
        case invalidEscape = "invalid-escape"
        /// A `\u` escape of a UTF-16 surrogate that is not half of a pair (RFC 8259 §8.2).
        case loneSurrogate = "lone-surrogate"
        /// An object names the same member twice (RFC 8259 §4 leaves the meaning open).
        case duplicateKey = "duplicate-key"
        /// More arrays and objects open at once than ``JSONLimits/maxDepth``.
        case tooDeep = "too-deep"
        /// A string longer than ``JSONLimits/maxStringBytes`` once decoded.
        case stringTooLong = "string-too-long"
        /// A number a double cannot hold: one that overflows to infinity, or an integer
        /// beyond ±2^53, where doubles stop holding every integer (RFC 8259 §6, RFC 7493 §2.2).
        case numberOutOfRange = "number-out-of-range"
        /// An integer part with a leading zero, such as `007` (RFC 8259 §6).
        case leadingZero = "leading-zero"
        /// A number missing digits where RFC 8259 §6 needs some: `-x`, `1.x`, `1e+`.
        case invalidNumber = "invalid-number"
    }

    public var reason: Reason
    /// The offset of the offending byte, counted from the first byte of the body.
    public var offset: Int
    /// The value being read, as a JSON Pointer; "" is the whole document.
    public var pointer: String
    /// The bound broken, for ``Reason/tooDeep`` and ``Reason/stringTooLong``.
    public var limit: Int?

    public init(reason: Reason, offset: Int, pointer: String, limit: Int? = nil) {
        self.reason = reason
        self.offset = offset
        self.pointer = pointer
        self.limit = limit
    }

    /// The rule broken, in words, never quoting the input.
    public var explanation: String {
        switch reason {
        case .empty: "holds no JSON value"
        case .truncated: "ends before the JSON value is complete"
        case .unexpectedByte: "has a byte that JSON does not allow here"
        case .trailingContent: "has content after the JSON value"
        case .invalidUTF8: "is not valid UTF-8"
        case .controlCharacter: "has an unescaped control character in a string"
        case .nulCharacter: "has U+0000 in a string, which the gateway cannot store"
        case .invalidEscape: "has an invalid escape sequence in a string"
        case .loneSurrogate: "has a \\u escape of an unpaired UTF-16 surrogate"
        case .duplicateKey: "repeats an object key"
        case .tooDeep: "nests arrays and objects deeper than \(limit ?? 0) levels"
        case .stringTooLong: "has a string longer than \(limit ?? 0) bytes"
        case .numberOutOfRange: "has a number outside the range held exactly (finite, integers within ±2^53)"
        case .leadingZero: "has a number with a leading zero"
        case .invalidNumber: "has a malformed number"
        }
    }

    /// The same error for a document that starts `offset` bytes into a larger body and sits
    /// at `pointer` in it (one line of NDJSON).
    public func relocated(by offset: Int, under pointer: String) -> JSONSyntaxError {
        JSONSyntaxError(reason: reason, offset: self.offset + offset, pointer: pointer + self.pointer, limit: limit)
    }
}

extension JSONSyntaxError: CustomStringConvertible {
    public var description: String {
        "JSON at byte \(offset) (pointer \"\(pointer)\") \(explanation)"
    }
}
