import Foundation
import LiaisonCore
import PostgresNIO

/// A projection rendered for a consumer, and the tokens it shows in plaintext.
public struct Rendering: Sendable {
    public var projected: ProjectedIncident
    public var revealed: Set<Token>
}

/// One entry of a consumer's feed: an incident shared under an agreement, at a position.
public struct FeedEntry: Sendable {
    public var sequence: Int64
    public var agreementID: String
    public var incident: Incident
}

extension PostgresIncidentStore {
    public func incidents(ids: [UUID]) async throws -> [UUID: Incident] {
        try await client.withConnection { try await incidents(ids: ids, on: $0) }
    }

    func incidents(ids: [UUID], on connection: PostgresConnection) async throws -> [UUID: Incident] {
        let rows = try await connection.query(
            """
            SELECT i.id, i.producer, i.received_at, i.classification_taxonomy, i.classification_type, i.tlp,
                   i.title, i.description, i.first_seen, i.last_seen, i.observables::text, i.redactions::text
            FROM incidents i WHERE i.id = ANY(\(ids)::uuid[])
            """, logger: logger)
        var found: [UUID: Incident] = [:]
        for try await row in rows.decode(IncidentRow.self) {
            let incident = try Incident(row)
            found[incident.id] = incident
        }
        return found
    }

