import Foundation
import LiaisonCore
import PostgresNIO

/// One entry of a consumer's feed: an incident shared under an agreement, at a position.
public struct FeedEntry: Sendable {
    public var sequence: Int64
    public var agreementID: String
    public var incident: Incident
}

extension PostgresIncidentStore {
    public func incidents(ids: [UUID]) async throws -> [UUID: Incident] {
        let rows = try await client.query(
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

    /// The consumer's shared incidents after position `after`, in order.
    public func feed(consumer: String, after: Int64, limit: Int) async throws -> [FeedEntry] {
        let rows = try await client.query(
            """
            SELECT d.seq, d.agreement_id,
                   i.id, i.producer, i.received_at, i.classification_taxonomy, i.classification_type, i.tlp,
                   i.title, i.description, i.first_seen, i.last_seen, i.observables::text, i.redactions::text
            FROM deliveries d JOIN incidents i ON i.id = d.incident_id
            WHERE d.consumer = \(consumer) AND d.seq > \(after)
            ORDER BY d.seq LIMIT \(limit)
            """, logger: logger)
        var entries: [FeedEntry] = []
        for try await (seq, agreement, id, producer, received, taxonomy, type, tlp, title, description, first, last, observables, redactions)
            in rows.decode((Int64, String, UUID, String, Date, String, String, String, String, String, Date?, Date?, String, String).self)
        {
            let incident = try Incident((id, producer, received, taxonomy, type, tlp, title, description, first, last, observables, redactions))
            entries.append(FeedEntry(sequence: seq, agreementID: agreement, incident: incident))
        }
        return entries
    }

    /// Decrypts the vault entries for `tokens`. A token with no entry (purged or erased)
    /// is absent from the answer, and renders as erased.
    public func plaintexts(for tokens: Set<Token>) async throws -> [Token: String] {
        guard !tokens.isEmpty else { return [:] }
        let byText = Dictionary(uniqueKeysWithValues: tokens.map { ($0.text, $0) })
        let rows = try await client.query(
            "SELECT token, key_id, sealed FROM vault_entries WHERE token = ANY(\(Array(byText.keys))::text[])",
            logger: logger)
        var found: [Token: String] = [:]
        for try await (text, keyID, sealed) in rows.decode((String, String, Data).self) {
            guard let token = byText[text] else { continue }
            found[token] = try vault.open(sealed, keyID: keyID, token: token)
        }
        return found
    }

    /// The projection a consumer receives for one incident under one agreement, with
    /// tokens rendered from the vault; nil when the agreement no longer shares it.
    public func renderedProjection(of incident: Incident, under agreement: Agreement) async throws -> ProjectedIncident? {
        guard case .share(let projection) = agreement.decision(for: incident) else { return nil }
        let plaintexts = try await plaintexts(for: projection.tokensNeedingPlaintext)
        return projection.rendered(plaintexts: plaintexts)
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
