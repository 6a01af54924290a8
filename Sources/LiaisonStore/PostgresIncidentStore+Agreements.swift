import Foundation
import LiaisonCore
import NIOCore
import PostgresNIO
import Synchronization

/// An agreement document by content: the agreement and the hash that names it.
public struct AgreementVersionKey: Sendable, Hashable {
    public var id: String
    /// ``Agreement/versionHash``.
    public var version: String

    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }
}

/// One step in an agreement's history, as `agreement_events` keeps it.
public struct AgreementEvent: Sendable, Hashable, Codable {
    public var seq: Int64
    public var number: Int?
    public var action: String
    public var actor: AuditActor
    public var at: Date
    public var reason: String?
}

/// Agreement documents read back from the database, kept for the life of the process: a
/// document never changes, so a cached one is never stale.
final class AgreementVersionCache: Sendable {
    private let documents = Mutex<[AgreementVersionKey: Agreement]>([:])

    subscript(key: AgreementVersionKey) -> Agreement? {
        documents.withLock { $0[key] }
    }

    func insert(_ agreement: Agreement, for key: AgreementVersionKey) {
        documents.withLock { $0[key] = agreement }
    }
}

extension PostgresIncidentStore {
    /// Runs `body` with the rows of one agreement, its versions locked until the transaction
    /// ends, so that two approvals of one agreement cannot interleave.
    public func withAgreementTransaction<T>(
        _ agreementID: String, isolation: isolated (any Actor)? = #isolation,
        _ body: (AgreementTransaction) async throws -> sending T
    ) async throws -> sending T {
        try await withTransaction(isolation: isolation) { connection in
            try await body(AgreementTransaction(store: self, connection: connection, agreementID: agreementID))
        }
    }

    /// Every agreement's versions.
    public func agreementVersions(_ agreementID: String? = nil) async throws -> [AgreementVersion] {
        try await client.withConnection { connection in
            try await versions(agreementID: agreementID, states: nil, lock: false, on: connection)
        }
    }

    /// The versions that may stand (approved, suspended, terminated): what the agreements in
    /// force are made of.
    public func standingVersions() async throws -> [AgreementVersion] {
        try await client.withConnection { connection in
            try await versions(agreementID: nil, states: [.approved, .suspended, .terminated], lock: false, on: connection)
        }
    }

    /// The history of one agreement, oldest first.
    public func agreementEvents(_ agreementID: String) async throws -> [AgreementEvent] {
        let rows = try await fetch(
            """
            SELECT seq, number, action, organisation, person, at, reason FROM agreement_events
            WHERE agreement_id = \(agreementID) ORDER BY seq
            """, logger: logger)
        var events: [AgreementEvent] = []
        for try await (seq, number, action, organisation, person, at, reason) in rows.decode(
            (Int64, Int?, String, String, String?, Date, String?).self)
        {
            events.append(AgreementEvent(
                seq: seq, number: number, action: action, actor: AuditActor(organisation: organisation, person: person), at: at,
                reason: reason))
        }
        return events
    }

    func versions(
        agreementID: String?, states: [AgreementVersion.State]?, lock: Bool, on connection: PostgresConnection
    ) async throws -> [AgreementVersion] {
        let stateNames = states?.map(\.rawValue)
        if lock, let agreementID {
            // Every change to an agreement's versions takes this row's lock first.
            try await connection.guardedQuery("SELECT 1 FROM agreements WHERE id = \(agreementID) FOR UPDATE", logger: logger)
        }
        let rows = try await connection.guardedQuery(
            """
            SELECT v.agreement_id, v.number, v.state, d.document, d.secrets_sealed, d.key_id, d.sha256,
                   v.created_by, v.created_by_person, v.proposed_by, v.proposed_by_person, v.proposed_at, v.reason
            FROM agreement_versions v
                 JOIN agreement_documents d ON d.agreement_id = v.agreement_id AND d.sha256 = v.sha256
            WHERE (\(agreementID)::text IS NULL OR v.agreement_id = \(agreementID))
              AND (\(stateNames)::text[] IS NULL OR v.state = ANY(\(stateNames)::text[]))
            ORDER BY v.agreement_id, v.number
            """, logger: logger)
        var versions: [AgreementVersion] = []
        for try await row in rows.decode(
            (String, Int, String, String, Data?, String?, Data, String, String?, String?, String?, Date?, String?).self)
        {
            let (id, number, state, document, sealed, keyID, digest, createdBy, createdPerson, proposedBy, proposedPerson, proposedAt, reason) = row
            guard let state = AgreementVersion.State(rawValue: state) else {
                throw StoreError.undecodableRow(table: "agreement_versions", key: "\(id)#\(number)")
            }
            let agreement = try decode(
                AgreementVersionKey(id: id, version: digest.hexString), document: document, sealed: sealed, keyID: keyID)
            versions.append(AgreementVersion(
                agreementID: id, number: number, state: state, agreement: agreement,
                createdBy: AuditActor(organisation: createdBy, person: createdPerson),
                proposedBy: proposedBy.map { AuditActor(organisation: $0, person: proposedPerson) }, proposedAt: proposedAt,
                reason: reason))
        }
        return versions
    }

