import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `/v1/admin/keys`: an admin creates (shown once), lists and revokes the keys of its own
/// organisation (the operator's admins: of any); auditors list. Admin, auditor and consumer
/// keys name a person; keys may expire.
/// A key created with `client_certificate_sha256` is bound to that client certificate and has
/// no bearer secret: its answer shows no key; the certificate, presented on the TLS listener,
/// is the credential. It is listed and revoked like any key.
struct AdminKeysController {
    let store: PostgresIncidentStore
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("admin/keys", use: list)
        group.post("admin/keys", use: create)
        group.post("admin/keys/:id/revoke", use: revoke)
    }

    /// The organisation whose keys the caller may see: its own, or any for the operator.
    private func scope(_ principal: Principal, asked: String?) throws -> String? {
        if principal.organisation == governance.operatorOrganisation { return asked }
        if let asked, asked != principal.organisation {
            throw Problem(.forbidden, "not-your-organisation", title: "Not your organisation", detail: "You manage the keys of your own organisation only.")
        }
        return principal.organisation
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        return try JSONResponse.make(.ok, ["keys": try await keys(for: principal, organisation: request.uri.queryParameters["organisation"].map(String.init))])
    }

    /// The keys `principal` may see: of `organisation` when asked and allowed, else of its own
    /// organisation (the operator's: every organisation's). The API and the console list through it.
    func keys(for principal: Principal, organisation: String?) async throws -> [APIKeyRecord] {
        try await store.apiKeys(organisation: try scope(principal, asked: organisation))
    }

    struct Created: Codable {
        /// Absent for a key bound to a client certificate.
        var key: String?
        var record: APIKeyRecord
    }

    /// What a key is asked for, as the API's JSON members or the console's form fields.
    struct KeyRequest {
        var organisation: String?
        var role: String?
        var person: String?
        var expiresAt: String?
        /// Binds the key to a client certificate (API only): the SHA-256 of its DER, hex.
        var clientCertificateSHA256: String?
    }

    @Sendable func create(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        let body = try await AdminRequest.object(request)
        let asked = KeyRequest(
            organisation: try AdminRequest.string(body, "organisation"), role: try AdminRequest.string(body, "role", required: true),
            person: try AdminRequest.string(body, "person"), expiresAt: try AdminRequest.string(body, "expires_at"),
            clientCertificateSHA256: try AdminRequest.string(body, "client_certificate_sha256"))
        return try JSONResponse.make(.created, try await create(asked, principal: principal, actor: actor), headers: [.cacheControl: "no-store"])
    }

    /// Checks and creates a key (the API and the console both create through it); a problem
    /// names the member at fault (`/role`, `/person`, ...).
    func create(_ asked: KeyRequest, principal: Principal, actor: AuditActor) async throws -> Created {
        let organisation = asked.organisation.flatMap { $0.isEmpty ? nil : $0 } ?? principal.organisation
        _ = try scope(principal, asked: organisation)
        guard Identifier.isValid(organisation) else { throw AdminRequest.invalid("/organisation", "is not an organisation id") }
        guard let role = asked.role.flatMap(APIRole.init(rawValue:)) else {
            throw AdminRequest.invalid("/role", "must be producer, consumer, admin or auditor")
        }
        let person = asked.person?.trimmingCharacters(in: .whitespaces)
        if role != .producer, person?.isEmpty ?? true { throw AdminRequest.invalid("/person", "is required for \(role.rawValue) keys") }
        if let person, !person.isEmpty, !AdminRequest.isShortText(person) { throw AdminRequest.invalid("/person", "must be 1–200 characters") }
        var expiresAt: Date?
        if let text = asked.expiresAt, !text.isEmpty {
            guard let date = RFC3339.date(from: text), date > Date() else { throw AdminRequest.invalid("/expires_at", "must be an RFC 3339 time in the future") }
            expiresAt = date
        }
        var certificate: String?
        if let text = asked.clientCertificateSHA256 {
            // Accept openssl's `AB:CD:…` form as well as plain hex.
            let hex = text.replacingOccurrences(of: ":", with: "").lowercased()
            guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                throw AdminRequest.invalid("/client_certificate_sha256", "must be the SHA-256 of the certificate's DER, 64 hex digits")
            }
            certificate = hex
        }
        let key: String, id: UUID
        do {
            (key, id) = try await store.createAPIKey(
                organisation: organisation, role: role, person: person?.isEmpty == true ? nil : person, expiresAt: expiresAt,
                clientCertificateSHA256: certificate, by: actor)
        } catch StoreError.uniqueViolation(let constraint) where constraint == "api_keys_client_certificate" {
            throw Problem(
                .conflict, "client-certificate-bound", title: "Certificate already bound",
                detail: "A live key is bound to this client certificate; revoke it first.")
        }
        guard let record = try await store.apiKeys(organisation: organisation).first(where: { $0.id == id }) else {
            throw StoreError.undecodableRow(table: "api_keys", key: id.uuidString)
        }
        return Created(key: certificate == nil ? key : nil, record: record)
    }

    @Sendable func revoke(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin)
        return try JSONResponse.make(.ok, try await revoke(context.parameters.get("id"), principal: principal, actor: actor))
    }

    /// Revokes the key `id` if it is `principal`'s to revoke (the API and the console both revoke through it).
    func revoke(_ id: String?, principal: Principal, actor: AuditActor) async throws -> APIKeyRecord {
        guard let id = id.flatMap(UUID.init(uuidString:)),
            let record = try await store.revokeAPIKey(id, organisation: try scope(principal, asked: nil), by: actor)
        else {
            throw Problem(.notFound, "not-found", title: "No such key", detail: "No key with this id is yours to revoke.")
        }
        return record
    }
}
