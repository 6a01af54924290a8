import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonStore

/// Reads a consumer's TAXII collection (TAXII 2.1 sections 5.3–5.6 and 5.8). The collection of
/// an agreement holds, for each disclosure made under it to the consumer (feed order), the
/// objects of that disclosure's STIX 2.1 bundle (``DisclosureRenderer/Rendered/stixBundle``),
/// each with the disclosure's `date_added` (`deliveries.added_at`, strictly increasing in feed
/// order). An object that is the same in several bundles — the gateway's identity, a marking
/// definition, an observable two incidents share — is added with each. Disclosures the
/// agreement's current standing withholds are skipped, as in the feed.
///
/// A page ends at the end of a disclosure whenever it can, so that `X-TAXII-Date-Added-Last`
/// resumes exactly with `added_after`; only a disclosure with more objects than `limit` is
/// split, and `next` then carries on inside it. `more` is exact: the reader looks one matching
/// object ahead.
///
/// What a page shows is a consultation: the purpose is checked (428 without one where the
/// agreement requires it) and each disclosure shown is recorded in the ledger with the digest
/// of exactly the part of the answer it contributed.
struct TAXIICollectionReader: Sendable {
    let store: PostgresIncidentStore
    let renderer: DisclosureRenderer
    /// Seals `next`, bound to the consumer and the collection.
    let cursors: FeedCursors

    /// One object of the collection, as a page lists it.
    struct Item {
        var object: JSONValue
        var id: String
        /// `modified`, else `created`, else `date_added` (section 3.5.1: the version of an
        /// object without `modified`).
        var version: String
        var addedAt: String
    }

    struct Page {
        var items: [Item]
        var more: Bool
        var next: String?
    }

    /// Disclosures read for a page at first, and at most at once.
    static let firstBatch = 64
    static let largestBatch = 500

    /// Objects per bundle a `next` position can point into.
    static let positionBits: Int64 = 20

    /// The page `query` asks for; `serve` turns each item into what the answer holds, whose
    /// canonical bytes the ledger digests, under `transport`.
    func page(
        of agreement: Agreement, collection: String, reader: Principal, query: TAXIIQuery, purpose: ReadPurpose?, transport: String,
        serve: (Item) -> JSONValue
    ) async throws -> (Page, [JSONValue]) {
        let binding = reader.organisation + "\n" + collection
        var position: (sequence: Int64, skip: Int) = (0, 0)
        if let next = query.next {
            guard let packed = cursors.sequence(of: next, consumer: binding), packed >= 0 else {
                throw TAXIIQuery.invalid("next", "next must be a value from a previous page of this collection.")
            }
            position = (packed >> Self.positionBits, Int(packed & ((1 << Self.positionBits) - 1)))
        }
        var taken: [(Item, DisclosureRenderer.Rendered)] = []
        var more = false
        var next: (Int64, Int)?
        // Disclosures are read in batches sized by the objects per disclosure seen so far, so
        // that a page renders few more disclosures than it shows.
        var batch = min(query.limit + 1, Self.firstBatch)
        var scanned = 0, found = 0
        scan: while true {
            let rows = try await store.collection(
                consumer: reader.organisation, agreement: agreement.id, from: position.sequence, addedAfter: query.addedAfter, limit: batch)
            guard !rows.isEmpty else { break }
            let rendered = try await renderer.render(rows.map(\.disclosure))
            for (row, result) in zip(rows, rendered) {
                guard case .success(let shown) = result else { continue }
                let sequence = row.disclosure.sequence
                let skip = sequence == position.sequence ? position.skip : 0
                let matching = Self.objects(of: shown).enumerated().dropFirst(skip).compactMap { index, object in
                    Self.item(object, row: row, query: query).map { (index, $0) }
                }
                found += matching.count
                guard !matching.isEmpty else { continue }
                if taken.count + matching.count > query.limit {
                    more = true
                    if taken.isEmpty {
                        let part = matching.prefix(query.limit)
                        taken = part.map { ($0.1, shown) }
                        next = (sequence, part.last!.0 + 1)
                    } else {
                        next = (sequence, skip)
                    }
                    break scan
                }
                taken += matching.map { ($0.1, shown) }
            }
            guard rows.count == batch else { break }
            position = (rows.last!.disclosure.sequence + 1, 0)
            scanned += rows.count
            let perDisclosure = Double(found) / Double(scanned)
            let wanted = perDisclosure > 0 ? Int(Double(query.limit + 1 - taken.count) / perDisclosure * 1.2) + 1 : batch * 2
            batch = min(max(wanted, Self.firstBatch / 4), Self.largestBatch)
        }
        try ReadPurpose.check(purpose, for: taken.map(\.1))
        // One ledger record per disclosure shown, over the part of the answer it gave.
        var served: [JSONValue] = []
        var parts: [(DisclosureRenderer.Rendered, [JSONValue])] = []
        for (item, shown) in taken {
            let value = serve(item)
            served.append(value)
            if parts.last?.0.disclosure.deliveryID == shown.disclosure.deliveryID {
                parts[parts.count - 1].1.append(value)
            } else {
                parts.append((shown, [value]))
            }
        }
        try await store.recordDisclosures(
            try parts.map { shown, values in
                try shown.record(
                    of: JSONValue.array(values).canonicalBytes, purpose: .read(purpose, under: shown.agreement), person: reader.person)
            },
            transport: transport)
        let cursor = try next.map { sequence, skip in
            try cursors.cursor(after: sequence << Self.positionBits | Int64(skip), consumer: binding)
        }
        return (Page(items: taken.map(\.0), more: more, next: cursor), served)
    }

    /// The objects of a disclosure's bundle, in the bundle's order.
    static func objects(of shown: DisclosureRenderer.Rendered) -> [JSONValue] {
        guard case .object(let bundle) = shown.stixBundle.document, case .array(let objects)? = bundle["objects"] else { return [] }
        return Array(objects.prefix(1 << Int(positionBits) - 1))
    }

    /// `object` as an item if it passes the query's filters.
    static func item(_ object: JSONValue, row: CollectedDisclosure, query: TAXIIQuery) -> Item? {
        guard case .object(let fields) = object, case .string(let id)? = fields["id"], case .string(let type)? = fields["type"] else {
            return nil
        }
        if let ids = query.ids, !ids.contains(id) { return nil }
        if let types = query.types, !types.contains(type) { return nil }
        if let specVersions = query.specVersions {
            var specVersion = "2.1"
            if case .string(let stated)? = fields["spec_version"] { specVersion = stated }
            guard specVersions.contains(specVersion) else { return nil }
        }
        var version = row.addedAt
        if case .string(let modified)? = fields["modified"] {
            version = modified
        } else if case .string(let created)? = fields["created"] {
            version = created
        }
        let versions = query.versions
        let byDisclosure = versions.all || (versions.last && row.isLatest) || (versions.first && row.isFirst)
        guard byDisclosure || TAXIIQuery.normalised(version).map(versions.exact.contains) == true else { return nil }
        return Item(object: object, id: id, version: version, addedAt: row.addedAt)
    }
}