    /// The agreement documents named, read back (the webhook is the caller's to take from
    /// the version in force).
    func agreements(at keys: Set<AgreementVersionKey>, on connection: PostgresConnection) async throws -> [AgreementVersionKey: Agreement] {
        var found: [AgreementVersionKey: Agreement] = [:]
        var missing: [AgreementVersionKey] = []
        for key in keys {
            if let cached = agreementVersionCache[key] { found[key] = cached } else { missing.append(key) }
        }
        guard !missing.isEmpty else { return found }
        let digests = missing.map { ByteBuffer(bytes: [UInt8](hex: $0.version) ?? []) }
        let rows = try await connection.guardedQuery(
            """
            SELECT d.agreement_id, d.sha256, d.document, d.secrets_sealed, d.key_id
            FROM agreement_documents d JOIN unnest(\(missing.map(\.id))::text[], \(digests)::bytea[]) AS k(id, sha256)
                 ON d.agreement_id = k.id AND d.sha256 = k.sha256
            """, logger: logger)
        for try await (id, digest, document, sealed, keyID) in rows.decode((String, Data, String, Data?, String?).self) {
            let key = AgreementVersionKey(id: id, version: digest.hexString)
            found[key] = try decode(key, document: document, sealed: sealed, keyID: keyID)
        }
        return found
    }

    private func decode(_ key: AgreementVersionKey, document: String, sealed: Data?, keyID: String?) throws -> Agreement {
        if let cached = agreementVersionCache[key] { return cached }
        let secrets = try sealed.map { sealed throws -> Agreement.Secrets in
            let opened = try vault.open(secret: sealed, keyID: keyID ?? "", context: Self.sealingContext(key))
            guard let secrets = SealedSecrets(bytes: opened.bytes)?.secrets else {
                throw StoreError.undecodableRow(table: "agreement_documents", key: "\(key.id)@\(key.version)")
            }
            return secrets
        } ?? Agreement.Secrets(pseudonymKey: nil, webhookSecret: nil)
        guard let json = try? CanonicalJSON.decode(JSONValue.self, from: Data(document.utf8)),
            let agreement = try? Agreement(document: json, secrets: secrets)
        else { throw StoreError.undecodableRow(table: "agreement_documents", key: "\(key.id)@\(key.version)") }
        agreementVersionCache.insert(agreement, for: key)
        return agreement
    }

    /// Records `agreement`'s document by content (once), its secrets sealed under the vault
    /// key; returns its hash.
    func saveDocument(_ agreement: Agreement, on connection: PostgresConnection) async throws -> String {
        let version = agreement.versionHash
        let key = AgreementVersionKey(id: agreement.id, version: version)
        let digest = ByteBuffer(bytes: [UInt8](hex: version) ?? [])
        let secrets = SealedSecrets(agreement.secrets)
        let sealed = try secrets.map { ByteBuffer(data: try vault.seal(secret: Secret(bytes: $0.bytes), context: Self.sealingContext(key))) }
        try await connection.guardedQuery(
            """
            INSERT INTO agreement_documents (agreement_id, sha256, document, secrets_sealed, key_id)
            VALUES (\(agreement.id), \(digest), \(agreement.document.canonicalBytes.utf8Text), \(sealed),
                    \(sealed == nil ? nil : vault.currentKeyID))
            ON CONFLICT DO NOTHING
            """, logger: logger)
        agreementVersionCache.insert(agreement, for: key)
        return version
    }

    static func sealingContext(_ key: AgreementVersionKey) -> String { "agreement-document:\(key.id):\(key.version)" }
}

/// An agreement document's secrets as one sealed value: the bytes of each, length-prefixed.
struct SealedSecrets {
    var secrets: Agreement.Secrets

    init?(_ secrets: Agreement.Secrets) {
        guard secrets.pseudonymKey != nil || secrets.webhookSecret != nil else { return nil }
        self.secrets = secrets
    }

    init?(bytes: [UInt8]) {
        var rest = bytes[...]
        func next() -> Secret?? {
            guard let length = rest.first else { return nil }
            rest = rest.dropFirst()
            guard length > 0 else { return .some(nil) }
            guard rest.count >= Int(length) else { return nil }
            defer { rest = rest.dropFirst(Int(length)) }
            return .some(Secret(bytes: Array(rest.prefix(Int(length)))))
        }
        guard let pseudonymKey = next(), let webhookSecret = next() else { return nil }
        // A previous webhook secret (a rotation's overlap) follows only when there is one, so
        // that every value sealed before rotations existed reads as it did.
        var previous: Secret?
        if !rest.isEmpty {
            guard let value = next(), rest.isEmpty else { return nil }
            previous = value
        }
        secrets = Agreement.Secrets(pseudonymKey: pseudonymKey, webhookSecret: webhookSecret, previousWebhookSecret: previous)
    }

