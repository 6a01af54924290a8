import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `/v1/admin/deliveries`: deliveries by consumer and state for the admins of either party
/// (auditors read), and the replay of a dead one — sent again with the same `webhook-id`, so
/// a receiver that did get it deduplicates.
struct AdminDeliveriesController {
    let store: PostgresIncidentStore
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("admin/deliveries", use: list)
        group.post("admin/deliveries/:id/replay", use: replay)
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let status = request.uri.queryParameters["status"].map(String.init)
        if let status, !DeliveryRecord.statuses.contains(status) {
            throw Problem.badRequest("invalid-parameter", "status must be one of \(DeliveryRecord.statuses.joined(separator: ", ")).", pointer: "status")
        }
        let limit = try AdminRequest.limit(request)
        let party = principal.organisation == governance.operatorOrganisation ? nil : principal.organisation
        let deliveries = try await store.deliveries(
            party: party, consumer: request.uri.queryParameters["consumer"].map(String.init), status: status, limit: limit)
        return try JSONResponse.make(.ok, ["deliveries": deliveries])
    }

    @Sendable func replay(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Self.notFound }
        let party = principal.organisation == governance.operatorOrganisation ? nil : principal.organisation
        switch try await store.replayDelivery(id, party: party, by: actor) {
        case .replayed(let delivery): return try JSONResponse.make(.ok, delivery)
        case .notFound: throw Self.notFound
        case .notDead(let status):
            throw Problem(.conflict, "not-dead", title: "Not a dead delivery", detail: "Only dead deliveries are replayed; this one is \(status).")
        }
    }

    static let notFound = Problem(.notFound, "not-found", title: "No such delivery", detail: "No delivery with this id is yours to see.")
}
