import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `/v1/admin/organisations`: the operator's admins create organisations; an organisation's
/// admins (and the operator's) set its name and points of contact; admins and auditors read
/// their own organisation, the operator's every one. Contacts are staff data: shown to the
/// organisation's own admins and auditors and to the operator's.
struct AdminOrganisationsController {
    let store: PostgresIncidentStore
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("admin/organisations", use: list)
        group.post("admin/organisations", use: create)
        group.put("admin/organisations/:id", use: update)
    }

    private func isOperator(_ principal: Principal) -> Bool { principal.organisation == governance.operatorOrganisation }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let found = try await store.organisations(isOperator(principal) ? nil : [principal.organisation])
        return try JSONResponse.make(.ok, ["organisations": found])
    }

    @Sendable func create(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        guard isOperator(principal) else {
            throw Problem(.forbidden, "operator-only", title: "Operator only",
                          detail: "Organisations are created by the admins of governance.operator, or by a first key on the command line.")
        }
        let body = try await AdminRequest.object(request)
        try AdminRequest.rejectUnknown(body, known: ["id", "name", "contacts"], at: "")
        guard let id = try AdminRequest.string(body, "id", required: true), Identifier.isValid(id) else {
            throw AdminRequest.invalid("/id", "must be 1–63 lower-case letters, digits, '.', '_' or '-'")
        }
        let (name, contacts) = try Self.profile(body)
        guard try await store.saveOrganisation(id, name: name, contacts: contacts, update: false, by: actor) else {
            throw Problem(.conflict, "organisation-exists", title: "Organisation exists", detail: "An organisation \(id) exists already.")
        }
        return try JSONResponse.make(.created, try await store.organisations([id]).first)
    }

    @Sendable func update(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        let id = context.parameters.get("id") ?? ""
        let notFound = Problem(.notFound, "not-found", title: "No such organisation", detail: "No organisation with this id is yours to manage.")
        guard isOperator(principal) || principal.organisation == id else { throw notFound }
        let body = try await AdminRequest.object(request)
        try AdminRequest.rejectUnknown(body, known: ["name", "contacts"], at: "")
        let (name, contacts) = try Self.profile(body)
        guard try await store.saveOrganisation(id, name: name, contacts: contacts, update: true, by: actor) else { throw notFound }
        return try JSONResponse.make(.ok, try await store.organisations([id]).first)
    }

    /// `name` and `contacts` (`[{role, name, email?, phone?}]`, at most 20) from a body; a
    /// PUT replaces both, so what it leaves out is cleared.
    static func profile(_ body: [String: JSONValue]) throws -> (String?, [OrganisationRecord.Contact]) {
        let name = try AdminRequest.string(body, "name")
        if let name, !AdminRequest.isShortText(name) { throw AdminRequest.invalid("/name", "must be 1–200 characters, not only spaces") }
        let list = body["contacts"] == .null ? nil : body["contacts"]
        guard case .array(let items) = list ?? .array([]) else { throw AdminRequest.invalid("/contacts", "must be a list") }
        guard items.count <= 20 else { throw AdminRequest.invalid("/contacts", "must list at most 20 contacts") }
        let contacts = try items.enumerated().map { index, item -> OrganisationRecord.Contact in
            let at = "/contacts/\(index)"
            guard case .object(let members) = item else { throw AdminRequest.invalid(at, "must be an object") }
            try AdminRequest.rejectUnknown(members, known: ["role", "name", "email", "phone"], at: at)
            var fields: [String: String] = [:]
            for key in ["role", "name", "email", "phone"] {
                switch members[key] {
                case nil, .null?:
                    if key == "role" || key == "name" { throw AdminRequest.invalid(at + "/" + key, "is required") }
                case .string(let value)? where AdminRequest.isShortText(value): fields[key] = value
                default: throw AdminRequest.invalid(at + "/" + key, "must be a string of 1–200 characters, not only spaces")
                }
            }
            return OrganisationRecord.Contact(role: fields["role"]!, name: fields["name"]!, email: fields["email"], phone: fields["phone"])
        }
        return (name, contacts)
    }
}
