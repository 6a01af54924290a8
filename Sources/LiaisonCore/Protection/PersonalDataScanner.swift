/// Finds personal data in free text in one pass over its UTF-8 bytes.
///
/// First cut: e-mail addresses (RFC 5322 dot-atom local parts, dotted domains) and
/// international phone numbers (E.164: `+`, country code, 8–15 digits, separated by
/// spaces, dots, dashes or brackets). Each detector proposes a candidate at a trigger
/// byte (`@`, `+`) and grows it outwards; growth stops at the trigger bytes, so no input
/// makes the pass worse than linear.
public struct PersonalDataScanner: Sendable {
    public var kinds: Set<PersonalDataKind>

    public init(kinds: Set<PersonalDataKind> = Set(PersonalDataKind.allCases)) {
        self.kinds = kinds
    }

    public func scan(_ text: String) -> [DetectedSpan] {
        let bytes = Array(text.utf8)
        var spans: [DetectedSpan] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@"), kinds.contains(.email),
                let span = email(at: index, in: bytes, after: spans.last?.utf8Range.upperBound ?? 0)
            {
                spans.append(span)
                index = span.utf8Range.upperBound
                continue
            }
            if byte == UInt8(ascii: "+"), kinds.contains(.phone), let span = phone(at: index, in: bytes) {
                spans.append(span)
                index = span.utf8Range.upperBound
                continue
            }
            index += 1
        }
        return spans
    }

    private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "._%+-=!#$&'*/?^`{|}~".utf8.contains(byte)
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte >= 0x80
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private func email(at: Int, in bytes: [UInt8], after floor: Int) -> DetectedSpan? {
        var start = at
        while start > floor, Self.isLocalPartByte(bytes[start - 1]) { start -= 1 }
        while start < at, bytes[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at, bytes[at - 1] != UInt8(ascii: ".") else { return nil }
        var end = at + 1
        while end < bytes.count, Self.isDomainByte(bytes[end]) { end += 1 }
        while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") {
            end -= 1
        }
        let domain = bytes[(at + 1)..<end]
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }),
            let tld = labels.last, tld.count >= 2, !tld.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let local = String(decoding: bytes[start..<at], as: UTF8.self)
        let host = String(decoding: domain, as: UTF8.self).lowercased()
        return DetectedSpan(
            kind: .email, utf8Range: start..<end, detector: "email-rfc5322", normalised: local + "@" + host)
    }

    private func phone(at plus: Int, in bytes: [UInt8]) -> DetectedSpan? {
        if plus > 0, Self.isAlphanumeric(bytes[plus - 1]) { return nil }
        var digits: [UInt8] = []
        var end = plus + 1
        var lastDigitEnd = end
        var separatorRun = 0
        while end < bytes.count, digits.count <= 15 {
            let byte = bytes[end]
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte)
                lastDigitEnd = end + 1
                separatorRun = 0
            } else if " .-()".utf8.contains(byte), separatorRun < 2 {
                separatorRun += 1
            } else {
                break
            }
            end += 1
        }
        guard digits.count >= 8, digits.count <= 15, digits.first != UInt8(ascii: "0") else { return nil }
        if lastDigitEnd < bytes.count, Self.isAlphanumeric(bytes[lastDigitEnd]) { return nil }
        return DetectedSpan(
            kind: .phone, utf8Range: plus..<lastDigitEnd, detector: "phone-e164",
            normalised: "+" + String(decoding: digits, as: UTF8.self))
    }
}
