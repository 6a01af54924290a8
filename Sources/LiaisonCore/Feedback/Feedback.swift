import Foundation

/// A consumer's answer to an incident it received (issue 15, "Back to the CERT"): that it
/// acknowledged it, opened a case, needs more information, will take no action, or closed its
/// case. The words a person wrote (``detail``) hold tokens in place of personal values, as an
/// incident's description does; the plaintexts are in the vault under the incident.
public struct Feedback: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case acknowledged
        case caseOpened = "case-opened"
        case requestMoreInformation = "request-more-information"
        case noAction = "no-action"
        case closed

        /// The JSON member that carries this status's text, and is required with it: none for
        /// `acknowledged`.
        public var detailMember: String? {
            switch self {
            case .acknowledged: nil
            case .caseOpened: "case_reference"
            case .requestMoreInformation: "text"
            case .noAction: "reason"
            case .closed: "outcome"
            }
        }

        /// The most a status's text may hold, in Unicode code points: a case reference is an
        /// identifier, the others a few paragraphs.
        public var maxDetail: Int { self == .caseOpened ? Feedback.maxCaseReference : Feedback.maxText }
    }

    public static let maxCaseReference = 200
    public static let maxText = 2000
    /// Every member a feedback body may hold.
    public static let members: Set<String> = Set(["status"] + Status.allCases.compactMap(\.detailMember))

    public var id: UUID
    public var incidentID: UUID
    public var incidentVersion: Int
    public var producer: String
    public var consumer: String
    public var agreementID: String
    public var deliveryID: UUID
    public var status: Status
    /// The case reference, request, reason or outcome, tokenised; nil for `acknowledged`.
    public var detail: String?
    public var createdAt: Date

    public init(
        id: UUID, incidentID: UUID, incidentVersion: Int, producer: String, consumer: String, agreementID: String, deliveryID: UUID,
        status: Status, detail: String?, createdAt: Date
    ) {
        self.id = id
        self.incidentID = incidentID
        self.incidentVersion = incidentVersion
        self.producer = producer
        self.consumer = consumer
        self.agreementID = agreementID
        self.deliveryID = deliveryID
        self.status = status
        self.detail = detail
        self.createdAt = createdAt
    }
}
