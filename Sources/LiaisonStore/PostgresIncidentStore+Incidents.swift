import Foundation
import LiaisonCore
import PostgresNIO

/// An incident at one of its versions.
public struct IncidentVersionKey: Sendable, Hashable {
    public var id: Incident.ID
    public var version: Int

    public init(id: Incident.ID, version: Int) {
        self.id = id
        self.version = version
    }
}

extension PostgresIncidentStore {
    public func incidents(ids: [UUID]) async throws -> [UUID: Incident] {
        try await client.withConnection { try await incidents(ids: ids, on: $0) }
    }

    /// Current versions, as stored.
    func incidents(ids: [UUID], on connection: PostgresConnection) async throws -> [UUID: Incident] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.guardedQuery(
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

    /// A producer's most recent incidents (current versions), newest first: what an agreement
    /// preview is worked out on.
    public func recentIncidents(producer: String, limit: Int) async throws -> [Incident] {
        let rows = try await fetch(
            """
            SELECT i.id, i.producer, i.received_at, i.classification_taxonomy, i.classification_type, i.tlp,
                   i.title, i.description, i.first_seen, i.last_seen, i.observables::text, i.redactions::text
            FROM incidents i WHERE i.producer = \(producer)
            ORDER BY i.received_at DESC, i.id LIMIT \(limit)
            """, logger: logger)
        var found: [Incident] = []
        for try await row in rows.decode(IncidentRow.self) { found.append(try Incident(row)) }
        return found
    }

    /// Incidents at the versions named: the current row where it is that version, else the
    /// version kept in `incident_versions` when a later one replaced it.
    func incidents(at keys: Set<IncidentVersionKey>, on connection: PostgresConnection) async throws -> [IncidentVersionKey: Incident] {
        guard !keys.isEmpty else { return [:] }
        let ids = keys.map(\.id), versions = keys.map(\.version)
        let rows = try await connection.guardedQuery(
            """
            SELECT i.version, i.id, i.producer, i.received_at, i.classification_taxonomy, i.classification_type, i.tlp,
                   i.title, i.description, i.first_seen, i.last_seen, i.observables::text, i.redactions::text
            FROM incidents i JOIN unnest(\(ids)::uuid[], \(versions)::int4[]) AS k(id, version)
                 ON i.id = k.id AND i.version = k.version
            UNION ALL
            SELECT v.version, v.incident_id, d->>'producer', (d->>'received_at')::timestamptz,
                   d->>'classification_taxonomy', d->>'classification_type', d->>'tlp', d->>'title', d->>'description',
                   (d->>'first_seen')::timestamptz, (d->>'last_seen')::timestamptz, (d->'observables')::text,
                   (d->'redactions')::text
            FROM incident_versions v CROSS JOIN LATERAL (SELECT v.document AS d) doc
                 JOIN unnest(\(ids)::uuid[], \(versions)::int4[]) AS k(id, version)
                 ON v.incident_id = k.id AND v.version = k.version
            """, logger: logger)
        var found: [IncidentVersionKey: Incident] = [:]
        for try await (version, id, producer, received, taxonomy, type, tlp, title, description, first, last, observables, redactions)
            in rows.decode((Int, UUID, String, Date, String, String, String, String, String, Date?, Date?, String, String).self)
        {
            let incident = try Incident(
                (id, producer, received, taxonomy, type, tlp, title, description, first, last, observables, redactions))
            found[IncidentVersionKey(id: id, version: version)] = incident
        }
        return found
    }

    /// Decrypted vault entries with the role their value had. A token with no entry (purged
    /// or erased) is absent from the answer, and renders as erased.
    public func vaultValues(for tokens: Set<Token>) async throws -> [Token: VaultValue] {
        guard !tokens.isEmpty else { return [:] }
        return try await client.withConnection { try await vaultValues(for: tokens, on: $0) }
    }

    func vaultValues(for tokens: Set<Token>, on connection: PostgresConnection) async throws -> [Token: VaultValue] {
        guard !tokens.isEmpty else { return [:] }
        let byText = Dictionary(uniqueKeysWithValues: tokens.map { ($0.text, $0) })
        let rows = try await connection.guardedQuery(
            "SELECT token, key_id, sealed, role FROM vault_entries WHERE token = ANY(\(Array(byText.keys))::text[])",
            logger: logger)
        var found: [Token: VaultValue] = [:]
        for try await (text, keyID, sealed, role) in rows.decode((String, String, Data, String).self) {
            guard let token = byText[text] else { continue }
            found[token] = VaultValue(
                plaintext: try vault.open(sealed, keyID: keyID, token: token), role: ObservableRole(rawValue: role) ?? .unknown)
        }
        return found
    }
}

typealias IncidentRow = (UUID, String, Date, String, String, String, String, String, Date?, Date?, String, String)

extension Incident {
    init(_ row: IncidentRow) throws {
        let (id, producer, received, taxonomy, type, tlp, title, description, first, last, observables, redactions) = row
        guard let classification = Classification(taxonomy: taxonomy, type: type), let label = TLP(rawValue: tlp),
            let observables = try? CanonicalJSON.decode([Observable].self, from: Data(observables.utf8)),
            let redactions = try? CanonicalJSON.decode([Redaction].self, from: Data(redactions.utf8))
        else {
            throw StoreError.undecodableRow(table: "incidents", key: id.uuidString)
        }
        self.init(
            id: id, producer: producer, receivedAt: received, classification: classification, tlp: label, title: title,
            description: description, firstSeen: first, lastSeen: last, observables: observables, redactions: redactions)
    }
}
