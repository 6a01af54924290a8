import Foundation
import LiaisonCore

/// Maps one parsed e-mail (RFC 5322 + MIME, RFC 2045-2049) to incident drafts.
///
/// Machine-readable reports win over prose: ARF (RFC 5965), X-ARF (XARF v4 and the older JSON
/// layout; 0.2 as YAML), IODEF 2.0 (RFC 7970). Only when none is accepted does the first
/// text/plain part (else the first text/html part, tags stripped) become a free-text incident.
/// A part that attacks its reader (`MapResult.hostile`) refuses the whole message. Every entity
/// is visited once and every mapper is linear in its input; `map(_:rawSHA256:deadline:)` also
/// stops at a deadline, checked before each entity.
public struct MailIntake: Sendable {
    /// TLP for drafts whose report states none (FIRST TLP 2.0).
    public var defaultTLP: TLP
    /// GnuPG home holding the gateway's secret key (`mail.decryption_keyring`): reports
    /// encrypted to it are decrypted and mapped; without it they are refused with a reason.
    public var decryptionKeyring: String?
    let classifier: KeywordClassifier
    let scanner: PersonalDataScanner

    /// The gpg executable GPGME drives for signatures and decryption; nil: GnuPG's own.
    public var gpgProgram: String?

    public init(
        defaultTLP: TLP = .amber, keywords: KeywordTable = .builtIn, decryptionKeyring: String? = nil, gpgProgram: String? = nil
    ) {
        self.gpgProgram = gpgProgram
        self.defaultTLP = defaultTLP
        self.decryptionKeyring = decryptionKeyring
        self.classifier = KeywordClassifier(table: keywords)
        self.scanner = PersonalDataScanner()
    }

    /// The idempotency key: "message-id:" + Message-ID (RFC 5322 section 3.6.4) when present,
    /// else "message-sha256:" + the lower-case hex SHA-256 of the raw bytes, computed by the caller.
    public static func naturalKey(messageID: String?, rawSHA256 hex: String) -> String {
        if let id = messageID?.trimmingCharacters(in: .whitespaces), !id.isEmpty { return "message-id:" + id }
        return "message-sha256:" + hex.lowercased()
    }

    /// `rawSHA256` is the hex digest of the exact bytes that were parsed. When a message yields
    /// more than one draft, each key gets "#" + the locator of its source entity (its MIME path,
    /// plus "/incident/N" for the N-th IODEF Incident), so a re-sent message maps to the same keys.
    /// Throws `MailError.hostilePart` for a message that carries an attack on a reader (an XML
    /// part with a DTD): such a message is refused whole, not mapped from its other parts.
    public func map(_ message: MailMessage, rawSHA256: String) throws(MailError) -> MailReport {
        try map(message, rawSHA256: rawSHA256, until: nil)
    }

    /// `map(_:rawSHA256:)`, also abandoned with `MailError.parseTimeout` once `deadline` has passed,
    /// checked before each entity (see `MailDeadline`).
    public func map(_ message: MailMessage, rawSHA256: String, deadline: MailDeadline) throws(MailError) -> MailReport {
        try map(message, rawSHA256: rawSHA256, until: deadline)
    }

