import Foundation

/// An incident as the shared store holds it: every personal value replaced by a token.
public struct Incident: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = UUID

    public var id: ID
    /// The organisation that reported it.
    public var producer: String
    public var receivedAt: Date
    public var classification: Classification
    public var tlp: TLP
    public var title: String
    public var description: String
    public var firstSeen: Date?
    public var lastSeen: Date?
    public var observables: [Observable]
    /// What protection found and replaced, without the values.
    public var redactions: [Redaction]
    /// The custody record's transport facts by name, protected (tokens in place of personal data).
    public var custody: [String: String]

    public init(
        id: ID, producer: String, receivedAt: Date, classification: Classification, tlp: TLP,
        title: String, description: String, firstSeen: Date?, lastSeen: Date?,
        observables: [Observable], redactions: [Redaction], custody: [String: String] = [:]
    ) {
        self.id = id
        self.producer = producer
        self.receivedAt = receivedAt
        self.classification = classification
        self.tlp = tlp
        self.title = title
        self.description = description
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.observables = observables
        self.redactions = redactions
        self.custody = custody
    }
}
