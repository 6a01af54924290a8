/// The kinds of personal data Liaison must recognise before a report crosses the CERT/police boundary.
/// Raw values are the stable wire names used in audit records.
public enum PersonalDataKind: String, Sendable, Hashable, Codable, CaseIterable {
    case email, phone, iban
    case paymentCard = "payment-card"
    case ipv4, ipv6, url, domain
    case nationalID = "national-id"
    case cryptoWallet = "crypto-wallet"
    case person
    /// An account name on a service (a victim's login); known only from structured fields.
    case userAccount = "user-account"
    /// A mail's Message-ID (RFC 5322 section 3.6.4): its left part often carries a name or a
    /// birth date; known only from the header, kept in the vault for evidence.
    case messageID = "message-id"
}

/// One finding: byte offsets into the UTF-8 of the scanned text (end exclusive), the kind, the
/// detector's name (e.g. "iban-mod97"), and the normalised real value (defanging undone, spaces
/// removed from IBAN/card/phone, e-mail lowercased domain, phone in E.164 where the country is known).
public struct DetectedSpan: Sendable, Hashable {
    public var kind: PersonalDataKind
    public var utf8Range: Range<Int>
    public var detector: String
    public var normalised: String

    public init(kind: PersonalDataKind, utf8Range: Range<Int>, detector: String, normalised: String) {
        self.kind = kind
        self.utf8Range = utf8Range
        self.detector = detector
        self.normalised = normalised
    }
}

extension DetectedSpan {
    /// `text` with each span (sorted, not overlapping, as the scanner gives them) replaced by
    /// what `replacement` makes of it.
    static func splice(_ text: String, _ spans: [DetectedSpan], with replacement: (DetectedSpan) -> String) -> String {
        guard !spans.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for span in spans {
            output += bytes[cursor..<span.utf8Range.lowerBound]
            output += Array(replacement(span).utf8)
            cursor = span.utf8Range.upperBound
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }
}

/// A proposal from one detector, in coordinates of the (possibly refanged) byte buffer.
struct Candidate {
    var kind: PersonalDataKind
    var start: Int
    var end: Int
    var detector: String
    var normalised: String

    var length: Int { end - start }
}
