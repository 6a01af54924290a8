/// The purpose a consumer states for one read of what was shared with it: the case or
/// inquiry it serves and, where the reader names one, the legal basis (EU Directive
/// 2016/680, Art. 25: consultation and disclosure are logged with their justification, the
/// date and time and, as far as possible, the person). Sent as the `Liaison-Purpose` header
/// field, `case=<reference>; basis=<text>`; a TAXII client that cannot add header fields sends
/// the same text, percent-encoded, as the `purpose` query parameter.
///
/// The syntax is RFC 9110's parameters (section 5.6.6), read strictly: `;`-separated
/// `name=value` pairs, names `case` and `basis` (case-insensitive) each at most once, a value
/// either plain text without `;`, `"` and `\` or an RFC 9110 quoted-string (section 5.6.4,
/// which may hold `;`). `case` is required; `basis` may be left out, and the ledger then
/// records the legal basis of the agreement version that shared the incident. Values are
/// bounded and hold no control or format characters (a purpose is shown to auditors and to
/// the producer, and must read as what it says). Purposes are not personal data by
/// assumption, but they are free text: they are recorded in the ledger and never logged.
public struct ReadPurpose: Sendable, Hashable {
    /// The reference of the case, inquiry or request the read serves: 1–128 characters.
    public var caseReference: String
    /// The legal basis the reader names: 1–512 characters; nil: the agreement's.
    public var basis: String?

    /// Bounds, in Unicode scalars, and of the whole text in UTF-8 bytes (read before parsing).
    public static let maxCaseLength = 128
    public static let maxBasisLength = 512
    public static let maxTextBytes = 2048

    public init(caseReference: String, basis: String? = nil) {
        self.caseReference = caseReference
        self.basis = basis
    }

    /// Why a purpose cannot be read. Cases name the rule broken, never the text.
    public enum Malformed: Error, Sendable, Equatable, CaseIterable {
        /// The text is longer than ``maxTextBytes``.
        case tooLong
        /// A parameter is not `name=value`, or a quoted string is not closed.
        case syntax
        /// A parameter other than `case` and `basis`.
        case unknownParameter
        /// `case` or `basis` given twice (or the header field sent twice).
        case repeated
        /// No `case`.
        case caseMissing
        /// A value that is empty or only spaces.
        case emptyValue
        case caseTooLong
        case basisTooLong
        /// A control or format character (U+0000–U+001F, U+007F–U+009F, bidirectional
        /// overrides, line and paragraph separators…).
        case controlCharacter
    }

    /// Reads `case=<reference>; basis=<text>`.
    public init(parsing text: String) throws(Malformed) {
        guard text.utf8.count <= Self.maxTextBytes else { throw .tooLong }
        // A tab may stand around `;` and `=` (RFC 9110's optional whitespace), nowhere else.
        guard !text.unicodeScalars.contains(where: { $0 != "\t" && Self.isControlOrFormat($0) }) else { throw .controlCharacter }
        guard !text.allSatisfy(\.isWhitespace) else { throw .caseMissing }
        var parameters: [String: String] = [:]
        var rest = Substring(text)
        while true {
            let (name, value, remainder) = try Self.parameter(&rest)
            guard name == "case" || name == "basis" else { throw .unknownParameter }
            guard parameters[name] == nil else { throw .repeated }
            parameters[name] = value
            guard remainder else { break }
        }
        guard let reference = parameters["case"] else { throw .caseMissing }
        guard reference.unicodeScalars.count <= Self.maxCaseLength else { throw .caseTooLong }
        if let basis = parameters["basis"], basis.unicodeScalars.count > Self.maxBasisLength { throw .basisTooLong }
        self.init(caseReference: reference, basis: parameters["basis"])
    }

    /// One `name=value` from the front of `rest`, the name lower-cased; `more` says whether a
    /// `;` followed it.
    private static func parameter(_ rest: inout Substring) throws(Malformed) -> (name: String, value: String, more: Bool) {
        guard let equals = rest.firstIndex(of: "=") else { throw .syntax }
        let name = rest[..<equals].trimmingSpaces
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isNameScalar) else { throw .syntax }
        rest = rest[rest.index(after: equals)...]
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let value: String
        if rest.first == "\"" {
            value = try quotedString(&rest)
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard rest.isEmpty || rest.first == ";" else { throw .syntax }
        } else {
            let end = rest.firstIndex(of: ";") ?? rest.endIndex
            value = String(rest[..<end].trimmingSpaces)
            guard !value.contains("\""), !value.contains("\\") else { throw .syntax }
            rest = rest[end...]
        }
        guard !value.contains("\t") else { throw .controlCharacter }
        guard !value.allSatisfy(\.isWhitespace) else { throw .emptyValue }
        let more = rest.first == ";"
        if more { rest = rest.dropFirst() }
        return (name.lowercased(), value, more)
    }

    /// An RFC 9110 quoted-string (section 5.6.4) at the front of `rest`, unescaped.
    private static func quotedString(_ rest: inout Substring) throws(Malformed) -> String {
        var value = ""
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex {
            let character = rest[index]
            if character == "\"" {
                rest = rest[rest.index(after: index)...]
                return value
            }
            if character == "\\" {
                index = rest.index(after: index)
                guard index < rest.endIndex else { break }
            }
            value.append(rest[index])
            index = rest.index(after: index)
        }
        throw .syntax
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }

    /// Control characters (Cc), format characters (Cf: bidirectional overrides, zero-width
    /// joiners) and the line and paragraph separators, which could make a purpose read as
    /// something it is not.
    static func isControlOrFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}

extension ReadPurpose {
    /// Whether reading a disclosure needs a stated purpose: when the agreement version that
    /// decided it requires one, or the version in force now does. A later version may so
    /// tighten the rule for every read, but never loosen it for what was shared under a
    /// stricter one — as a later version never widens what was already shared.
    public static func isRequired(decidedUnder decided: Agreement, inForce current: Agreement?) -> Bool {
        decided.requiresPurpose || (current?.requiresPurpose ?? false)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var trimmed = self
        while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed
    }
}
