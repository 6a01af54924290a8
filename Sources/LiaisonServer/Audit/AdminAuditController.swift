import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `GET /v1/admin/audit?from=&to=&actor=&subject=&action=&limit=&after=`: the audit trail by
/// time, actor (organisation), subject and action, oldest first, for admins and auditors of
/// the operator organisation, and, for other organisations, the entries they are the actor of.
struct AdminAuditController {
    let store: PostgresIncidentStore
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("admin/audit", use: list)
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let query = request.uri.queryParameters
        func time(_ name: String) throws -> Date? {
            guard let text = query[Substring(name)].map(String.init) else { return nil }
            guard let date = RFC3339.date(from: text) else {
                throw Problem.badRequest("invalid-parameter", "\(name) must be an RFC 3339 time.", pointer: name)
            }
            return date
        }
        let limit = try AdminRequest.limit(request)
        let after = try query["after"].map { text -> Int64 in
            guard let value = Int64(text), value >= 0 else { throw Problem.badRequest("invalid-parameter", "after must be an entry's index.", pointer: "after") }
            return value
        }
        var actor = query["actor"].map(String.init)
        if principal.organisation != governance.operatorOrganisation {
            if let actor, actor != principal.organisation {
                throw Problem(.forbidden, "not-your-organisation", title: "Not your organisation", detail: "You read the entries of your own organisation only.")
            }
            actor = principal.organisation
        }
        let entries = try await store.auditEntries(
            from: try time("from"), to: try time("to"), actor: actor, subject: query["subject"].map(String.init),
            action: query["action"].map(String.init), after: after, limit: limit)
        return try JSONResponse.make(.ok, JSONValue.object(["entries": .array(entries.map(\.jsonValue))]))
    }
}
