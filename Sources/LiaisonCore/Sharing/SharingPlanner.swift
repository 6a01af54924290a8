import Foundation

/// Decides, when incident versions are committed, which agreements disclose them: one
/// ``Disclosure`` per (incident version, agreement version) that shares it. Pure: the
/// store hands in rows and writes what comes out.
public enum SharingPlanner {
    /// First versions: every active agreement whose rules share the incident.
    public static func disclosures(ofNew incidents: [Incident], under agreements: [Agreement]) -> [Disclosure] {
        let versions = agreements.map(\.versionHash)
        return incidents.flatMap { incident in
            zip(agreements, versions).compactMap { agreement, version in
                guard case .share = agreement.decision(for: incident) else { return nil }
                return Disclosure(incident, version: 1, under: agreement, agreementVersion: version)
            }
        }
    }

    /// The tokens of the previous versions whose vault values ``disclosures(ofUpdates:under:previousVault:)``
    /// needs, to tell whether what a consumer sees has changed.
    public static func tokensToCompare(_ updates: [IncidentUpdate], under agreements: [Agreement]) -> Set<Token> {
        var tokens: Set<Token> = []
        for update in updates {
            for agreement in agreements {
                guard case .share(let projection) = agreement.decision(for: update.previous) else { continue }
                tokens.formUnion(projection.tokensNeedingPlaintext)
            }
        }
        return tokens
    }

    /// New versions of stored incidents: a disclosure under each agreement that shares the
    /// new version and whose consumer would see something different from the previous
    /// version (or did not see the previous version at all).
    public static func disclosures(
        ofUpdates updates: [IncidentUpdate], under agreements: [Agreement], previousVault: [Token: VaultValue]
    ) -> [Disclosure] {
        let versions = agreements.map(\.versionHash)
        var disclosures: [Disclosure] = []
        for update in updates {
            let vault = Dictionary(
                update.vault.map { ($0.token, VaultValue(plaintext: $0.plaintext, role: $0.role)) },
                uniquingKeysWith: { first, _ in first })
            for (agreement, version) in zip(agreements, versions) {
                guard case .share(let projection) = agreement.decision(for: update.incident) else { continue }
                if case .share(let before) = agreement.decision(for: update.previous),
                    before.rendering(vault: previousVault).projected == projection.rendering(vault: vault).projected
                {
                    continue
                }
                disclosures.append(Disclosure(update.incident, version: update.version, under: agreement, agreementVersion: version))
            }
        }
        return disclosures
    }
}

/// A new version of a stored incident, with the version it replaces.
public struct IncidentUpdate: Sendable {
    /// The new version, protected; its id is the stored incident's.
    public var incident: Incident
    /// The new version's vault items.
    public var vault: [VaultItem]
    /// The new version's number.
    public var version: Int
    /// The producer's own version of it (a STIX `modified`).
    public var modified: Date?
    /// The version it replaces, as stored.
    public var previous: Incident

    public init(incident: Incident, vault: [VaultItem], version: Int, modified: Date?, previous: Incident) {
        self.incident = incident
        self.vault = vault
        self.version = version
        self.modified = modified
        self.previous = previous
    }
}
