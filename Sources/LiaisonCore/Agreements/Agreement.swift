import Foundation

/// A memorandum of understanding between a producer and a consumer, as Liaison
/// enforces it: which incidents the consumer gets, which of their fields, and what
/// becomes of each kind of personal data. Anything it does not name is not shared.
public struct Agreement: Sendable, Hashable, Identifiable {
    public var id: String
    public var producer: String
    public var consumer: String
    /// The MoU's title and reference (its number or file), as the parties signed it.
    public var title: String?
    public var reference: String?
    /// The MoU article or law that allows the sharing; required for `reveal`.
    public var legalBasis: String?
    /// Why the consumer receives incidents (LED Art. 8: a purpose set out in law).
    public var purpose: String?
    /// Whether every read of what this version shares (feed, incident API, TAXII) must state
    /// its purpose (``ReadPurpose``); `require_purpose` in the document, true unless it says
    /// false, so that a consumer's reads are purpose-bound unless the parties agreed otherwise.
    public var requiresPurpose = true
    /// The version is in force from `validFrom` (or its approval) until `validUntil`, and
    /// within its IEP policy's dates; it expires by itself at the end.
    public var validFrom: Date?
    public var validUntil: Date?
    /// When the parties mean to review the MoU.
    public var reviewDate: Date?
    /// Points of contact of each party, shown only to the two parties' admins.
    public var contacts: [Contact] = []
    /// The FIRST IEP 2.0 policy that governs what the consumer may do with what it receives.
    public var iep: IEPPolicy?
    public var match: Match
    public var fields: Set<IncidentField>
    /// What each kind of personal data becomes; a kind not named is dropped.
    public var personalData: [PersonalDataKind: RenderAction]
    /// Overrides by role: an offender's e-mail address revealed, a victim's masked, say.
    public var personalDataByRole: [PersonalDataKind: [ObservableRole: RenderAction]] = [:]
    /// The per-agreement key for `pseudonymise`, so two consumers cannot link pseudonyms.
    public var pseudonymKey: Secret?
    /// Where pushes go; without one the consumer pulls from the feed only.
    public var webhook: Webhook?
    /// Whether the agreement shares now. Not part of a version's rules: suspending or
    /// terminating narrows every later read and pending send, whatever version decided it.
    public var status: Status = .active

    public init(
        id: String, producer: String, consumer: String, legalBasis: String? = nil, match: Match,
        fields: Set<IncidentField>, personalData: [PersonalDataKind: RenderAction], pseudonymKey: Secret?,
        webhook: Webhook?
    ) {
        self.id = id
        self.producer = producer
        self.consumer = consumer
        self.legalBasis = legalBasis
        self.match = match
        self.fields = fields
        self.personalData = personalData
        self.pseudonymKey = pseudonymKey
        self.webhook = webhook
    }

