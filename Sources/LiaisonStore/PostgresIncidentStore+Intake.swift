import Foundation
import LiaisonCore
import NIOCore
import PostgresNIO

extension PostgresIncidentStore {
    /// Runs one intake in one transaction. The caller reads and writes through the
    /// ``IntakeTransaction``; the store decides nothing. Retried as a whole after a
    /// serialization failure or deadlock (see ``withTransaction(_:)``).
    public func withIntakeTransaction<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (IntakeTransaction) async throws -> sending T
    ) async throws -> sending T {
        try await withTransaction(isolation: isolation) { connection in try await body(IntakeTransaction(store: self, connection: connection)) }
    }
}

/// The rows of one intake, read and written inside its transaction.
public struct IntakeTransaction: Sendable {
    let store: PostgresIncidentStore
    let connection: PostgresConnection
    var logger: Logger { store.logger }

    /// Inserts the incidents whose natural key the producer has not used before; returns
    /// their ids. The others are left as they are (`ON CONFLICT DO NOTHING`). One intake's
    /// incidents share their producer and receipt time, which travel once. The answer is a
    /// count; only when some were not inserted does a second query say which were.
    public func insertNew(_ results: [IncidentProtector.Result]) async throws -> Set<UUID> {
        guard let first = results.first?.incident else { return [] }
        // Each column read straight from the results: no copy of whole incidents.
        let ids = results.map { $0.incident.id }
        if results.count >= Self.largeIntake { try await tuneForLargeIntake() }
        let columns = IncidentColumns(results)
        let rows = try await connection.guardedQuery(
            """
            WITH inserted AS (
                INSERT INTO incidents (id, producer, natural_key, received_at, classification_taxonomy,
                    classification_type, tlp, title, description, first_seen, last_seen, observables, redactions,
                    source_modified)
                SELECT id, \(first.producer), natural_key, \(first.receivedAt), taxonomy, type, tlp, title, description,
                       NULLIF(first_seen, '')::timestamptz, NULLIF(last_seen, '')::timestamptz,
                       observables::jsonb, redactions::jsonb, NULLIF(modified, '')::timestamptz
                FROM unnest(\(ids)::uuid[], \(results.map(\.naturalKey))::text[],
                            \(results.map { $0.incident.classification.taxonomy })::text[],
                            \(results.map { $0.incident.classification.type })::text[],
                            \(results.map { $0.incident.tlp.rawValue })::text[], \(results.map { $0.incident.title })::text[],
                            \(results.map { $0.incident.description })::text[], \(columns.firstSeen)::text[], \(columns.lastSeen)::text[],
                            \(columns.observables)::text[], \(columns.redactions)::text[], \(columns.modified)::text[])
                     AS t(id, natural_key, taxonomy, type, tlp, title, description,
                          first_seen, last_seen, observables, redactions, modified)
                ON CONFLICT (producer, natural_key) DO NOTHING
                RETURNING 1)
            SELECT count(*)::int FROM inserted
            """, logger: logger)
        var count = 0
        for try await value in rows.decode(Int.self) { count = value }
        if count == ids.count { return Set(ids) }
        var inserted: Set<UUID> = []
        guard count > 0 else { return inserted }
        for try await id in try await connection.guardedQuery(
            "SELECT id FROM incidents WHERE id = ANY(\(ids)::uuid[])", logger: logger
        ).decode(UUID.self) {
            inserted.insert(id)
        }
        return inserted
    }

    /// From this many incidents on, an intake sets two of PostgreSQL's settings for the rest of
    /// its transaction (`set_config(…, true)`, so a transaction-pooling PgBouncer is safe).
    static let largeIntake = 1_000

    /// `work_mem` 64 MB: the reference checks of migration 0006 read the rows each statement
    /// inserted from its transition table, and `unnest` keeps its rows in a tuple store; both
    /// stay in memory only up to `work_mem` (4 MB by default) and otherwise go to a temporary
    /// file and are read back: a large intake's incidents, custody records and vault entries
    /// all did, about a fifteenth of PostgreSQL's intake work. The rows of 10,000 events fit;
    /// a larger intake spills only what is beyond.
    ///
    /// `plan_cache_mode` `force_generic_plan`: an unnamed statement is otherwise planned with
    /// its parameters as constants, and the planner copied each of the intake's column arrays
    /// (megabytes each) into the plan, twice for a statement with a `WITH`, about 2 µs an
    /// event. Every intake statement reads its rows from `unnest` or by key, so the generic
    /// plan is the same plan.
    private func tuneForLargeIntake() async throws {
        let rows = try await connection.guardedQuery(
            """
            SELECT set_config('work_mem', '64MB', true), set_config('plan_cache_mode', 'force_generic_plan', true)
            """, logger: logger)
        for try await _ in rows {}
    }

