import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `GET /v1/disclosures?incident=&since=&limit=&after=` (producer): every disclosure of the
/// producer's own incidents — to which organisation, when, which incident version, under
/// which agreement version, by which transport, for what purpose — oldest first. Another
/// producer's incident is 404, as one that does not exist.
///
/// Organisations, not people: the reading officer's name stays in the audit trail, for the
/// consumer's own auditors and the supervisory authority. A CERT needs to know which
/// authority read its report and why, to keep sharing; the name of an investigator is the
/// investigator's personal data, and telling it outside the authority can expose the
/// investigation or the officer.
struct DisclosuresController {
    let store: PostgresIncidentStore
    /// Seals `after` positions like feed cursors: opaque, the producer's own, telling nothing
    /// of how busy the rest of the audit trail is.
    let cursors: FeedCursors

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("disclosures", use: list)
    }

    struct Page: Encodable {
        var disclosures: [Item]
        var nextAfter: String

        enum CodingKeys: String, CodingKey {
            case disclosures
            case nextAfter = "next_after"
        }
    }

    struct Item: Encodable {
        var at: Date
        var incident: UUID
        var incidentVersion: Int
        var consumer: String
        var agreement: String
        var agreementVersion: String?
        var transport: String
        var purpose: DisclosurePurpose

        init(_ entry: DisclosureEntry) {
            at = entry.at
            incident = entry.incident.id
            incidentVersion = entry.incident.version
            consumer = entry.consumer
            agreement = entry.agreementID
            agreementVersion = entry.agreementVersion
            transport = entry.transport
            purpose = entry.purpose
        }

        enum CodingKeys: String, CodingKey {
            case at, incident, consumer, agreement, transport, purpose
            case incidentVersion = "incident_version"
            case agreementVersion = "agreement_version"
        }
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let producer = try context.require(.producer)
        let query = request.uri.queryParameters
        var incident: UUID?
        if let text = query["incident"] {
            guard let id = UUID(uuidString: String(text)) else {
                throw Problem.badRequest("invalid-parameter", "incident must be an incident id (a UUID).", pointer: "incident")
            }
            guard try await store.producer(ofIncident: id) == producer.organisation else {
                throw Problem(.notFound, "not-found", title: "No such incident", detail: "No incident with this id is yours.")
            }
            incident = id
        }
        let since = try query["since"].map { text -> Date in
            guard let date = RFC3339.date(from: String(text)) else {
                throw Problem.badRequest("invalid-parameter", "since must be an RFC 3339 time.", pointer: "since")
            }
            return date
        }
        var after: Int64 = 0
        if let text = query["after"], !text.isEmpty {
            guard let position = cursors.sequence(of: String(text), consumer: producer.organisation) else {
                throw Problem.badRequest("invalid-parameter", "after must be a value from next_after of your own answers.", pointer: "after")
            }
            after = position
        }
        let limit = try AdminRequest.limit(request)
        let entries = try await store.disclosures(
            producer: producer.organisation, incident: incident, since: since, after: after, limit: limit)
        let next = try cursors.cursor(after: entries.last?.seq ?? after, consumer: producer.organisation)
        return try JSONResponse.make(.ok, Page(disclosures: entries.map(Item.init), nextAfter: next))
    }
}
