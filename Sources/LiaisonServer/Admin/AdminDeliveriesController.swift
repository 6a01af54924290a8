import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `/v1/admin/deliveries`: deliveries by consumer and state for the admins of either party
/// (auditors read), and the replay of a dead one — sent again with the same `webhook-id`, so
/// a receiver that did get it deduplicates. `/v1/admin/webhook-endpoints`: the health of the
/// agreements' webhooks (circuit breaker, disabled by a 410), and enabling one again.
struct AdminDeliveriesController {
    let store: PostgresIncidentStore
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("admin/deliveries", use: list)
        group.post("admin/deliveries/:id/replay", use: replay)
        group.post("admin/deliveries/replay", use: replayAll)
        group.get("admin/webhook-endpoints", use: endpoints)
        group.post("admin/webhook-endpoints/:agreement/enable", use: enable)
    }

    @Sendable func endpoints(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let party = principal.organisation == governance.operatorOrganisation ? nil : principal.organisation
        return try JSONResponse.make(.ok, ["endpoints": try await store.webhookEndpoints(party: party)])
    }

    /// Enables an agreement's webhook that a 410 disabled (and closes its breaker): the
    /// deliveries it held are due at once. Audited.
    @Sendable func enable(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        let agreement = context.parameters.get("agreement") ?? ""
        let party = principal.organisation == governance.operatorOrganisation ? nil : principal.organisation
        switch try await store.enableWebhook(agreementID: agreement, party: party, by: actor) {
        case .enabled(let resumed): return try JSONResponse.make(.ok, EnabledWebhook(agreementID: agreement, resumed: resumed))
        case .notFound:
            throw Problem(
                .notFound, "not-found", title: "No such webhook endpoint",
                detail: "No agreement of yours with this id has a webhook endpoint on record (only one that failed has).")
        }
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let deliveries = try await deliveries(
            for: principal, consumer: request.uri.queryParameters["consumer"].map(String.init),
            status: request.uri.queryParameters["status"].map(String.init), limit: try AdminRequest.limit(request))
        return try JSONResponse.make(.ok, ["deliveries": deliveries])
    }

    /// The deliveries `principal` may see, newest first, of one consumer and status when given
    /// (the API and the console both list through it).
    func deliveries(for principal: Principal, consumer: String?, status: String?, limit: Int) async throws -> [DeliveryRecord] {
        if let status, !DeliveryRecord.statuses.contains(status) {
            throw Problem.badRequest("invalid-parameter", "status must be one of \(DeliveryRecord.statuses.joined(separator: ", ")).", pointer: "status")
        }
        let party = principal.organisation == governance.operatorOrganisation ? nil : principal.organisation
        return try await store.deliveries(party: party, consumer: consumer, status: status, limit: limit)
    }

    @Sendable func replay(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        return try JSONResponse.make(.ok, try await replay(context.parameters.get("id"), principal: principal, actor: actor))
    }

    /// Replays the dead delivery `id` if it is `principal`'s to see (the API and the console
    /// both replay through it).
    func replay(_ id: String?, principal: Principal, actor: AuditActor) async throws -> DeliveryRecord {
        guard let id = id.flatMap(UUID.init(uuidString:)) else { throw Self.notFound }
        let party = principal.organisation == governance.operatorOrganisation ? nil : principal.organisation
        switch try await store.replayDelivery(id, party: party, by: actor) {
        case .replayed(let delivery): return delivery
        case .notFound: throw Self.notFound
        case .notDead(let status):
            throw Problem(.conflict, "not-dead", title: "Not a dead delivery", detail: "Only dead deliveries are replayed; this one is \(status).")
        }
    }

    /// Replays a consumer's dead deliveries in one bounded batch: `{"consumer", "since"?,
    /// "limit"?}`; the answer lists what was queued again and how many remain.
    @Sendable func replayAll(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        let members = try await AdminRequest.object(request)
        for key in members.keys where !["consumer", "since", "limit"].contains(key) {
            throw AdminRequest.invalid("/\(key)", "is not a member of a replay request (consumer, since, limit)")
        }
        guard let consumer = try AdminRequest.string(members, "consumer", required: true), !consumer.isEmpty else {
            throw AdminRequest.invalid("/consumer", "must name the consumer organisation")
        }
        let since = try AdminRequest.string(members, "since").map { text -> Date in
            guard let date = RFC3339.date(from: text) else { throw AdminRequest.invalid("/since", "must be an RFC 3339 time") }
            return date
        }
        let limit = try AdminRequest.int(members, "limit") ?? 100
        guard (1...PostgresIncidentStore.maxReplayBatch).contains(limit) else {
            throw AdminRequest.invalid("/limit", "must be a whole number from 1 to \(PostgresIncidentStore.maxReplayBatch)")
        }
        let party = principal.organisation == governance.operatorOrganisation ? nil : principal.organisation
        let replay = try await store.replayDeadDeliveries(consumer: consumer, since: since, party: party, limit: limit, by: actor)
        return try JSONResponse.make(.ok, replay)
    }

    static let notFound = Problem(.notFound, "not-found", title: "No such delivery", detail: "No delivery with this id is yours to see.")
}

/// The answer to enabling a webhook: how many held deliveries are due again.
struct EnabledWebhook: Encodable {
    var agreementID: String
    var resumed: Int

    enum CodingKeys: String, CodingKey {
        case resumed
        case agreementID = "agreement_id"
    }
}
