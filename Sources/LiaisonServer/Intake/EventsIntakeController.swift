import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonIntake

/// `POST /v1/intake/events`: NDJSON, a JSON array of events or one event, in Liaison's
/// event schema or IntelMQ's (`?format=liaison|intelmq|auto`, default `auto`: decided per
/// event). One request is one transaction: every event is stored, or none is.
struct EventsIntakeController {
    let pipeline: IntakePipeline
    let parser: EventBatchParser
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
        let outcome = try await pipeline.submit(
            IntakeBatch(drafts: drafts),
            .init(producer: producer.organisation, transport: .httpEvents, body: body, idempotencyKey: idempotencyKey, receivedAt: receivedAt))
        context.logger.intake(outcome)
        return try outcome.response()
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
