import Crypto
import Foundation
import LiaisonCore
import PostgresNIO

/// An API key as its organisation's admins see it: never the key, nor its hash.
public struct APIKeyRecord: Sendable, Hashable, Codable {
    public var id: UUID
    public var organisation: String
    public var role: APIRole
    public var person: String?
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?
    public var revokedBy: String?
    /// The client certificate (SHA-256 of its DER, lower-case hex) the key is bound to: the
    /// key is then used by presenting that certificate, never as a bearer secret.
    public var clientCertificateSHA256: String?

    enum CodingKeys: String, CodingKey {
        case id, organisation, role, person
        case clientCertificateSHA256 = "client_certificate_sha256"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
        case revokedBy = "revoked_by"
    }
}

extension PostgresIncidentStore {
    /// Creates an API key for an organisation (creating the organisation if new) and
    /// returns it with its id: the only time the key exists outside its holder's hands. The
    /// store keeps its SHA-256. Admin, auditor and consumer keys belong to a named person
    /// (the database refuses them without one); producer keys may be machine keys.
    ///
    /// With `clientCertificateSHA256` the key is bound to that client certificate: whoever
    /// presents it over TLS acts as the key; the returned key is then of no use and is not
    /// to be shown. A certificate with a live binding already is
    /// ``StoreError/uniqueViolation(constraint:)`` of `api_keys_client_certificate`.
    @discardableResult
    public func createAPIKey(
        organisation: String, role: APIRole, person: String? = nil, expiresAt: Date? = nil, clientCertificateSHA256: String? = nil,
        by actor: AuditActor = AuditActor(organisation: "cli")
    ) async throws -> (key: String, id: UUID) {
        let key = "lsn_" + Base64URL.encode(Secret.random().bytes)
        let keyID = UUID.random()
        try await withTransaction { connection in
            try await connection.guardedQuery(
                "INSERT INTO organisations (id) VALUES (\(organisation)) ON CONFLICT DO NOTHING", logger: logger)
            try await connection.guardedQuery(
                """
                INSERT INTO api_keys (id, org_id, role, key_hash, person, expires_at, client_certificate_sha256)
                VALUES (
                    \(keyID), \(organisation), \(role.rawValue), \(Self.keyHash(key)), \(person), \(expiresAt),
                    \(clientCertificateSHA256))
                """, logger: logger)
            var details: [String: any Sendable & Encodable] = ["key": keyID.uuidString, "role": role.rawValue]
            if let clientCertificateSHA256 { details["client_certificate_sha256"] = clientCertificateSHA256 }
            if let person { details["key_person"] = person }
            if let expiresAt { details["expires_at"] = RFC3339.string(from: expiresAt) }
            try await appendAudit(
                by: actor, action: "create-key", subject: "organisation:\(organisation)", details: details, on: connection)
        }
        return (key, keyID)
    }

    /// The caller behind a key, or nil for an unknown, revoked or expired key.
    public func principal(forKey key: String) async throws -> Principal? {
        guard key.utf8.count <= 256 else { return nil }
        let rows = try await fetch(
            """
            SELECT id, org_id, role, person FROM api_keys
            WHERE key_hash = \(Self.keyHash(key)) AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
            """,
            logger: logger)
        return try await firstPrincipal(rows)
    }

    /// The caller behind a client certificate (SHA-256 of its DER, lower-case hex), or nil
    /// when no live key is bound to it.
    public func principal(forClientCertificate sha256: String) async throws -> Principal? {
        let rows = try await fetch(
            """
            SELECT id, org_id, role, person FROM api_keys
            WHERE client_certificate_sha256 = \(sha256) AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
            """,
            logger: logger)
        return try await firstPrincipal(rows)
    }

    /// The principal of the first row of `id, org_id, role, person` (a live key), or nil.
    func firstPrincipal(_ rows: FetchedRows) async throws -> Principal? {
        for try await (id, organisation, role, person) in rows.decode((UUID, String, String, String?).self) {
            guard let role = APIRole(rawValue: role) else { return nil }
            return Principal(organisation: organisation, role: role, person: person, keyID: id)
        }
        return nil
    }

    /// The keys of an organisation (every organisation's when nil), newest first.
    public func apiKeys(organisation: String?) async throws -> [APIKeyRecord] {
        let rows = try await fetch(
            """
            SELECT id, org_id, role, person, created_at, expires_at, revoked_at, revoked_by, client_certificate_sha256 FROM api_keys
            WHERE \(organisation)::text IS NULL OR org_id = \(organisation)
            ORDER BY created_at DESC, id
            """, logger: logger)
        var keys: [APIKeyRecord] = []
        for try await (id, organisation, role, person, created, expires, revoked, revokedBy, certificate) in rows.decode(
            (UUID, String, String, String?, Date, Date?, Date?, String?, String?).self)
        {
            guard let role = APIRole(rawValue: role) else { throw StoreError.undecodableRow(table: "api_keys", key: id.uuidString) }
            keys.append(APIKeyRecord(
                id: id, organisation: organisation, role: role, person: person, createdAt: created, expiresAt: expires,
                revokedAt: revoked, revokedBy: revokedBy, clientCertificateSHA256: certificate))
        }
        return keys
    }

    /// Revokes a key of `organisation` (any organisation's when nil); returns the key as it
    /// now stands, or nil when there is no such key. Revoking a revoked key changes nothing.
    public func revokeAPIKey(_ id: UUID, organisation: String?, by actor: AuditActor) async throws -> APIKeyRecord? {
        let revokedBy = actor.person.map { "\(actor.organisation)/\($0)" } ?? actor.organisation
        try await withTransaction { connection in
            let rows = try await connection.guardedQuery(
                """
                UPDATE api_keys SET revoked_at = now(), revoked_by = \(revokedBy)
                WHERE id = \(id) AND revoked_at IS NULL AND (\(organisation)::text IS NULL OR org_id = \(organisation))
                RETURNING org_id
                """, logger: logger)
            for try await org in rows.decode(String.self) {
                try await appendAudit(by: actor, action: "revoke-key", subject: "organisation:\(org)", details: ["key": id.uuidString], on: connection)
            }
        }
        return try await apiKeys(organisation: organisation).first { $0.id == id }
    }

    static func keyHash(_ key: String) -> Data { Data(SHA256.hash(data: Array(key.utf8))) }
}
