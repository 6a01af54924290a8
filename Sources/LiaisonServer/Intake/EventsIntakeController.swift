import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonIntake
import LiaisonStore
import NIOCore

/// `POST /v1/intake/events`: NDJSON, a JSON array of events or one event, in Liaison's
/// event schema or IntelMQ's (`?format=liaison|intelmq|auto`, default `auto`: decided per
/// event). One request is one transaction: every event is stored, or none is.
struct EventsIntakeController {
    let store: PostgresIncidentStore
    let agreements: AgreementBook
    let parser: EventBatchParser
    let protector: IncidentProtector
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.post("intake/events", use: intake)
    }

    @Sendable func intake(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let producer = try context.require(.producer)
        let format = try Self.format(of: request)
        let schema = try Self.schema(of: request)
        let idempotencyKey = try IdempotencyKey.read(from: request)
        let receivedAt = Date()
        let body = try await RequestBody.collect(request, limit: maxBodyBytes)
        let drafts = try parser.parse(body, format: format, schema: schema)
        let submission = PostgresIncidentStore.IntakeSubmission(
            producer: producer.organisation, transport: .httpEvents, idempotencyKey: idempotencyKey,
            bodySHA256: Data(SHA256.hash(data: body)), receivedAt: receivedAt,
            incidents: drafts.map {
                protector.protect($0, id: UUID.random(), producer: producer.organisation, receivedAt: receivedAt)
            })
        let signed = try await store.commitIntake(submission, agreements: agreements.agreements(producer: producer.organisation))
        context.logger.intakeCommitted(signed.receipt)
        return JSONResponse.receipt(.created, signed)
    }

    /// NDJSON (also under its other names, `application/jsonl` and `application/jsonlines`)
    /// or a JSON array or object.
    static func format(of request: Request) throws -> EventBatchParser.Format {
        let accepted: [MediaType] = [.ndjson, .json, MediaType(name: "application/jsonl"), MediaType(name: "application/jsonlines")]
        return try MediaType.require(request, oneOf: accepted) == .json ? .jsonArray : .ndjson
    }

    /// The `format` query parameter: which event schema the body follows.
    static func schema(of request: Request) throws -> EventBatchParser.Schema {
        guard let value = request.uri.queryParameters["format"] else { return .auto }
        guard let schema = EventBatchParser.Schema(rawValue: String(value)) else {
            throw Problem.badRequest(
                "invalid-format", "The format parameter must be liaison, intelmq or auto.")
        }
        return schema
    }
}
