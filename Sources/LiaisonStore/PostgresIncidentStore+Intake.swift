import Foundation
import LiaisonCore
import NIOCore
import PostgresNIO

extension PostgresIncidentStore {
    /// One intake request, protected and ready to commit.
    public struct IntakeSubmission: Sendable {
        public var producer: String
        public var transport: Transport
        public var idempotencyKey: String?
        public var bodySHA256: Data
        public var receivedAt: Date
        public var incidents: [IncidentProtector.Result]
        /// For e-mail: the outcome of each MIME part, for the receipt.
        public var parts: [Receipt.Part]
        /// For bodies whose objects are not one incident each (STIX): what became of each
        /// object. Nil means one object per incident, in order.
        public var objects: [SubmittedObject]?

        public init(
            producer: String, transport: Transport, idempotencyKey: String?, bodySHA256: Data, receivedAt: Date,
            incidents: [IncidentProtector.Result], parts: [Receipt.Part] = [], objects: [SubmittedObject]? = nil
        ) {
            self.producer = producer
            self.transport = transport
            self.idempotencyKey = idempotencyKey
            self.bodySHA256 = bodySHA256
            self.receivedAt = receivedAt
            self.incidents = incidents
            self.parts = parts
            self.objects = objects
        }
    }

    /// One object of a body and the incidents it went into (indices into `incidents`):
    /// none for an object kept only as context; `problems` for a rejected one.
    public struct SubmittedObject: Sendable {
        public var objectID: String?
        /// The version the object names for itself (a STIX `modified`), as sent.
        public var version: String?
        public var incidents: [Int]
        public var problems: [FieldProblem]

        public init(objectID: String?, version: String? = nil, incidents: [Int], problems: [FieldProblem] = []) {
            self.objectID = objectID
            self.version = version
            self.incidents = incidents
            self.problems = problems
        }
    }

