import Foundation
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonStore
import NIOCore

/// `GET /v1/feed?cursor=&limit=`: the consumer's disclosures in order, each rendered as its
/// webhook receives it (the incident version under the agreement version that shared it),
/// with the cursor to ask for the next page (opaque and the consumer's own: ``FeedCursors``).
/// Disclosures of an agreement that is now suspended, terminated or gone are left out of the
/// page (the cursor still moves past them).
///
/// With `Accept: application/stix+json;version=2.1` each item is the disclosure's STIX 2.1
/// bundle instead (the page itself stays a JSON object, `application/json`, since a page of
/// bundles is no STIX object); an `Accept` that allows neither is 406.
///
/// A page holding a disclosure whose agreement versions require a purpose is refused (428)
/// without `Liaison-Purpose`; the purpose and the reader's name go into each item's ledger
/// entry.
struct FeedController {
    let store: PostgresIncidentStore
    let renderer: DisclosureRenderer
    let cursors: FeedCursors

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("feed", use: feed)
    }

    @Sendable func feed(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let consumer = try context.require(.consumer)
        let purpose = try ReadPurpose.stated(in: request)
        let stix = Self.wantsSTIX(request)
        guard stix || MediaType.json.isAccepted(by: request) else {
            throw Problem(
                .notAcceptable, "not-acceptable", title: "Not acceptable",
                detail: "The feed is served as application/json, or with STIX items for Accept: \(STIXBundle.mediaType).")
        }
        let cursorText = request.uri.queryParameters["cursor"].map(String.init) ?? ""
        let cursor: Int64
        if cursorText.isEmpty {
            cursor = 0
        } else if let position = cursors.sequence(of: cursorText, consumer: consumer.organisation) {
            cursor = position
        } else {
            throw Problem.badRequest("invalid-cursor", "cursor must be a value from next_cursor of your own feed.", pointer: "cursor")
        }
        let limitText = request.uri.queryParameters["limit"].map(String.init)
        let limit = limitText.flatMap(Int.init) ?? 100
        guard (1...1000).contains(limit), limitText == nil || Int(limitText!) != nil else {
            throw Problem.badRequest("invalid-limit", "limit must be a whole number from 1 to 1000.", pointer: "limit")
        }
        let disclosures = try await store.feed(consumer: consumer.organisation, after: cursor, limit: limit)
        let rendered = try await renderer.render(disclosures).compactMap { try? $0.get() }
        try ReadPurpose.check(purpose, for: rendered)
        var items: [[UInt8]] = []
        var records: [DisclosureRecord] = []
        for shown in rendered {
            let bytes = stix ? shown.stixBundle.bytes : Array(try CanonicalJSON.encode(shown.rendering.projected))
            items.append(bytes)
            records.append(try shown.record(of: bytes, purpose: .read(purpose, under: shown.agreement), person: consumer.person))
        }
        try await store.recordDisclosures(records, transport: stix ? "feed-stix" : "feed")
        let next = try cursors.cursor(after: disclosures.last?.sequence ?? cursor, consumer: consumer.organisation)
        // {"items":[…],"next_cursor":"…"}: canonical JSON (members in order) from the items'
        // own bytes, the exact bytes whose digests the audit trail holds.
        var page = Array(#"{"items":["#.utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { page.append(UInt8(ascii: ",")) }
            page += item
        }
        page += Array(#"],"next_cursor":"\#(next)"}"#.utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: page)))
    }

    /// Whether `Accept` names STIX 2.1 explicitly (a wildcard keeps Liaison's JSON).
    static func wantsSTIX(_ request: Request) -> Bool {
        guard let header = request.headers[.accept] else { return false }
        return header.split(separator: ",").contains { range in
            let (name, parameters) = MediaType.parse(range)
            return parameters["q"] != "0" && MediaType.stix.matches(name, parameters)
        }
    }
}
