/// Why a disclosure left the gateway, as the ledger records it beside the disclosure: the
/// purpose its reader stated (a feed, incident or TAXII read), the agreement's own stated
/// purpose (a webhook push, which no person asks for), or none (a read under agreement
/// versions that do not require one, sent without).
public struct DisclosurePurpose: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        case request, agreement, none
    }

    public var source: Source
    /// The case or inquiry reference the reader gave (source `request`).
    public var caseReference: String?
    /// The legal basis: the reader's, else the agreement version's `legal_basis`.
    public var basis: String?
    /// The agreement version's stated `purpose` (source `agreement`).
    public var statement: String?

    public init(source: Source, caseReference: String? = nil, basis: String? = nil, statement: String? = nil) {
        self.source = source
        self.caseReference = caseReference
        self.basis = basis
        self.statement = statement
    }

    enum CodingKeys: String, CodingKey {
        case source, basis, statement
        case caseReference = "case"
    }

    /// A read's purpose: the reader's, its basis defaulting to the legal basis of the
    /// agreement version that shared the incident; `none` when the reader stated none.
    public static func read(_ purpose: ReadPurpose?, under agreement: Agreement) -> DisclosurePurpose {
        guard let purpose else { return DisclosurePurpose(source: .none) }
        return DisclosurePurpose(source: .request, caseReference: purpose.caseReference, basis: purpose.basis ?? agreement.legalBasis)
    }

    /// A push's purpose: what the agreement version states, with its legal basis.
    public static func push(under agreement: Agreement) -> DisclosurePurpose {
        DisclosurePurpose(source: .agreement, basis: agreement.legalBasis, statement: agreement.purpose)
    }
}
