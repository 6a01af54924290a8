/// The kinds of personal data Liaison finds and keeps out of the shared store.
public enum PersonalDataKind: String, Sendable, Hashable, Codable, CaseIterable {
    case email, phone, iban
    case paymentCard = "payment-card"
    case ipv4, ipv6, url, domain
    case nationalID = "national-id"
    case cryptoWallet = "crypto-wallet"
    case person
}

/// One finding in a text: byte offsets into its UTF-8 (end exclusive), the kind, the
/// detector that found it, and the real value (defanging undone, separators removed).
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