    /// The consumer's shared incidents after position `after`, in order: one query for the
    /// page's deliveries, one for their incidents.
    public func feed(consumer: String, after: Int64, limit: Int) async throws -> [FeedEntry] {
        try await client.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT seq, agreement_id, incident_id FROM deliveries
                WHERE consumer = \(consumer) AND seq > \(after)
                ORDER BY seq LIMIT \(limit)
                """, logger: logger)
            var page: [(Int64, String, UUID)] = []
            for try await row in rows.decode((Int64, String, UUID).self) { page.append(row) }
            let incidents = try await incidents(ids: page.map(\.2), on: connection)
            return page.compactMap { seq, agreement, id in
                incidents[id].map { FeedEntry(sequence: seq, agreementID: agreement, incident: $0) }
            }
        }
    }

    /// Decrypts the vault entries for `tokens`. A token with no entry (purged or erased)
    /// is absent from the answer, and renders as erased.
    public func plaintexts(for tokens: Set<Token>) async throws -> [Token: String] {
        try await vaultEntries(for: tokens).mapValues(\.plaintext)
    }

    /// Decrypted vault entries with the role their value had.
    public func vaultEntries(for tokens: Set<Token>) async throws -> [Token: (plaintext: String, role: ObservableRole)] {
        guard !tokens.isEmpty else { return [:] }
        return try await client.withConnection { try await vaultEntries(for: tokens, on: $0) }
    }

    func vaultEntries(
        for tokens: Set<Token>, on connection: PostgresConnection
    ) async throws -> [Token: (plaintext: String, role: ObservableRole)] {
        guard !tokens.isEmpty else { return [:] }
        let byText = Dictionary(uniqueKeysWithValues: tokens.map { ($0.text, $0) })
        let rows = try await connection.query(
            "SELECT token, key_id, sealed, role FROM vault_entries WHERE token = ANY(\(Array(byText.keys))::text[])",
            logger: logger)
        var found: [Token: (plaintext: String, role: ObservableRole)] = [:]
        for try await (text, keyID, sealed, role) in rows.decode((String, String, Data, String).self) {
            guard let token = byText[text] else { continue }
            found[token] = (try vault.open(sealed, keyID: keyID, token: token), ObservableRole(rawValue: role) ?? .unknown)
        }
        return found
    }

    /// The projection a consumer receives for one incident under one agreement, with
    /// tokens rendered from the vault; nil when the agreement no longer shares it.
    public func renderedProjection(of incident: Incident, under agreement: Agreement) async throws -> Rendering? {
        try await renderedProjections([(incident, agreement)])[0]
    }

    /// The projections of several (incident, agreement) pairs, in order, with one vault
    /// query for all their tokens (a feed page).
    public func renderedProjections(_ pairs: [(Incident, Agreement)]) async throws -> [Rendering?] {
        let projections = pairs.map { incident, agreement -> Projection? in
            guard case .share(let projection) = agreement.decision(for: incident) else { return nil }
            return projection
        }
        let entries = try await vaultEntries(for: projections.reduce(into: Set<Token>()) { $0.formUnion($1?.tokensNeedingPlaintext ?? []) })
        let plaintexts = entries.mapValues(\.plaintext)
        let roles = entries.mapValues(\.role)
        return projections.map { projection in
            projection.map {
                Rendering(
                    projected: $0.rendered(plaintexts: plaintexts, roles: roles),
                    revealed: $0.revealedTokens(plaintexts: plaintexts, roles: roles))
            }
        }
    }

    /// Audits one disclosure outside the webhook path (feed, incident API): the incident,
    /// the agreement, and any values revealed under its legal basis.
    public func recordDisclosure(of rendering: Rendering, incidentID: UUID, agreement: Agreement, transport: String) async throws {
        try await recordDisclosures([(rendering, incidentID, agreement)], transport: transport)
    }

    /// Audits several disclosures in one transaction.
    public func recordDisclosures(_ disclosures: [(Rendering, UUID, Agreement)], transport: String) async throws {
        guard !disclosures.isEmpty else { return }
        try await client.withTransaction(logger: logger) { connection in
            for (rendering, incidentID, agreement) in disclosures {
                try await appendDisclosure(
                    rendering, incidentID: incidentID, agreement: agreement, transport: transport, delivery: nil, on: connection)
            }
        }
    }

    func appendDisclosure(
        _ rendering: Rendering, incidentID: UUID, agreement: Agreement, transport: String, delivery: UUID?,
        on connection: PostgresConnection
    ) async throws {
        var details: [String: any Sendable & Encodable] = [
            "agreement": agreement.id, "consumer": agreement.consumer, "transport": transport,
        ]
        if let delivery { details["delivery"] = delivery.uuidString }
        try await appendAudit(actor: "gateway", action: "disclose", subject: "incident:\(incidentID)", details: details, on: connection)
        guard !rendering.revealed.isEmpty else { return }
        try await appendAudit(
            actor: "gateway", action: "reveal", subject: "incident:\(incidentID)",
            details: [
                "agreement": agreement.id, "consumer": agreement.consumer, "legal_basis": agreement.legalBasis ?? "",
                "tokens": rendering.revealed.map(\.text).sorted().joined(separator: ","),
            ],
            on: connection)
    }
}

typealias IncidentRow = (UUID, String, Date, String, String, String, String, String, Date?, Date?, String, String)

extension Incident {
    init(_ row: IncidentRow) throws {
        let (id, producer, received, taxonomy, type, tlp, title, description, first, last, observables, redactions) = row
        guard let classification = Classification(taxonomy: taxonomy, type: type), let label = TLP(rawValue: tlp) else {
            throw StoreError.incidentNotFound(id.uuidString)
        }
        self.init(
            id: id, producer: producer, receivedAt: received, classification: classification, tlp: label, title: title,
            description: description, firstSeen: first, lastSeen: last,
            observables: try CanonicalJSON.decode([Observable].self, from: Data(observables.utf8)),
            redactions: try CanonicalJSON.decode([Redaction].self, from: Data(redactions.utf8)))
    }
}

/// How an incident reached the gateway: the evidence trail of RFC 3227-style handling.
public struct CustodyRecord: Sendable, Hashable, Codable {
    public var receiptID: UUID
    public var producer: String
    public var transport: String
    /// SHA-256 of the exact bytes received, lower-case hex.
    public var bodySHA256: String
    public var receivedAt: Date
    /// Transport facts (an e-mail's Message-ID, Subject, From, Received chain…), protected.
    public var details: [String: String]

    enum CodingKeys: String, CodingKey {
        case producer, transport, details
        case receiptID = "receipt_id"
        case bodySHA256 = "body_sha256"
        case receivedAt = "received_at"
    }
}

extension PostgresIncidentStore {
    /// An incident shared with `consumer`, the agreement it was shared under, and its custody
    /// record; nil when there is no such incident or it was not shared with this consumer.
    public func sharedIncident(_ id: UUID, consumer: String) async throws -> (Incident, String, CustodyRecord)? {
        let rows = try await client.query(
            """
            SELECT d.agreement_id, c.receipt_id, c.producer, c.transport, c.body_sha256, c.received_at, c.details::text
            FROM deliveries d JOIN custody_records c ON c.incident_id = d.incident_id
            WHERE d.incident_id = \(id) AND d.consumer = \(consumer)
            ORDER BY c.version DESC, d.seq DESC LIMIT 1
            """, logger: logger)
        var found: (String, CustodyRecord)?
        for try await (agreement, receipt, producer, transport, digest, received, details) in rows.decode(
            (String, UUID, String, String, Data, Date, String).self)
        {
            found = (agreement, CustodyRecord(
                receiptID: receipt, producer: producer, transport: transport, bodySHA256: digest.hexString,
                receivedAt: received, details: try CanonicalJSON.decode([String: String].self, from: Data(details.utf8))))
        }
        guard let (agreement, custody) = found, let incident = try await incidents(ids: [id])[id] else { return nil }
        return (incident, agreement, custody)
    }
}
