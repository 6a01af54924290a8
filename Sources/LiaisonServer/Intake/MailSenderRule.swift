/// `mail.producers.ORG`: who may send reports as ORG through `liaison mail`, where the producer
/// is only named by the envelope (`--recipient abuse+ORG@…` or `mail.recipients`), not
/// authenticated. Without a rule, any sender is taken as the producer the recipient names.
///
/// The From address (RFC 5322 section 3.6.2) is the sender's claim, not proof: a rule of
/// `senders` alone trusts the MTA in front of the gateway to refuse forged mail (DMARC, say).
/// `require_signature` trusts only a PGP/MIME signature (RFC 3156) that verifies against the
/// producer's keyring (`mail.keyrings.ORG`).
public struct MailSenderRule: Sendable, Hashable {
    /// Lower-case addresses (`cert@cert.example.rs`) and domains (`cert.example.rs`: that
    /// domain exactly, not its subdomains).
    public var senders: [String]
    public var requireSignature: Bool

    public init(senders: [String] = [], requireSignature: Bool = false) {
        self.senders = senders.map { $0.lowercased() }
        self.requireSignature = requireSignature
    }

    /// Why a message is refused, by rule name: never the address, which is personal data.
    public enum Refusal: String, Sendable, Hashable {
        case senderNotListed = "sender-not-listed"
        case signatureRequired = "verified-signature-required"
    }

    /// Whether a message from `sender` (its first From address, if any) whose signature status
    /// is `signature` (``MailSubmission/signatureStatus(_:producer:)``) may be taken.
    public func refusal(sender: String?, signature: String) -> Refusal? {
        if requireSignature, !signature.hasPrefix("verified ") { return .signatureRequired }
        guard !senders.isEmpty else { return nil }
        guard let address = sender?.lowercased(), let at = address.lastIndex(of: "@") else { return .senderNotListed }
        let domain = String(address[address.index(after: at)...])
        return senders.contains(address) || senders.contains(domain) ? nil : .senderNotListed
    }
}
