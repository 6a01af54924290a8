import Foundation

/// What a parser makes of one reported incident, before protection: it may still hold
/// personal data in plaintext and must never be persisted or logged as it is.
public struct IncidentDraft: Sendable, Hashable {
    /// The producer's own key for this incident (its event id, STIX id, Message-ID or
    /// a digest), which makes a re-sent incident a duplicate rather than a new one.
    public var naturalKey: String
    public var classification: Classification
    public var tlp: TLP
    public var title: String
    public var description: String
    public var firstSeen: Date?
    public var lastSeen: Date?
    public var observables: [Observable]
    /// Facts about how the report arrived (an e-mail's Message-ID, Subject, From,
    /// Received chain…) for the custody record; protected like the rest.
    public var custody: [CustodyField]
    /// The producer's version of this incident (a STIX object's `modified`), when it has
    /// one: a re-sent incident with a newer version updates the stored one.
    public var modified: Date?

    public init(
        naturalKey: String, classification: Classification, tlp: TLP, title: String,
        description: String, firstSeen: Date?, lastSeen: Date?, observables: [Observable], custody: [CustodyField] = [],
        modified: Date? = nil
    ) {
        self.naturalKey = naturalKey
        self.classification = classification
        self.tlp = tlp
        self.title = title
        self.description = description
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.observables = observables
        self.custody = custody
        self.modified = modified
    }
}

/// One fact of a custody record: free text (scanned for personal data like a description),
/// text from a field that holds e-mail addresses (scanned the same way, and any syntactically
/// valid address in it is personal whatever its TLD), a value of a known personal kind (an
/// e-mail sender's address or name), or an identifier kept verbatim because evidence must
/// match it exactly (a Message-ID, which only looks like an address).
public struct CustodyField: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case text(String)
        case addressText(String)
        case personal(PersonalDataKind, String)
        case verbatim(String)
    }

    public var name: String
    public var content: Content

    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }
}

extension IncidentDraft {
    /// Removes every U+0000 from the draft's texts (natural key, title, description,
    /// observable values, custody facts) and returns how many it removed. PostgreSQL cannot
    /// store U+0000 in text; e-mail, whose text parts sometimes carry one from a broken mailer,
    /// drops it and says so in custody, while JSON intake refuses it where it stands.
    public mutating func removeNULCharacters() -> Int {
        var removed = 0
        func clean(_ text: inout String) {
            guard text.utf8.contains(0) else { return }
            let kept = text.unicodeScalars.filter { $0 != "\u{0}" }
            removed += text.unicodeScalars.count - kept.count
            text = String(String.UnicodeScalarView(kept))
        }
        clean(&naturalKey)
        clean(&title)
        clean(&description)
        for index in observables.indices { clean(&observables[index].value) }
        for index in custody.indices {
            switch custody[index].content {
            case .text(var text): clean(&text); custody[index].content = .text(text)
            case .addressText(var text): clean(&text); custody[index].content = .addressText(text)
            case .personal(let kind, var text): clean(&text); custody[index].content = .personal(kind, text)
            case .verbatim(var text): clean(&text); custody[index].content = .verbatim(text)
            }
        }
        return removed
    }
}
