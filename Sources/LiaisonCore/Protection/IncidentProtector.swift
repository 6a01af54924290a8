import Foundation

/// Replaces every personal value in a draft with a token and hands the plaintexts
/// back for the vault, so that what it returns can go to the shared store.
///
/// Which values count is the ``ProtectionPolicy``'s decision: a structured observable by
/// its kind and role; a value found in free text (title, description) by its kind, with
/// role unknown. URL and domain observables keep their value, but the personal parts
/// inside them are tokenised. The same value in one incident gets the same token.
public struct IncidentProtector: Sendable {
    public var policy: ProtectionPolicy
    let scanner: PersonalDataScanner
    /// For text from fields that hold e-mail addresses: takes an address under any TLD.
    let addressScanner: PersonalDataScanner

    public init(policy: ProtectionPolicy = .standard) {
        self.policy = policy
        // URLs and domains are scanned too, so that the scanner can tell a URL's own host
        // from a personal value inside it; they are then kept unless the policy says otherwise.
        let kinds = policy.scannedKinds.union([.url, .domain])
        self.scanner = PersonalDataScanner(kinds: kinds)
        self.addressScanner = PersonalDataScanner(kinds: kinds, emailsUnderAnyTopLevelDomain: true)
    }

    public struct Result: Sendable {
        public var incident: Incident
        public var vault: [VaultItem]
        /// The draft's natural key, which makes a re-sent incident a duplicate.
        public var naturalKey: String
        /// The draft's version, if the producer gives one (see ``IncidentDraft/modified``).
        public var modified: Date?
        /// The custody record's details in canonical JSON: the bytes of
        /// `incident.custody.canonicalJSON`, written while protecting when the draft names its
        /// custody fields in canonical order already (as the event readers do), so that the
        /// names need not be sorted again.
        public var custodyJSON: [UInt8]
    }

    public func protect(
        _ draft: IncidentDraft, id: Incident.ID, producer: String, receivedAt: Date,
        makeTokenID: @escaping () -> String = Token.randomID
    ) -> Result {
        var scans = TextScans()
        return protect(draft, id: id, producer: producer, receivedAt: receivedAt, makeTokenID: makeTokenID, scans: &scans)
    }

    /// One intake's drafts, each under a new random id. Free text that repeats across them (a
    /// feed's title, a provider's boilerplate) is scanned once; what comes out is what
    /// protecting each draft on its own gives.
    public func protect(_ drafts: [IncidentDraft], producer: String, receivedAt: Date) -> [Result] {
        var scans = TextScans()
        return drafts.map {
            protect($0, id: UUID.random(), producer: producer, receivedAt: receivedAt, makeTokenID: Token.randomID, scans: &scans)
        }
    }

