import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `/console/agreements/new`, `/console/agreements/:id/versions/new` and
/// `…/versions/:number/edit`: the editor, for a new agreement (its version 1), a new draft
/// version of one (from its latest version, or from version `?from=N`), or a draft changed in
/// place. The form (``ConsoleAgreementForm``) becomes the JSON document the admin
/// API takes, read by the same ``AdminAgreementsController/document(from:at:_:)`` and written
/// by the same ``AgreementRecords/create(_:by:)``, ``AgreementRecords/draft(_:document:from:by:)``
/// and ``AgreementRecords/edit(_:_:document:ifMatch:by:)``;
/// on any problem the form comes back as entered (secrets aside) with each problem at its
/// field, and nothing is written. Admins only: an auditor gets 403.
struct ConsoleEditorController {
    let views: AgreementViews
    let pages: ConsolePages
    let allowInsecureLoopback: Bool

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("agreements/new", use: newAgreement)
        group.post("agreements/new", use: create)
        group.get("agreements/:id/versions/new", use: newVersion)
        group.post("agreements/:id/versions/new", use: draft)
        group.get("agreements/:id/versions/:number/edit", use: editDraft)
        group.post("agreements/:id/versions/:number/edit", use: saveDraft)
    }

    @Sendable func newAgreement(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin)
        var form = ConsoleAgreementForm()
        form.producer = principal.organisation
        form.fields = [IncidentField.classification.rawValue]
        return try editor(form, id: nil, problems: [], context: context)
    }

    @Sendable func newVersion(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let from = try ConsoleSession.query(request)["from"].flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int in
            guard let number = Int(text), number >= 1 else {
                throw Problem.badRequest("invalid-parameter", "from must be the number of a version.", pointer: "from")
            }
            return number
        }
        let versions = try await versions(id, for: principal)
        let chosen = from.map { number in versions.first { ConsolePages.text($0["number"]) == String(number) } } ?? versions.last
        guard case .object(let base)? = chosen else { throw AgreementRecords.Failure.versionNotFound(id, from ?? 0) }
        var form = try ConsoleAgreementForm(document: base["document"] ?? .null)
        form.keepSecrets = true
        // Contacts are shown to the parties' admins only (an operator's admin does not see them).
        let hidden = ![form.producer, form.consumer].contains(principal.organisation)
        form.base = Int(ConsolePages.text(base["number"]))
        return try editor(form, id: id, problems: [], context: context, contactsHidden: hidden)
    }

    /// A draft's own form, to change it in place (the admin API's `PUT …/versions/N`).
    @Sendable func editDraft(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        guard case .object(let version)? = try await versions(id, for: principal).first(where: { ConsolePages.text($0["number"]) == String(number) })
        else { throw AgreementRecords.Failure.versionNotFound(id, number) }
        guard ConsolePages.text(version["state"]) == AgreementVersion.State.draft.rawValue else {
            throw AgreementGovernance.Refusal.wrongState(AgreementVersion.State(rawValue: ConsolePages.text(version["state"])) ?? .draft)
        }
        var form = try ConsoleAgreementForm(document: version["document"] ?? .null)
        form.keepSecrets = true
        form.base = number
        let hidden = ![form.producer, form.consumer].contains(principal.organisation)
        return try editor(
            form, id: id, editing: (number, ConsolePages.text(version["etag"])), problems: [], context: context, contactsHidden: hidden)
    }

    /// Saves the edited draft in place, if it is still the draft the form was read from.
    @Sendable func saveDraft(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let posted = try ConsoleSession.form(context)
        let etag = try ConsoleSession.etag(posted)
        var form = ConsoleAgreementForm(posted)
        form.base = number
        try await takeIdentity(id, for: principal, into: &form)
        return try await write(form, id: id, editing: (number, etag), context: context) { agreement in
            _ = try await views.records.edit(id, number, document: agreement, ifMatch: etag, by: actor)
            return number
        }
    }

    @Sendable func create(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let form = ConsoleAgreementForm(try ConsoleSession.form(context))
        return try await write(form, id: nil, context: context) { document in
            _ = try await views.records.create(document, by: actor)
            return 1
        }
    }

    @Sendable func draft(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        var form = ConsoleAgreementForm(try ConsoleSession.form(context))
        try await takeIdentity(id, for: principal, into: &form)
        return try await write(form, id: id, context: context) { agreement in
            try await views.records.draft(id, document: agreement, from: nil, by: actor).last?.number ?? 1
        }
    }

    /// The agreement's identity is the record's, never the form's; and the secrets the form
    /// leaves empty are the base version's when it asks to keep them.
    private func takeIdentity(_ id: String, for principal: Principal, into form: inout ConsoleAgreementForm) async throws {
        guard case .object(let latest)? = try await versions(id, for: principal).last, case .object(let document)? = latest["document"] else {
            throw AgreementRecords.Failure.agreementNotFound(id)
        }
        form.id = id
        form.producer = ConsolePages.text(document["producer"])
        form.consumer = ConsolePages.text(document["consumer"])
        if form.keepSecrets, let base = form.base {
            let versions = try await views.records.store.agreementVersions(id)
            guard let earlier = versions.first(where: { $0.number == base }) else { throw AgreementRecords.Failure.versionNotFound(id, base) }
            form.keepSecrets(of: earlier.agreement)
        }
    }

    /// Reads the form's document as the admin API would and writes it with `store`; on a
    /// problem, the editor again with the problem at its field (422, or the refusal's status).
    private func write(
        _ form: ConsoleAgreementForm, id: String?, editing: (number: Int, etag: String)? = nil, context: LiaisonRequestContext,
        _ store: (Agreement) async throws -> Int
    ) async throws -> Response {
        let (members, problems) = form.members()
        if !problems.isEmpty {
            return try editor(form, id: id, editing: editing, problems: problems, context: context, status: .unprocessableContent)
        }
        do {
            let agreement = try AdminAgreementsController.document(from: members, at: "", allowInsecureLoopback)
            let number = try await store(agreement)
            return ConsoleSession.redirect("/console/agreements/\(ConsolePages.percentEncoded(agreement.id))#version-\(number)")
        } catch {
            let problem = Problem.from(error, logger: context.logger)
            let items = problem.errors.isEmpty ? [Problem.Item(pointer: "", reason: "\(problem.title): \(problem.detail)")] : problem.errors
            return try editor(form, id: id, editing: editing, problems: items, context: context, status: problem.status)
        }
    }

    private func versions(_ id: String, for principal: Principal) async throws -> [JSONValue] {
        guard case .object(let agreement) = try await views.show(id, for: principal), case .array(let versions)? = agreement["versions"] else {
            throw AgreementRecords.Failure.agreementNotFound(id)
        }
        return versions
    }

    private func editor(
        _ form: ConsoleAgreementForm, id: String?, editing: (number: Int, etag: String)? = nil, problems: [Problem.Item],
        context: LiaisonRequestContext, status: HTTPResponse.Status = .ok, contactsHidden: Bool = false
    ) throws -> Response {
        var values = form.values(problems: problems)
        values["contacts_hidden"] = contactsHidden
        let heading = id.map { id in editing.map { "Draft version \($0.number) of \(id)" } ?? "New version of \(id)" } ?? "New agreement"
        values["heading"] = heading
        if let id {
            values["agreement_id"] = id
            let path = "/console/agreements/\(ConsolePages.percentEncoded(id))/versions/"
            values["form_action"] = path + (editing.map { "\($0.number)/edit" } ?? "new")
            if let base = form.base { values["base"] = String(base) }
            if let editing { values["etag"] = editing.etag; values["editing"] = String(editing.number) }
        } else {
            values["is_new"] = true
            values["form_action"] = "/console/agreements/new"
        }
        return try pages.page("console-editor", title: "\(heading) – Liaison console", section: "Agreements", context: context, values, status: status)
    }
}
