import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `GET /v1/feed?cursor=&limit=`: the consumer's projections in order, the same ones
/// its webhook receives, with the cursor to ask for the next page.
struct FeedController {
    let store: PostgresIncidentStore
    let agreements: AgreementBook

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("feed", use: feed)
    }

    struct Page: Codable {
        var items: [ProjectedIncident]
        /// Pass as `cursor` to get what comes after this page; the same cursor when empty.
        var nextCursor: String

        enum CodingKeys: String, CodingKey {
            case items
            case nextCursor = "next_cursor"
        }
    }

    @Sendable func feed(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let consumer = try context.require(.consumer)
        let cursorText = request.uri.queryParameters["cursor"].map(String.init) ?? ""
        let cursor: Int64
        if cursorText.isEmpty {
            cursor = 0
        } else if let parsed = Int64(cursorText), parsed >= 0 {
            cursor = parsed
        } else {
            throw Problem.badRequest("invalid-cursor", "cursor must be a value from next_cursor.", pointer: "cursor")
        }
        let limitText = request.uri.queryParameters["limit"].map(String.init)
        let limit = limitText.flatMap(Int.init) ?? 100
        guard (1...1000).contains(limit), limitText == nil || Int(limitText!) != nil else {
            throw Problem.badRequest("invalid-limit", "limit must be a whole number from 1 to 1000.", pointer: "limit")
        }
        let entries = try await store.feed(consumer: consumer.organisation, after: cursor, limit: limit)
        let shared = entries.compactMap { entry in agreements[entry.agreementID].map { (entry.incident, $0) } }
        let renderings = try await store.renderedProjections(shared)
        let disclosed = zip(shared, renderings).compactMap { pair, rendering in rendering.map { ($0, pair.0.id, pair.1) } }
        try await store.recordDisclosures(disclosed, transport: "feed")
        let items = disclosed.map(\.0.projected)
        let next = entries.last.map { String($0.sequence) } ?? String(cursor)
        return try JSONResponse.make(.ok, Page(items: items, nextCursor: next))
    }
}