    /// Writes the incidents, their custody records, vault entries, one delivery per
    /// agreement that shares each, the receipt and an audit entry, in one transaction.
    /// An incident the producer sent before (same natural key) is a duplicate and changes
    /// nothing, unless it comes with a newer version: then it updates the stored incident
    /// (see ``replaceVersions(_:on:)``). Returns only after commit.
    public func commitIntake(_ submission: IntakeSubmission, agreements: [Agreement]) async throws -> SignedReceipt {
        if let key = submission.idempotencyKey, let first = try await receipt(producer: submission.producer, idempotencyKey: key) {
            return first
        }
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await commit(submission, agreements: agreements, on: connection)
            }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            // A concurrent request with the same idempotency key committed first.
            if let key = submission.idempotencyKey, let first = try await receipt(producer: submission.producer, idempotencyKey: key) {
                return first
            }
            throw error
        }
    }

    /// What the commit did with one submitted incident.
    enum IncidentFate {
        case accepted, updated, duplicate
    }

    private func commit(
        _ submission: IntakeSubmission, agreements: [Agreement], on connection: PostgresConnection
    ) async throws -> SignedReceipt {
        let inserted = try await insertIncidents(submission.incidents, on: connection)
        let existing = try await lockedIncidents(
            producer: submission.producer,
            naturalKeys: submission.incidents.filter { !inserted.contains($0.incident.id) }.map(\.naturalKey),
            on: connection)
        var results = submission.incidents
        var fates: [IncidentFate] = []
        var updates: [(result: IncidentProtector.Result, previous: StoredVersion)] = []
        var updated: Set<UUID> = []
        for index in results.indices {
            if inserted.contains(results[index].incident.id) {
                fates.append(.accepted)
                continue
            }
            guard let stored = existing[results[index].naturalKey] else {
                throw StoreError.incidentNotFound(results[index].naturalKey)
            }
            results[index].incident.id = stored.id
            results[index].incident.receivedAt = stored.receivedAt
            if let modified = results[index].modified, stored.sourceModified.map({ modified > $0 }) ?? true,
                updated.insert(stored.id).inserted
            {
                fates.append(.updated)
                updates.append((results[index], stored))
            } else {
                fates.append(.duplicate)
            }
        }
        let signed = try signer.sign(Receipt(
            id: UUID.random(), producer: submission.producer, transport: submission.transport,
            receivedAt: submission.receivedAt, bodySHA256: submission.bodySHA256.hexString,
            outcomes: Self.outcomes(submission.objects, results: results, fates: fates), parts: submission.parts))
        let receipt = signed.receipt, document = signed.document.utf8Text
        try await connection.query(
            """
            INSERT INTO receipts (id, producer, transport, idempotency_key, body_sha256, received_at, document)
            VALUES (\(receipt.id), \(submission.producer), \(submission.transport.rawValue),
                    \(submission.idempotencyKey), \(submission.bodySHA256), \(submission.receivedAt), \(document))
            """, logger: logger)
        let accepted = zip(results, fates).filter { if case .accepted = $0.1 { true } else { false } }.map(\.0)
        let previous = try await replaceVersions(updates, on: connection)
        let versioned = accepted.map { ($0, 1) } + updates.map { ($0.result, $0.previous.version + 1) }
        try await insertCustodyRecords(versioned, receipt: receipt.id, submission: submission, on: connection)
        try await insertVaultEntries(accepted + updates.map(\.result), on: connection)
        let changed = try await changedProjections(
            updates.map { ($0.result, $0.previous.version + 1) }, previous: previous, agreements: agreements, on: connection)
        let deliveries = try await insertDeliveries(
            DeliveryPlan.sharing(accepted.map(\.incident), agreements: agreements) + changed, on: connection)
        try await appendAudit(
            actor: submission.producer, action: "intake", subject: "receipt:\(receipt.id)",
            details: [
                "accepted": accepted.count, "updated": updates.count,
                "duplicates": fates.count - accepted.count - updates.count,
                "rejected": receipt.outcomes.filter { $0.status == .rejected }.count, "deliveries": deliveries,
            ],
            on: connection)
        return signed
    }

    /// One outcome per submitted object: its incident's fate, or rejected.
    static func outcomes(
        _ objects: [SubmittedObject]?, results: [IncidentProtector.Result], fates: [IncidentFate]
    ) -> [Receipt.Outcome] {
        func status(_ fate: IncidentFate) -> Receipt.Outcome.Status {
            switch fate {
            case .accepted: .accepted
            case .updated: .updated
            case .duplicate: .duplicate
            }
        }
        guard let objects else {
            return results.indices.map { .init(index: $0, incidentID: results[$0].incident.id, status: status(fates[$0])) }
        }
        return objects.enumerated().map { index, object in
            var outcome = Receipt.Outcome(index: index, objectID: object.objectID, incidentID: nil, status: .accepted)
            outcome.version = object.version
            if !object.problems.isEmpty {
                outcome.status = .rejected
                outcome.errors = object.problems
            } else if let first = object.incidents.first {
                outcome.incidentID = results[first].incident.id
                outcome.status = status(fates[first])
            }
            return outcome
        }
    }

    private func insertIncidents(_ results: [IncidentProtector.Result], on connection: PostgresConnection) async throws -> Set<UUID> {
        guard !results.isEmpty else { return [] }
        let incidents = results.map(\.incident)
        let columns = IncidentColumns(results)
        let rows = try await connection.query(
            """
            INSERT INTO incidents (id, producer, natural_key, received_at, classification_taxonomy,
                classification_type, tlp, title, description, first_seen, last_seen, observables, redactions,
                source_modified)
            SELECT id, producer, natural_key, received_at, taxonomy, type, tlp, title, description,
                   NULLIF(first_seen, '')::timestamptz, NULLIF(last_seen, '')::timestamptz,
                   observables::jsonb, redactions::jsonb, NULLIF(modified, '')::timestamptz
            FROM unnest(\(incidents.map(\.id))::uuid[], \(incidents.map(\.producer))::text[],
                        \(results.map(\.naturalKey))::text[], \(incidents.map(\.receivedAt))::timestamptz[],
                        \(incidents.map(\.classification.taxonomy))::text[], \(incidents.map(\.classification.type))::text[],
                        \(incidents.map(\.tlp.rawValue))::text[], \(incidents.map(\.title))::text[],
                        \(incidents.map(\.description))::text[], \(columns.firstSeen)::text[], \(columns.lastSeen)::text[],
                        \(columns.observables)::text[], \(columns.redactions)::text[], \(columns.modified)::text[])
                 AS t(id, producer, natural_key, received_at, taxonomy, type, tlp, title, description,
                      first_seen, last_seen, observables, redactions, modified)
            ON CONFLICT (producer, natural_key) DO NOTHING
            RETURNING id
            """, logger: logger)
        var inserted: Set<UUID> = []
        for try await id in rows.decode(UUID.self) { inserted.insert(id) }
        return inserted
    }

    private func insertCustodyRecords(
        _ versioned: [(IncidentProtector.Result, Int)], receipt: UUID, submission: IntakeSubmission,
        on connection: PostgresConnection
    ) async throws {
        guard !versioned.isEmpty else { return }
        let details = versioned.map { $0.0.incident.custody.jsonValue.canonicalBytes.utf8Text }
        try await connection.query(
            """
            INSERT INTO custody_records (incident_id, version, receipt_id, producer, transport, body_sha256, received_at, details)
            SELECT i, v, \(receipt), \(submission.producer), \(submission.transport.rawValue),
                   \(submission.bodySHA256), \(submission.receivedAt), d::jsonb
            FROM unnest(\(versioned.map(\.0.incident.id))::uuid[], \(versioned.map { $0.1 })::int4[], \(details)::text[])
                 AS t(i, v, d)
            """, logger: logger)
    }

    private func insertVaultEntries(_ results: [IncidentProtector.Result], on connection: PostgresConnection) async throws {
        var tokens: [String] = [], incidentIDs: [UUID] = [], kinds: [String] = [], roles: [String] = []
        var sealed: [ByteBuffer] = [], lookups: [ByteBuffer] = [], retainUntil: [Date] = []
        let now = Date()
        for result in results {
            for item in result.vault {
                tokens.append(item.token.text)
                incidentIDs.append(result.incident.id)
                kinds.append(item.token.kind.rawValue)
                roles.append(item.role.rawValue)
                sealed.append(ByteBuffer(data: try vault.seal(item.plaintext, token: item.token)))
                lookups.append(ByteBuffer(data: vault.lookupHash(kind: item.token.kind, value: item.plaintext)))
                retainUntil.append(now.addingTimeInterval(TimeInterval(retention.days(for: item.token.kind) * 86_400)))
            }
        }
        guard !tokens.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO vault_entries (token, incident_id, kind, role, key_id, sealed, lookup_hash, retain_until)
            SELECT token, incident_id, kind, role, \(vault.currentKeyID), sealed, lookup_hash, retain_until
            FROM unnest(\(tokens)::text[], \(incidentIDs)::uuid[], \(kinds)::text[], \(roles)::text[],
                        \(sealed)::bytea[], \(lookups)::bytea[], \(retainUntil)::timestamptz[])
                 AS t(token, incident_id, kind, role, sealed, lookup_hash, retain_until)
            """, logger: logger)
    }

    /// One row per planned delivery. Inserted under the append lock, so feed sequence
    /// numbers become visible in order and a cursor never skips a row.
    func insertDeliveries(_ plans: [DeliveryPlan], on connection: PostgresConnection) async throws -> Int {
        guard !plans.isEmpty else { return 0 }
        try await takeAppendLock(on: connection)
        try await connection.query(
            """
            INSERT INTO deliveries (id, incident_id, incident_version, agreement_id, consumer, status)
            SELECT * FROM unnest(\(plans.map { _ in UUID.random() })::uuid[], \(plans.map(\.incident.id))::uuid[],
                                 \(plans.map(\.version))::int4[], \(plans.map(\.agreement.id))::text[],
                                 \(plans.map(\.agreement.consumer))::text[],
                                 \(plans.map { $0.agreement.webhook == nil ? "pull-only" : "pending" })::text[])
            """, logger: logger)
        return plans.count
    }
}

/// One incident version to deliver under one agreement.
struct DeliveryPlan {
    var incident: Incident
    var version: Int
    var agreement: Agreement

    /// Every (incident, agreement) pair the agreement shares, for first versions.
    static func sharing(_ incidents: [Incident], agreements: [Agreement]) -> [DeliveryPlan] {
        incidents.flatMap { incident in
            agreements.compactMap { agreement in
                guard case .share = agreement.decision(for: incident) else { return nil }
                return DeliveryPlan(incident: incident, version: 1, agreement: agreement)
            }
        }
    }
}

/// The columns of `incidents` that are not plain values, as the text arrays that travel to
/// PostgreSQL: JSON for observables and redactions, and optional times as '' for none,
/// since arrays cannot hold NULLs here.
struct IncidentColumns {
    var observables: [String] = []
    var redactions: [String] = []
    var firstSeen: [String] = []
    var lastSeen: [String] = []
    var modified: [String] = []

    init(_ results: [IncidentProtector.Result]) {
        for result in results {
            let incident = result.incident
            observables.append(JSONValue.array(incident.observables.map(\.jsonValue)).canonicalBytes.utf8Text)
            redactions.append(JSONValue.array(incident.redactions.map(\.jsonValue)).canonicalBytes.utf8Text)
            firstSeen.append(incident.firstSeen.map(RFC3339.string(from:)) ?? "")
            lastSeen.append(incident.lastSeen.map(RFC3339.string(from:)) ?? "")
            modified.append(result.modified.map(RFC3339.string(from:)) ?? "")
        }
    }
}
