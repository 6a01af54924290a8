import Crypto
import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Whether an organisation of this id exists.
    public func organisationExists(_ id: String) async throws -> Bool {
        let rows = try await fetch("SELECT 1 FROM organisations WHERE id = \(id)", logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// Whether the database answers a query.
    public func ping() async throws {
        try await fetch("SELECT 1", logger: logger)
    }

    /// Waits for the database to answer, or throws ``StoreError/databaseUnavailable``
    /// after `timeout`: the client would otherwise wait for a connection indefinitely.
    public func waitUntilReachable(timeout: Duration = .seconds(10)) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await ping()
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let reached = try await group.next() ?? false
            group.cancelAll()
            guard reached else { throw StoreError.databaseUnavailable }
        }
    }
}

/// An organisation as admins manage it: its id, display name and points of contact.
public struct OrganisationRecord: Sendable, Hashable, Codable {
    public struct Contact: Sendable, Hashable, Codable {
        public var role: String
        public var name: String
        public var email: String?
        public var phone: String?

        public init(role: String, name: String, email: String? = nil, phone: String? = nil) {
            self.role = role
            self.name = name
            self.email = email
            self.phone = phone
        }
    }

    public var id: String
    public var name: String?
    public var contacts: [Contact]
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, contacts
        case createdAt = "created_at"
    }
}

extension PostgresIncidentStore {
    /// Organisations by id (every one when nil), in id order.
    public func organisations(_ ids: [String]?) async throws -> [OrganisationRecord] {
        let rows = try await fetch(
            """
            SELECT id, name, contacts::text, created_at FROM organisations
            WHERE \(ids)::text[] IS NULL OR id = ANY(\(ids)) ORDER BY id
            """, logger: logger)
        var found: [OrganisationRecord] = []
        for try await (id, name, contacts, created) in rows.decode((String, String?, String, Date).self) {
            let list = try? JSONDecoder().decode([OrganisationRecord.Contact].self, from: Data(contacts.utf8))
            found.append(OrganisationRecord(id: id, name: name, contacts: list ?? [], createdAt: created))
        }
        return found
    }

    /// Creates an organisation (false when one of this id exists) or, with `update`, replaces
    /// the name and contacts of an existing one (false when none exists). Audited, without the
    /// contacts' values.
    public func saveOrganisation(
        _ id: String, name: String?, contacts: [OrganisationRecord.Contact], update: Bool, by actor: AuditActor
    ) async throws -> Bool {
        let json = String(decoding: try CanonicalJSON.encode(contacts), as: UTF8.self)
        return try await withTransaction { connection in
            let rows = update
                ? try await connection.guardedQuery(
                    """
                    UPDATE organisations SET name = \(name), contacts = \(json)::jsonb, updated_at = now() WHERE id = \(id) RETURNING id
                    """, logger: logger)
                : try await connection.guardedQuery(
                    """
                    INSERT INTO organisations (id, name, contacts) VALUES (\(id), \(name), \(json)::jsonb)
                    ON CONFLICT DO NOTHING RETURNING id
                    """, logger: logger)
            var saved = false
            for try await _ in rows { saved = true }
            if saved {
                try await appendAudit(
                    by: actor, action: update ? "update-organisation" : "create-organisation", subject: "organisation:\(id)",
                    details: ["contacts": contacts.count], on: connection)
            }
            return saved
        }
    }
}
