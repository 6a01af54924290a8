import Foundation
import LiaisonCore
import PostgresNIO

/// What the store holds for a natural key a submission names again.
struct StoredVersion: Sendable {
    var id: UUID
    var version: Int
    var sourceModified: Date?
    var receivedAt: Date
}

extension PostgresIncidentStore {
    /// The stored incidents for these natural keys, locked until the transaction ends so
    /// that two updates of one incident cannot interleave.
    func lockedIncidents(
        producer: String, naturalKeys: [String], on connection: PostgresConnection
    ) async throws -> [String: StoredVersion] {
        guard !naturalKeys.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT natural_key, id, version, source_modified, received_at FROM incidents
            WHERE producer = \(producer) AND natural_key = ANY(\(naturalKeys)::text[])
            FOR UPDATE
            """, logger: logger)
        var found: [String: StoredVersion] = [:]
        for try await (key, id, version, modified, received) in rows.decode((String, UUID, Int, Date?, Date).self) {
            found[key] = StoredVersion(id: id, version: version, sourceModified: modified, receivedAt: received)
        }
        return found
    }

    /// Moves each updated incident's stored version into `incident_versions` and writes
    /// the new one in its place, with the version number raised by one. Returns the
    /// replaced versions, by incident id.
    func replaceVersions(
        _ updates: [(result: IncidentProtector.Result, previous: StoredVersion)], on connection: PostgresConnection
    ) async throws -> [UUID: Incident] {
        guard !updates.isEmpty else { return [:] }
        let ids = updates.map(\.previous.id)
        let previous = try await incidents(ids: ids, on: connection)
        try await connection.query(
            """
            INSERT INTO incident_versions (incident_id, version, source_modified, superseded_at, document)
            SELECT i.id, i.version, i.source_modified, now(), to_jsonb(i) FROM incidents i WHERE i.id = ANY(\(ids)::uuid[])
            """, logger: logger)
        let incidents = updates.map(\.result.incident)
        let columns = IncidentColumns(updates.map(\.result))
        try await connection.query(
            """
            UPDATE incidents SET classification_taxonomy = t.taxonomy, classification_type = t.type, tlp = t.tlp,
                   title = t.title, description = t.description,
                   first_seen = NULLIF(t.first_seen, '')::timestamptz, last_seen = NULLIF(t.last_seen, '')::timestamptz,
                   observables = t.observables::jsonb, redactions = t.redactions::jsonb,
                   source_modified = NULLIF(t.modified, '')::timestamptz, version = incidents.version + 1
            FROM unnest(\(ids)::uuid[], \(incidents.map(\.classification.taxonomy))::text[],
                        \(incidents.map(\.classification.type))::text[], \(incidents.map(\.tlp.rawValue))::text[],
                        \(incidents.map(\.title))::text[], \(incidents.map(\.description))::text[],
                        \(columns.firstSeen)::text[], \(columns.lastSeen)::text[], \(columns.observables)::text[],
                        \(columns.redactions)::text[], \(columns.modified)::text[])
                 AS t(id, taxonomy, type, tlp, title, description, first_seen, last_seen, observables, redactions, modified)
            WHERE incidents.id = t.id
            """, logger: logger)
        return previous
    }

    /// Deliveries for updated incidents, only under agreements whose consumer would now
    /// see something different: the new version is shared, and its rendered projection
    /// differs from the previous version's (or the previous version was not shared). The
    /// previous versions' plaintexts come from the vault in one query.
    func changedProjections(
        _ updates: [(result: IncidentProtector.Result, version: Int)], previous: [UUID: Incident], agreements: [Agreement],
        on connection: PostgresConnection
    ) async throws -> [DeliveryPlan] {
        var before: [UUID: [String: Projection]] = [:]
        var tokens: Set<Token> = []
        for (update, _) in updates {
            guard let old = previous[update.incident.id] else { continue }
            for agreement in agreements {
                guard case .share(let projection) = agreement.decision(for: old) else { continue }
                before[old.id, default: [:]][agreement.id] = projection
                tokens.formUnion(projection.tokensNeedingPlaintext)
            }
        }
        let entries = try await vaultEntries(for: tokens, on: connection)
        let oldPlaintexts = entries.mapValues(\.plaintext), oldRoles = entries.mapValues(\.role)
        var plans: [DeliveryPlan] = []
        for (update, version) in updates {
            let incident = update.incident
            let plaintexts = Dictionary(update.vault.map { ($0.token, $0.plaintext) }, uniquingKeysWith: { first, _ in first })
            let roles = Dictionary(update.vault.map { ($0.token, $0.role) }, uniquingKeysWith: { first, _ in first })
            for agreement in agreements {
                guard case .share(let projection) = agreement.decision(for: incident) else { continue }
                if let old = before[incident.id]?[agreement.id],
                    old.rendered(plaintexts: oldPlaintexts, roles: oldRoles) == projection.rendered(plaintexts: plaintexts, roles: roles)
                {
                    continue
                }
                plans.append(DeliveryPlan(incident: incident, version: version, agreement: agreement))
            }
        }
        return plans
    }
}
