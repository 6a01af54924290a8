import Foundation
import LiaisonCore
import PostgresNIO

/// A vault entry that holds one person's value, or held it until an erasure deleted it: its
/// token, the incident it belongs to and the value's role there — never the value.
public struct VaultHolding: Sendable, Hashable {
    public var token: Token
    public var incidentID: UUID
    public var producer: String
    public var role: ObservableRole
    public var heldSince: Date
    /// When retention deletes it; nil once erased.
    public var retainUntil: Date?
    /// When an erasure deleted it; nil while held.
    public var erasedAt: Date?
    /// The consumer's feedback whose text held the value (it came with that answer, not with
    /// the incident); nil for a value of the incident itself.
    public var feedbackID: UUID?
}

extension PostgresIncidentStore {
    /// Every vault entry holding `value` as `kind`, and every one an erasure deleted (since
    /// migration 0013), each with the feedback whose text it came from, if any, found by the value's keyed lookup hash as erasure finds them: nothing
    /// is decrypted. Oldest first.
    public func vaultHoldings(kind: PersonalDataKind, value: String) async throws -> [VaultHolding] {
        let hash = vault.lookupHash(kind: kind, value: PersonalDataNormaliser.normalise(value, as: kind))
        let rows = try await fetch(
            """
            SELECT h.*, (SELECT f.id FROM feedback f WHERE f.incident_id = h.incident_id AND strpos(f.detail, h.token) > 0
                         ORDER BY f.seq LIMIT 1)
            FROM (SELECT v.token, v.incident_id, i.producer, v.role, v.created_at AS since, v.retain_until, NULL::timestamptz AS erased_at
                  FROM vault_entries v JOIN incidents i ON i.id = v.incident_id
                  WHERE v.kind = \(kind.rawValue) AND v.lookup_hash = \(hash)
                  UNION ALL
                  SELECT e.token, e.incident_id, i.producer, e.role, e.held_since, NULL::timestamptz, e.erased_at
                  FROM vault_erasures e JOIN incidents i ON i.id = e.incident_id
                  WHERE e.kind = \(kind.rawValue) AND e.lookup_hash = \(hash)) h
            ORDER BY h.since, h.token
            """, logger: logger)
        var holdings: [VaultHolding] = []
        for try await (text, incident, producer, role, since, retainUntil, erasedAt, feedback) in rows.decode(
            (String, UUID, String, String, Date, Date?, Date?, UUID?).self)
        {
            guard let token = Token(text: text), let role = ObservableRole(rawValue: role) else {
                throw StoreError.vaultEntryCorrupt(token: text)
            }
            holdings.append(VaultHolding(
                token: token, incidentID: incident, producer: producer, role: role, heldSince: since, retainUntil: retainUntil,
                erasedAt: erasedAt, feedbackID: feedback))
        }
        return holdings
    }
}
