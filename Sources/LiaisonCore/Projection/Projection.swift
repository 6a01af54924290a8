import Crypto
import Foundation

/// An incident cut down to what one agreement shares, still holding tokens. Tokens are
/// rendered only when the projection is sent or read (``rendered(plaintexts:)``), so
/// stored deliveries never hold plaintext and an erased person stays erased.
public struct Projection: Sendable, Equatable {
    public var incident: Incident
    public var agreementID: String
    public var fields: Set<IncidentField>
    public var personalData: [PersonalDataKind: RenderAction]
    public var pseudonymKey: Secret?

    public init(incident: Incident, agreement: Agreement) {
        self.incident = incident
        self.agreementID = agreement.id
        self.fields = agreement.fields
        self.personalData = agreement.personalData
        self.pseudonymKey = agreement.pseudonymKey
    }

    /// The tokens whose plaintext rendering needs: every one not dropped.
    public var tokensNeedingPlaintext: Set<Token> {
        var tokens: Set<Token> = []
        for text in sharedTexts {
            for (token, _) in Token.occurrences(in: text) where action(for: token.kind) != .drop {
                tokens.insert(token)
            }
        }
        return tokens
    }

    private var sharedTexts: [String] {
        var texts: [String] = []
        if fields.contains(.title) { texts.append(incident.title) }
        if fields.contains(.description) { texts.append(incident.description) }
        if fields.contains(.observables) { texts += incident.observables.map(\.value) }
        return texts
    }

    func action(for kind: PersonalDataKind) -> RenderAction { personalData[kind] ?? .drop }

    /// The tokens this projection shows in plaintext, which the audit trail must record.
    public func revealedTokens(plaintexts: [Token: String]) -> Set<Token> {
        tokensNeedingPlaintext.filter { action(for: $0.kind) == .reveal && plaintexts[$0] != nil }
    }

    /// The consumer's view. `plaintexts` holds the vault's values for the tokens in
    /// ``tokensNeedingPlaintext``; a token missing from it has been erased.
    public func rendered(plaintexts: [Token: String]) -> ProjectedIncident {
        let renderer = TokenRenderer(
            actions: personalData, pseudonymKey: pseudonymKey, plaintexts: plaintexts)
        func shared<T>(_ field: IncidentField, _ value: T) -> T? { fields.contains(field) ? value : nil }
        return ProjectedIncident(
            id: incident.id,
            agreement: agreementID,
            tlp: incident.tlp,
            producer: shared(.producer, incident.producer),
            receivedAt: shared(.receivedAt, incident.receivedAt),
            classification: shared(.classification, incident.classification),
            title: shared(.title, incident.title).map(renderer.render(text:)),
            description: shared(.description, incident.description).map(renderer.render(text:)),
            firstSeen: fields.contains(.firstSeen) ? incident.firstSeen : nil,
            lastSeen: fields.contains(.lastSeen) ? incident.lastSeen : nil,
            observables: shared(.observables, incident.observables).map { $0.compactMap(renderer.render) })
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

    enum CodingKeys: String, CodingKey {
        case id, agreement, tlp, producer, classification, title, description, observables
        case receivedAt = "received_at"
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
    }
}
