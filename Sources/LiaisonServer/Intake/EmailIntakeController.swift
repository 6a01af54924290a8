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
        let submission: PostgresIncidentStore.IntakeSubmission
        do {
            submission = try mail.submission(body, producer: producer.organisation, transport: .httpEmail, receivedAt: receivedAt)
        } catch {
            throw Problem(mailRejection: error)
        }
        let signed = try await store.commitIntake(submission, agreements: agreements.agreements(producer: producer.organisation))
        context.logger.info(
            "e-mail intake committed", metadata: ["receipt": "\(signed.receipt.id)", "incidents": "\(signed.receipt.outcomes.count)"])
        return JSONResponse.receipt(.created, signed)
    }
}

extension Problem {
    init(mailRejection rejection: MailSubmission.Rejection) {
        switch rejection {
        case .unparsable(.limitExceeded(let bound, let limit, let path)):
            let status: HTTPResponse.Status = bound == .messageBytes ? .contentTooLarge : .unprocessableContent
            self = Problem(
                status, "mail-bound-exceeded", title: "Message over a bound",
                detail: "The message exceeds the gateway's bound on \(bound.rawValue) (\(limit)); nothing was stored.",
                errors: [Item(pointer: path, reason: "\(bound.rawValue) over \(limit)")])
        case .unparsable(.parseTimeout(let limit, let path)):
            self = Problem(
                .unprocessableContent, "mail-parse-timeout", title: "Message took too long to parse",
                detail: "Parsing and mapping the message took longer than the gateway's \(limit.components.seconds) s; nothing was stored.",
                errors: [Item(pointer: path, reason: "parse time over \(limit.components.seconds) s")])
        case .unparsable(let error):
            self = Problem(
                .unprocessableContent, "mail-unparsable", title: "Message cannot be parsed",
                detail: "The body is not an RFC 5322 message the gateway can read (\(error)); nothing was stored.")
        case .noIncident(let parts):
            self = Problem(
                .unprocessableContent, "mail-no-report", title: "No report in the message",
                detail: "No part of the message holds a report the gateway can map; nothing was stored.",
                errors: parts.map { Item(pointer: $0.path, reason: "\($0.status)\($0.reason.map { ": \($0)" } ?? "")") })
        }
    }
}
