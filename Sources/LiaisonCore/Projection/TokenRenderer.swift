import Crypto

/// Turns tokens into what one agreement allows: nothing, a masked value, or a pseudonym.
struct TokenRenderer {
    var action: (Token) -> RenderAction
    var pseudonymKey: Secret?
    var plaintexts: [Token: String]

    static let erased = "[erased]"
    static let redacted = "[redacted]"

    func render(text: String) -> String {
        Token.replacing(in: text) { render($0) ?? Self.redacted }
    }

    /// An observable whose value is a dropped token disappears.
    func render(_ observable: Observable) -> Observable? {
        guard let token = Token(text: observable.value) else { return observable }
        guard let value = render(token) else { return nil }
        var rendered = observable
        rendered.value = value
        return rendered
    }

    /// nil means drop.
    func render(_ token: Token) -> String? {
        let action = self.action(token)
        if action == .drop { return nil }
        guard let plaintext = plaintexts[token] else { return Self.erased }
        switch action {
        case .drop: return nil
        case .mask: return Self.mask(plaintext, kind: token.kind)
        case .reveal: return plaintext
        case .generalise: return Self.generalise(plaintext, kind: token.kind)
        case .pseudonymise:
            guard let key = pseudonymKey else { return nil }
            let mac = HMAC<SHA256>.authenticationCode(
                for: Array((token.kind.rawValue + ":" + plaintext).utf8), using: SymmetricKey(data: key.bytes))
            let hex = mac.prefix(8).map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
            return "pseudonym:\(token.kind.rawValue):\(hex)"
        }
    }

    /// A coarser value that still serves an investigation: the network, the provider, the
    /// chain, the country, the issuer. A kind without a rule is redacted (agreements are
    /// checked for that when loaded).
    static func generalise(_ value: String, kind: PersonalDataKind) -> String {
        switch kind {
        case .ipv4:
            let octets = value.split(separator: ".")
            guard octets.count == 4 else { return redacted }
            return octets.prefix(3).joined(separator: ".") + ".0/24"
        case .ipv6:
            return IPv6Prefix.slash48(value) ?? redacted
        case .email:
            guard let at = value.lastIndex(of: "@") else { return redacted }
            return "*" + value[at...]
        case .cryptoWallet:
            return WalletChain.name(of: value)
        case .iban:
            return String(value.prefix(2))
        case .paymentCard:
            return "IIN " + value.filter(\.isASCIIDigit).prefix(6)
        case .url:
            return URLHost.of(value).map { "host " + $0 } ?? redacted
        case .domain:
            return value.split(separator: ".").suffix(2).joined(separator: ".")
        default:
            return redacted
        }
    }

    /// Kind-aware masking: enough to recognise a value one already knows, not to learn it.
    static func mask(_ value: String, kind: PersonalDataKind) -> String {
        switch kind {
        case .email:
            guard let at = value.lastIndex(of: "@"), let first = value.first, at > value.startIndex else {
                return "***"
            }
            return String(first) + "***" + value[at...]
        case .phone:
            return "***" + value.suffix(3)
        case .iban:
            return value.prefix(2) + "***" + value.suffix(4)
        case .paymentCard:
            return "***" + value.suffix(4)
        default:
            return "***"
        }
    }
}
