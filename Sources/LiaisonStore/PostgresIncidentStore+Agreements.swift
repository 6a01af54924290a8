import Foundation
import LiaisonCore
import NIOCore
import PostgresNIO
import Synchronization

/// An agreement at one of its versions.
public struct AgreementVersionKey: Sendable, Hashable {
    public var id: String
    /// ``Agreement/versionHash``.
    public var version: String

    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }
}

/// Agreement versions read back from the database, kept for the life of the process: a
/// version never changes, so a cached one is never stale.
final class AgreementVersionCache: Sendable {
    private let versions = Mutex<[AgreementVersionKey: Agreement]>([:])

    subscript(key: AgreementVersionKey) -> Agreement? {
        get { versions.withLock { $0[key] } }
    }

    func insert(_ agreement: Agreement, for key: AgreementVersionKey) {
        versions.withLock { $0[key] = agreement }
    }
}

extension PostgresIncidentStore {
    /// Records the agreements in force (and their organisations), and each version the
    /// database has not seen: its policy document and, sealed under the vault key, its
    /// pseudonym key, so that a disclosure made under it renders the same for as long as it
    /// is read. A new version is audited as a policy change.
    public func registerAgreements(_ agreements: [Agreement], actor: String = "gateway") async throws {
        guard !agreements.isEmpty else { return }
        try await withTransaction { connection in
            let organisations = Array(Set(agreements.flatMap { [$0.producer, $0.consumer] }))
            try await connection.query(
                "INSERT INTO organisations (id) SELECT unnest(\(organisations)::text[]) ON CONFLICT DO NOTHING",
                logger: logger)
            for agreement in agreements {
                let version = agreement.versionHash
                let digest = ByteBuffer(bytes: [UInt8](hex: version) ?? [])
                try await connection.query(
                    """
                    INSERT INTO agreements (id, producer, consumer, sha256) VALUES
                        (\(agreement.id), \(agreement.producer), \(agreement.consumer), \(digest))
                    ON CONFLICT (id) DO UPDATE SET producer = excluded.producer, consumer = excluded.consumer,
                        sha256 = excluded.sha256, loaded_at = now()
                    WHERE agreements.sha256 <> excluded.sha256
                    """, logger: logger)
                let sealedKey = try agreement.pseudonymKey.map {
                    ByteBuffer(data: try vault.seal(secret: $0, context: Self.sealingContext(agreement.id, version)))
                }
                let rows = try await connection.query(
                    """
                    INSERT INTO agreement_versions (agreement_id, sha256, document, pseudonym_key_sealed, key_id)
                    VALUES (\(agreement.id), \(digest), \(agreement.policyDocument.canonicalBytes.utf8Text), \(sealedKey),
                            \(sealedKey == nil ? nil : vault.currentKeyID))
                    ON CONFLICT DO NOTHING
                    RETURNING 1
                    """, logger: logger)
                var inserted = false
                for try await _ in rows { inserted = true }
                if inserted {
                    try await appendAudit(
                        actor: actor, action: "agreement-version", subject: "agreement:\(agreement.id)",
                        details: ["version": version, "producer": agreement.producer, "consumer": agreement.consumer],
                        on: connection)
                }
                agreementVersionCache.insert(agreement, for: AgreementVersionKey(id: agreement.id, version: version))
            }
        }
    }

    /// The agreement versions named, read back from their documents (the webhook is not
    /// part of a version: the caller takes the current one).
    func agreements(at keys: Set<AgreementVersionKey>, on connection: PostgresConnection) async throws -> [AgreementVersionKey: Agreement] {
        var found: [AgreementVersionKey: Agreement] = [:]
        var missing: [AgreementVersionKey] = []
        for key in keys {
            if let cached = agreementVersionCache[key] { found[key] = cached } else { missing.append(key) }
        }
        guard !missing.isEmpty else { return found }
        let digests = missing.map { ByteBuffer(bytes: [UInt8](hex: $0.version) ?? []) }
        let rows = try await connection.query(
            """
            SELECT v.agreement_id, v.sha256, v.document, v.pseudonym_key_sealed, v.key_id
            FROM agreement_versions v JOIN unnest(\(missing.map(\.id))::text[], \(digests)::bytea[]) AS k(id, sha256)
                 ON v.agreement_id = k.id AND v.sha256 = k.sha256
            """, logger: logger)
        for try await (id, digest, document, sealed, keyID) in rows.decode((String, Data, String, Data?, String?).self) {
            let key = AgreementVersionKey(id: id, version: digest.hexString)
            let pseudonymKey = try sealed.map { sealed throws(StoreError) in
                try vault.open(secret: sealed, keyID: keyID ?? "", context: Self.sealingContext(id, key.version))
            }
            guard let json = try? CanonicalJSON.decode(JSONValue.self, from: Data(document.utf8)),
                let agreement = try? Agreement(policyDocument: json, pseudonymKey: pseudonymKey)
            else { throw StoreError.undecodableRow(table: "agreement_versions", key: "\(id)@\(key.version)") }
            agreementVersionCache.insert(agreement, for: key)
            found[key] = agreement
        }
        return found
    }

    static func sealingContext(_ id: String, _ version: String) -> String { "agreement-version:\(id):\(version)" }
}
