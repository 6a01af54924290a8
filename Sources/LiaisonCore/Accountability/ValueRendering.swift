import Foundation

/// How one disclosure showed one person's value, for the report that answers a data
/// subject or a supervisory authority (`liaison vault report`): decided from the incident
/// version and the agreement version the disclosure names, as rendering it decided then.
public enum ValueRendering: String, Sendable, Hashable, Codable, CaseIterable {
    /// The value stood in no field the agreement version shares.
    case notShared = "not-shared"
    /// The agreement version drops values of its kind and role.
    case drop
    case mask, pseudonymise, generalise, reveal
    /// The value had been erased before the disclosure: it read `[erased]`.
    case erased

    /// Whether the recipient saw anything of the value (the value itself, a part or a
    /// coarser form of it, or a pseudonym that links it).
    public var showsValue: Bool {
        switch self {
        case .mask, .pseudonymise, .generalise, .reveal: true
        case .notShared, .drop, .erased: false
        }
    }
}

extension Projection {
    /// How this projection showed `token` (its vault entry's role `role`) when disclosed at
    /// `disclosedAt`; `erasedAt` is when its vault entry was erased, if it was.
    public func rendering(of token: Token, role: ObservableRole, disclosedAt: Date, erasedAt: Date?) -> ValueRendering {
        guard sharedTexts.contains(where: { text in Token.occurrences(in: text).contains { $0.token == token } }) else {
            return .notShared
        }
        let action = agreement.action(for: token.kind, role: role)
        if action == .drop { return .drop }
        if let erasedAt, erasedAt <= disclosedAt { return .erased }
        switch action {
        case .drop: return .drop
        case .mask: return .mask
        case .pseudonymise: return .pseudonymise
        case .generalise: return .generalise
        case .reveal: return .reveal
        }
    }
}
