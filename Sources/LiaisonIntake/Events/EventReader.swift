import Crypto
import Foundation
import LiaisonCore

/// Reads one event object into a draft, collecting every problem with its pointer.
struct EventReader {
    let pointer: String
    let limits: IntakeLimits
    let defaultTLP: TLP
    var problems: [FieldProblem] = []

    static let knownKeys: Set<String> = [
        "id", "classification", "tlp", "title", "description", "first_seen", "last_seen", "observables",
    ]

    init(pointer: String, limits: IntakeLimits, defaultTLP: TLP) {
        self.pointer = pointer
        self.limits = limits
        self.defaultTLP = defaultTLP
    }

    mutating func draft(from value: JSONValue) -> IncidentDraft? {
        guard case .object(let event) = value else {
            fail("", "must be an object")
            return nil
        }
        for key in event.keys.sorted() where !Self.knownKeys.contains(key) {
            fail("/" + JSONPointer.escape(key), "is not a property of an event")
        }
        let id = optionalString(event["id"], at: "/id")
        let classification = classification(event["classification"])
        let tlp = tlp(event["tlp"])
        let title = requiredString(event["title"], at: "/title")
        let description = optionalString(event["description"], at: "/description") ?? ""
        let firstSeen = time(event["first_seen"], at: "/first_seen")
        let lastSeen = time(event["last_seen"], at: "/last_seen")
        if let firstSeen, let lastSeen, lastSeen < firstSeen {
            fail("/last_seen", "is earlier than first_seen")
        }
        let observables = observables(event["observables"])
        guard problems.isEmpty, let classification, let title else { return nil }
        let naturalKey = id.map { "event-id:" + $0 } ?? "event-sha256:" + Self.digest(of: value)
        return IncidentDraft(
            naturalKey: naturalKey, classification: classification, tlp: tlp ?? defaultTLP, title: title,
            description: description, firstSeen: firstSeen, lastSeen: lastSeen, observables: observables)
    }

    /// SHA-256 of the event's RFC 8785 canonical form, so whitespace, key order and
    /// escaping do not make a re-sent event look new.
    static func digest(of value: JSONValue) -> String {
        SHA256.hash(data: value.canonicalBytes).hexString
    }

    private mutating func fail(_ field: String, _ reason: String) {
        problems.append(FieldProblem(pointer: pointer + field, reason: reason))
    }

    private mutating func optionalString(_ value: JSONValue?, at field: String) -> String? {
        guard let value, value != .null else { return nil }
        return requiredString(value, at: field)
    }

    private mutating func requiredString(_ value: JSONValue?, at field: String) -> String? {
        guard let value else {
            fail(field, "is required")
            return nil
        }
        guard case .string(let text) = value else {
            fail(field, "must be a string, not \(value.typeName)")
            return nil
        }
        guard text.utf8.count <= limits.maxStringLength else {
            fail(field, "is longer than \(limits.maxStringLength) bytes")
            return nil
        }
        return text
    }

    private mutating func classification(_ value: JSONValue?) -> Classification? {
        guard case .object(let object)? = value else {
            fail("/classification", value == nil ? "is required" : "must be an object")
            return nil
        }
        guard let taxonomy = requiredString(object["taxonomy"], at: "/classification/taxonomy"),
            let type = requiredString(object["type"], at: "/classification/type")
        else { return nil }
        guard RSIT.types[taxonomy] != nil else {
            fail("/classification/taxonomy", "is not an ENISA RSIT taxonomy")
            return nil
        }
        guard let classification = Classification(taxonomy: taxonomy, type: type) else {
            fail("/classification/type", "is not a type of the RSIT taxonomy \(taxonomy)")
            return nil
        }
        return classification
    }

    private mutating func tlp(_ value: JSONValue?) -> TLP? {
        guard let label = optionalString(value, at: "/tlp") else { return nil }
        guard let tlp = TLP(label: label) else {
            fail("/tlp", "is not a TLP 2.0 label (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED)")
            return nil
        }
        return tlp
    }

    private mutating func time(_ value: JSONValue?, at field: String) -> Date? {
        guard let text = optionalString(value, at: field) else { return nil }
        guard let date = RFC3339.date(from: text) else {
            fail(field, "is not an RFC 3339 date-time with a time zone")
            return nil
        }
        return date
    }

    private mutating func observables(_ value: JSONValue?) -> [Observable] {
        guard let value, value != .null else { return [] }
        guard case .array(let items) = value else {
            fail("/observables", "must be an array")
            return []
        }
        guard items.count <= limits.maxObservablesPerEvent else {
            fail("/observables", "has more than \(limits.maxObservablesPerEvent) items")
            return []
        }
        var observables: [Observable] = []
        for (index, item) in items.enumerated() {
            let at = "/observables/\(index)"
            guard case .object(let object) = item else {
                fail(at, "must be an object")
                continue
            }
            let kindText = requiredString(object["kind"], at: at + "/kind")
            let valueText = requiredString(object["value"], at: at + "/value")
            let roleText = optionalString(object["role"], at: at + "/role")
            let kind = kindText.flatMap(ObservableKind.init(rawValue:))
            let role = roleText.map(ObservableRole.init(rawValue:)) ?? .unknown
            if kindText != nil, kind == nil { fail(at + "/kind", "is not an observable kind") }
            if role == nil { fail(at + "/role", "must be offender, victim, infrastructure or unknown") }
            if let valueText, valueText.trimmedOfWhitespace.isEmpty {
                fail(at + "/value", "is empty")
            }
            if let kind, let valueText, let role {
                observables.append(Observable(kind: kind, value: valueText, role: role))
            }
        }
        return observables
    }
}
