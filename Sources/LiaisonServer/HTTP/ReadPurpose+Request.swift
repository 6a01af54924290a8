import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonDelivery

extension HTTPField.Name {
    /// `Liaison-Purpose: case=<reference>; basis=<text>` (``ReadPurpose``).
    static let liaisonPurpose = HTTPField.Name("Liaison-Purpose")!
}

extension ReadPurpose {
    /// The purpose a read states in its `Liaison-Purpose` header field; nil when it states
    /// none. A malformed one, or the field sent more than once, throws
    /// ``ReadPurpose/Malformed``: a 400 that names the rule, never the text.
    static func stated(in request: Request) throws -> ReadPurpose? {
        let fields = request.headers[values: .liaisonPurpose]
        guard let text = fields.first else { return nil }
        guard fields.count == 1 else { throw Malformed.repeated }
        return try ReadPurpose(parsing: text)
    }

    /// The purpose a TAXII read states, in `Liaison-Purpose` or, for clients that cannot add
    /// header fields, as the `purpose` query parameter (already percent-decoded); both at
    /// once is ``ReadPurpose/Malformed/repeated``.
    static func stated(in request: Request, query: String?) throws -> ReadPurpose? {
        let header = try stated(in: request)
        guard let query else { return header }
        guard header == nil else { throw Malformed.repeated }
        return try ReadPurpose(parsing: query)
    }

    /// Refuses (428 `purpose-required`) to show `shown` without a purpose when any of it is
    /// shared under agreement versions that require one. Checked before anything is recorded.
    static func check(_ purpose: ReadPurpose?, for shown: [DisclosureRenderer.Rendered]) throws {
        if purpose == nil, shown.contains(where: \.purposeRequired) { throw Problem.purposeRequired }
    }
}
