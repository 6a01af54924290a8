import Foundation
import LiaisonCore

/// Makes one ``STIXIncidentDraft`` from what a root reaches: title, description, times,
/// observables with roles, TLP, classification and custody fields.
struct STIXDraftBuilder {
    let graph: STIXGraph
    let limits: STIXLimits
    let defaultTLP: TLP

    func incident(from reach: STIXGraph.Reach) -> STIXIncidentDraft {
        let root = graph.objects[reach.root]!
        let members = reach.members.map { (object: graph.objects[$0.index]!, role: $0.role) }
        var observables: [Observable] = []
        var seen: Set<Observable> = []
        var dropped = 0
        var notes = Notes()
        var firstSeen: Date?
        var lastSeen: Date?
        var tlp: TLP?
        for (object, role) in members {
            for observable in STIXObservableExtractor.observables(of: object, role: role) + context(of: object, role: role, notes: &notes)
            where seen.insert(observable).inserted {
                if observables.count < limits.maxObservablesPerIncident { observables.append(observable) } else { dropped += 1 }
            }
            for (first, last) in Self.timeProperties[object.type] ?? [] {
                if let date = object.date(first) { firstSeen = min(firstSeen ?? date, date) }
                if let last, let date = object.date(last) { lastSeen = max(lastSeen ?? date, date) }
            }
            for id in STIXMarkings.markingIDs(of: object) {
                let definition = graph.object(id)
                if let label = STIXMarkings.tlp(of: id, definition: definition) { tlp = max(tlp ?? label, label) }
                if let definition, let statement = STIXMarkings.statement(of: definition) { notes.statements.insert(statement) }
            }
            let custom = object.customProperties
            if !custom.isEmpty { notes.custom[object.id] = .object(custom) }
            if case .array(let references)? = object.properties["external_references"] { notes.externalReferences += references }
        }
        var custody = [
            CustodyField(name: "stix.id", content: .verbatim(root.id)),
            CustodyField(name: "stix.type", content: .verbatim(root.type)),
        ]
        if let modified = root.string("modified") { custody.append(CustodyField(name: "stix.modified", content: .verbatim(modified))) }
        if let author = root.string("created_by_ref") { custody.append(CustodyField(name: "stix.created_by_ref", content: .verbatim(author))) }
        custody += notes.custody(missing: reach.missing, related: reach.related)
        if dropped > 0 {
            custody.append(CustodyField(name: "stix.observables_dropped", content: .verbatim("\(dropped) over the limit of \(limits.maxObservablesPerIncident)")))
        }
        let modified = members.compactMap(\.object.modified).reduce(root.modified ?? root.date("created") ?? .distantPast, max)
        let draft = IncidentDraft(
            naturalKey: "stix:" + root.id,
            classification: STIXClassificationTable.classification(of: members.map(\.object)),
            tlp: tlp ?? defaultTLP, title: title(of: root, observables: observables),
            description: ([root.string("description")].compactMap { $0 } + notes.description).joined(separator: "\n"),
            firstSeen: firstSeen, lastSeen: lastSeen, observables: observables, custody: custody, modified: modified)
        return STIXIncidentDraft(draft: draft, objectIndices: reach.members.map(\.index))
    }

    /// (first, last) time properties per type that say when the incident happened; malware
    /// and threat actors' `first_seen` describe the family, not this incident.
    static let timeProperties: [String: [(String, String?)]] = [
        "incident": [("first_seen", "last_seen")],
        "sighting": [("first_seen", "last_seen")],
        "observed-data": [("first_observed", "last_observed")],
        "indicator": [("valid_from", nil)],
    ]

    /// Names from the root, or "STIX <type> <kind>" from the first observable or the
    /// sighted object's type.
    private func title(of root: STIXObject, observables: [Observable]) -> String {
        if let name = root.string("name"), !name.isEmpty { return name }
        let kind =
            observables.first?.kind.rawValue ?? root.string("sighting_of_ref").flatMap { STIXIdentifier.type(of: $0) }.map(String.init)
        return ["STIX", root.type, kind].compactMap { $0 }.joined(separator: " ")
    }

    /// Description lines and custody notes for objects that are context, not values.
    private func context(of object: STIXObject, role: ObservableRole, notes: inout Notes) -> [Observable] {
        let name = object.string("name")
        switch object.type {
        case "identity":
            if let contact = object.string("contact_information") { notes.identities.append(contact) }
            if object.string("identity_class") == "individual" {
                if role == .victim, let name { return [Observable(kind: .person, value: name, role: .victim)] }
                if let name { notes.identities.append(name) }
            } else if let name {
                notes.description.append((role == .victim ? "Victim organisation: " : "Organisation: ") + name)
            }
        case "malware": if let name { notes.description.append("Malware: " + name) }
        case "threat-actor": if let name { notes.description.append("Threat actor: " + name) }
        case "note":
            let abstract = object.string("abstract").map { $0 + ": " } ?? ""
            notes.description.append("Note: " + abstract + (object.string("content") ?? ""))
        case "sighting":
            if case .number(let count)? = object.properties["count"] {
                notes.description.append("Sighted \(Int(count)) time\(count == 1 ? "" : "s")")
            }
        case "indicator":
            if let type = object.string("pattern_type"), type != "stix", let pattern = object.string("pattern") {
                notes.patterns.append(type + ": " + pattern)
            }
        case "email-message":
            if let subject = object.string("subject") { notes.description.append("E-mail subject: " + subject) }
        default: break
        }
        return []
    }
}

/// What an incident collects besides observables.
struct Notes {
    var description: [String] = []
    var identities: [String] = []
    var patterns: [String] = []
    var statements: Set<String> = []
    var custom: [String: JSONValue] = [:]
    var externalReferences: [JSONValue] = []

    func custody(missing: Set<String>, related: Set<String>) -> [CustodyField] {
        var fields: [CustodyField] = []
        func text(_ name: String, _ value: String) { fields.append(CustodyField(name: name, content: .text(value))) }
        if !externalReferences.isEmpty { text("stix.external_references", JSONValue.array(externalReferences).canonicalBytes.utf8Text) }
        for statement in statements.sorted() { text("stix.marking.statement", statement) }
        for pattern in patterns { text("stix.pattern", pattern) }
        for identity in identities { text("stix.identity", identity) }
        if !custom.isEmpty { text("stix.custom", JSONValue.object(custom).canonicalBytes.utf8Text) }
        if !missing.isEmpty { fields.append(CustodyField(name: "stix.missing_refs", content: .verbatim(missing.sorted().joined(separator: " ")))) }
        if !related.isEmpty { fields.append(CustodyField(name: "stix.related", content: .verbatim(related.sorted().joined(separator: " ")))) }
        return fields
    }
}
