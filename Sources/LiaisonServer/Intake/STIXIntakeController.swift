import Foundation
import Hummingbird
import LiaisonCore
import LiaisonIntake
import LiaisonStore

/// `POST /v1/intake/stix`: one STIX 2.1 bundle. Valid objects commit together; rejected
/// ones are listed in the receipt, unless `?atomic=true` asks for all or nothing.
struct STIXIntakeController {
    let pipeline: IntakePipeline
    let reader: STIXBundleReader
    let json: StrictJSONParser
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.post("intake/stix", use: intake)
    }

    @Sendable func intake(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let producer = try context.require(.producer)
        try MediaType.require(request, oneOf: [.stix, .json])
        let atomic = try Self.atomic(request)
        let idempotencyKey = try IdempotencyKey.read(from: request)
        let receivedAt = Date()
        let body = try await RequestBody.collect(request, limit: maxBodyBytes)
        let bundle = try JSONBody.parse(body, with: json)
        let batch = try reader.read(bundle).batch(
            rejections: atomic ? .refuseAll : .reportUnlessAllRejected, listing: reader.limits.maxErrorsListed)
        let outcome = try await pipeline.submit(
            batch,
            .init(producer: producer.organisation, transport: .httpSTIX, body: body, idempotencyKey: idempotencyKey, receivedAt: receivedAt))
        context.logger.intake(outcome)
        return try outcome.response()
    }

    static func atomic(_ request: Request) throws -> Bool {
        switch request.uri.queryParameters.get("atomic") {
        case nil, "false": return false
        case "true": return true
        default: throw Problem.badRequest("invalid-parameter", "atomic must be true or false.", pointer: "atomic")
        }
    }
}
