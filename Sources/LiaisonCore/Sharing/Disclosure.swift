/// The decision, taken once when an incident version is shared, that one agreement version
/// discloses it to its consumer. The delivery row keeps exactly this pair; the webhook, the
/// feed and the incident API all render that incident version under that agreement
/// version, so a later version of the agreement never widens what was shared.
public struct Disclosure: Sendable, Hashable {
    public var incidentID: Incident.ID
    public var incidentVersion: Int
    public var agreementID: String
    /// The agreement version's identity (``Agreement/versionHash``).
    public var agreementVersion: String
    public var consumer: String
    /// A webhook push is due; without a webhook the consumer pulls from the feed only.
    public var push: Bool

    public init(
        incidentID: Incident.ID, incidentVersion: Int, agreementID: String, agreementVersion: String, consumer: String,
        push: Bool
    ) {
        self.incidentID = incidentID
        self.incidentVersion = incidentVersion
        self.agreementID = agreementID
        self.agreementVersion = agreementVersion
        self.consumer = consumer
        self.push = push
    }

    init(_ incident: Incident, version: Int, under agreement: Agreement, agreementVersion: String) {
        self.init(
            incidentID: incident.id, incidentVersion: version, agreementID: agreement.id,
            agreementVersion: agreementVersion, consumer: agreement.consumer, push: agreement.webhook != nil)
    }
}
