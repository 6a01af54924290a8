/// Which personal-data kinds, in which roles, go to the vault. Operator configuration
/// (`protection.*`), with safe defaults: e-mail addresses, phone numbers, IBANs, cards,
/// national ids, names and Message-IDs are always personal data; IP addresses, wallets and account
/// names are when
/// they belong to a victim or to no one known, but not when they are the offender's or
/// shared infrastructure, so that an attacking address can travel as an indicator.
/// URLs and domains are not personal in themselves; the personal parts inside them
/// (an e-mail address in a query string, say) are found and protected on their own.
public struct ProtectionPolicy: Sendable, Hashable {
    public var alwaysPersonal: Set<PersonalDataKind>
    public var personalRoles: [PersonalDataKind: Set<ObservableRole>]

    public init(alwaysPersonal: Set<PersonalDataKind>, personalRoles: [PersonalDataKind: Set<ObservableRole>]) {
        self.alwaysPersonal = alwaysPersonal
        self.personalRoles = personalRoles
    }

    public static let standard = ProtectionPolicy(
        alwaysPersonal: [.email, .phone, .iban, .paymentCard, .nationalID, .person, .messageID],
        personalRoles: [
            .ipv4: [.victim, .unknown], .ipv6: [.victim, .unknown], .cryptoWallet: [.victim, .unknown],
            .userAccount: [.victim, .unknown],
        ])

    public func isPersonal(_ kind: PersonalDataKind, role: ObservableRole) -> Bool {
        alwaysPersonal.contains(kind) || personalRoles[kind]?.contains(role) == true
    }

    /// The kinds the text scanner must look for under this policy: every kind that can be
    /// personal, plus URLs and domains, whose personal parts are reported on their own.
    public var scannedKinds: Set<PersonalDataKind> {
        alwaysPersonal.union(personalRoles.filter { !$0.value.isEmpty }.keys)
    }
}
