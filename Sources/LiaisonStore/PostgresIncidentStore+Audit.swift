import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Serialises appends to the feed sequence and the audit chain until the transaction
    /// ends. Held only for a transaction's last statements, so intakes overlap otherwise.
    func takeAppendLock(on connection: PostgresConnection) async throws {
        try await connection.guardedQuery(
            "SELECT pg_advisory_xact_lock(\(Self.appendLockKey), hashtext(current_schema()))", logger: logger)
    }

    /// With the schema's name hashed beside it, so gateways in other schemas of one database
    /// (and tests, each in a schema of its own) append independently.
    static let appendLockKey: Int32 = 0x4c53_4c01

    /// Appends one entry to the ledger: who did what to which subject, when, with details
    /// (identifiers, counts and hashes only). It takes the next leaf index under the append
    /// lock, so indexes are dense and commit in order; the sealer hashes it into the tree.
    /// Returns the entry's seq.
    @discardableResult
    func appendAudit(
        actor: String, action: String, subject: String, details: [String: any Sendable & Encodable],
        on connection: PostgresConnection
    ) async throws -> Int64 {
        try await insertLedgerEntry(
            index: try await nextLedgerIndex(on: connection), actor: actor, action: action, subject: subject, details: details,
            on: connection)
    }

    /// Takes the append lock and answers the index the transaction's next ledger entry gets.
    /// A separate statement from the lock, so that it sees every entry committed before.
    func nextLedgerIndex(on connection: PostgresConnection) async throws -> Int64 {
        try await takeAppendLock(on: connection)
        let rows = try await connection.guardedQuery("SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_log", logger: logger)
        for try await index in rows.decode(Int64.self) { return index }
        return 0
    }

    /// Writes the entry at `index`, which ``nextLedgerIndex(on:)`` gave under the lock still
    /// held; returns its seq.
    @discardableResult
    func insertLedgerEntry(
        index: Int64, actor: String, action: String, subject: String, details: [String: any Sendable & Encodable],
        on connection: PostgresConnection
    ) async throws -> Int64 {
        let detailsJSON = String(decoding: try CanonicalJSON.encode(details.mapValues(AnyEncodable.init)), as: UTF8.self)
        let rows = try await connection.guardedQuery(
            """
            INSERT INTO audit_log (leaf_index, actor, action, subject, details)
            VALUES (\(index), \(actor), \(action), \(subject), \(detailsJSON)::jsonb)
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


extension PostgresIncidentStore {
    /// Ledger entries from index `after + 1` on (all with `after` nil), oldest first, filtered by
    /// time, actor, subject (exactly, or a prefix ending in `:` such as `agreement:`), action and
    /// the person who acted (the `person` of the entry's details).
    public func auditEntries(
        from: Date?, to: Date?, actor: String?, subject: String?, action: String?, person: String? = nil, after: Int64?, limit: Int
    ) async throws -> [LedgerEntry] {
        let prefix = subject.map { $0.hasSuffix(":") ? $0 + "%" : $0 }
        let rows = try await fetch(
            """
            SELECT \(unescaped: Self.ledgerColumns) FROM audit_log
            WHERE leaf_index > \(after ?? -1) AND (\(from)::timestamptz IS NULL OR at >= \(from))
              AND (\(to)::timestamptz IS NULL OR at < \(to))
              AND (\(actor)::text IS NULL OR actor = \(actor)) AND (\(action)::text IS NULL OR action = \(action))
              AND (\(prefix)::text IS NULL OR subject LIKE \(prefix))
              AND (\(person)::text IS NULL OR details->>'person' = \(person))
            ORDER BY leaf_index LIMIT \(limit)
            """, logger: logger)
        return try await Self.ledgerEntries(rows)
    }
}