    private func map(_ message: MailMessage, rawSHA256: String, until deadline: MailDeadline?) throws(MailError) -> MailReport {
        let subject = message.subject ?? ""
        let context = MappingContext(
            tlp: classifier.classify(subject).tlp ?? defaultTLP, defaultTLP: defaultTLP, classifier: classifier,
            scanner: scanner, hasXARFHeader: !message.headerValues("X-XARF").isEmpty, decryptionKeyring: decryptionKeyring,
            gpgProgram: gpgProgram)
        var walk = Walk(context: context, deadline: deadline)
        try walk.visit(message.body)

        var drafts = walk.drafts
        if !walk.machineReadable {
            let chosen = walk.textCandidates.first { $0.part.mimeType == "text/plain" } ?? walk.textCandidates.first
            for candidate in walk.textCandidates {
                let isChosen = candidate.part.path == chosen?.part.path
                walk.outcomes[candidate.index] = isChosen
                    ? PartOutcome(path: candidate.part.path, status: .accepted, reason: "free-text-description")
                    : PartOutcome(path: candidate.part.path, status: .ignored, reason: "additional-text-part")
            }
            if let chosen, let draft = FreeTextMapper.map(subject: subject, part: chosen.part, context: context) {
                drafts.append((chosen.part.path, draft))
            }
        }
        let base = Self.naturalKey(messageID: message.messageID, rawSHA256: rawSHA256)
        let keyed = drafts.map { locator, draft in
            var draft = draft
            draft.naturalKey = drafts.count == 1 ? base : base + "#" + locator
            return draft
        }
        return MailReport(drafts: keyed, parts: walk.outcomes, custody: Self.custody(of: message))
    }

    static func custody(of message: MailMessage) -> MailCustody {
        MailCustody(
            messageID: message.messageID,
            date: message.date.map { Date(timeIntervalSince1970: TimeInterval($0.secondsSince1970)) },
            dateUTCOffsetSeconds: message.date?.utcOffsetSeconds,
            subject: message.subject.map(PersonalText.init),
            receivedChain: message.received.map(\.value),
            sender: message.from.first.map { MailSender(address: $0.address, displayName: $0.name) })
    }
}

/// Settings and shared tools handed to every format mapper.
struct MappingContext: Sendable {
    /// TLP of the message: a "TLP:<colour>" marker in the subject, else the default.
    var tlp: TLP
    var defaultTLP: TLP
    var classifier: KeywordClassifier
    var scanner: PersonalDataScanner
    /// The message carries an "X-XARF" header field (X-ARF 0.2 section 3), so a failed YAML part is a rejection.
    var hasXARFHeader: Bool
    /// GnuPG home with the gateway's secret key, for reports encrypted to it (RFC 3156 section 4).
    var decryptionKeyring: String?
    var gpgProgram: String?
}

/// What a format mapper made of one report entity.
struct MappedReport {
    var drafts: [(locator: String, draft: IncidentDraft)] = []
    var outcomes: [PartOutcome] = []

    /// Outcomes for every leaf under `part` (and `part` itself if it is a leaf).
    mutating func mark(leavesOf part: MailPart, _ status: PartOutcome.Status, _ reason: String) {
        if part.children.isEmpty {
            outcomes.append(PartOutcome(path: part.path, status: status, reason: reason))
        } else {
            part.children.forEach { mark(leavesOf: $0, status, reason) }
        }
    }
}

/// One depth-first pass over the entity tree, deciding each entity's fate.
private struct Walk {
    let context: MappingContext
    var outcomes: [PartOutcome] = []
    var drafts: [(String, IncidentDraft)] = []
    var textCandidates: [(index: Int, part: MailPart)] = []
    /// A machine-readable report was accepted (even one that yields no draft, like ARF not-spam).
    var machineReadable = false
    /// Checked before each entity; once it has passed, the walk throws `parseTimeout` there.
    let deadline: MailDeadline?

    init(context: MappingContext, deadline: MailDeadline?) {
        self.context = context
        self.deadline = deadline
    }

    mutating func visit(_ part: MailPart) throws(MailError) {
        try deadline?.check(at: part.path)
        switch part.content {
        case .message(let inner):
            try visit(inner.body)
        case .multipart(let children):
            if let report = ARFMapper.map(part, context: context) ?? XARF02Mapper.map(part, context: context) {
                absorb(report)
            } else if part.mimeType == "multipart/encrypted" {
                try decrypt(part)
            } else {
                for child in children { try visit(child) }
            }
        case .leaf:
            try leaf(part)
        }
    }

