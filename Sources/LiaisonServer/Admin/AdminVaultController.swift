import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `POST /v1/admin/vault/erase` (admin): erases a person's value of one kind from the
/// vault (right to erasure) and answers how many entries went. The value is in the body,
/// never in the URL, so that it stays out of access logs.
struct AdminVaultController {
    let store: PostgresIncidentStore

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.post("admin/vault/erase", use: erase)
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