    /// The stored incidents for these natural keys, with the receipt that brought each one's
    /// current version; locked until the transaction ends, so that two updates of one
    /// incident cannot interleave.
    public func storedIncidents(producer: String, naturalKeys: [String]) async throws -> [String: StoredIncident] {
        guard !naturalKeys.isEmpty else { return [:] }
        let rows = try await connection.guardedQuery(
            """
            SELECT i.natural_key, i.id, i.version, i.source_modified, i.received_at, c.receipt_id
            FROM incidents i JOIN custody_records c ON c.incident_id = i.id AND c.version = i.version
            WHERE i.producer = \(producer) AND i.natural_key = ANY(\(naturalKeys)::text[])
            FOR UPDATE OF i
            """, logger: logger)
        var found: [String: StoredIncident] = [:]
        for try await (key, id, version, modified, received, receipt) in rows.decode((String, UUID, Int, Date?, Date, UUID).self) {
            found[key] = StoredIncident(id: id, version: version, sourceModified: modified, receivedAt: received, receiptID: receipt)
        }
        return found
    }

    /// Current versions of incidents, as stored.
    public func incidents(ids: [UUID]) async throws -> [UUID: Incident] {
        try await store.incidents(ids: ids, on: connection)
    }

    /// Vault values for `tokens`; a token with no entry is absent.
    public func vaultValues(for tokens: Set<Token>) async throws -> [Token: VaultValue] {
        try await store.vaultValues(for: tokens, on: connection)
    }

    /// Writes what one intake decided: the updated incidents' new versions (the replaced
    /// ones kept in `incident_versions`), the vault entries, the receipt and a custody record
    /// per new version; then, under the append lock, the receipt's document signed with the
    /// ledger index of its entry, one delivery per disclosure and the ledger entry itself.
    /// The receipt row is written first with an empty document, which the signed one replaces
    /// before the commit, so that the custody records (which name the receipt) stay outside
    /// the lock. Returns the signed receipt.
    public func commit(_ intake: IntakeCommit) async throws -> SignedReceipt {
        try await replaceVersions(intake.updates)
        try await store.insertVaultEntries(on: connection, intake.accepted.map { ($0.incident.id, $0.vault) } + intake.updates.map { ($0.incident.id, $0.vault) })
        var receipt = intake.receipt
        try await connection.guardedQuery(
            """
            INSERT INTO receipts (id, producer, transport, idempotency_key, body_sha256, received_at, document)
            VALUES (\(receipt.id), \(receipt.producer), \(receipt.transport.rawValue),
                    \(intake.idempotencyKey), \(intake.bodySHA256), \(receipt.receivedAt), '')
            """, logger: logger)
        var custody = CustodyColumns(count: intake.accepted.count + intake.updates.count)
        for accepted in intake.accepted { custody.append(accepted.incident.id, version: 1, details: accepted.custodyJSON) }
        for update in intake.updates { custody.append(update.incident.id, version: update.version, details: update.incident.custody.canonicalJSON) }
        try await insertCustodyRecords(custody, receipt: receipt, bodySHA256: intake.bodySHA256)
        let ledgerIndex = try await store.nextLedgerIndex(on: connection)
        receipt.ledgerIndex = ledgerIndex
        let signed = try store.signer.sign(receipt)
        try await connection.guardedQuery(
            "UPDATE receipts SET document = \(signed.document.utf8Text) WHERE id = \(receipt.id)", logger: logger)
        try await insertDeliveries(intake.disclosures)
        try await store.insertLedgerEntry(
            index: ledgerIndex, actor: receipt.producer, action: "intake", subject: "receipt:\(receipt.id)",
            details: [
                "accepted": intake.accepted.count, "updated": intake.updates.count,
                "duplicates": receipt.outcomes.filter { $0.status == .duplicate }.count,
                "rejected": receipt.outcomes.filter { $0.status == .rejected }.count, "deliveries": intake.disclosures.count,
                "body_sha256": intake.bodySHA256.hexString, "transport": receipt.transport.rawValue,
            ],
            on: connection)
        return signed
    }