    private func protect(
        _ draft: IncidentDraft, id: Incident.ID, producer: String, receivedAt: Date, makeTokenID: @escaping () -> String,
        scans: inout TextScans
    ) -> Result {
        var session = Session(makeTokenID: makeTokenID)
        var observables: [Observable] = []
        observables.reserveCapacity(draft.observables.count)
        for (index, observable) in draft.observables.enumerated() {
            var protected = observable
            // The field's pointer is written out only for a redaction (most observables have none).
            let field = { "/observables/\(index)/value" }
            switch observable.kind.personalDataKind {
            case let kind? where kind == .url || kind == .domain:
                let spans = scanner.personalSpans(inObservable: observable.value, kind: kind) {
                    policy.isPersonal($0, role: observable.role)
                }
                protected.value = session.replace(in: observable.value, field: field(), spans: spans, role: observable.role)
            case let kind? where policy.isPersonal(kind, role: observable.role):
                protected.value = session.token(
                    for: PersonalDataNormaliser.normalise(observable.value, as: kind), kind: kind, role: observable.role,
                    field: field(), detector: "structured")
            default:
                break
            }
            observables.append(protected)
        }
        let known = knownValues(draft)
        let title = session.replace(
            in: draft.title, field: "/title",
            spans: personalSpans(in: draft.title, known: known, addresses: false, scans: &scans), role: .unknown)
        let description = session.replace(
            in: draft.description, field: "/description",
            spans: personalSpans(in: draft.description, known: known, addresses: false, scans: &scans), role: .unknown)
        var custody: [String: String] = [:]
        custody.reserveCapacity(draft.custody.count)
        var details = OrderedDetails()
        for field in draft.custody {
            let pointer = { "/custody/\(field.name)" }
            let value: String
            switch field.content {
            case .text(let text), .addressText(let text):
                let holdsAddresses = if case .addressText = field.content { true } else { false }
                let spans = personalSpans(in: text, known: known, addresses: holdsAddresses, scans: &scans)
                value = session.replace(in: text, field: pointer(), spans: spans, role: .unknown)
            case .personal(let kind, let plaintext) where policy.isPersonal(kind, role: .unknown):
                value = session.token(
                    for: PersonalDataNormaliser.normalise(plaintext, as: kind), kind: kind, role: .unknown, field: pointer(),
                    detector: "structured")
            case .personal(_, let plaintext), .verbatim(let plaintext):
                value = plaintext
            }
            custody[field.name] = value
            details.append(field.name, value)
        }
        let incident = Incident(
            id: id, producer: producer, receivedAt: receivedAt, classification: draft.classification,
            tlp: draft.tlp, title: title, description: description, firstSeen: draft.firstSeen,
            lastSeen: draft.lastSeen, observables: observables, redactions: session.redactions, custody: custody)
        return Result(
            incident: incident, vault: session.vault, naturalKey: draft.naturalKey, modified: draft.modified,
            custodyJSON: details.canonicalJSON ?? custody.canonicalJSON)
    }

    /// A custody record's details written as they come, for as long as their names are ASCII
    /// and each sorts after the one before (RFC 8785's order, which for ASCII is byte order):
    /// then the bytes are those of the details map in canonical form, with nothing to sort.
    /// Names out of order, repeated (the map keeps the last value) or not ASCII (where
    /// canonically equivalent names are one key of the map) leave it to the map.
    private struct OrderedDetails {
        var writer: CanonicalWriter? = {
            var writer = CanonicalWriter()
            writer.openObject()
            return writer
        }()
        var last: String?

        mutating func append(_ name: String, _ value: String) {
            guard writer != nil else { return }
            guard name.utf8.allSatisfy({ $0 < 0x80 }), last.map({ JSONValue.utf16Precedes($0, name) }) ?? true else {
                writer = nil
                return
            }
            writer!.key(name)
            writer!.string(value)
            last = name
        }

        /// The canonical bytes, or nil where the map must write them.
        var canonicalJSON: [UInt8]? {
            guard var writer else { return nil }
            writer.closeObject()
            return writer.bytes
        }
    }

    /// Free text written about a stored incident after its intake (a consumer's feedback),
    /// protected as an incident's description is: each personal value the policy counts
    /// (role unknown) replaced by a token, its plaintext handed back for the vault.
    public func protect(
        text: String, field: String, makeTokenID: @escaping () -> String = Token.randomID
    ) -> (text: String, vault: [VaultItem], redactions: [Redaction]) {
        var session = Session(makeTokenID: makeTokenID)
        let protected = session.replace(in: text, field: field, spans: personalSpans(in: text, known: []), role: .unknown)
        return (protected, session.vault, session.redactions)
    }

    /// Personal values in free text, where no role is known: what the detectors find (`scanner`,
    /// else the protector's own), and
    /// every place where a value the draft names as personal elsewhere is written out (a
    /// sender's name in the signature of the body, say), whether or not a detector would know it.
    func personalSpans(
        in text: String, known: [(value: String, kind: PersonalDataKind)], addresses: Bool = false
    ) -> [DetectedSpan] {
        var scans = TextScans()
        return personalSpans(in: text, known: known, addresses: addresses, scans: &scans)
    }

