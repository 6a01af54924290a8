/// A personal value found where a consumer says it saw it: its token, and what the agreement
/// made of it there.
public struct LocatedValue: Sendable, Hashable {
    public var token: Token
    /// `mask`, `pseudonymise` or `generalise`: never `reveal` or `drop`.
    public var rendering: RenderAction

    public init(token: Token, rendering: RenderAction) {
        self.token = token
        self.rendering = rendering
    }
}

/// Why no value can be asked for at the place a consumer names.
public enum LocateFailure: Error, Sendable, Hashable {
    /// The pointer names no place of the projection that holds values (`/title`,
    /// `/description`, `/observables/N/value`), or one this agreement does not share.
    case noSuchPlace
    /// Nothing at that place was shown as the text given.
    case notShownThere
    /// What stands there is not personal data: it was shared as it is.
    case notPersonalData
    /// Two different values stand there rendered alike; an observable's pointer tells them apart.
    case ambiguous
    /// The consumer was shown the value itself already.
    case revealed
    /// The value's vault entry was erased or purged: it reads `[erased]`.
    case erased(Token)
}

extension Projection {
    /// The value a consumer was shown as `shown` at `pointer` (a JSON Pointer, RFC 6901, into
    /// this projection as rendered: ``rendered(plaintexts:roles:)``) with `vault` the entries
    /// rendering used. Rendering is deterministic, so the value found is the one the consumer
    /// saw. Only a value shown masked, pseudonymised or generalised can be asked for.
    public func locate(pointer: String, shown: String, vault: [Token: VaultValue]) -> Result<LocatedValue, LocateFailure> {
        let plaintexts = vault.mapValues(\.plaintext), roles = vault.mapValues(\.role)
        let agreement = self.agreement
        let renderer = TokenRenderer(
            action: { agreement.action(for: $0.kind, role: roles[$0]) }, pseudonymKey: agreement.pseudonymKey,
            plaintexts: plaintexts)
        func classify(_ token: Token) -> Result<LocatedValue, LocateFailure> {
            let action = agreement.action(for: token.kind, role: roles[token])
            if action == .drop { return .failure(.notShownThere) }
            if plaintexts[token] == nil { return .failure(.erased(token)) }
            if action == .reveal { return .failure(.revealed) }
            return .success(LocatedValue(token: token, rendering: action))
        }

        guard pointer.hasPrefix("/") else { return .failure(.noSuchPlace) }
        let segments = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.count == 3, segments[0] == "observables", segments[2] == "value" {
            guard fields.contains(.observables), let index = Self.arrayIndex(segments[1]) else { return .failure(.noSuchPlace) }
            let kept = incident.observables.compactMap { source in renderer.render(source).map { (source, $0) } }
            guard index < kept.count else { return .failure(.noSuchPlace) }
            let (source, rendered) = kept[index]
            guard rendered.value == shown else { return .failure(.notShownThere) }
            guard let token = Token(text: source.value) else { return .failure(.notPersonalData) }
            return classify(token)
        }
        if segments == ["title"] || segments == ["description"] {
            let field: IncidentField = segments == ["title"] ? .title : .description
            guard fields.contains(field) else { return .failure(.noSuchPlace) }
            let text = field == .title ? incident.title : incident.description
            var candidates: [Token] = []
            for (token, _) in Token.occurrences(in: text) where !candidates.contains(token) {
                if (renderer.render(token) ?? TokenRenderer.redacted) == shown { candidates.append(token) }
            }
            guard let first = candidates.first else {
                let rendered = renderer.render(text: text)
                return .failure(!shown.isEmpty && rendered.contains(shown) ? .notPersonalData : .notShownThere)
            }
            if candidates.count == 1 { return classify(first) }
            let kept = candidates.filter { plaintexts[$0] != nil }
            return .failure(kept.isEmpty ? .erased(first) : .ambiguous)
        }
        return .failure(.noSuchPlace)
    }

    /// An RFC 6901 array index: `0`, or digits without a leading zero.
    private static func arrayIndex(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text == "0" || !text.hasPrefix("0"),
            text.utf8.count <= 9
        else { return nil }
        return Int(text)
    }
}
