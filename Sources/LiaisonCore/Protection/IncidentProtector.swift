import Foundation

/// Replaces every personal value in a draft with a token and hands the plaintexts
/// back for the vault, so that what it returns can go to the shared store.
///
/// Observables whose kind is always personal data (e-mail, phone, IBAN) are tokenised
/// whatever their role; free text (title, description) is scanned by the
/// ``PersonalDataScanner``. The same value in one incident gets the same token.
public struct IncidentProtector: Sendable {
    public var scanner: PersonalDataScanner

    public init(scanner: PersonalDataScanner = PersonalDataScanner()) {
        self.scanner = scanner
    }

    public struct Result: Sendable {
        public var incident: Incident
        public var vault: [VaultItem]
        /// The draft's natural key, which makes a re-sent incident a duplicate.
        public var naturalKey: String
    }

    public func protect(
        _ draft: IncidentDraft, id: Incident.ID, producer: String, receivedAt: Date,
        makeTokenID: @escaping () -> String = Token.randomID
    ) -> Result {
        var session = Session(makeTokenID: makeTokenID)
        var observables: [Observable] = []
        observables.reserveCapacity(draft.observables.count)
        for (index, observable) in draft.observables.enumerated() {
            var protected = observable
            if let kind = observable.kind.personalDataKind {
                let token = session.token(
                    for: normalised(observable.value, kind: kind), kind: kind, role: observable.role,
                    field: "/observables/\(index)/value", detector: "structured")
                protected.value = token.text
            }
            observables.append(protected)
        }
        let title = session.replace(in: draft.title, field: "/title", spans: scanner.scan(draft.title))
        let description = session.replace(
            in: draft.description, field: "/description", spans: scanner.scan(draft.description))
        let incident = Incident(
            id: id, producer: producer, receivedAt: receivedAt, classification: draft.classification,
            tlp: draft.tlp, title: title, description: description, firstSeen: draft.firstSeen,
            lastSeen: draft.lastSeen, observables: observables, redactions: session.redactions)
        return Result(incident: incident, vault: session.vault, naturalKey: draft.naturalKey)
    }

    private func normalised(_ value: String, kind: PersonalDataKind) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .email:
            guard let at = trimmed.lastIndex(of: "@") else { return trimmed }
            return trimmed[..<at] + trimmed[at...].lowercased()
        case .phone, .iban:
            return trimmed.filter { !" .-()".contains($0) }.uppercased()
        default:
            return trimmed
        }
    }

    /// The tokens handed out for one incident.
    private struct Session {
        let makeTokenID: () -> String
        var tokens: [String: Token] = [:]
        var vault: [VaultItem] = []
        var redactions: [Redaction] = []

        mutating func token(
            for value: String, kind: PersonalDataKind, role: ObservableRole, field: String, detector: String
        ) -> Token {
            let key = kind.rawValue + "\u{0}" + value
            let token: Token
            if let existing = tokens[key] {
                token = existing
            } else {
                token = Token(kind: kind, id: makeTokenID())
                tokens[key] = token
                vault.append(VaultItem(token: token, role: role, plaintext: value))
            }
            redactions.append(Redaction(field: field, kind: kind, detector: detector, token: token.text))
            return token
        }

        mutating func replace(in text: String, field: String, spans: [DetectedSpan]) -> String {
            guard !spans.isEmpty else { return text }
            let bytes = Array(text.utf8)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var cursor = 0
            for span in spans {
                output.append(contentsOf: bytes[cursor..<span.utf8Range.lowerBound])
                let token = self.token(
                    for: span.normalised, kind: span.kind, role: .unknown, field: field, detector: span.detector)
                output.append(contentsOf: token.text.utf8)
                cursor = span.utf8Range.upperBound
            }
            output.append(contentsOf: bytes[cursor...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}

extension Token {
    /// 64 random bits as 16 lower-case hex digits.
    public static func randomID() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
