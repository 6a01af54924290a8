import Foundation
import LiaisonCore

/// One object of a bundle that passed validation, with what mapping needs at hand.
struct STIXObject: Sendable {
    let id: String
    let type: String
    let properties: [String: JSONValue]
    /// nil for custom and other types Liaison does not understand.
    let category: STIXTypeCatalog.Category?
    let modified: Date?
    /// Equality comparisons of an indicator's STIX pattern.
    var patternEqualities: [PatternEquality] = []
    /// Embedded references that carry meaning (not `created_by_ref` or markings), in
    /// property order, including those inside `extensions`.
    var references: [(property: String, id: String)] = []

    func string(_ key: String) -> String? {
        if case .string(let text)? = properties[key] { return text }
        return nil
    }

    func strings(_ key: String) -> [String] {
        guard case .array(let items)? = properties[key] else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    func date(_ key: String) -> Date? { string(key).flatMap(STIXTimestamp.date) }

    /// The object's extension of the given definition id, if any.
    func extensionProperties(_ definition: String) -> [String: JSONValue]? {
        guard case .object(let extensions)? = properties["extensions"],
            case .object(let properties)? = extensions[definition]
        else { return nil }
        return properties
    }

    /// Properties that STIX 2.1 does not define for this type (custom properties,
    /// §11.1), with extensions whose definition Liaison does not read; whole unknown objects
    /// for custom types. Kept, as compact JSON, for the custody record.
    var customProperties: [String: JSONValue] {
        guard let known = STIXTypeCatalog.specificProperties[type] else { return properties }
        let common =
            category == .observable ? STIXTypeCatalog.commonObservableProperties : STIXTypeCatalog.commonDomainProperties
        var custom: [String: JSONValue] = [:]
        for (key, value) in properties where !known.contains(key) && !common.contains(key) {
            custom[key] = value
        }
        if case .object(let extensions)? = properties["extensions"] {
            let unread = extensions.filter { !STIXExtensions.understood.contains($0.key) }
            if !unread.isEmpty { custom["extensions"] = .object(unread) }
        }
        return custom
    }
}

/// Extension definitions whose properties Liaison reads.
enum STIXExtensions {
    /// OASIS Incident Core Extension (property-extension on `incident`): `incident_types`,
    /// `determination`, `investigation_status`, `criticality`, `impacted_entity_counts`,
    /// `recoverability`, `scores`, and references `event_refs`, `impact_refs`, `task_refs`,
    /// `other_object_refs`, `sequence_refs`, `sequence_start_refs`.
    static let incidentCore = "extension-definition--ef765651-680c-498d-9894-99799f2fa126"
    /// OASIS TLP 2.0 marking definitions.
    static let tlp2 = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
    static let understood: Set<String> = [incidentCore, tlp2]
}

