import Foundation
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonStore
import NIOCore

/// `GET /v1/incidents/{id}`: one incident shared with the calling consumer, as the latest
/// disclosure to it rendered it (that incident version under that agreement version), with
/// that version's custody record as the agreement shares it and its redaction record (what kinds of
/// personal data were found where, by which detector, and what this agreement does with
/// them — never the values). An incident not shared with the caller is 404, so that its
/// existence is not disclosed either.
///
/// With `?format=stix` the answer is the same disclosure as a STIX 2.1 bundle
/// (`application/stix+json;version=2.1`, `schemas/stix-export.md`) instead; `format=json`
/// or no `format` gives Liaison's JSON, any other value is 400.
///
/// An incident shared under agreement versions that require a purpose is refused (428)
/// without `Liaison-Purpose` — after the 404, so that a stranger learns nothing more.
struct IncidentController {
    let store: PostgresIncidentStore
    let renderer: DisclosureRenderer

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("incidents/:id", use: incident)
    }

    struct Answer: Codable {
        var incident: ProjectedIncident
        var custody: DisclosedCustody
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
        let purpose = try ReadPurpose.stated(in: request)
        let format = request.uri.queryParameters["format"].map(String.init) ?? "json"
        guard format == "json" || format == "stix" else {
            throw Problem.badRequest("invalid-format", "format must be json or stix.", pointer: "format")
        }
        let notFound = Problem(.notFound, "not-found", title: "No such incident", detail: "No incident with this id is shared with you.")
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let (shown, custody) = try await renderer.latestShown(id, to: consumer.organisation)
        else { throw notFound }
        try ReadPurpose.check(purpose, for: [shown])
        let stated = DisclosurePurpose.read(purpose, under: shown.agreement)
        if format == "stix" {
            let bundle = shown.stixBundle.bytes
            try await store.recordDisclosures(
                [try shown.record(of: bundle, purpose: stated, person: consumer.person)], transport: "incident-api-stix")
            return Response(
                status: .ok, headers: [.contentType: STIXBundle.mediaType], body: .init(byteBuffer: ByteBuffer(bytes: bundle)))
        }
        let agreement = shown.agreement
        let redactions = shown.incident.redactions
            .filter { entry in agreement.fields.contains { entry.field.hasPrefix("/" + $0.rawValue) } }
            .map {
                RedactionEntry(
                    field: $0.field, kind: $0.kind, role: $0.role, detector: $0.detector,
                    action: agreement.action(for: $0.kind, role: $0.role))
            }
        let answer = Array(try CanonicalJSON.encode(Answer(
            incident: shown.rendering.projected, custody: DisclosedCustody(custody, sharing: agreement.fields), redactions: redactions)))
        try await store.recordDisclosures([try shown.record(of: answer, purpose: stated, person: consumer.person)], transport: "incident-api")
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }
}