    /// Moves each updated incident's stored version into `incident_versions` and writes
    /// the new one in its place, with the version number raised by one.
    private func replaceVersions(_ updates: [IncidentUpdate]) async throws {
        guard !updates.isEmpty else { return }
        let ids = updates.map(\.incident.id)
        try await connection.guardedQuery(
            """
            INSERT INTO incident_versions (incident_id, version, source_modified, superseded_at, document)
            SELECT i.id, i.version, i.source_modified, now(), to_jsonb(i) FROM incidents i WHERE i.id = ANY(\(ids)::uuid[])
            """, logger: logger)
        let incidents = updates.map(\.incident)
        let columns = IncidentColumns(incidents: incidents, modified: updates.map(\.modified))
        try await connection.guardedQuery(
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
    }

    private func insertCustodyRecords(_ columns: CustodyColumns, receipt: Receipt, bodySHA256: Data) async throws {
        guard !columns.ids.isEmpty else { return }
        try await connection.guardedQuery(
            """
            INSERT INTO custody_records (incident_id, version, receipt_id, producer, transport, body_sha256, received_at, details)
            SELECT i, v, \(receipt.id), \(receipt.producer), \(receipt.transport.rawValue), \(bodySHA256), \(receipt.receivedAt), d::jsonb
            FROM unnest(\(columns.ids)::uuid[], \(columns.versions)::int4[], \(columns.details)::text[]) AS t(i, v, d)
            """, logger: logger)
    }

    /// One row per disclosure. Inserted under the append lock (``commit(_:)`` holds it), so
    /// feed sequence numbers become visible in order and a cursor never skips a row; each row's
    /// `added_at` (TAXII's `date_added`, migration 0015) is one microsecond after the last.
    /// The rows' ids are made here, not by `gen_random_uuid()`: PostgreSQL asks the kernel for
    /// each one (1.1 – 1.7 µs here), 11 – 17 ms of a 10,000-event intake spent holding the lock.
    private func insertDeliveries(_ disclosures: [Disclosure]) async throws {
        guard !disclosures.isEmpty else { return }
        var ids: [UUID] = []
        var versions: [ByteBuffer] = []
        ids.reserveCapacity(disclosures.count)
        versions.reserveCapacity(disclosures.count)
        for disclosure in disclosures {
            ids.append(UUID.random())
            versions.append(ByteBuffer(bytes: [UInt8](hex: disclosure.agreementVersion) ?? []))
        }
        try await connection.guardedQuery(
            """
            WITH start AS (
                SELECT greatest(date_trunc('microseconds', clock_timestamp()),
                                coalesce((SELECT max(added_at) FROM deliveries), '-infinity') + interval '1 microsecond') AS at)
            INSERT INTO deliveries (id, incident_id, incident_version, agreement_id, agreement_version, consumer, status, added_at)
            SELECT id, incident_id, incident_version, agreement_id, agreement_version, consumer, status,
                   start.at + (n - 1) * interval '1 microsecond'
            FROM start, unnest(\(ids)::uuid[], \(disclosures.map(\.incidentID))::uuid[], \(disclosures.map(\.incidentVersion))::int4[],
                        \(disclosures.map(\.agreementID))::text[], \(versions)::bytea[], \(disclosures.map(\.consumer))::text[],
                        \(disclosures.map { $0.push ? "pending" : "pull-only" })::text[])
                 WITH ORDINALITY AS t(id, incident_id, incident_version, agreement_id, agreement_version, consumer, status, n)
            ORDER BY n
            """, logger: logger)
    }
}

/// Everything one intake writes, as decided outside the store.
public struct IntakeCommit: Sendable {
    /// Signed by ``IntakeTransaction/commit(_:)`` once its ledger index is known.
    public var receipt: Receipt
    public var idempotencyKey: String?
    public var bodySHA256: Data
    /// New incidents (version 1).
    public var accepted: [IncidentProtector.Result]
    /// New versions of stored incidents.
    public var updates: [IncidentUpdate]
    public var disclosures: [Disclosure]

    public init(
        receipt: Receipt, idempotencyKey: String?, bodySHA256: Data, accepted: [IncidentProtector.Result],
        updates: [IncidentUpdate], disclosures: [Disclosure]
    ) {
        self.receipt = receipt
        self.idempotencyKey = idempotencyKey
        self.bodySHA256 = bodySHA256
        self.accepted = accepted
        self.updates = updates
        self.disclosures = disclosures
    }
}

/// The custody records of one intake, a column each: incident, version, and the details as
/// canonical JSON bytes.
struct CustodyColumns {
    var ids: [UUID] = []
    var versions: [Int] = []
    var details: TextArrayBind

    init(count: Int) {
        details = TextArrayBind(reservingBytes: count * 512)
        ids.reserveCapacity(count)
        versions.reserveCapacity(count)
    }

    mutating func append(_ incident: UUID, version: Int, details canonicalJSON: [UInt8]) {
        ids.append(incident)
        versions.append(version)
        details.append(canonicalJSON)
    }
}

/// The columns of `incidents` that are not plain values, as the text arrays that travel to
/// PostgreSQL: JSON for observables and redactions (their canonical bytes, bound as they
/// are), and optional times as '' for none, since arrays cannot hold NULLs here. Public for
/// `liaison-bench pipeline`, which times building them.
public struct IncidentColumns {
    var observables = TextArrayBind()
    var redactions = TextArrayBind()
    var firstSeen: [String] = []
    var lastSeen: [String] = []
    var modified: [String] = []

    public init(_ results: [IncidentProtector.Result]) {
        self.init(reserving: results.count)
        for result in results { append(result.incident, modified: result.modified) }
    }

    init(incidents: [Incident], modified: [Date?]) {
        self.init(reserving: incidents.count)
        for (incident, modified) in zip(incidents, modified) { append(incident, modified: modified) }
    }

    private init(reserving count: Int) {
        observables = TextArrayBind(reservingBytes: count * 512)
        redactions = TextArrayBind(reservingBytes: count * 512)
    }

    private mutating func append(_ incident: Incident, modified: Date?) {
        observables.append(incident.observables.canonicalJSON)
        redactions.append(incident.redactions.canonicalJSON)
        firstSeen.append(incident.firstSeen.map(RFC3339.string(from:)) ?? "")
        lastSeen.append(incident.lastSeen.map(RFC3339.string(from:)) ?? "")
        self.modified.append(modified.map(RFC3339.string(from:)) ?? "")
    }
}
