import Crypto
import Foundation
import LiaisonCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Creates an API key for an organisation (creating the organisation if new) and
    /// returns it: the only time the key exists outside its holder's hands. The store
    /// keeps its SHA-256.
    public func createAPIKey(organisation: String, role: APIRole) async throws -> String {
        let key = "lsn_" + Base64URL.encode(Secret.random().bytes)
        let keyID = UUID.random()
        try await withTransaction { connection in
            try await connection.query(
                "INSERT INTO organisations (id) VALUES (\(organisation)) ON CONFLICT DO NOTHING", logger: logger)
            try await connection.query(
                """
                INSERT INTO api_keys (id, org_id, role, key_hash)
                VALUES (\(keyID), \(organisation), \(role.rawValue), \(Self.keyHash(key)))
                """, logger: logger)
            try await appendAudit(
                actor: "cli", action: "create-key", subject: "organisation:\(organisation)",
                details: ["key": keyID.uuidString, "role": role.rawValue], on: connection)
        }
        return key
    }

    /// The organisation and role behind a key, or nil for an unknown or revoked key.
    public func principal(forKey key: String) async throws -> Principal? {
        guard key.utf8.count <= 256 else { return nil }
        let rows = try await client.query(
            "SELECT org_id, role FROM api_keys WHERE key_hash = \(Self.keyHash(key)) AND revoked_at IS NULL",
            logger: logger)
        for try await (organisation, role) in rows.decode((String, String).self) {
            guard let role = APIRole(rawValue: role) else { return nil }
            return Principal(organisation: organisation, role: role)
        }
        return nil
    }

    /// Whether an organisation of this id exists.
    public func organisationExists(_ id: String) async throws -> Bool {
        let rows = try await client.query("SELECT 1 FROM organisations WHERE id = \(id)", logger: logger)
        for try await _ in rows { return true }
        return false
    }

    static func keyHash(_ key: String) -> Data { Data(SHA256.hash(data: Array(key.utf8))) }

    /// Whether the database answers a query.
    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
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
