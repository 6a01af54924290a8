import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Serialises appends to the feed sequence and the audit chain until the transaction
    /// ends. Held only for a transaction's last statements, so intakes overlap otherwise.
    func takeAppendLock(on connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.appendLockKey))", logger: logger)
    }

    static let appendLockKey: Int64 = 0x4c69_6169_736f_6e01

    /// Appends one entry to the audit chain: who did what to which subject, when, with
    /// details (identifiers and counts only). Each entry's hash covers the previous
    /// entry's hash, its UTC time, actor, action, subject and details, so an edit or a
    /// deletion anywhere breaks every later link. Returns the entry's seq.
    @discardableResult
    func appendAudit(
        actor: String, action: String, subject: String, details: [String: any Sendable & Encodable],
        on connection: PostgresConnection
    ) async throws -> Int64 {
        try await takeAppendLock(on: connection)
        let detailsJSON = String(decoding: try CanonicalJSON.encode(details.mapValues(AnyEncodable.init)), as: UTF8.self)
        let rows = try await connection.query(
            """
            WITH prev AS (SELECT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), ''::bytea) AS hash),
                 clock AS (SELECT clock_timestamp() AS at)
            INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash)
            SELECT clock.at, \(actor), \(action), \(subject), \(detailsJSON)::jsonb, prev.hash,
                   sha256(prev.hash || convert_to(concat_ws(E'\\n',
                       to_char(clock.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       \(actor), \(action), \(subject), \(detailsJSON)::jsonb::text), 'UTF8'))
            FROM prev, clock
            RETURNING seq
            """, logger: logger)
        for try await seq in rows.decode(Int64.self) { return seq }
        throw StoreError.undecodableRow(table: "audit_log", key: action)
    }

    /// An entry by an actor: its organisation as the entry's actor, and the person, where
    /// there is one, among the details.
    @discardableResult
    func appendAudit(
        by actor: AuditActor, action: String, subject: String, details: [String: any Sendable & Encodable] = [:],
        on connection: PostgresConnection
    ) async throws -> Int64 {
        var details = details
        if let person = actor.person { details["person"] = person }
        return try await appendAudit(actor: actor.organisation, action: action, subject: subject, details: details, on: connection)
    }

    /// Appends an audit entry in a transaction of its own.
    public func audit(by actor: AuditActor, action: String, subject: String, details: [String: any Sendable & Encodable]) async throws {
        try await withTransaction { connection in
            try await appendAudit(by: actor, action: action, subject: subject, details: details, on: connection)
        }
    }
}

/// Lets audit details mix strings and numbers in one dictionary.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Sendable & Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

/// One entry of the audit trail as auditors read it.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var seq: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var subject: String
    public var details: JSONValue
    /// Hex SHA-256 chaining this entry to the one before.
    public var hash: String
}

extension PostgresIncidentStore {
    /// Audit entries after `after` (a seq), oldest first, filtered by time, actor, subject
    /// (exactly, or a prefix ending in `:` such as `agreement:`) and action.
    public func auditEntries(
        from: Date?, to: Date?, actor: String?, subject: String?, action: String?, after: Int64, limit: Int
    ) async throws -> [AuditEntry] {
        let prefix = subject.map { $0.hasSuffix(":") ? $0 + "%" : $0 }
        let rows = try await client.query(
            """
            SELECT seq, at, actor, action, subject, details::text, hash FROM audit_log
            WHERE seq > \(after) AND (\(from)::timestamptz IS NULL OR at >= \(from)) AND (\(to)::timestamptz IS NULL OR at < \(to))
              AND (\(actor)::text IS NULL OR actor = \(actor)) AND (\(action)::text IS NULL OR action = \(action))
              AND (\(prefix)::text IS NULL OR subject LIKE \(prefix))
            ORDER BY seq LIMIT \(limit)
            """, logger: logger)
        var entries: [AuditEntry] = []
        for try await (seq, at, actor, action, subject, details, hash) in rows.decode((Int64, Date, String, String, String, String, Data).self) {
            let json = (try? CanonicalJSON.decode(JSONValue.self, from: Data(details.utf8))) ?? .object([:])
            entries.append(AuditEntry(seq: seq, at: at, actor: actor, action: action, subject: subject, details: json, hash: hash.hexString))
        }
        return entries
    }
}
