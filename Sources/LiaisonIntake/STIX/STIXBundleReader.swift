import Foundation
import LiaisonCore

/// Reads a decoded STIX 2.1 bundle (§8) into incident drafts and an outcome per object.
/// Pure: no I/O, no clock.
///
/// Every object is validated on its own; an invalid one is rejected without stopping the
/// rest. Containers (`incident`, `report`, `grouping`) become one incident each, with what
/// they reach by references and relationships up to ``STIXLimits/maxReferenceDepth``;
/// sightings that no container reached become incidents of their own, then indicators and
/// observed-data that nothing reached. Runs in time linear in the bundle plus what each
/// incident reaches: objects are indexed by id once.
public struct STIXBundleReader: Sendable {
    public var limits: STIXLimits
    /// The label for incidents none of whose objects carries a TLP marking.
    public var defaultTLP: TLP

    public init(limits: STIXLimits = .init(), defaultTLP: TLP) {
        self.limits = limits
        self.defaultTLP = defaultTLP
    }

    /// Throws only when the body as a whole is not a bundle (not an object, `type` is not
    /// `bundle`, bad or missing `id`, `objects` missing or not an array) or holds too many
    /// objects.
    public func read(_ bundle: JSONValue) throws(IntakeError) -> STIXBundleReading {
        guard case .object(let properties) = bundle else {
            throw .invalidBundle([FieldProblem(pointer: "", reason: "must be an object")])
        }
        var problems: [FieldProblem] = []
        if properties["type"] != .string("bundle") {
            problems.append(FieldProblem(pointer: "/type", reason: properties["type"] == nil ? "is required" : "must be bundle"))
        }
        if case .string(let id)? = properties["id"], STIXIdentifier.type(of: id) == "bundle" {
        } else {
            problems.append(FieldProblem(pointer: "/id", reason: properties["id"] == nil ? "is required" : "must be an identifier bundle--UUID"))
        }
        guard case .array(let objects)? = properties["objects"] else {
            problems.append(FieldProblem(pointer: "/objects", reason: properties["objects"] == nil ? "is required" : "must be an array"))
            throw .invalidBundle(problems)
        }
        guard problems.isEmpty else { throw .invalidBundle(problems) }
        return try read(objects: objects)
    }

    /// TAXII envelopes carry `objects` without a bundle wrapper: the same reading for a bare list.
    public func read(objects: [JSONValue]) throws(IntakeError) -> STIXBundleReading {
        guard objects.count <= limits.maxObjects else { throw .tooManyObjects(limit: limits.maxObjects) }
        var outcomes: [STIXObjectOutcome] = []
        outcomes.reserveCapacity(objects.count)
        var valid: [STIXObject?] = Array(repeating: nil, count: objects.count)
        var current: [String: Int] = [:]
        current.reserveCapacity(objects.count)
        for (index, value) in objects.enumerated() {
            let reading = STIXObjectValidator.read(value, index: index, limits: limits)
            outcomes.append(STIXObjectOutcome(
                index: index, id: reading.id, type: reading.type, version: Self.version(of: value), disposition: .context))
            guard let object = reading.object else {
                outcomes[index].disposition = .rejected(reading.problems)
                continue
            }
            if let earlier = current[object.id] {
                let earlierModified = valid[earlier]?.modified
                if earlierModified == object.modified {
                    outcomes[index].disposition = .rejected([
                        FieldProblem(pointer: "/objects/\(index)/id", reason: "duplicates an earlier object with the same id and modified")
                    ])
                    continue
                }
                // Versions (§3.6): the newest is mapped, the other stays as context.
                if (object.modified ?? .distantPast) > (earlierModified ?? .distantPast) { current[object.id] = index }
            } else {
                current[object.id] = index
            }
            valid[index] = object
        }
        let graph = STIXGraph(objects: valid, current: current, maxDepth: limits.maxReferenceDepth)
        let reaches = graph.incidentReaches()
        let builder = STIXDraftBuilder(graph: graph, limits: limits, defaultTLP: defaultTLP)
        var incidents: [STIXIncidentDraft] = []
        var includedIn: [Int: [Int]] = [:]
        for reach in reaches {
            let number = incidents.count
            incidents.append(builder.incident(from: reach))
            outcomes[reach.root].disposition = .incident(number)
            for member in reach.members.dropFirst() { includedIn[member.index, default: []].append(number) }
        }
        for (index, numbers) in includedIn {
            if case .incident = outcomes[index].disposition { continue }
            outcomes[index].disposition = .included(numbers)
        }
        return STIXBundleReading(objects: outcomes, incidents: incidents)
    }

    /// `modified`, else `created`, as the object writes it (bounded, since it is quoted back).
    static func version(of value: JSONValue) -> String? {
        guard case .object(let object) = value else { return nil }
        for key in ["modified", "created"] {
            if case .string(let text)? = object[key], text.utf8.count <= 64 { return text }
        }
        return nil
    }
}
