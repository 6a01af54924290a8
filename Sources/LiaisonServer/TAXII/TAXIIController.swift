import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonIntake
import NIOCore

/// TAXII 2.1 for producers (OASIS TAXII 2.1): discovery at `/taxii2/`, one API root at
/// `/taxii2/liaison/`, its collections, add-objects (`202` with a status resource) and
/// status. Every answer is `application/taxii+json;version=2.1`; a request whose `Accept`
/// does not allow it gets `406`, a body of another type `415`.
struct TAXIIController {
    static let apiRoot = "liaison"

    let pipeline: IntakePipeline
    let reader: STIXBundleReader
    let json: StrictJSONParser
    let collections: TAXIICollections
    let maxBodyBytes: Int
    /// `public_url`, the base of the API root URLs discovery names; nil names them relative to
    /// this server, as TAXII 2.1 section 4.1.1 allows (a path beginning with one `/`).
    let publicURL: String?

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("/", use: discovery)
        let root = group.group(RouterPath(Self.apiRoot))
        root.get("/", use: apiRootInformation)
        root.get("collections", use: listCollections)
        root.get("collections/:collection", use: collection)
        root.post("collections/:collection/objects", use: addObjects)
        root.get("collections/:collection/objects", use: readObjects)
        root.get("collections/:collection/manifest", use: readObjects)
        root.get("status/:status", use: status)
    }

    @Sendable func discovery(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        _ = try context.require(.producer, .consumer, .admin, .auditor)
        let rootURL = (publicURL ?? "") + "/taxii2/\(Self.apiRoot)/"
        return try Self.respond(.ok, TAXII.Discovery(
            title: "Liaison", description: "CSIRT to criminal-justice gateway; producers add STIX 2.1 objects here.",
            default: rootURL, apiRoots: [rootURL]))
    }

    @Sendable func apiRootInformation(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        _ = try context.require(.producer, .consumer, .admin, .auditor)
        return try Self.respond(.ok, TAXII.APIRoot(
            title: "Liaison", description: "Intake collections, one per producer.", versions: [MediaType.taxii.text],
            maxContentLength: maxBodyBytes))
    }

    @Sendable func listCollections(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let principal = try context.require(.producer, .consumer, .admin, .auditor)
        let visible = collections.visible(to: principal)
        return try Self.respond(.ok, TAXII.Collections(collections: visible.isEmpty ? nil : visible))
    }

    @Sendable func collection(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        try Self.respond(.ok, try visibleCollection(context))
    }

    @Sendable func addObjects(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let producer = try context.require(.producer)
        let target = try visibleCollection(context)
        guard target.canWrite else { throw Self.notAllowed("You cannot add objects to this collection.") }
        try MediaType.require(request, oneOf: [.taxii])
        let idempotencyKey = try IdempotencyKey.read(from: request)
        let receivedAt = Date()
        let body = try await RequestBody.collect(request, limit: maxBodyBytes)
        let objects = try Self.envelopeObjects(try JSONBody.parse(body, with: json))
        let batch = try reader.read(objects: objects).batch(rejections: .report, listing: reader.limits.maxErrorsListed)
        let outcome = try await pipeline.submit(
            batch,
            .init(producer: producer.organisation, transport: .taxii, body: body, idempotencyKey: idempotencyKey, receivedAt: receivedAt))
        context.logger.intake(outcome)
        switch outcome {
        case .committed(let signed), .replayed(let signed), .duplicate(let signed):
            // A plain retry gets the status resource of the push that holds its objects.
            return try Self.respond(.accepted, TAXII.Status(signed.receipt))
        case .duplicates(let outcomes):
            return try Self.respond(.accepted, TAXII.Status(outcomes: outcomes, requestedAt: receivedAt))
        }
    }

    /// Consumers' reads come with TAXII delivery; until then no collection is readable
    /// (every collection says `can_read: false`), so a visible one answers 403.
    @Sendable func readObjects(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        _ = try visibleCollection(context)
        throw Self.notAllowed("You cannot read from this collection.")
    }

    @Sendable func status(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let producer = try context.require(.producer)
        guard let id = context.parameters.get("status").flatMap(UUID.init(uuidString:)),
            let receipt = try await pipeline.store.receipt(id: id, producer: producer.organisation)?.receipt,
            receipt.transport == .taxii
        else {
            throw Problem(.notFound, "not-found", title: "No such status", detail: "No status resource with this id is yours.")
        }
        return try Self.respond(.ok, TAXII.Status(receipt))
    }

    private func visibleCollection(_ context: LiaisonRequestContext) throws -> TAXII.Collection {
        let principal = try context.require(.producer, .consumer, .admin, .auditor)
        guard let id = context.parameters.get("collection"), let found = collections.collection(id, for: principal) else {
            throw Problem(.notFound, "not-found", title: "No such collection", detail: "No collection with this id is visible to you.")
        }
        return found
    }

    /// The envelope's `objects` (absent means none).
    static func envelopeObjects(_ envelope: JSONValue) throws -> [JSONValue] {
        guard case .object(let fields) = envelope else {
            throw Problem(
                .unprocessableContent, "invalid-envelope", title: "Invalid envelope",
                detail: "The body must be a TAXII envelope: an object with an 'objects' list.",
                errors: [.init(pointer: "", reason: "must be an object")])
        }
        switch fields["objects"] {
        case nil: return []
        case .array(let objects)?: return objects
        default:
            throw Problem(
                .unprocessableContent, "invalid-envelope", title: "Invalid envelope", detail: "'objects' must be a list.",
                errors: [.init(pointer: "/objects", reason: "must be an array")])
        }
    }

    static func notAllowed(_ detail: String) -> Problem {
        Problem(.forbidden, "forbidden", title: "Not allowed", detail: detail)
    }

    static func respond(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        try JSONResponse.make(status, value, contentType: MediaType.taxii.text)
    }
}
