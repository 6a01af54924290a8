/// The stand-in for one personal value in the shared store.
///
/// Its text is `[[pd:KIND:ID]]` with a 16-hex-digit id, for example
/// `[[pd:email:3f9a1c2b7d4e8f60]]`: plain ASCII without `<`, `>`, `&`, quotes or
/// backslashes, so it passes through JSON, HTML and e-mail unchanged; the double
/// brackets and the `pd:` prefix make it easy to spot and unlike any real value.
public struct Token: Sendable, Hashable, Codable {
    public var kind: PersonalDataKind
    public var id: String

    public init(kind: PersonalDataKind, id: String) {
        self.kind = kind
        self.id = id
    }

    public var text: String { "[[pd:\(kind.rawValue):\(id)]]" }

    /// Parses a whole token text, or returns nil.
    public init?(text: String) {
        guard let match = Token.occurrences(in: text).first,
            match.range == text.utf8.startIndex..<text.utf8.endIndex
        else { return nil }
        self = match.token
    }

    /// Every token in `text`, with where it stands, in order.
    public static func occurrences(in text: String) -> [(token: Token, range: Range<String.Index>)] {
        var found: [(Token, Range<String.Index>)] = []
        var search = text.startIndex
        while let open = text.range(of: "[[pd:", range: search..<text.endIndex) {
            search = open.upperBound
            guard let close = text.range(of: "]]", range: open.upperBound..<text.endIndex) else { break }
            let inner = text[open.upperBound..<close.lowerBound]
            let parts = inner.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let kind = PersonalDataKind(rawValue: String(parts[0])),
                parts[1].utf8.count == 16, parts[1].utf8.allSatisfy(isLowerHex)
            else { continue }
            found.append((Token(kind: kind, id: String(parts[1])), open.lowerBound..<close.upperBound))
            search = close.upperBound
        }
        return found
    }

    /// `text` with every token replaced by its kind in brackets (`[email]`): for showing
    /// where personal data stood without rendering it.
    public static func labelled(_ text: String) -> String {
        replacing(in: text) { "[\($0.kind.rawValue)]" }
    }

    /// `text` with every token replaced by what `replacement` makes of it.
    public static func replacing(in text: String, with replacement: (Token) -> String) -> String {
        let found = occurrences(in: text)
        guard !found.isEmpty else { return text }
        var output = ""
        var cursor = text.startIndex
        for (token, range) in found {
            output += text[cursor..<range.lowerBound]
            output += replacement(token)
            cursor = range.upperBound
        }
        return output + text[cursor...]
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }
}

/// What protection replaced, without the value: the place (a JSON Pointer into the
/// incident), the kind, the role, the detector, and the token that now stands there.
public struct Redaction: Sendable, Hashable, Codable {
    public var field: String
    public var kind: PersonalDataKind
    public var detector: String
    public var token: String
    public var role: ObservableRole?

    public init(field: String, kind: PersonalDataKind, detector: String, token: String, role: ObservableRole?) {
        self.field = field
        self.kind = kind
        self.detector = detector
        self.token = token
        self.role = role
    }
}

/// A plaintext personal value bound for the encrypted vault, with its token and role.
public struct VaultItem: Sendable, Hashable {
    public var token: Token
    public var role: ObservableRole
    public var plaintext: String

    public init(token: Token, role: ObservableRole, plaintext: String) {
        self.token = token
        self.role = role
        self.plaintext = plaintext
    }
}
