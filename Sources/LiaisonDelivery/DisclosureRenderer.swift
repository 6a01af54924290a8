import Crypto
import Foundation
import LiaisonCore
import LiaisonStore

/// Renders stored disclosures for whoever sends or reads them (the webhook worker, the
/// feed, the incident API): reads the incident version and agreement version each one
/// names, and lets Core render it under the agreement's current standing. One vault query
/// for the whole batch.
public struct DisclosureRenderer: Sendable {
    public var store: PostgresIncidentStore
    /// The agreements in force: their current standing and webhook.
    public var agreements: AgreementRegistry

    public init(store: PostgresIncidentStore, agreements: AgreementRegistry) {
        self.store = store
        self.agreements = agreements
    }

    /// One disclosure rendered: the agreement version it is shown under (with the current
    /// webhook) and what the consumer sees.
    public struct Rendered: Sendable {
        public var disclosure: StoredDisclosure
        /// The incident version disclosed, as stored (tokens, not values).
        public var incident: Incident
        public var agreement: Agreement
        public var rendering: Rendering
        /// The vault entries this rendering used (in memory only, for the STIX rendering).
        var vault: [Token: VaultValue]
        /// When the disclosed incident version was received: its STIX `modified`.
        public var versionReceivedAt: Date
        /// Whether a read of it must state a purpose (``ReadPurpose/isRequired(decidedUnder:inForce:)``).
        public var purposeRequired: Bool

        /// The disclosure as a STIX 2.1 bundle: the same incident version under the same
        /// agreement version as ``rendering``, with deterministic ids and bytes.
        public var stixBundle: STIXBundle {
            Projection(incident: incident, agreement: agreement).stixBundle(
                vault: vault, version: disclosure.incident.version, modified: versionReceivedAt,
                agreementVersion: disclosure.agreementVersion ?? agreement.versionHash)
        }

        /// The value the consumer was shown as `shown` at `pointer` of this rendering (a JSON
        /// Pointer into ``rendering``'s projection), for a re-identification request.
        public func locate(pointer: String, shown: String) -> Result<LocatedValue, LocateFailure> {
            Projection(incident: incident, agreement: agreement).locate(pointer: pointer, shown: shown, vault: vault)
        }

        /// The projection's canonical JSON: the bytes an evidence package holds and the
        /// ledger's `projection_sha256` digests.
        public func projectionBytes() throws -> [UInt8] { Array(try CanonicalJSON.encode(rendering.projected)) }

        /// The audit record of sending exactly `bytes`, for `purpose`, read by `person` (nil: pushed).
        public func record(of bytes: some Sequence<UInt8>, purpose: DisclosurePurpose, person: String? = nil) throws -> DisclosureRecord {
            DisclosureRecord(
                disclosure: disclosure, bytesSHA256: SHA256.hash(data: Array(bytes)).hexString,
                projectionSHA256: SHA256.hash(data: try projectionBytes()).hexString, revealed: rendering.revealed,
                legalBasis: agreement.legalBasis, purpose: purpose, person: person)
        }
    }

    /// Each disclosure rendered, or withheld with reasons, in order.
    public func render(_ disclosures: [StoredDisclosure]) async throws -> [Result<Rendered, Withheld>] {
        let rows = try await store.rows(for: disclosures)
        let book = agreements.book
        var decided: [Result<(StoredDisclosure, Agreement, Projection, Bool), Withheld>] = []
        var tokens: Set<Token> = []
        for disclosure in disclosures {
            guard let current = book[disclosure.agreementID] else {
                decided.append(.failure(Withheld(reasons: [.agreementNotInForce])))
                continue
            }
            var agreement = current
            if let version = disclosure.agreementVersion {
                guard let stored = rows.agreements[AgreementVersionKey(id: disclosure.agreementID, version: version)] else {
                    throw StoreError.undecodableRow(table: "agreement_versions", key: "\(disclosure.agreementID)@\(version)")
                }
                agreement = stored
                agreement.webhook = current.webhook
                agreement.status = current.status
            }
            guard let incident = rows.incidents[disclosure.incident] else {
                throw StoreError.incidentNotFound(disclosure.incident.id.uuidString)
            }
            switch agreement.decision(for: incident) {
            case .share(let projection):
                tokens.formUnion(projection.tokensNeedingPlaintext)
                let purposeRequired = ReadPurpose.isRequired(decidedUnder: agreement, inForce: current)
                decided.append(.success((disclosure, agreement, projection, purposeRequired)))
            case .withhold(let reasons):
                decided.append(.failure(Withheld(reasons: reasons)))
            }
        }
        let vault = try await store.vaultValues(for: tokens)
        return decided.map { result in
            result.map { disclosure, agreement, projection, purposeRequired in
                let needed = projection.tokensNeedingPlaintext
                return Rendered(
                    disclosure: disclosure, incident: projection.incident, agreement: agreement,
                    rendering: projection.rendering(vault: vault),
                    vault: vault.filter { needed.contains($0.key) },
                    versionReceivedAt: rows.versionTimes[disclosure.incident] ?? projection.incident.receivedAt,
                    purposeRequired: purposeRequired)
            }
        }
    }
}
