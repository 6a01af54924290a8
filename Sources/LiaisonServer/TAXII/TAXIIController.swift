import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonIntake
import NIOCore

/// TAXII 2.1 (OASIS TAXII 2.1): discovery at `/taxii2/`, one API root at `/taxii2/liaison/`,
/// its collections, add-objects (`202` with a status resource) and status for producers, and
/// for consumers the objects, manifest, object and versions of one read-only collection per
/// agreement they hold (``TAXIICollectionReader``). Deleting objects is never allowed (403 on
/// a collection the caller sees). Every answer is `application/taxii+json;version=2.1`; a request whose `Accept`
/// does not allow it gets `406`, a body of another type `415`.
struct TAXIIController {
    static let apiRoot = "liaison"

    let pipeline: IntakePipeline
    let reader: STIXBundleReader
    let json: StrictJSONParser
    let collections: TAXIICollections
    let collectionReader: TAXIICollectionReader
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
        root.get("collections/:collection/manifest", use: readManifest)
        root.get("collections/:collection/objects/:object", use: readObject)
        root.get("collections/:collection/objects/:object/versions", use: readVersions)
        root.delete("collections/:collection/objects/:object", use: deleteObject)
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

    /// Get Objects (section 5.3): an envelope of the page's objects.
    @Sendable func readObjects(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (page, served) = try await read(request, context, versions: .last, transport: "taxii") { $0.object }
        return try Self.envelope(page, "objects", served)
    }

    /// Get Object Manifests (section 5.6): id, date_added, version and media type per object.
    @Sendable func readManifest(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (page, served) = try await read(request, context, versions: .last, transport: "taxii-manifest") { item in
            .object([
                "id": .string(item.id), "date_added": .string(item.addedAt), "version": .string(item.version),
                "media_type": .string(MediaType.stix.text),
            ])
        }
        return try Self.envelope(page, "objects", served)
    }

    /// Get an Object (section 5.5): the envelope of one id's objects; 404 when there is none.
    @Sendable func readObject(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (page, served) = try await read(request, context, versions: .last, transport: "taxii", object: true) { $0.object }
        guard !served.isEmpty || page.more else { throw Self.objectNotFound }
        return try Self.envelope(page, "objects", served)
    }

    /// Get Object Versions (section 5.8): the versions of one id, oldest added first, each
    /// once per page; 404 when there is none.
    @Sendable func readVersions(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (page, served) = try await read(request, context, versions: .all, transport: "taxii-versions", object: true) {
            .string($0.version)
        }
        guard !served.isEmpty || page.more else { throw Self.objectNotFound }
        var seen: Set<JSONValue> = []
        return try Self.envelope(page, "versions", served.filter { seen.insert($0).inserted })
    }

    /// Delete an Object (section 5.7): no collection here allows it, as custody requires that
    /// nothing disclosed or taken in is removed. A collection the caller sees answers 403.
    @Sendable func deleteObject(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        _ = try visibleCollection(context)
        throw Self.notAllowed("Objects are never deleted from this collection.")
    }

    /// One page of a consumer's collection. A collection the caller does not see is 404 before
    /// anything else (a producer's own intake collection, which it sees, is 403), then the
    /// query, then the purpose.
    private func read(
        _ request: Request, _ context: LiaisonRequestContext, versions: TAXIIQuery.Versions, transport: String, object: Bool = false,
        serve: (TAXIICollectionReader.Item) -> JSONValue
    ) async throws -> (TAXIICollectionReader.Page, [JSONValue]) {
        let target = try visibleCollection(context)
        guard target.canRead, let principal = context.principal, principal.role == .consumer,
            let agreement = collections.agreement(ofCollection: target.id, consumer: principal.organisation)
        else { throw Self.notAllowed("You cannot read from this collection.") }
        var query = try TAXIIQuery(request, defaultVersions: versions)
        if object {
            guard let id = context.parameters.get("object"), id.contains("--") else { throw Self.objectNotFound }
            if query.ids != nil { throw TAXIIQuery.invalid("match[id]", "The object's id is in the path; match[id] does not apply here.") }
            query.ids = [id]
            if versions == .all, query.versions != .all {
                throw TAXIIQuery.invalid("match[version]", "Get Object Versions lists every version; match[version] does not apply.")
            }
        }
        let purpose = try ReadPurpose.stated(in: request, query: query.purpose)
        return try await collectionReader.page(
            of: agreement, collection: target.id, reader: principal, query: query, purpose: purpose, transport: transport, serve: serve)
    }

    static let objectNotFound = Problem(
        .notFound, "not-found", title: "No such object", detail: "No object with this id is in this collection for you.")

    /// `{"more": …, "next": …, key: […]}` with the date-added headers of section 3.4.2; `key`
    /// is left out when the page is empty.
    static func envelope(_ page: TAXIICollectionReader.Page, _ key: String, _ values: [JSONValue]) throws -> Response {
        var fields: [String: JSONValue] = ["more": .bool(page.more)]
        if let next = page.next { fields["next"] = .string(next) }
        if !values.isEmpty { fields[key] = .array(values) }
        var headers: HTTPFields = [.contentType: MediaType.taxii.text]
        if let first = page.items.first, let last = page.items.last {
            headers[.taxiiDateAddedFirst] = first.addedAt
            headers[.taxiiDateAddedLast] = last.addedAt
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: JSONValue.object(fields).canonicalBytes)))
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

extension HTTPField.Name {
    /// TAXII 2.1 section 3.4.2: the `date_added` of the first and last object of a page.
    static let taxiiDateAddedFirst = HTTPField.Name("X-TAXII-Date-Added-First")!
    static let taxiiDateAddedLast = HTTPField.Name("X-TAXII-Date-Added-Last")!
}