    var bytes: [UInt8] {
        let previous: [Secret?] = secrets.previousWebhookSecret.map { [$0] } ?? []
        return ([secrets.pseudonymKey, secrets.webhookSecret] + previous).flatMap { secret -> [UInt8] in
            guard let secret else { return [0] }
            return [UInt8(secret.bytes.count)] + secret.bytes
        }
    }
}

/// The rows of one agreement, inside one transaction (``PostgresIncidentStore/withAgreementTransaction(_:isolation:_:)``).
public struct AgreementTransaction: Sendable {
    let store: PostgresIncidentStore
    let connection: PostgresConnection
    public let agreementID: String
    var logger: Logger { store.logger }

    /// The agreement's versions, locked.
    public func versions() async throws -> [AgreementVersion] {
        try await store.versions(agreementID: agreementID, states: nil, lock: true, on: connection)
    }

    /// Everyone who edited draft `number`, read in this transaction (four eyes excludes them).
    public func editors(of number: Int) async throws -> [AuditActor] {
        let rows = try await connection.guardedQuery(
            """
            SELECT organisation, person FROM agreement_events
            WHERE agreement_id = \(agreementID) AND number = \(number) AND action = 'edit' ORDER BY seq
            """, logger: logger)
        var editors: [AuditActor] = []
        for try await (organisation, person) in rows.decode((String, String?).self) {
            editors.append(AuditActor(organisation: organisation, person: person))
        }
        return editors
    }

    /// Creates the agreement's record (and its organisations) if it does not exist; returns
    /// whether it did.
    public func createIfMissing(_ agreement: Agreement) async throws -> Bool {
        try await connection.guardedQuery(
            "INSERT INTO organisations (id) SELECT unnest(\([agreement.producer, agreement.consumer])::text[]) ON CONFLICT DO NOTHING",
            logger: logger)
        let rows = try await connection.guardedQuery(
            """
            INSERT INTO agreements (id, producer, consumer, sha256)
            VALUES (\(agreementID), \(agreement.producer), \(agreement.consumer), \(ByteBuffer(bytes: [UInt8](hex: agreement.versionHash) ?? [])))
            ON CONFLICT (id) DO NOTHING RETURNING 1
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// Adds version `number` in `state` (`draft` or `proposed`), drafted by `actor`.
    public func insertVersion(
        _ agreement: Agreement, number: Int, state: AgreementVersion.State, by actor: AuditActor, reason: String?
    ) async throws {
        let version = try await store.saveDocument(agreement, on: connection)
        let proposed = state == .proposed
        try await connection.guardedQuery(
            """
            INSERT INTO agreement_versions (agreement_id, number, sha256, state, created_by, created_by_person,
                                            proposed_by, proposed_by_person, proposed_at, reason)
            VALUES (\(agreementID), \(number), \(ByteBuffer(bytes: [UInt8](hex: version) ?? [])), \(state.rawValue),
                    \(actor.organisation), \(actor.person), \(proposed ? actor.organisation : nil),
                    \(proposed ? actor.person : nil), \(proposed ? Date() : nil), \(reason))
            """, logger: logger)
    }

    /// Replaces a draft's document.
    public func replaceDraft(_ number: Int, with agreement: Agreement) async throws {
        let version = try await store.saveDocument(agreement, on: connection)
        try await connection.guardedQuery(
            """
            UPDATE agreement_versions SET sha256 = \(ByteBuffer(bytes: [UInt8](hex: version) ?? [])), updated_at = now()
            WHERE agreement_id = \(agreementID) AND number = \(number) AND state = 'draft'
            """, logger: logger)
    }

    /// Moves version `number` to `state`; proposing records the proposer and the reason.
    public func setState(_ number: Int, to state: AgreementVersion.State, proposedBy: AuditActor? = nil, reason: String? = nil) async throws {
        if let proposedBy {
            try await connection.guardedQuery(
                """
                UPDATE agreement_versions SET state = \(state.rawValue), proposed_by = \(proposedBy.organisation),
                       proposed_by_person = \(proposedBy.person), proposed_at = now(), reason = \(reason), updated_at = now()
                WHERE agreement_id = \(agreementID) AND number = \(number)
                """, logger: logger)
        } else {
            try await connection.guardedQuery(
                """
                UPDATE agreement_versions SET state = \(state.rawValue), updated_at = now()
                WHERE agreement_id = \(agreementID) AND number = \(number)
                """, logger: logger)
        }
    }

    /// Records one step of the agreement's history, in `agreement_events` and the audit trail.
    public func record(_ action: String, number: Int?, by actor: AuditActor, reason: String?, details: [String: any Sendable & Encodable] = [:])
        async throws
    {
        try await connection.guardedQuery(
            """
            INSERT INTO agreement_events (agreement_id, number, action, organisation, person, reason)
            VALUES (\(agreementID), \(number), \(action), \(actor.organisation), \(actor.person), \(reason))
            """, logger: logger)
        var details = details
        if let number { details["version"] = number }
        if let reason { details["reason"] = reason }
        try await store.appendAudit(by: actor, action: "agreement-\(action)", subject: "agreement:\(agreementID)", details: details, on: connection)
    }
}
