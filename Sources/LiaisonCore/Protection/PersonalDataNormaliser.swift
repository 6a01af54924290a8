import Foundation

/// The one written form of each kind of personal value, so that the same person's value
/// gets the same token, lookup hash and pseudonym however it was written: e-mail in
/// lower case (RFC 5321 lets a local part be case-sensitive, but no mailbox provider
/// treats it so, and erasure must not miss a person over case); phone, IBAN, card and national id without separators (IBAN upper
/// case); addresses lower case; names with single spaces.
public enum PersonalDataNormaliser {
    public static func normalise(_ value: String, as kind: PersonalDataKind) -> String {
        let trimmed = value.trimmedOfWhitespace
        switch kind {
        case .email:
            return trimmed.lowercased()
        case .phone:
            let digits = trimmed.filter(\.isASCIIDigit)
            if trimmed.hasPrefix("+") { return "+" + digits }
            if digits.hasPrefix("00") { return "+" + digits.dropFirst(2) }
            return digits
        case .iban, .paymentCard, .nationalID:
            return trimmed.filter { !" -.".contains($0) }.uppercased()
        case .ipv4, .ipv6, .domain:
            return trimmed.lowercased()
        case .person:
            return trimmed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        case .url, .cryptoWallet, .userAccount, .messageID:
            return trimmed
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
