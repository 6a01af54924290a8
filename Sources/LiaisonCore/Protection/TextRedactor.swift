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
        return zip(found, ScalarOffsets.scalarRanges(of: found, in: text)).map {
            ScalarSpan(start: $1.lowerBound, end: $1.upperBound, type: $0.kind)
        }
    }
}
