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
    let records: AgreementRecords
    let registry: AgreementRegistry
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
        let (_, actor) = try context.actor(.admin, .auditor)
        let versions = try await records.store.agreementVersions()
        let grouped = Dictionary(grouping: versions, by: \.agreementID)
        let visible = grouped.keys.sorted().compactMap { id -> JSONValue? in
            guard let latest = grouped[id]?.last, records.governance.mayAct(actor, on: latest.agreement) else { return nil }
            let inForce = registry.book[id]
            var summary: [String: JSONValue] = [
                "id": .string(id), "producer": .string(latest.agreement.producer), "consumer": .string(latest.agreement.consumer),
                "versions": .array(grouped[id, default: []].map { Self.summary($0) }),
                "status": .string(inForce?.status.rawValue ?? "not-in-force"),
            ]
            if let title = latest.agreement.title { summary["title"] = .string(title) }
            if let inForce { summary["version_in_force"] = .string(inForce.versionHash) }
            return .object(summary)
        }
        return try JSONResponse.make(.ok, JSONValue.object(["agreements": .array(visible)]))
    }

    @Sendable func show(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin, .auditor)
        let id = context.parameters.get("id") ?? ""
        let versions = try await records.store.agreementVersions(id)
        guard let latest = versions.last, records.governance.mayAct(actor, on: latest.agreement) else {
            throw Self.notFound
        }
        let events = try await records.store.agreementEvents(id)
        let contacts = Self.seesContacts(principal, latest.agreement)
        return try JSONResponse.make(.ok, JSONValue.object([
            "id": .string(id), "producer": .string(latest.agreement.producer), "consumer": .string(latest.agreement.consumer),
            "status": .string(registry.book[id]?.status.rawValue ?? "not-in-force"),
            "versions": .array(versions.map { Self.detail($0, contacts: contacts) }),
            "history": .array(events.map(Self.event)),
        ]))
    }

    @Sendable func diff(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin, .auditor)
        let (version, versions) = try await find(context, actor)
        let againstText = request.uri.queryParameters["against"].map(String.init)
        let against: AgreementVersion? = try againstText.map { text in
            guard let number = Int(text), let found = versions.first(where: { $0.number == number }) else {
                throw Problem.badRequest("invalid-parameter", "against must be the number of another version.", pointer: "against")
            }
            return found
        } ?? versions.last(where: { $0.number < version.number && [.approved, .suspended].contains($0.state) })
            ?? versions.last(where: { $0.number < version.number })
        guard let against else {
            throw Problem.badRequest("invalid-parameter", "There is no earlier version to compare with; name one as against.", pointer: "against")
        }
        var changes = AgreementDiff(from: against.agreement, to: version.agreement).changes
        if !Self.seesContacts(principal, version.agreement) {
            changes = changes.map { change in
                guard change.pointer.hasPrefix("/contacts") else { return change }
                var hidden = change
                hidden.before = change.before == nil ? nil : .string("(hidden)")
                hidden.after = change.after == nil ? nil : .string("(hidden)")
                return hidden
            }
        }
        return try JSONResponse.make(.ok, JSONValue.object([
            "from": .number(Double(against.number)), "to": .number(Double(version.number)),
            "changes": .array(changes.map { change in
                var members: [String: JSONValue] = ["pointer": .string(change.pointer)]
                if let before = change.before { members["before"] = before }
                if let after = change.after { members["after"] = after }
                return .object(members)
            }),
        ]))
    }

    /// What the version would disclose compared with the one in force, over the producer's
    /// last `limit` incidents (default 100, at most 1,000); audited, since it shows admins
    /// derived data.
    @Sendable func preview(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (_, actor) = try context.actor(.admin, .auditor)
        let (version, _) = try await find(context, actor)
        let limitText = request.uri.queryParameters["limit"].map(String.init)
        let limit = limitText.flatMap(Int.init) ?? 100
        guard (1...1000).contains(limit), limitText == nil || Int(limitText!) != nil else {
            throw Problem.badRequest("invalid-limit", "limit must be a whole number from 1 to 1000.", pointer: "limit")
        }
        let incidents = try await records.store.recentIncidents(producer: version.agreement.producer, limit: limit)
        let current = registry.book[version.agreementID]
        let preview = AgreementPreview(incidents: incidents, current: current?.status == .active ? current : nil, proposed: version.agreement)
        try await records.store.audit(
            actor: actor.organisation, action: "agreement-preview", subject: "agreement:\(version.agreementID)",
            details: [
                "version": version.number, "incidents": incidents.count, "person": actor.person ?? "",
                "newly_shared": preview.newlyShared, "no_longer_shared": preview.noLongerShared, "changed": preview.changed,
            ])
        return try JSONResponse.make(.ok, PreviewAnswer(
            version: version.number, incidents: incidents.count, newlyShared: preview.newlyShared,
            noLongerShared: preview.noLongerShared, changed: preview.changed, entries: preview.entries.filter { $0.change != .unchanged && $0.change != .withheldByBoth }))
    }

    struct PreviewAnswer: Codable {
        var version: Int
        var incidents: Int
        var newlyShared: Int
        var noLongerShared: Int
        var changed: Int
        var entries: [AgreementPreview.Entry]

        enum CodingKeys: String, CodingKey {
            case version, incidents, changed, entries
            case newlyShared = "newly_shared"
            case noLongerShared = "no_longer_shared"
        }
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
        let versions = try await records.approve(id, number, ifMatch: try AdminRequest.ifMatch(request), by: actor)
        try await registry.refresh(from: records.store)
        return try answer(.ok, versions, id: id, context: context, number: number)
    }

    func step(_ request: Request, _ context: LiaisonRequestContext, to next: AgreementVersion.State) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let ifMatch = try AdminRequest.ifMatch(request)
        let reason = try AdminRequest.string(try await AdminRequest.object(request), "reason")
        let versions = try await records.move(id, number, to: next, ifMatch: ifMatch, by: actor, reason: reason)
        try await registry.refresh(from: records.store)
        return try answer(.ok, versions, id: id, context: context, number: number)
    }

    // MARK: Shapes

    /// The versions after a write, with the ETag of the version written.
    private func answer(
        _ status: HTTPResponse.Status, _ versions: [AgreementVersion], id: String, context: LiaisonRequestContext, number: Int? = nil
    ) throws -> Response {
        let contacts = context.principal.map { principal in versions.last.map { Self.seesContacts(principal, $0.agreement) } ?? false } ?? false
        let written = versions.first { $0.number == (number ?? versions.last?.number) }
        var headers: HTTPFields = [:]
        if let written { headers[.eTag] = AgreementRecords.etag(of: written) }
        return try JSONResponse.make(
            status, JSONValue.object(["id": .string(id), "versions": .array(versions.map { Self.detail($0, contacts: contacts) })]),
            headers: headers)
    }

    private func find(_ context: LiaisonRequestContext, _ actor: AuditActor) async throws -> (AgreementVersion, [AgreementVersion]) {
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let versions = try await records.store.agreementVersions(id)
        guard let version = versions.first(where: { $0.number == number }), records.governance.mayAct(actor, on: version.agreement) else {
            throw Self.notFound
        }
        return (version, versions)
    }

    static let notFound = Problem(.notFound, "not-found", title: "No such agreement", detail: "No agreement or version with this id is yours to see.")

    /// Contacts are staff data: shown to the admins of the two parties only.
    static func seesContacts(_ principal: Principal, _ agreement: Agreement) -> Bool {
        principal.role == .admin && [agreement.producer, agreement.consumer].contains(principal.organisation)
    }

    static func summary(_ version: AgreementVersion) -> JSONValue {
        .object([
            "number": .number(Double(version.number)), "state": .string(version.state.rawValue),
            "version": .string(version.hash), "etag": .string(AgreementRecords.etag(of: version)),
        ])
    }

    static func detail(_ version: AgreementVersion, contacts: Bool) -> JSONValue {
        guard case .object(var members) = summary(version), case .object(var document) = version.agreement.document else {
            return summary(version)
        }
        if !contacts { document["contacts"] = nil }
        members["document"] = .object(document)
        members["created_by"] = actor(version.createdBy)
        if let proposer = version.proposedBy { members["proposed_by"] = actor(proposer) }
        if let at = version.proposedAt { members["proposed_at"] = .string(RFC3339.string(from: at)) }
        if let reason = version.reason { members["reason"] = .string(reason) }
        return .object(members)
    }

    static func actor(_ actor: AuditActor) -> JSONValue {
        var members: [String: JSONValue] = ["organisation": .string(actor.organisation)]
        if let person = actor.person { members["person"] = .string(person) }
        return .object(members)
    }

    static func event(_ event: AgreementEvent) -> JSONValue {
        var members: [String: JSONValue] = [
            "action": .string(event.action), "by": actor(event.actor), "at": .string(RFC3339.string(from: event.at)),
        ]
        if let number = event.number { members["version"] = .number(Double(number)) }
        if let reason = event.reason { members["reason"] = .string(reason) }
        return .object(members)
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
