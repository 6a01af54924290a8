/// What a proposed agreement version would disclose compared with the one in force, over a
/// producer's recent incidents: which incidents become shared or stop being shared, and for
/// those shared under both, which fields appear or disappear and which personal values would
/// be rendered otherwise (`email: mask → pseudonymise`). Worked out from the incidents'
/// tokens and redaction records alone: no value is read from the vault and none is rendered,
/// so the preview shows its readers the consequences, not the data.
public struct AgreementPreview: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public enum Change: String, Sendable, Hashable, Codable {
            case newlyShared = "newly-shared"
            case noLongerShared = "no-longer-shared"
            case changed
            case unchanged
            case withheldByBoth = "withheld-by-both"
        }

        public struct ActionChange: Sendable, Hashable, Codable {
            public var field: String
            public var kind: PersonalDataKind
            public var role: ObservableRole?
            public var before: RenderAction
            public var after: RenderAction
        }

        public var incident: Incident.ID
        public var classification: Classification
        public var tlp: TLP
        public var change: Change
        public var fieldsAdded: [IncidentField]
        public var fieldsRemoved: [IncidentField]
        public var actions: [ActionChange]

        enum CodingKeys: String, CodingKey {
            case incident, classification, tlp, change, actions
            case fieldsAdded = "fields_added"
            case fieldsRemoved = "fields_removed"
        }
    }

    public var entries: [Entry]

    public var newlyShared: Int { entries.filter { $0.change == .newlyShared }.count }
    public var noLongerShared: Int { entries.filter { $0.change == .noLongerShared }.count }
    public var changed: Int { entries.filter { $0.change == .changed }.count }

    /// `current` is the version in force (nil: none is); `proposed` the version to preview.
    public init(incidents: [Incident], current: Agreement?, proposed: Agreement) {
        var proposed = proposed
        proposed.status = .active
        entries = incidents.map { incident in
            let before = current.flatMap { agreement -> Projection? in
                guard case .share(let projection) = agreement.decision(for: incident) else { return nil }
                return projection
            }
            let after: Projection? = if case .share(let projection) = proposed.decision(for: incident) { projection } else { nil }
            let beforeFields = before.map(Self.fieldsShown) ?? []
            let afterFields = after.map(Self.fieldsShown) ?? []
            var actions: [Entry.ActionChange] = []
            if let before, let after {
                for redaction in incident.redactions {
                    guard let field = IncidentField.allCases.first(where: { redaction.field.hasPrefix("/" + $0.rawValue) }),
                        beforeFields.contains(field), afterFields.contains(field)
                    else { continue }
                    let old = before.agreement.action(for: redaction.kind, role: redaction.role)
                    let new = after.agreement.action(for: redaction.kind, role: redaction.role)
                    let change = Entry.ActionChange(field: redaction.field, kind: redaction.kind, role: redaction.role, before: old, after: new)
                    if old != new, !actions.contains(change) { actions.append(change) }
                }
            }
            let added = afterFields.subtracting(beforeFields).sorted { $0.rawValue < $1.rawValue }
            let removed = beforeFields.subtracting(afterFields).sorted { $0.rawValue < $1.rawValue }
            let change: Entry.Change = switch (before, after) {
            case (nil, nil): .withheldByBoth
            case (nil, _?): .newlyShared
            case (_?, nil): .noLongerShared
            case (_?, _?): added.isEmpty && removed.isEmpty && actions.isEmpty ? .unchanged : .changed
            }
            return Entry(
                incident: incident.id, classification: incident.classification, tlp: incident.tlp, change: change,
                fieldsAdded: change == .changed ? added : [], fieldsRemoved: change == .changed ? removed : [], actions: actions)
        }
    }

    /// The fields a projection shows, with the producer as IEP attribution decides.
    static func fieldsShown(_ projection: Projection) -> Set<IncidentField> {
        var fields = projection.agreement.fields
        switch projection.agreement.iep?.attribution {
        case .mustNot?: fields.remove(.producer)
        case .must?: fields.insert(.producer)
        default: break
        }
        return fields
    }
}
