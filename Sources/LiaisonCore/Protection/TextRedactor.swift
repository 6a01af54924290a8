/// Personal data in plain text, for `liaison redact`: the text with each personal value
/// replaced by its kind in brackets, or the spans found, in Unicode scalar offsets.
public struct TextRedactor: Sendable {
    public var policy: ProtectionPolicy
    let scanner: PersonalDataScanner

    public init(policy: ProtectionPolicy = .standard) {
        self.policy = policy
        scanner = PersonalDataScanner(kinds: Set(PersonalDataKind.allCases))
    }

    /// A span in Unicode scalar values from 0, end exclusive.
    public struct ScalarSpan: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
        public var type: PersonalDataKind
    }

    /// `text` with every value the policy counts as personal (role unknown) replaced by
    /// `[KIND]`, e.g. `[email]`.
    public func redact(_ text: String) -> String {
        let spans = scanner.scan(text).filter { policy.isPersonal($0.kind, role: .unknown) }
        return DetectedSpan.splice(text, spans) { "[\($0.kind.rawValue)]" }
    }

    /// Every personal-data span of every kind, URLs and domains included.
    public func spans(_ text: String) -> [ScalarSpan] {
        let found = scanner.scan(text)
        guard !found.isEmpty else { return [] }
        // One pass over the bytes: a scalar starts at every byte that is not 10xxxxxx.
        var spans: [ScalarSpan] = []
        spans.reserveCapacity(found.count)
        var scalar = 0
        var byteIndex = 0
        var starts: [Int: Int] = [:]
        var boundaries = Set(found.flatMap { [$0.utf8Range.lowerBound, $0.utf8Range.upperBound] })
        for byte in text.utf8 {
            if boundaries.remove(byteIndex) != nil { starts[byteIndex] = scalar }
            if byte & 0xC0 != 0x80 { scalar += 1 }
            byteIndex += 1
        }
        if boundaries.remove(byteIndex) != nil { starts[byteIndex] = scalar }
        for span in found {
            spans.append(ScalarSpan(start: starts[span.utf8Range.lowerBound]!, end: starts[span.utf8Range.upperBound]!, type: span.kind))
        }
        return spans
    }
}
