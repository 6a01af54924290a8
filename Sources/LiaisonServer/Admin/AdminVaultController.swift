import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `POST /v1/admin/vault/erase` (admin): erases a person's value of one kind from the
/// vault (right to erasure) and answers how many entries went. `POST /v1/admin/vault/report`
/// (admin, auditor): what the gateway holds and disclosed of a value (``VaultReport``). The
/// value is in the body, never in the URL, so that it stays out of access logs, proxies'
/// logs and browser histories — which is why the report, a read, is a POST.
struct AdminVaultController {
    let store: PostgresIncidentStore
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.post("admin/vault/erase", use: erase)
        group.post("admin/vault/report", use: report)
    }

    /// The longest value a report looks for, in Unicode scalars.
    static let maxValueLength = 4096

    @Sendable func report(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, actor) = try context.actor(.admin, .auditor)
        let members = try await AdminRequest.object(request)
        try AdminRequest.rejectUnknown(members, known: ["kind", "value"], at: "")
        let kindName = try AdminRequest.string(members, "kind", required: true) ?? ""
        guard let kind = PersonalDataKind(rawValue: kindName) else {
            throw AdminRequest.invalid("/kind", "must be a personal-data kind (\(PersonalDataKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let value = try AdminRequest.string(members, "value", required: true) ?? ""
        guard !value.allSatisfy(\.isWhitespace), value.unicodeScalars.count <= Self.maxValueLength else {
            throw AdminRequest.invalid("/value", "must hold 1 to \(Self.maxValueLength) characters, not only spaces")
        }
        let scope: VaultReport.Scope =
            principal.organisation == governance.operatorOrganisation ? .all : .organisation(principal.organisation)
        let report = try await VaultReporter(store: store).report(kind: kind, value: value, scope: scope, by: actor)
        return try JSONResponse.make(.ok, report)
    }

    struct EraseRequest: Decodable {
        var kind: String
        var value: String
    }

    struct EraseAnswer: Codable {
        var kind: String
        var erased: Int
    }

    @Sendable func erase(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let admin = try context.require(.admin)
        let body = try await RequestBody.collect(request, limit: 64 * 1024)
        guard let input = try? JSONDecoder().decode(EraseRequest.self, from: Data(body)) else {
            throw Problem.badRequest("invalid-erase-request", "Send {\"kind\": KIND, \"value\": VALUE} as JSON.", pointer: "")
        }
        guard let kind = PersonalDataKind(rawValue: input.kind) else {
            throw Problem.badRequest("invalid-erase-request", "kind is not a personal-data kind.", pointer: "/kind")
        }
        guard !input.value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Problem.badRequest("invalid-erase-request", "value is empty.", pointer: "/value")
        }
        let erased = try await store.eraseVaultEntries(kind: kind, value: input.value, actor: admin.organisation)
        return try JSONResponse.make(.ok, EraseAnswer(kind: kind.rawValue, erased: erased))
    }
}
