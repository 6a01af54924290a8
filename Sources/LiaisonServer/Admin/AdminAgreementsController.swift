import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonStore

/// `/v1/admin/agreements`: agreements as governed records. Admins of a party (or of the
/// operator organisation) create drafts, propose, approve (a second person), reject,
/// suspend, resume, terminate and roll back; auditors of a party read. Every write takes
/// `If-Match` with the ETag of the version it acts on (`412` when stale, `428` without);
/// every step goes through ``AgreementRecords``, as the CLI's do.
struct AdminAgreementsController {
    let views: AgreementViews
    var records: AgreementRecords { views.records }
    var registry: AgreementRegistry { views.registry }
    let allowInsecureLoopback: Bool

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("admin/agreements", use: list)
        group.post("admin/agreements", use: create)
        group.get("admin/agreements/:id", use: show)
        group.post("admin/agreements/:id/versions", use: newDraft)
        group.put("admin/agreements/:id/versions/:number", use: edit)
        group.post("admin/agreements/:id/versions/:number/propose") { try await step($0, $1, to: .proposed) }
        group.post("admin/agreements/:id/versions/:number/approve", use: approve)
        group.post("admin/agreements/:id/versions/:number/reject") { try await step($0, $1, to: .rejected) }
        group.post("admin/agreements/:id/versions/:number/withdraw") { try await step($0, $1, to: .draft) }
        group.post("admin/agreements/:id/versions/:number/suspend") { try await step($0, $1, to: .suspended) }
        group.post("admin/agreements/:id/versions/:number/resume") { try await step($0, $1, to: .approved) }
        group.post("admin/agreements/:id/versions/:number/terminate") { try await step($0, $1, to: .terminated) }
        group.get("admin/agreements/:id/versions/:number/diff", use: diff)
        group.post("admin/agreements/:id/versions/:number/preview", use: preview)
    }

    // MARK: Reads

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        return try JSONResponse.make(.ok, try await views.list(for: principal))
    }

    @Sendable func show(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        return try JSONResponse.make(.ok, try await views.show(context.parameters.get("id") ?? "", for: principal))
    }

    @Sendable func diff(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let against = try request.uri.queryParameters["against"].map { text -> Int in
            guard let number = Int(text) else {
                throw Problem.badRequest("invalid-parameter", "against must be the number of another version.", pointer: "against")
            }
            return number
        }
        let number = try AdminRequest.number(context, "number")
        return try JSONResponse.make(.ok, try await views.diff(context.parameters.get("id") ?? "", number, against: against, for: principal))
    }

    /// What the version would disclose compared with the one in force, over the producer's
    /// last `limit` incidents (default 100, at most 1,000).
    @Sendable func preview(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let number = try AdminRequest.number(context, "number")
        let limit = try AdminRequest.limit(request)
        return try JSONResponse.make(.ok, try await views.preview(context.parameters.get("id") ?? "", number, limit: limit, for: principal))
    }

    // MARK: Writes

    @Sendable func create(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let document = try await AdminAgreementsController.document(from: try await AdminRequest.object(request), at: "", allowInsecureLoopback)
        let versions = try await records.create(document, by: actor)
        return try answer(.created, versions, id: document.id, context: context)
    }

    @Sendable func newDraft(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let body = try await AdminRequest.object(request)
        let earlier = try AdminRequest.int(body, "from_version")
        let document = try body["document"].map { value -> Agreement in
            guard case .object(let members) = value else { throw AdminRequest.invalid("/document", "must be an object") }
            return try Self.document(from: members, at: "/document", allowInsecureLoopback)
        }
        guard (document == nil) != (earlier == nil) else {
            throw AdminRequest.invalid("", "send either document (a new draft) or from_version (a rollback to that version's document)")
        }
        let versions = try await records.draft(id, document: document, from: earlier, by: actor)
        return try answer(.created, versions, id: id, context: context)
    }

    @Sendable func edit(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let ifMatch = try AdminRequest.ifMatch(request)
        let document = try Self.document(from: try await AdminRequest.object(request), at: "", allowInsecureLoopback)
        let versions = try await records.edit(id, number, document: document, ifMatch: ifMatch, by: actor)
        return try answer(.ok, versions, id: id, context: context, number: number)
    }

    @Sendable func approve(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let versions = try await views.approve(id, number, ifMatch: try AdminRequest.ifMatch(request), by: actor)
        return try answer(.ok, versions, id: id, context: context, number: number)
    }

    func step(_ request: Request, _ context: LiaisonRequestContext, to next: AgreementVersion.State) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let ifMatch = try AdminRequest.ifMatch(request)
        let reason = try AdminRequest.string(try await AdminRequest.object(request), "reason")
        let versions = try await views.move(id, number, to: next, ifMatch: ifMatch, reason: reason, by: actor)
        return try answer(.ok, versions, id: id, context: context, number: number)
    }

    // MARK: Shapes

    /// The versions after a write, with the ETag of the version written.
    private func answer(
        _ status: HTTPResponse.Status, _ versions: [AgreementVersion], id: String, context: LiaisonRequestContext, number: Int? = nil
    ) throws -> Response {
        guard let principal = context.principal else { throw Problem.unauthenticated }
        let written = versions.first { $0.number == (number ?? versions.last?.number) }
        var headers: HTTPFields = [:]
        if let written { headers[.eTag] = AgreementRecords.etag(of: written) }
        return try JSONResponse.make(status, views.written(versions, id: id, by: principal), headers: headers)
    }

    /// An agreement document sent as JSON, read as the files are (every problem named by JSON
    /// Pointer), except that secrets must be sent as values, never as `env:` or `file:`.
    static func document(from members: [String: JSONValue], at base: String, _ allowInsecureLoopback: Bool) throws -> Agreement {
        var reader = YAMLReader(file: "request")
        let text = JSONValue.object(members).canonicalBytes.utf8Text
        let agreement = AgreementReader(environment: [:], allowSecretReferences: false, allowInsecureLoopback: allowInsecureLoopback)
            .read(text, reader: &reader)
        guard let agreement, reader.problems.isEmpty else {
            throw Problem(
                .unprocessableContent, "invalid-agreement", title: "Invalid agreement",
                detail: "The agreement document has \(reader.problems.count) problem(s); nothing was written.",
                errors: reader.problems.map {
                    Problem.Item(pointer: base + ($0.key.isEmpty ? "" : "/" + $0.key.replacingOccurrences(of: ".", with: "/")), reason: $0.message)
                })
        }
        return agreement
    }
}
