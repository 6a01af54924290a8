/// The agreements in force, by id.
public struct AgreementBook: Sendable, Hashable {
    public let all: [Agreement]
    private let byID: [String: Agreement]

    /// Agreement ids must be unique; a later duplicate is ignored (the loader reports it).
    public init(_ agreements: [Agreement]) {
        var byID: [String: Agreement] = [:]
        var all: [Agreement] = []
        for agreement in agreements where byID[agreement.id] == nil {
            byID[agreement.id] = agreement
            all.append(agreement)
        }
        self.all = all
        self.byID = byID
    }

    public subscript(id: String) -> Agreement? { byID[id] }

    /// The agreements under which `producer`'s incidents may be shared.
    public func agreements(producer: String) -> [Agreement] { all.filter { $0.producer == producer } }
}
