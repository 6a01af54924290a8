import Foundation
import Hummingbird
import LiaisonCore
import LiaisonIntake

/// `POST /v1/intake/stix`: one STIX 2.1 bundle. Valid objects commit together; rejected
/// ones are listed in the receipt, unless `?atomic=true` asks for all or nothing.
struct STIXIntakeController {
    let submission: STIXSubmission
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
        let reading = try reader.read(bundle)
        let signed = try await submission.submit(
            reading, producer: producer.organisation, transport: .httpSTIX,
            idempotencyKey: idempotencyKey, body: body, receivedAt: receivedAt,
            rejections: atomic ? .refuseAll : .reportUnlessAllRejected)
        context.logger.intakeCommitted(signed.receipt)
        return JSONResponse.receipt(.created, signed)
    }

    static func atomic(_ request: Request) throws -> Bool {
        switch request.uri.queryParameters.get("atomic") {
        case nil, "false": return false
        case "true": return true
        default: throw Problem.badRequest("invalid-parameter", "atomic must be true or false.", pointer: "atomic")
        }
    }
}
