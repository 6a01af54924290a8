import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `/console/agreements`: the list, one agreement's versions with four-eyes shown (who drafted
/// and proposed each version, who may approve it), the side-by-side diff of two versions, the
/// preview of a proposed one, and propose / withdraw / approve / reject / suspend / resume /
/// terminate / roll back. Reads go through
/// ``AgreementViews`` and steps through ``AgreementViews/approve`` and ``AgreementViews/move``,
/// as the admin API's do, with the same `If-Match` (the version's ETag, carried by the form).
struct ConsoleAgreementsController {
    let views: AgreementViews
    let pages: ConsolePages

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("agreements", use: list)
        group.get("agreements/:id", use: show)
        group.get("agreements/:id/versions/:number/diff", use: diff)
        group.get("agreements/:id/versions/:number/preview", use: preview)
        group.post("agreements/:id/versions/:number/approve") { try await step($0, $1, to: .approved, approving: true) }
        group.post("agreements/:id/versions/:number/reject") { try await step($0, $1, to: .rejected) }
        group.post("agreements/:id/versions/:number/withdraw") { try await step($0, $1, to: .draft) }
        group.post("agreements/:id/versions/:number/suspend") { try await step($0, $1, to: .suspended) }
        group.post("agreements/:id/versions/:number/propose") { try await step($0, $1, to: .proposed) }
        group.post("agreements/:id/versions/:number/resume") { try await step($0, $1, to: .approved) }
        group.post("agreements/:id/versions/:number/terminate") { try await step($0, $1, to: .terminated) }
        group.post("agreements/:id/versions/:number/rollback", use: rollBack)
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        var agreements: [[String: Any]] = []
        if case .object(let list) = try await views.list(for: principal), case .array(let items)? = list["agreements"] {
            for case .object(let agreement) in items {
                var row = agreement.mapValues(ConsolePages.plain)
                // Not `title`, which a row without one would take from the page.
                row["title"] = nil
                if let title = agreement["title"] { row["agreement_title"] = ConsolePages.text(title) }
                if case .array(let versions)? = agreement["versions"] {
                    row["versions_text"] = versions.compactMap { version -> String? in
                        guard case .object(let members) = version else { return nil }
                        return "\(ConsolePages.text(members["number"])) \(ConsolePages.text(members["state"]))"
                    }.joined(separator: ", ")
                }
                agreements.append(row)
            }
        }
        return try pages.page(
            "console-agreements", title: "Agreements – Liaison console", section: "Agreements", context: context, ["agreements": agreements])
    }

    @Sendable func show(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let id = context.parameters.get("id") ?? ""
        guard case .object(let agreement) = try await views.show(id, for: principal), case .array(let versions)? = agreement["versions"]
        else { throw AgreementRecords.Failure.agreementNotFound(id) }
        let producer = ConsolePages.text(agreement["producer"]), consumer = ConsolePages.text(agreement["consumer"])
        var approvers = [producer, consumer]
        if let operatorOrganisation = views.records.governance.operatorOrganisation { approvers.append(operatorOrganisation) }
        var rows: [[String: Any]] = []
        for case .object(let version) in versions.reversed() {
            let number = ConsolePages.text(version["number"])
            let state = ConsolePages.text(version["state"])
            var row: [String: Any] = [
                "number": number, "state": state, "etag": ConsolePages.text(version["etag"]),
                "created_by": ConsolePages.actor(version["created_by"]), "document": ConsolePages.text(version["document"]),
                "has_earlier": (Int(number) ?? 1) > 1,
            ]
            // Mustache takes any string, even an empty one, as true: absent values stay absent.
            if case .object(let document)? = version["document"] {
                if let from = document["valid_from"] { row["valid_from"] = ConsolePages.text(from) }
                if let until = document["valid_until"] { row["valid_until"] = ConsolePages.text(until) }
            }
            if version["proposed_by"] != nil { row["proposed_by"] = ConsolePages.actor(version["proposed_by"]) }
            if let reason = version["reason"] { row["reason"] = ConsolePages.text(reason) }
            if state == "proposed" {
                // Four eyes: nobody who drafted or proposed the version approves it.
                let own = [version["created_by"], version["proposed_by"]].contains { isSignedInPerson($0, principal) }
                row["proposed"] = true
                let authors = [ConsolePages.actor(version["created_by"]), ConsolePages.actor(version["proposed_by"])].filter { !$0.isEmpty }
                row["may_approve"] = "An admin of \(approvers.joined(separator: ", ")) other than \(authors.uniqued().joined(separator: " and "))."
                row["own_proposal"] = own
                row["may_act"] = !own
            }
            if state == "approved" { row["suspendable"] = true }
            if state == "draft" { row["draft"] = true }
            if state == "suspended" { row["resumable"] = true }
            if ["approved", "suspended"].contains(state) { row["terminable"] = true }
            // Roll back: to a version once in force, by a new version with its document.
            if ["superseded", "expired"].contains(state) { row["restorable"] = true }
            rows.append(row)
        }
        let history: [[String: Any]] = (agreement["history"].flatMap { value -> [JSONValue]? in
            if case .array(let items) = value { return items }
            return nil
        } ?? []).reversed().compactMap { event -> [String: Any]? in
            guard case .object(let members) = event else { return nil }
            return [
                "at": ConsolePages.text(members["at"]), "action": ConsolePages.text(members["action"]),
                "by": ConsolePages.actor(members["by"]), "version": ConsolePages.text(members["version"]),
                "reason": ConsolePages.text(members["reason"]),
            ]
        }
        return try pages.page(
            "console-agreement", title: "Agreement \(id) – Liaison console", section: "Agreements", context: context,
            [
                "id": id, "producer": producer, "consumer": consumer, "status": ConsolePages.text(agreement["status"]), "versions": rows,
                "history": history, "open": ConsolePages.text(agreement["status"]) != "terminated",
            ])
    }

    private func isSignedInPerson(_ actor: JSONValue?, _ principal: Principal) -> Bool {
        guard case .object(let members)? = actor, let person = principal.person else { return false }
        return members["organisation"] == .string(principal.organisation) && members["person"] == .string(person)
    }

    @Sendable func diff(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let against = try ConsoleSession.query(request)["against"].flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int in
            guard let value = Int(text), value >= 1 else {
                throw Problem.badRequest("invalid-parameter", "against must be the number of another version.", pointer: "against")
            }
            return value
        }
        guard case .object(let diff) = try await views.diff(id, number, against: against, for: principal) else {
            throw AgreementRecords.Failure.nothingToCompare
        }
        var changes: [[String: Any]] = []
        if case .array(let items)? = diff["changes"] {
            for case .object(let change) in items {
                changes.append([
                    "pointer": ConsolePages.text(change["pointer"]),
                    "before": change["before"].map { ConsolePages.text($0) } ?? "—", "after": change["after"].map { ConsolePages.text($0) } ?? "—",
                    "added": change["before"] == nil, "removed": change["after"] == nil,
                ])
            }
        }
        return try pages.page(
            "console-diff", title: "Changes in version \(number) of \(id) – Liaison console", section: "Agreements", context: context,
            [
                "id": id, "from": ConsolePages.text(diff["from"]), "to": ConsolePages.text(diff["to"]), "changes": changes,
                "no_changes": changes.isEmpty, "number": number,
            ])
    }

    @Sendable func preview(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let answer = try await views.preview(id, number, limit: try AdminRequest.limit(request), for: principal)
        let entries: [[String: Any]] = answer.entries.map { entry in
            [
                "incident": entry.incident.uuidString.lowercased(), "classification": "\(entry.classification.taxonomy)/\(entry.classification.type)",
                "tlp": entry.tlp.rawValue, "change": entry.change.rawValue,
                "fields_added": entry.fieldsAdded.map(\.rawValue).joined(separator: ", "),
                "fields_removed": entry.fieldsRemoved.map(\.rawValue).joined(separator: ", "),
                "actions": entry.actions.map { "\($0.field) (\($0.kind.rawValue)): \($0.before.rawValue) → \($0.after.rawValue)" }.joined(separator: "; "),
            ]
        }
        return try pages.page(
            "console-preview", title: "Preview of version \(number) of \(id) – Liaison console", section: "Agreements", context: context,
            [
                "id": id, "number": number, "incidents": answer.incidents, "newly_shared": answer.newlyShared,
                "no_longer_shared": answer.noLongerShared, "changed": answer.changed, "entries": entries, "no_entries": entries.isEmpty,
            ])
    }

    /// Propose or withdraw (a reason optional), approve, reject, suspend or terminate (a reason
    /// required) or resume, then back to the agreement.
    func step(
        _ request: Request, _ context: LiaisonRequestContext, to next: AgreementVersion.State, approving: Bool = false
    ) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let form = try ConsoleSession.form(context)
        let etag = try ConsoleSession.etag(form)
        let reason = try Self.reason(form)
        if approving {
            _ = try await views.approve(id, number, ifMatch: etag, by: actor)
        } else {
            _ = try await views.move(id, number, to: next, ifMatch: etag, reason: reason, by: actor)
        }
        return ConsoleSession.redirect("/console/agreements/\(ConsolePages.percentEncoded(id))")
    }

    /// A form's `reason`, trimmed; nil when empty.
    static func reason(_ form: URLEncodedForm) throws -> String? {
        let reason = form["reason"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if let reason, reason.unicodeScalars.count > 2000 || reason.unicodeScalars.contains("\u{0}") {
            throw Problem(
                .unprocessableContent, "invalid-request", title: "Invalid request", detail: "The reason must be at most 2,000 characters.",
                errors: [.init(pointer: "/reason", reason: "must be at most 2,000 characters")])
        }
        return reason
    }

    /// Roll back to version `number`: a new draft with that version's document, as the admin
    /// API's `from_version` makes it, proposed at once by the same person; another admin
    /// approves it as any proposal (four eyes). Secrets come with the document copied.
    @Sendable func rollBack(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (_, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let number = try AdminRequest.number(context, "number")
        let reason = try Self.reason(try ConsoleSession.form(context))
        let versions = try await views.records.draft(id, document: nil, from: number, by: actor)
        guard let draft = versions.last else { throw AgreementRecords.Failure.agreementNotFound(id) }
        _ = try await views.move(
            id, draft.number, to: .proposed, ifMatch: AgreementRecords.etag(of: draft), reason: reason ?? "roll back to version \(number)", by: actor)
        return ConsoleSession.redirect("/console/agreements/\(ConsolePages.percentEncoded(id))#version-\(draft.number)")
    }

}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
