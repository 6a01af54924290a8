import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `/console/keys` and `/console/deliveries`: keys listed, created (the key shown once, on the
/// answer to the form, never again) and revoked; deliveries by consumer and state, and the
/// replay of a dead one. Every read and step goes through the admin API's own functions
/// (``AdminKeysController``, ``AdminDeliveriesController``), so scope and audit are the same.
struct ConsoleKeysController {
    let keys: AdminKeysController
    let deliveries: AdminDeliveriesController
    let pages: ConsolePages

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("keys", use: list)
        group.post("keys", use: create)
        group.post("keys/:id/revoke", use: revoke)
        group.get("deliveries", use: listDeliveries)
        group.post("deliveries/:id/replay", use: replay)
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        return try await keysPage(principal, context, created: nil)
    }

    @Sendable func create(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        let form = try ConsoleSession.form(context)
        let asked = AdminKeysController.KeyRequest(
            organisation: form["organisation"], role: form["role"], person: form["person"], expiresAt: form["expires_at"])
        let created = try await keys.create(asked, principal: principal, actor: actor)
        return try await keysPage(principal, context, created: created)
    }

    @Sendable func revoke(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        _ = try await keys.revoke(context.parameters.get("id"), principal: principal, actor: actor)
        return ConsoleSession.redirect("/console/keys")
    }

    /// The keys page; after a creation, with the new key shown once (and `no-store`, as every page).
    private func keysPage(_ principal: Principal, _ context: LiaisonRequestContext, created: AdminKeysController.Created?) async throws -> Response {
        let records = try await keys.keys(for: principal, organisation: nil)
        var values: [String: Any] = [
            "keys": records.map { record -> [String: Any] in
                var row: [String: Any] = [
                    "id": record.id.uuidString.lowercased(), "organisation": record.organisation, "role": record.role.rawValue,
                    "person": record.person ?? "", "created_at": RFC3339.string(from: record.createdAt),
                    "expires_at": record.expiresAt.map(RFC3339.string(from:)) ?? "", "active": record.revokedAt == nil,
                ]
                if let revoked = record.revokedAt { row["revoked"] = "\(RFC3339.string(from: revoked)) by \(record.revokedBy ?? "")" }
                return row
            },
            "roles": APIRole.allCases.map(\.rawValue), "organisation": principal.organisation,
        ]
        if let created {
            values["created"] = [
                "key": created.key, "person": created.record.person ?? "", "role": created.record.role.rawValue,
                "organisation": created.record.organisation,
            ]
        }
        return try pages.page(
            "console-keys", title: "Keys – Liaison console", section: "Keys", context: context, values, status: created == nil ? .ok : .created)
    }

    @Sendable func listDeliveries(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let query = try ConsoleSession.query(request)
        let consumer = query["consumer"].flatMap { $0.isEmpty ? nil : $0 }
        if let consumer, !Identifier.isValid(consumer) {
            throw Problem.badRequest("invalid-parameter", "consumer must be an organisation id.", pointer: "consumer")
        }
        let status = query["status"].flatMap { $0.isEmpty ? nil : $0 }
        let records = try await deliveries.deliveries(for: principal, consumer: consumer, status: status, limit: 200)
        let rows: [[String: Any]] = records.map { record in
            var row: [String: Any] = [
                "id": record.id.uuidString.lowercased(), "incident": record.incidentID.uuidString.lowercased(),
                "incident_version": record.incidentVersion, "agreement": record.agreementID, "consumer": record.consumer,
                "status": record.status, "attempts": record.attempts, "created_at": RFC3339.string(from: record.createdAt),
                "dead": record.status == "dead",
            ]
            if let last = record.lastStatus { row["last_status"] = last }
            return row
        }
        return try pages.page(
            "console-deliveries", title: "Deliveries – Liaison console", section: "Deliveries", context: context,
            [
                "deliveries": rows, "no_deliveries": rows.isEmpty, "consumer": consumer ?? "",
                "statuses": DeliveryRecord.statuses.map { ["name": $0, "selected": $0 == status] as [String: Any] },
            ])
    }

    @Sendable func replay(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        let delivery = try await deliveries.replay(context.parameters.get("id"), principal: principal, actor: actor)
        return ConsoleSession.redirect("/console/deliveries?consumer=\(ConsolePages.percentEncoded(delivery.consumer))")
    }
}
