import Foundation
import LiaisonCore

/// What `MailIntake.map` made of one message: the incident drafts, one outcome per MIME entity
/// it looked at, and the facts the caller needs for the chain-of-custody record.
///
/// Nothing here has been protected yet: drafts and `custody.subject` / `custody.sender` may hold
/// personal data in plaintext and must go through `IncidentProtector` / the vault before they
/// are persisted or logged.
public struct MailReport: Sendable {
    public var drafts: [IncidentDraft]
    /// One outcome per leaf entity (RFC 2045), plus the ARF report and original-message
    /// containers (RFC 5965 section 2), in depth-first order.
    public var parts: [PartOutcome]
    public var custody: MailCustody

    public init(drafts: [IncidentDraft], parts: [PartOutcome], custody: MailCustody) {
        self.drafts = drafts
        self.parts = parts
        self.custody = custody
    }
}

/// What happened to one MIME entity. `reason` is the name of the rule that decided
/// (e.g. "xml-doctype-forbidden"), never a quote of the content, so outcomes are safe to log.
public struct PartOutcome: Sendable, Hashable, CustomStringConvertible {
    public enum Status: String, Sendable, Hashable {
        /// Mapped into (part of) an incident draft.
        case accepted
        /// Looked at and deliberately not used (unsupported type, superseded free text, …).
        case ignored
        /// Refused because it broke a safety or format rule; the rest of the message still counts.
        case rejected
    }

    /// The entity's `MailPart.path` ("" is the root entity, "/1/0" child 0 of child 1).
    public var path: String
    public var status: Status
    public var reason: String?

    public init(path: String, status: Status, reason: String? = nil) {
        self.path = path
        self.status = status
        self.reason = reason
    }

    public var description: String {
        "\(path.isEmpty ? "<root>" : path) \(status.rawValue)\(reason.map { " (\($0))" } ?? "")"
    }
}

/// Facts for the custody record of the received message (RFC 5322 section 3.6). The caller adds
/// the SHA-256 of the raw bytes and the receiving time.
public struct MailCustody: Sendable, Hashable {
    /// Message-ID without angle brackets (RFC 5322 section 3.6.4).
    public var messageID: String?
    /// Origination date (RFC 5322 section 3.6.1) and the zone offset it was written in.
    public var date: Date?
    public var dateUTCOffsetSeconds: Int?
    /// Subject (RFC 5322 section 3.6.5) after RFC 2047 decoding: free text that often names
    /// people, so the caller must protect it like a description.
    public var subject: PersonalText?
    /// Received trace fields (RFC 5322 section 3.6.7), newest first, one unfolded line each.
    /// Hop addresses are usually the reporter's MTAs, but may be personal data too.
    public var receivedChain: [String]
    /// The first From mailbox (RFC 5322 section 3.6.2): personal data, for the vault only.
    public var sender: MailSender?

    public init(messageID: String?, date: Date?, dateUTCOffsetSeconds: Int?, subject: PersonalText?,
                receivedChain: [String], sender: MailSender?) {
        self.messageID = messageID
        self.date = date
        self.dateUTCOffsetSeconds = dateUTCOffsetSeconds
        self.subject = subject
        self.receivedChain = receivedChain
        self.sender = sender
    }
}

/// Free text that may contain personal data. Its `description` does not print the value, so an
/// accidental log line or string interpolation does not leak it; read `value` deliberately.
public struct PersonalText: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "<personal text, \(value.unicodeScalars.count) scalars>" }
    public var debugDescription: String { description }
}

/// The sender mailbox (RFC 5322 section 3.4): address and display name are both personal data
/// and are kept apart from the drafts so the caller can put them in the vault.
public struct MailSender: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var address: String
    public var displayName: String?
    public init(address: String, displayName: String?) {
        self.address = address
        self.displayName = displayName
    }
    public var description: String { "<sender mailbox>" }
    public var debugDescription: String { description }
}
