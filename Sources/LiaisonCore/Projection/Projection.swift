import Crypto
import Foundation

/// An incident cut down to what one agreement shares, still holding tokens. Tokens are
/// rendered only when the projection is sent or read (``rendered(plaintexts:)``), so
/// stored deliveries never hold plaintext and an erased person stays erased.
public struct Projection: Sendable, Equatable {
    public var incident: Incident
    public var agreement: Agreement

    public init(incident: Incident, agreement: Agreement) {
        self.incident = incident
        self.agreement = agreement
    }

    var fields: Set<IncidentField> { agreement.fields }

    /// The tokens whose vault entries rendering needs: every one that some role of its kind
    /// does not drop.
    public var tokensNeedingPlaintext: Set<Token> {
        var tokens: Set<Token> = []
        for text in sharedTexts {
            for (token, _) in Token.occurrences(in: text) where !dropsEveryRole(token.kind) {
                tokens.insert(token)
            }
        }
        return tokens
    }

    private func dropsEveryRole(_ kind: PersonalDataKind) -> Bool {
        agreement.action(for: kind, role: nil) == .drop && (agreement.personalDataByRole[kind]?.values.allSatisfy { $0 == .drop } ?? true)
    }

    var sharedTexts: [String] {
        var texts: [String] = []
        if fields.contains(.title) { texts.append(incident.title) }
        if fields.contains(.description) { texts.append(incident.description) }
        if fields.contains(.observables) { texts += incident.observables.map(\.value) }
        return texts
    }

    /// The tokens this projection shows in plaintext, which the audit trail must record.
    public func revealedTokens(plaintexts: [Token: String], roles: [Token: ObservableRole] = [:]) -> Set<Token> {
        tokensNeedingPlaintext.filter { agreement.action(for: $0.kind, role: roles[$0]) == .reveal && plaintexts[$0] != nil }
    }

    /// The consumer's view. `plaintexts` and `roles` hold the vault's values and roles for
    /// the tokens in ``tokensNeedingPlaintext``; a token missing from them has been erased.
    public func rendered(plaintexts: [Token: String], roles: [Token: ObservableRole] = [:]) -> ProjectedIncident {
        let agreement = self.agreement
        let renderer = TokenRenderer(
            action: { agreement.action(for: $0.kind, role: roles[$0]) }, pseudonymKey: agreement.pseudonymKey,
            plaintexts: plaintexts)
        func shared<T>(_ field: IncidentField, _ value: T) -> T? { fields.contains(field) ? value : nil }
        // IEP attribution: must-not keeps the producer out whatever the fields say; must puts it in.
        let attributed = switch agreement.iep?.attribution {
        case .mustNot?: false
        case .must?: true
        default: fields.contains(.producer)
        }
        let offences = Offence.of(incident.classification).sorted()
        return ProjectedIncident(
            id: incident.id,
            agreement: agreement.id,
            tlp: incident.tlp,
            producer: attributed ? incident.producer : nil,
            receivedAt: shared(.receivedAt, incident.receivedAt),
            classification: shared(.classification, incident.classification),
            title: shared(.title, incident.title).map(renderer.render(text:)),
            description: shared(.description, incident.description).map(renderer.render(text:)),
            firstSeen: fields.contains(.firstSeen) ? incident.firstSeen : nil,
            lastSeen: fields.contains(.lastSeen) ? incident.lastSeen : nil,
            observables: shared(.observables, incident.observables).map { $0.compactMap(renderer.render) },
            offences: fields.contains(.classification) && !offences.isEmpty ? offences : nil,
            policy: agreement.iep)
    }
}

/// What a consumer receives: an incident with only the fields its agreement shares
/// (absent keys were not shared) and personal data rendered as the agreement says.
public struct ProjectedIncident: Sendable, Equatable, Codable {
    public var id: Incident.ID
    public var agreement: String
    public var tlp: TLP
    public var producer: String?
    public var receivedAt: Date?
    public var classification: Classification?
    public var title: String?
    public var description: String?
    public var firstSeen: Date?
    public var lastSeen: Date?
    public var observables: [Observable]?
    /// The Budapest Convention offences the incident's class points to (with its classification).
    public var offences: [Offence]?
    /// The agreement's IEP 2.0 policy: the handling rules that travel with the data.
    public var policy: IEPPolicy?

    enum CodingKeys: String, CodingKey {
        case id, agreement, tlp, producer, classification, title, description, observables, offences, policy
        case receivedAt = "received_at"
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
    }
}
