/// The outcome of holding an incident against an agreement. A refusal is a decision
/// with reasons, not an error, so dry-runs and the console can explain it.
public enum AgreementDecision: Sendable, Equatable {
    case share(Projection)
    case withhold(reasons: [WithholdReason])
}

/// Why an agreement does not share an incident.
public enum WithholdReason: Sendable, Hashable {
    case otherProducer
    /// Neither the class's taxonomy nor any offence it points to is covered.
    case taxonomyNotCovered(String)
    case tlpAboveLimit(TLP, limit: TLP)
    /// The agreement is suspended or terminated.
    case agreementNotActive(Agreement.Status)
    /// The agreement the disclosure was made under is no longer loaded at all.
    case agreementNotInForce

    /// A short stable code, for delivery rows and logs.
    public var code: String {
        switch self {
        case .otherProducer: "other-producer"
        case .taxonomyNotCovered: "taxonomy-not-covered"
        case .tlpAboveLimit: "tlp-above-limit"
        case .agreementNotActive(let status): "agreement-\(status.rawValue)"
        case .agreementNotInForce: "agreement-not-in-force"
        }
    }
}

extension Agreement {
    public func decision(for incident: Incident) -> AgreementDecision {
        var reasons: [WithholdReason] = []
        if status != .active { reasons.append(.agreementNotActive(status)) }
        if incident.producer != producer { reasons.append(.otherProducer) }
        if !match.covers(incident.classification) {
            reasons.append(.taxonomyNotCovered(incident.classification.taxonomy))
        }
        if incident.tlp > match.maxTLP { reasons.append(.tlpAboveLimit(incident.tlp, limit: match.maxTLP)) }
        guard reasons.isEmpty else { return .withhold(reasons: reasons) }
        return .share(Projection(incident: incident, agreement: self))
    }
}