    /// A report encrypted to the gateway (RFC 3156 section 4): decrypted with the configured
    /// keyring and mapped like any other entity; without a keyring, or without the secret key,
    /// it is refused with the reason.
    private mutating func decrypt(_ part: MailPart) throws(MailError) {
        var report = MappedReport()
        guard let keyring = context.decryptionKeyring else {
            report.mark(leavesOf: part, .rejected, "pgp-encrypted-no-decryption-key-configured")
            outcomes += report.outcomes
            return
        }
        switch PGPMime.decrypt(part, gnupgHome: keyring, program: context.gpgProgram) {
        case .decrypted(let plaintext, _):
            outcomes.append(PartOutcome(path: part.path, status: .accepted, reason: "pgp-decrypted"))
            try visit(plaintext)
        case .cannotDecrypt(let reason):
            report.mark(leavesOf: part, .rejected, "pgp-cannot-decrypt: \(reason)")
            outcomes += report.outcomes
        }
    }

    private mutating func absorb(_ report: MappedReport) {
        outcomes += report.outcomes
        drafts += report.drafts.map { ($0.locator, $0.draft) }
        if report.outcomes.contains(where: { $0.status == .accepted }) { machineReadable = true }
    }

    /// A gzip or zip attachment, already opened within the bounds by the parser: each file in it
    /// is mapped like an attachment of its own.
    private mutating func open(_ archive: MailArchive, _ part: MailPart) throws(MailError) {
        switch archive {
        case .unreadable:
            outcomes.append(PartOutcome(path: part.path, status: .rejected, reason: "archive-unreadable"))
        case .nested:
            outcomes.append(PartOutcome(path: part.path, status: .ignored, reason: "nested-archive-skipped"))
        case .opened(let entries):
            if entries.isEmpty { outcomes.append(PartOutcome(path: part.path, status: .ignored, reason: "archive-empty")) }
            for entry in entries {
                switch entry {
                case .file(let inner): try visit(inner)
                case .encrypted(let path):
                    outcomes.append(PartOutcome(path: path, status: .rejected, reason: "archive-entry-encrypted"))
                case .notAFile(let path):
                    outcomes.append(PartOutcome(path: path, status: .ignored, reason: "archive-entry-not-a-file"))
                }
            }
        }
    }

    private mutating func leaf(_ part: MailPart) throws(MailError) {
        let type = part.mimeType
        func outcome(_ status: PartOutcome.Status, _ reason: String) {
            outcomes.append(PartOutcome(path: part.path, status: status, reason: reason))
        }
        if ["application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature"].contains(type) {
            return outcome(.ignored, "signature")
        }
        if let archive = part.archive { return try open(archive, part) }
        if XARFMapper.isCandidate(part) {
            switch XARFMapper.map(part, context: context) {
            case .mapped(let report): return absorb(report)
            case .rejected(let reason): return outcome(.rejected, reason)
            case .hostile(let rule): throw .hostilePart(rule: rule, path: part.path)
            case .notApplicable: break
            }
        }
        if IODEFMapper.isCandidate(part) {
            switch IODEFMapper.map(part, context: context) {
            case .mapped(let report): return absorb(report)
            case .rejected(let reason): return outcome(.rejected, reason)
            case .hostile(let rule): throw .hostilePart(rule: rule, path: part.path)
            case .notApplicable: return outcome(.ignored, "xml-not-iodef")
            }
        }
        if type == "text/plain" || type == "text/html" {
            if part.disposition?.kind == "attachment" { return outcome(.ignored, "text-attachment") }
            textCandidates.append((outcomes.count, part))
            return outcome(.ignored, "free-text-superseded-by-machine-readable")
        }
        outcome(.ignored, "unsupported-media-type")
    }
}

/// The three-way answer of a per-entity mapper.
enum MapResult {
    case mapped(MappedReport)
    /// The entity is of the format but broke a rule; the associated value names the rule.
    case rejected(String)
    /// The entity is not of this format.
    case notApplicable
    /// The entity is an attack on the reader (the associated value names the rule): the whole
    /// message is refused with `MailError.hostilePart`.
    case hostile(String)
}
