import Foundation
import Hummingbird
import LiaisonCore
import LiaisonMail
import LiaisonStore

/// `POST /v1/intake/email`: one raw RFC 5322 message (`message/rfc822`) with a producer
/// key. `201` with a receipt that lists each MIME part's outcome; a message too large is
/// `413`, one that cannot be parsed or holds no report `422` naming the parts; nothing is
/// written then. The same message sent again (same Message-ID) writes nothing and is
/// answered `200` with the first receipt; `Idempotency-Key` is honoured as everywhere.
struct EmailIntakeController {
    let pipeline: IntakePipeline
    let mail: MailSubmission

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.post("intake/email", use: intake)
    }

    @Sendable func intake(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let producer = try context.require(.producer)
        try MediaType.require(request, oneOf: [.rfc822])
        let idempotencyKey = try IdempotencyKey.read(from: request)
        let receivedAt = Date()
        let body = try await RequestBody.collect(request, limit: mail.limits.maxMessageBytes)
        let batch = try await mail.batch(body, producer: producer.organisation)
        let outcome = try await pipeline.submit(
            batch,
            .init(producer: producer.organisation, transport: .httpEmail, body: body, idempotencyKey: idempotencyKey, receivedAt: receivedAt))
        context.logger.intake(outcome)
        return try outcome.response()
    }
}