    /// `addresses`: the text is from a field that holds e-mail addresses (``addressScanner``).
    private func personalSpans(
        in text: String, known: [(value: String, kind: PersonalDataKind)], addresses: Bool, scans: inout TextScans
    ) -> [DetectedSpan] {
        guard !text.isEmpty else { return [] }
        var spans = scans.spans(in: text, addresses: addresses) {
            (addresses ? addressScanner : scanner).scan(text).filter { policy.isPersonal($0.kind, role: .unknown) }
        }
        guard !known.isEmpty else { return spans }
        let bytes = Array(text.utf8)
        for (value, kind) in known {
            let needle = Array(value.utf8)
            guard needle.count >= 3, needle.count <= bytes.count else { continue }
            var start = 0
            while start + needle.count <= bytes.count {
                if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle) {
                    spans.append(DetectedSpan(kind: kind, utf8Range: start..<(start + needle.count), detector: "known-value", normalised: value))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        // Longest first at each start; then keep the spans that do not overlap an earlier one.
        spans.sort { $0.utf8Range.lowerBound != $1.utf8Range.lowerBound ? $0.utf8Range.lowerBound < $1.utf8Range.lowerBound : $0.utf8Range.count > $1.utf8Range.count }
        var kept: [DetectedSpan] = []
        for span in spans where span.utf8Range.lowerBound >= (kept.last?.utf8Range.upperBound ?? 0) {
            kept.append(span)
        }
        return kept
    }

    /// Values the draft itself marks as personal data: structured observables and custody facts
    /// (the first 256, which keeps the text search linear in practice whatever a draft holds).
    func knownValues(_ draft: IncidentDraft) -> [(value: String, kind: PersonalDataKind)] {
        var values: [(String, PersonalDataKind)] = []
        for observable in draft.observables {
            guard let kind = observable.kind.personalDataKind, kind != .url, kind != .domain,
                policy.isPersonal(kind, role: observable.role)
            else { continue }
            values.append((observable.value.trimmedOfWhitespace, kind))
        }
        for field in draft.custody {
            if case .personal(let kind, let value) = field.content, policy.isPersonal(kind, role: .unknown) {
                values.append((value.trimmedOfWhitespace, kind))
            }
        }
        return values.count > 256 ? Array(values.prefix(256)) : values
    }

    /// The tokens handed out for one incident.
    private struct Session {
        let makeTokenID: () -> String
        var tokens: [String: Token] = [:]
        var vault: [VaultItem] = []
        var redactions: [Redaction] = []

        /// The text of the token for `value` (written out once, for the redaction and the caller).
        mutating func token(
            for value: String, kind: PersonalDataKind, role: ObservableRole, field: String, detector: String
        ) -> String {
            let key = kind.rawValue + "\u{0}" + value
            let token: Token
            if let existing = tokens[key] {
                token = existing
            } else {
                token = Token(kind: kind, id: makeTokenID())
                tokens[key] = token
                vault.append(VaultItem(token: token, role: role, plaintext: value))
            }
            let text = token.text
            redactions.append(Redaction(field: field, kind: kind, detector: detector, token: text, role: role))
            return text
        }

        mutating func replace(in text: String, field: @autoclosure () -> String, spans: [DetectedSpan], role: ObservableRole) -> String {
            guard !spans.isEmpty else { return text }
            let field = field()
            return DetectedSpan.splice(text, spans) { span in
                token(
                    for: PersonalDataNormaliser.normalise(span.normalised, as: span.kind), kind: span.kind, role: role,
                    field: field, detector: span.detector)
            }
        }
    }
}

extension Token {
    /// 64 random bits as 16 lower-case hex digits.
    public static func randomID() -> String {
        var value = SecureRandom.next()
        return withUnsafeBytes(of: &value) { $0.hexString }
    }
}