    /// An agreement in force shares; a suspended one shares nothing until resumed; a
    /// terminated one never again.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case active, suspended, terminated
    }

    /// Which incidents an agreement covers: those of a covered RSIT taxonomy, or of a class
    /// that points to a covered offence (`schemas/offences.md`), up to a TLP label.
    public struct Match: Sendable, Hashable {
        public var taxonomies: Set<String>
        public var offences: Set<Offence>
        /// The most restrictive TLP label the consumer may receive.
        public var maxTLP: TLP

        public init(taxonomies: Set<String>, offences: Set<Offence> = [], maxTLP: TLP) {
            self.taxonomies = taxonomies
            self.offences = offences
            self.maxTLP = maxTLP
        }

        public func covers(_ classification: Classification) -> Bool {
            taxonomies.contains(classification.taxonomy) || !offences.isDisjoint(with: Offence.of(classification))
        }
    }

    /// A point of contact of one party (staff data: a name, an e-mail address, a phone).
    public struct Contact: Sendable, Hashable, Codable {
        public enum Party: String, Sendable, Hashable, Codable, CaseIterable { case producer, consumer }
        public var party: Party
        public var role: String
        public var name: String
        public var email: String?
        public var phone: String?

        public init(party: Party, role: String, name: String, email: String? = nil, phone: String? = nil) {
            self.party = party
            self.role = role
            self.name = name
            self.email = email
            self.phone = phone
        }
    }

    /// A consumer's webhook endpoint, the Standard Webhooks signing secret, and the payload
    /// format its receiver reads. While a secret is being rotated, the previous one signs too
    /// until `previousSecretUntil`; with `v1a`, an Ed25519 signature is added as well.
    public struct Webhook: Sendable, Hashable {
        public var url: String
        public var secret: Secret
        public var format: PayloadFormat
        /// The secret being replaced, still used (as a second `v1` signature) until
        /// `previousSecretUntil`, so that receivers can switch at their own pace.
        public var previousSecret: Secret?
        public var previousSecretUntil: Date?
        /// Adds a `v1a` (Ed25519) signature, verifiable with the agreement's public key.
        public var v1a: Bool
        /// How the receiver is trusted and how the gateway proves itself to it; nil: the
        /// system's trust roots and no client certificate.
        public var tls: WebhookTLS?

        public init(
            url: String, secret: Secret, format: PayloadFormat = .json, previousSecret: Secret? = nil, previousSecretUntil: Date? = nil,
            v1a: Bool = false, tls: WebhookTLS? = nil
        ) {
            self.url = url
            self.secret = secret
            self.format = format
            self.previousSecret = previousSecret
            self.previousSecretUntil = previousSecretUntil
            self.v1a = v1a
            self.tls = tls
        }

        /// The `v1` secrets that sign at `now`: the current one, and the previous one during
        /// the rotation's overlap.
        public func secrets(at now: Date) -> [Secret] {
            guard let previousSecret, let previousSecretUntil, now < previousSecretUntil else { return [secret] }
            return [secret, previousSecret]
        }
    }

    /// What a webhook body holds: Liaison's JSON projection in the Standard Webhooks
    /// envelope, or the disclosure as a STIX 2.1 bundle (`schemas/stix-export.md`).
    public enum PayloadFormat: String, Sendable, Hashable, Codable, CaseIterable {
        case json, stix
    }
}

extension Agreement {
    /// What a value of `kind` in `role` becomes under this agreement (role nil: not known).
    public func action(for kind: PersonalDataKind, role: ObservableRole?) -> RenderAction {
        role.flatMap { personalDataByRole[kind]?[$0] } ?? personalData[kind] ?? .drop
    }
}

/// The incident fields an agreement can share. The incident id and its TLP label always
/// travel, since a consumer cannot honour a marking it does not see.
public enum IncidentField: String, Sendable, Hashable, Codable, CaseIterable {
    case producer, classification, title, description, observables
    case receivedAt = "received_at"
    case firstSeen = "first_seen"
    case lastSeen = "last_seen"
}

/// What becomes of a personal value in a consumer's projection.
public enum RenderAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Removed: an observable disappears, a value in text reads `[redacted]`.
    case drop
    /// Kind-aware partial value: `j***@example.rs`, a phone's last three digits.
    case mask
    /// Keyed HMAC-SHA256 with the agreement's key: stable for one consumer, unlinkable
    /// across consumers.
    case pseudonymise
    /// A coarser value: IPv4 to its /24, IPv6 to its /48, e-mail to its domain, a wallet
    /// to its chain, an IBAN to its country, a card to its issuer number, a URL to its host.
    case generalise
    /// The value itself. Only under an agreement that names its legal basis; every
    /// reveal is audited.
    case reveal

    /// The kinds `generalise` has a rule for.
    public static let generalisable: Set<PersonalDataKind> = [
        .ipv4, .ipv6, .email, .cryptoWallet, .iban, .paymentCard, .url, .domain,
    ]
}

/// Key material that never prints: its description is a placeholder, so it cannot
/// reach a log line or an error message by accident.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// `count` bytes from the system's cryptographically secure generator.
    public static func random(count: Int = 32) -> Secret {
        var generator = SystemRandomNumberGenerator()
        return Secret(bytes: (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    public var description: String { "<secret>" }
    public var debugDescription: String { "<secret>" }
}
