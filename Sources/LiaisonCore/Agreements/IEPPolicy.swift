import Foundation

/// A FIRST Information Exchange Policy 2.0 (IEP) an agreement carries: how the consumer may
/// handle, act on, share and resell what it receives. The gateway enforces what it can —
/// encryption in transit (the webhook must be `https`), attribution (the producer never or
/// always appears), the TLP label (the agreement's `max_tlp`) and the policy's dates (they
/// bound the version's validity) — and sends the rest with every projection, so that the
/// consumer's systems see the handling rules with the data.
public struct IEPPolicy: Sendable, Hashable {
    public enum Requirement: String, Sendable, Hashable, Codable, CaseIterable { case must, may }
    public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
        case may
        case mustNot = "must-not"
    }
    public enum Attribution: String, Sendable, Hashable, Codable, CaseIterable {
        case may, must
        case mustNot = "must-not"
    }
    public enum PermittedActions: String, Sendable, Hashable, Codable, CaseIterable {
        case none
        case contactForInstruction = "contact-for-instruction"
        case internallyVisibleActions = "internally-visible-actions"
        case externallyVisibleIndirectActions = "externally-visible-indirect-actions"
        case externallyVisibleDirectActions = "externally-visible-direct-actions"
    }

    /// METADATA: the policy's own identity and dates.
    public var id: String?
    public var name: String?
    public var version: String = "2.0"
    public var startDate: Date?
    public var endDate: Date?
    /// HANDLING
    public var encryptInTransit: Requirement = .may
    /// ACTION
    public var permittedActions: PermittedActions = .none
    public var affectedPartyNotifications: Permission = .mustNot
    /// SHARING
    public var tlp: TLP?
    public var attribution: Attribution = .may
    /// LICENSING
    public var unmodifiedResale: Permission = .mustNot

    public init() {}

    /// The policy as it travels in projections and agreement documents (IEP 2.0 names).
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            "iep_version": .string(version), "encrypt_in_transit": .string(encryptInTransit.rawValue),
            "permitted_actions": .string(permittedActions.rawValue),
            "affected_party_notifications": .string(affectedPartyNotifications.rawValue),
            "attribution": .string(attribution.rawValue), "unmodified_resale": .string(unmodifiedResale.rawValue),
        ]
        if let id { members["id"] = .string(id) }
        if let name { members["name"] = .string(name) }
        if let startDate { members["start_date"] = .string(RFC3339.string(from: startDate)) }
        if let endDate { members["end_date"] = .string(RFC3339.string(from: endDate)) }
        if let tlp { members["tlp"] = .string(tlp.rawValue) }
        return .object(members)
    }

    /// Reads `jsonValue` back; nil when it is not that shape.
    public init?(jsonValue: JSONValue) {
        guard case .object(let members) = jsonValue else { return nil }
        func text(_ key: String) -> String?? {
            switch members[key] {
            case nil: .some(nil)
            case .string(let value)?: .some(value)
            default: nil
            }
        }
        guard let id = text("id"), let name = text("name"), let version = text("iep_version"),
            let start = text("start_date"), let end = text("end_date"), let tlp = text("tlp"),
            let encrypt = text("encrypt_in_transit").map({ $0.flatMap(Requirement.init(rawValue:)) }),
            let actions = text("permitted_actions").map({ $0.flatMap(PermittedActions.init(rawValue:)) }),
            let notifications = text("affected_party_notifications").map({ $0.flatMap(Permission.init(rawValue:)) }),
            let attribution = text("attribution").map({ $0.flatMap(Attribution.init(rawValue:)) }),
            let resale = text("unmodified_resale").map({ $0.flatMap(Permission.init(rawValue:)) }),
            let encrypt, let actions, let notifications, let attribution, let resale, let version
        else { return nil }
        self.id = id
        self.name = name
        self.version = version
        guard start.map({ RFC3339.date(from: $0) != nil }) ?? true, end.map({ RFC3339.date(from: $0) != nil }) ?? true,
            tlp.map({ TLP(rawValue: $0) != nil }) ?? true
        else { return nil }
        startDate = start.flatMap(RFC3339.date(from:))
        endDate = end.flatMap(RFC3339.date(from:))
        self.tlp = tlp.flatMap(TLP.init(rawValue:))
        encryptInTransit = encrypt
        permittedActions = actions
        affectedPartyNotifications = notifications
        self.attribution = attribution
        unmodifiedResale = resale
    }
}

extension IEPPolicy: Codable {
    public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }

    public init(from decoder: any Decoder) throws {
        guard let policy = IEPPolicy(jsonValue: try JSONValue(from: decoder)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an IEP 2.0 policy"))
        }
        self = policy
    }
}
