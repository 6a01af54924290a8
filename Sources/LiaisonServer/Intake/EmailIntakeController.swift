import Foundation
import Hummingbird
import LiaisonCore
import LiaisonMail
import LiaisonStore

/// `POST /v1/intake/email`: one raw RFC 5322 message (`message/rfc822`) with a producer
/// key. `201` with a receipt that lists each MIME part's outcome; a message too large is
/// `413`, one that cannot be parsed or holds no report `422` naming the parts; nothing is
/// written then. The same message sent again (same Message-ID) is a duplicate.
struct EmailIntakeController {
    let store: PostgresIncidentStore
    let agreements: AgreementBook
    let mail: MailSubmission

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.post("intake/email", use: intake)
    }

    @Sendable func intake(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let producer = try context.require(.producer)
        try MediaType.require(request, oneOf: [.rfc822])
        let receivedAt = Date()
        let body = try await RequestBody.collect(request, limit: mail.limits.maxMessageBytes)
        let submission = try mail.submission(body, producer: producer.organisation, transport: .httpEmail, receivedAt: receivedAt)
        let signed = try await store.commitIntake(submission, agreements: agreements.agreements(producer: producer.organisation))
        context.logger.intakeCommitted(signed.receipt)
        return JSONResponse.receipt(.created, signed)
    }
}
