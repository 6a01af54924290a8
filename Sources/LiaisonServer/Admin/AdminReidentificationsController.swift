import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `/v1/admin/reidentifications`: the producer's admins and auditors (and the operator's) read
/// the requests for the values of its incidents — `?status=pending` is the queue to decide —
/// and those who approve under `reidentification.approvers` approve or reject them, each with
/// a key that names a person. Others are told that the request does not exist.
struct AdminReidentificationsController {
    let records: ReidentificationRecords

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("admin/reidentifications", use: list)
        group.get("admin/reidentifications/:id", use: show)
        group.post("admin/reidentifications/:id/approve", use: approve)
        group.post("admin/reidentifications/:id/reject", use: reject)
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let status = try ReidentificationController.status(request)
        let found = try await records.list(for: principal, status: status, limit: try AdminRequest.limit(request))
        return try JSONResponse.make(.ok, ["reidentifications": found.map { ReidentificationView($0, for: principal) }])
    }

    @Sendable func show(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let found = try await records.show(try ReidentificationController.id(context), for: principal)
        return try JSONResponse.make(.ok, ReidentificationView(found, for: principal))
    }

    /// An approval takes no body (an empty object at most).
    @Sendable func approve(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let id = try ReidentificationController.id(context)
        try AdminRequest.rejectUnknown(try await AdminRequest.object(request), known: [], at: "")
        let approved = try await records.approve(id, by: principal)
        return try JSONResponse.make(.ok, ReidentificationView(approved, for: principal))
    }

    /// A rejection needs `{"reason": …}` (1–2,000 characters).
    @Sendable func reject(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let id = try ReidentificationController.id(context)
        let body = try await AdminRequest.object(request)
        try AdminRequest.rejectUnknown(body, known: ["reason"], at: "")
        let reason = try AdminRequest.string(body, "reason")
        if let reason, reason.unicodeScalars.count > 2000 { throw AdminRequest.invalid("/reason", "must be at most 2000 characters") }
        let rejected = try await records.reject(id, reason: reason, by: principal)
        return try JSONResponse.make(.ok, ReidentificationView(rejected, for: principal))
    }
}
