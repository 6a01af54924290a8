import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `GET /v1/admin/audit?from=&to=&actor=&subject=&action=&person=&limit=&after=`: the audit trail by
/// time, actor (organisation), subject, action and person, oldest first, for admins and auditors of
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
        let entries = try await entries(
            for: principal, query: { query[Substring($0)].map(String.init) }, limit: try AdminRequest.limit(request))
        return try JSONResponse.make(.ok, JSONValue.object(["entries": .array(entries.map(\.jsonValue))]))
    }

    /// The entries `principal` may read, filtered by the query's `from`, `to`, `actor`,
    /// `subject`, `action`, `person` and `after` (the API and the console both read through it).
    func entries(for principal: Principal, query: (String) -> String?, limit: Int) async throws -> [LedgerEntry] {
        func time(_ name: String) throws -> Date? {
            guard let text = query(name).flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
            guard let date = RFC3339.date(from: text) else {
                throw Problem.badRequest("invalid-parameter", "\(name) must be an RFC 3339 time.", pointer: name)
            }
            return date
        }
        func text(_ name: String) throws -> String? {
            guard let value = query(name), !value.isEmpty else { return nil }
            guard value.unicodeScalars.count <= 200, !value.unicodeScalars.contains("\u{0}") else {
                throw Problem.badRequest("invalid-parameter", "\(name) must be at most 200 characters.", pointer: name)
            }
            return value
        }
        let after = try query("after").flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int64 in
            guard let value = Int64(text), value >= 0 else { throw Problem.badRequest("invalid-parameter", "after must be an entry's index.", pointer: "after") }
            return value
        }
        var actor = try text("actor")
        if principal.organisation != governance.operatorOrganisation {
            if let actor, actor != principal.organisation {
                throw Problem(.forbidden, "not-your-organisation", title: "Not your organisation", detail: "You read the entries of your own organisation only.")
            }
            actor = principal.organisation
        }
        return try await store.auditEntries(
            from: try time("from"), to: try time("to"), actor: actor, subject: try text("subject"), action: try text("action"),
            person: try text("person"), after: after, limit: limit)
    }
}
