import Foundation
import LiaisonCore
import NIOCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Re-seals every vault entry not under the current key, in batches, each batch in a
    /// transaction of its own. Returns how many were re-sealed. Safe to run while the
    /// gateway serves, and to interrupt: what is done stays done.
    public func rotateVault(batchSize: Int = 500) async throws -> Int {
        var total = 0
        while true {
            let count = try await withTransaction { connection -> Int in
                let rows = try await connection.guardedQuery(
                    """
                    SELECT token, key_id, sealed FROM vault_entries WHERE key_id <> \(vault.currentKeyID)
                    LIMIT \(batchSize) FOR UPDATE SKIP LOCKED
                    """, logger: logger)
                var tokens: [String] = []
                var sealed: [ByteBuffer] = []
                for try await (text, keyID, box) in rows.decode((String, String, Data).self) {
                    guard let token = Token(text: text) else { throw StoreError.vaultEntryCorrupt(token: text) }
                    let plaintext = try vault.open(box, keyID: keyID, token: token)
                    tokens.append(text)
                    sealed.append(ByteBuffer(data: try vault.seal(plaintext, token: token)))
                }
                guard !tokens.isEmpty else { return 0 }
                try await connection.guardedQuery(
                    """
                    UPDATE vault_entries v SET sealed = t.sealed, key_id = \(vault.currentKeyID)
                    FROM unnest(\(tokens)::text[], \(sealed)::bytea[]) AS t(token, sealed)
                    WHERE v.token = t.token
                    """, logger: logger)
                return tokens.count
            }
            total += count
            if count < batchSize { break }
        }
        total += try await resealAgreementKeys()
        if total > 0 {
            try await audit(by: AuditActor(organisation: "gateway"), action: "vault-rotate", subject: "vault", details: ["entries": total, "key": vault.currentKeyID])
        }
        return total
    }

    /// Re-seals the secrets of agreement documents not under the current key.
    private func resealAgreementKeys() async throws -> Int {
        try await withTransaction { connection -> Int in
            let rows = try await connection.guardedQuery(
                """
                SELECT agreement_id, sha256, secrets_sealed, key_id FROM agreement_documents
                WHERE key_id <> \(vault.currentKeyID) FOR UPDATE
                """, logger: logger)
            var resealed: [(String, Data, ByteBuffer)] = []
            for try await (id, digest, sealed, keyID) in rows.decode((String, Data, Data, String).self) {
                let context = Self.sealingContext(AgreementVersionKey(id: id, version: digest.hexString))
                let secrets = try vault.open(secret: sealed, keyID: keyID, context: context)
                resealed.append((id, digest, ByteBuffer(data: try vault.seal(secret: secrets, context: context))))
            }
            for (id, digest, sealed) in resealed {
                try await connection.guardedQuery(
                    """
                    UPDATE agreement_documents SET secrets_sealed = \(sealed), key_id = \(vault.currentKeyID)
                    WHERE agreement_id = \(id) AND sha256 = \(digest)
                    """, logger: logger)
            }
            return resealed.count
        }
    }

    /// Deletes vault entries past their retention date; their tokens then render as
    /// `[erased]` and the incidents stay usable. Returns how many went.
    public func purgeExpiredVaultEntries(now: Date = Date()) async throws -> Int {
        try await withTransaction { connection in
            let rows = try await connection.guardedQuery(
                "WITH gone AS (DELETE FROM vault_entries WHERE retain_until < \(now) RETURNING 1) SELECT count(*)::int FROM gone",
                logger: logger)
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            if count > 0 {
                try await appendAudit(actor: "gateway", action: "vault-purge", subject: "vault", details: ["entries": count], on: connection)
            }
            return count
        }
    }

    /// Erases every vault entry holding `value` as `kind` (the right to erasure, GDPR
    /// Art. 17): the person's value is gone from the database; their incidents remain,
    /// with `[erased]` where the value was. `actor` is who asked, for the audit trail. What
    /// went is noted in `vault_erasures` (token, incident, kind, role, lookup hash, never the
    /// value), so that a later report on the value can say it was erased and what was
    /// disclosed before.
    public func eraseVaultEntries(kind: PersonalDataKind, value: String, actor: String) async throws -> Int {
        let hash = vault.lookupHash(kind: kind, value: PersonalDataNormaliser.normalise(value, as: kind))
        let count = try await withTransaction { connection in
            let rows = try await connection.guardedQuery(
                """
                WITH gone AS (
                    DELETE FROM vault_entries WHERE kind = \(kind.rawValue) AND lookup_hash = \(hash)
                    RETURNING token, incident_id, kind, role, lookup_hash, created_at),
                noted AS (
                    INSERT INTO vault_erasures (token, incident_id, kind, role, lookup_hash, held_since, erased_at)
                    SELECT token, incident_id, kind, role, lookup_hash, created_at, clock_timestamp() FROM gone
                    ON CONFLICT (token) DO NOTHING)
                SELECT count(*)::int FROM gone
                """, logger: logger)
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            try await appendAudit(
                actor: actor, action: "erase", subject: "vault", details: ["kind": kind.rawValue, "entries": count],
                on: connection)
            return count
        }
        // Reclaim the deleted rows' space so later writes can overwrite it.
        try await fetch("VACUUM vault_entries", logger: logger)
        return count
    }
}
