import Foundation
import LiaisonCore
import LiaisonStore

/// The answer to a data subject's or a supervisory authority's request about one personal
/// value (GDPR Art. 15, LED Art. 14 and 25): every incident whose vault entry holds it or
/// held it until erased, and every disclosure of those incidents — to which organisation,
/// when, by which transport, under which agreement version, for what purpose, and how that
/// disclosure rendered the value. It names tokens, organisations and times only: no value,
/// neither the one asked about nor any other, and no reading officer's name (those stay in
/// the audit trail).
public struct VaultReport: Encodable, Sendable {
    var kind: PersonalDataKind
    /// Vault entries holding the value now, and entries an erasure deleted.
    var held: Int
    var erased: Int
    var incidents: [Holding]

    public struct Holding: Encodable, Sendable {
        var incident: UUID
        var producer: String
        var token: String
        var role: ObservableRole
        var heldSince: Date
        var retainUntil: Date?
        var erasedAt: Date?
        /// The feedback whose text held the value: it came from that consumer's answer, not
        /// with the incident, so the incident's disclosures never showed it.
        var feedback: UUID?
        var disclosures: [Disclosure]

        enum CodingKeys: String, CodingKey {
            case incident, producer, token, role, feedback, disclosures
            case heldSince = "held_since"
            case retainUntil = "retain_until"
            case erasedAt = "erased_at"
        }
    }

    public struct Disclosure: Encodable, Sendable {
        var at: Date
        var consumer: String
        var incidentVersion: Int
        var agreement: String
        var agreementVersion: String?
        var transport: String
        /// How the disclosure showed the value; absent where the agreement version was not
        /// recorded (disclosures before migration 0008).
        var rendering: ValueRendering?
        var purpose: DisclosurePurpose

        enum CodingKeys: String, CodingKey {
            case at, consumer, agreement, transport, rendering, purpose
            case incidentVersion = "incident_version"
            case agreementVersion = "agreement_version"
        }
    }

    /// What one organisation may see of a report: the operator's admins and auditors (and
    /// the command line) everything; another organisation's the incidents it produced, with
    /// all their disclosures, and the disclosures it received.
    public enum Scope: Sendable, Equatable {
        case all
        case organisation(String)

        /// For the audit entry: an organisation's id, or words no id can be.
        var name: String {
            switch self {
            case .all: "every organisation"
            case .organisation(let organisation): organisation
            }
        }
    }
}

/// Builds ``VaultReport``s for the admin API and `liaison vault report`, and audits each one
/// (action `vault-report`, with the kind and the counts, never the value): a report is a
/// consultation of personal data.
public struct VaultReporter: Sendable {
    let store: PostgresIncidentStore

    public init(store: PostgresIncidentStore) {
        self.store = store
    }

    public func report(kind: PersonalDataKind, value: String, scope: VaultReport.Scope, by actor: AuditActor) async throws -> VaultReport {
        var holdings = try await store.vaultHoldings(kind: kind, value: value)
        var entries = try await store.disclosures(ofIncidents: Array(Set(holdings.map(\.incidentID))))
        if case .organisation(let organisation) = scope {
            entries = entries.filter { $0.producer == organisation || $0.consumer == organisation }
            let received = Set(entries.map(\.incident.id))
            holdings = holdings.filter { $0.producer == organisation || received.contains($0.incidentID) }
        }
        let rows = try await store.rows(
            incidents: Set(entries.map(\.incident)), agreements: Set(entries.compactMap(\.agreementVersionKey)))
        let byIncident = Dictionary(grouping: entries, by: \.incident.id)
        let report = VaultReport(
            kind: kind, held: holdings.count(where: { $0.erasedAt == nil }), erased: holdings.count(where: { $0.erasedAt != nil }),
            incidents: holdings.map { holding in
                VaultReport.Holding(
                    incident: holding.incidentID, producer: holding.producer, token: holding.token.text, role: holding.role,
                    heldSince: holding.heldSince, retainUntil: holding.retainUntil, erasedAt: holding.erasedAt,
                    feedback: holding.feedbackID, disclosures: (byIncident[holding.incidentID] ?? []).map { entry in
                        VaultReport.Disclosure(
                            at: entry.at, consumer: entry.consumer, incidentVersion: entry.incident.version, agreement: entry.agreementID,
                            agreementVersion: entry.agreementVersion, transport: entry.transport,
                            rendering: Self.rendering(of: holding, in: entry, rows: rows), purpose: entry.purpose)
                    })
            })
        try await store.audit(
            by: actor, action: "vault-report", subject: "vault",
            details: [
                "kind": kind.rawValue, "scope": scope.name, "incidents": Set(holdings.map(\.incidentID)).count,
                "disclosures": report.incidents.map(\.disclosures.count).reduce(0, +),
            ])
        return report
    }

    /// How `entry` rendered the holding's value: decided by Core from the incident version
    /// and the agreement version the disclosure names.
    private static func rendering(of holding: VaultHolding, in entry: DisclosureEntry, rows: DisclosedRows) -> ValueRendering? {
        guard let key = entry.agreementVersionKey, let agreement = rows.agreements[key], let incident = rows.incidents[entry.incident]
        else { return nil }
        return Projection(incident: incident, agreement: agreement)
            .rendering(of: holding.token, role: holding.role, disclosedAt: entry.at, erasedAt: holding.erasedAt)
    }
}
