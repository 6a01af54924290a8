import Foundation

/// One feedback as the API shows it: organisations, not people, and each personal value in
/// its text as its kind in brackets (``Token/labelled(_:)``); the plaintext stays in the vault.
/// `GET /v1/feedback` lists these; the producer's `feedback.received` webhook carries one.
public struct FeedbackView: Encodable, Sendable {
    public var feedback: Feedback

    public init(_ feedback: Feedback) { self.feedback = feedback }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(feedback.id, forKey: Key("id"))
        try container.encode(feedback.incidentID, forKey: Key("incident"))
        try container.encode(feedback.incidentVersion, forKey: Key("incident_version"))
        try container.encode(feedback.consumer, forKey: Key("consumer"))
        try container.encode(feedback.agreementID, forKey: Key("agreement"))
        try container.encode(feedback.status.rawValue, forKey: Key("status"))
        try container.encode(feedback.createdAt, forKey: Key("created_at"))
        if let member = feedback.status.detailMember, let detail = feedback.detail {
            try container.encode(Token.labelled(detail), forKey: Key(member))
        }
    }

    /// Member names, which for the text depend on the status (``Feedback/Status/detailMember``).
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
