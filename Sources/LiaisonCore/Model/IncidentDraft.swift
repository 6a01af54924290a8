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

    public init(
        naturalKey: String, classification: Classification, tlp: TLP, title: String,
        description: String, firstSeen: Date?, lastSeen: Date?, observables: [Observable]
    ) {
        self.naturalKey = naturalKey
        self.classification = classification
        self.tlp = tlp
        self.title = title
        self.description = description
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.observables = observables
    }
}
