/// Who an observable belongs to, in the sense of the EU Law Enforcement Directive
/// 2016/680 Art. 6 (categories of data subjects): the offender's, the victim's, shared
/// infrastructure, or not known.
public enum ObservableRole: String, Sendable, Hashable, Codable, CaseIterable {
    case offender, victim, infrastructure, unknown
}

/// What an observable value is.
public enum ObservableKind: String, Sendable, Hashable, Codable, CaseIterable {
    case email, phone, ipv4, ipv6, domain, url, asn, iban, person
    case paymentCard = "payment-card"
    case nationalID = "national-id"
    case hashMD5 = "hash-md5"
    case hashSHA1 = "hash-sha1"
    case hashSHA256 = "hash-sha256"
    case fileName = "file-name"
    case cryptoWallet = "crypto-wallet"
    case userAccount = "user-account"
    case other

    /// The personal-data kind a value of this observable kind can be; whether it is one
    /// depends on its role and the ``ProtectionPolicy``.
    public var personalDataKind: PersonalDataKind? {
        switch self {
        case .email: .email
        case .phone: .phone
        case .iban: .iban
        case .person: .person
        case .paymentCard: .paymentCard
        case .nationalID: .nationalID
        case .ipv4: .ipv4
        case .ipv6: .ipv6
        case .cryptoWallet: .cryptoWallet
        case .userAccount: .userAccount
        case .url: .url
        case .domain: .domain
        default: nil
        }
    }
}

/// A value seen in an incident, with its kind and role. Once protected, `value` of a
/// personal kind is a token's text, never the plaintext.
public struct Observable: Sendable, Hashable, Codable {
    public var kind: ObservableKind
    public var value: String
    public var role: ObservableRole

    public init(kind: ObservableKind, value: String, role: ObservableRole) {
        self.kind = kind
        self.value = value
        self.role = role
    }
}
