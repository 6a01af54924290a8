/// A vault entry opened for rendering: the plaintext and the role its value had.
public struct VaultValue: Sendable, Hashable {
    public var plaintext: String
    public var role: ObservableRole

    public init(plaintext: String, role: ObservableRole) {
        self.plaintext = plaintext
        self.role = role
    }
}

/// A projection rendered for its consumer, and the tokens it shows in plaintext (which the
/// audit trail records as reveals).
public struct Rendering: Sendable, Equatable {
    public var projected: ProjectedIncident
    public var revealed: Set<Token>

    public init(projected: ProjectedIncident, revealed: Set<Token>) {
        self.projected = projected
        self.revealed = revealed
    }
}

extension Projection {
    /// The consumer's view with tokens rendered from `vault` (the entries for
    /// ``tokensNeedingPlaintext``; a token missing from it was erased and renders `[erased]`).
    /// Deterministic: the same incident version, agreement version and vault give the same
    /// rendering, since pseudonyms are keyed and masks fixed.
    public func rendering(vault: [Token: VaultValue]) -> Rendering {
        let plaintexts = vault.mapValues(\.plaintext), roles = vault.mapValues(\.role)
        return Rendering(
            projected: rendered(plaintexts: plaintexts, roles: roles),
            revealed: revealedTokens(plaintexts: plaintexts, roles: roles))
    }
}

extension Agreement {
    /// What the consumer is shown now of an incident version this agreement version
    /// disclosed: the same rendering as when it was shared (less what was erased since), or
    /// withheld with reasons when the agreement no longer stands (`status` is the
    /// agreement's current standing, whatever the version).
    public func rendering(of incident: Incident, vault: [Token: VaultValue]) -> Result<Rendering, Withheld> {
        switch decision(for: incident) {
        case .share(let projection): .success(projection.rendering(vault: vault))
        case .withhold(let reasons): .failure(Withheld(reasons: reasons))
        }
    }
}

/// A disclosure that is not shown (any more), with the reasons.
public struct Withheld: Error, Sendable, Equatable {
    public var reasons: [WithholdReason]

    public init(reasons: [WithholdReason]) {
        self.reasons = reasons
    }

    /// One short code for a delivery row's `last_error` and logs: the first reason.
    public var code: String { reasons.first?.code ?? "withheld" }
}
