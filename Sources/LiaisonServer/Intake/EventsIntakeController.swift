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
        let body = try await Self.collect(request, limit: maxBodyBytes)
        let drafts: [IncidentDraft]
        do {
            drafts = try parser.parse(body, format: format, schema: schema)
        } catch {
            throw Problem(intakeError: error)
        }
        let submission = PostgresIncidentStore.IntakeSubmission(
            producer: producer.organisation, transport: .httpEvents, idempotencyKey: idempotencyKey,
            bodySHA256: Data(SHA256.hash(data: body)), receivedAt: receivedAt,
            incidents: drafts.map {
                protector.protect($0, id: UUID(), producer: producer.organisation, receivedAt: receivedAt)
            })
        let receipt = try await store.commitIntake(submission, agreements: agreements.agreements(producer: producer.organisation))
        context.logger.info(
            "intake committed",
            metadata: ["receipt": "\(receipt.id)", "incidents": "\(receipt.outcomes.count)"])
        return JSONResponse.receipt(.created, receipt)
    }

    static func format(of request: Request) throws -> EventBatchParser.Format {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        switch mediaType {
        case "application/x-ndjson", "application/jsonl", "application/jsonlines": return .ndjson
        case "application/json": return .jsonArray
        default: throw Problem.unsupportedMediaType(accepted: ["application/x-ndjson", "application/json"])
        }
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

    /// Reads the body up to `limit` bytes; past it, stops reading and answers 413.
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem.bodyTooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw Problem.bodyTooLarge(limit: limit)
        }
    }
}

/// The `Idempotency-Key` header: up to 255 visible ASCII characters.
enum IdempotencyKey {
    static func read(from request: Request) throws -> String? {
        guard let value = request.headers[HTTPField.Name("Idempotency-Key")!] else { return nil }
        guard !value.isEmpty, value.utf8.count <= 255, value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw Problem.badRequest(
                "invalid-idempotency-key", "Idempotency-Key must be 1 to 255 visible ASCII characters.")
        }
        return value
    }
}

extension Problem {
    init(intakeError error: IntakeError) {
        switch error {
        case .empty:
            self = Problem(.unprocessableContent, "empty-body", title: "No events", detail: "The body holds no event.")
        case .tooManyEvents(let limit):
            self = Problem(
                .contentTooLarge, "too-many-events", title: "Too many events",
                detail: "A request may hold at most \(limit) events; split it into smaller requests.")
        case .invalidJSON(let errors):
            self = Problem(
                .unprocessableContent, "invalid-json", title: "Not strict JSON",
                detail: errors.count == 1
                    ? "The body \(errors[0].explanation) (byte \(errors[0].offset)); nothing was stored."
                    : "\(errors.count) lines are not strict JSON; nothing was stored.",
                errors: errors.map { Item(pointer: $0.pointer, reason: $0.reason.rawValue + ": " + $0.explanation, offset: $0.offset) })
        case .invalidEvents(let problems):
            self = Problem(
                .unprocessableContent, "invalid-events", title: "Invalid events",
                detail: "\(Set(problems.map { $0.pointer.split(separator: "/").first ?? "" }).count) event(s) break the event schema; nothing was stored.",
                errors: problems.map { Item(pointer: $0.pointer, reason: $0.reason) })
        case .invalidBundle(let problems):
            self = Problem(
                .unprocessableContent, "invalid-bundle", title: "Not a STIX 2.1 bundle",
                detail: "The body is not a STIX 2.1 bundle; nothing was stored.",
                errors: problems.map { Item(pointer: $0.pointer, reason: $0.reason) })
        case .tooManyObjects(let limit):
            self = Problem(
                .contentTooLarge, "too-many-objects", title: "Too many objects",
                detail: "A bundle may hold at most \(limit) objects; split it into smaller bundles.")
        }
    }
}

/// JSON answers in the canonical form.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(data: try CanonicalJSON.encode(value))))
    }

    /// A receipt in its RFC 8785 form, the bytes its signature was made over plus the signature.
    static func receipt(_ status: HTTPResponse.Status, _ receipt: Receipt) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: receipt.canonicalBytes)))
    }
}
