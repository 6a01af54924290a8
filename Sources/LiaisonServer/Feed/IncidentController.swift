import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `GET /v1/incidents/{id}`: one incident shared with the calling consumer, as its
/// agreement projects it, with its custody record and its redaction record (what kinds of
/// personal data were found where, by which detector, and what this agreement does with
/// them — never the values). An incident not shared with the caller is 404, so that its
/// existence is not disclosed either.
struct IncidentController {
    let store: PostgresIncidentStore
    let agreements: AgreementBook

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("incidents/:id", use: incident)
    }

    struct Answer: Codable {
        var incident: ProjectedIncident
        var custody: CustodyRecord
        var redactions: [RedactionEntry]
    }

    struct RedactionEntry: Codable {
        var field: String
        var kind: PersonalDataKind
        var role: ObservableRole?
        var detector: String
        var action: RenderAction
    }

    @Sendable func incident(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let consumer = try context.require(.consumer)
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let (incident, agreementID, custody) = try await store.sharedIncident(id, consumer: consumer.organisation),
            let agreement = agreements[agreementID],
            let rendering = try await store.renderedProjection(of: incident, under: agreement)
        else {
            throw Problem(.notFound, "not-found", title: "No such incident", detail: "No incident with this id is shared with you.")
        }
        let fieldsShared = agreement.fields
        let redactions = incident.redactions
            .filter { entry in fieldsShared.contains { entry.field.hasPrefix("/" + $0.rawValue) } }
            .map {
                RedactionEntry(
                    field: $0.field, kind: $0.kind, role: $0.role, detector: $0.detector,
                    action: agreement.action(for: $0.kind, role: $0.role))
            }
        try await store.recordDisclosure(
            of: rendering, incidentID: incident.id, agreement: agreement, transport: "incident-api")
        var shown = custody
        // Where custody facts held personal data, the consumer sees its kind, not its value.
        shown.details = custody.details.mapValues(Token.labelled)
        return try JSONResponse.make(.ok, Answer(incident: rendering.projected, custody: shown, redactions: redactions))
    }
}
