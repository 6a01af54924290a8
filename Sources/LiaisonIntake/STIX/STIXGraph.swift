import LiaisonCore

/// The objects of one bundle indexed by id, and the walk from each incident's root
/// through embedded references and relationships (STIX 2.1 §3.3, §5).
struct STIXGraph {
    let objects: [STIXObject?]
    /// id → index of the version that is mapped.
    let current: [String: Int]
    let maxDepth: Int
    private var bySource: [String: [Int]] = [:]
    private var byTarget: [String: [Int]] = [:]
    private var notesByTarget: [String: [Int]] = [:]

    /// One object reached from a root, with its depth and the role its edge gave it.
    struct Member {
        var index: Int
        var depth: Int
        var role: ObservableRole
    }

    /// What one incident reaches: the root first, then the members in the order reached.
    struct Reach {
        var root: Int
        var members: [Member]
        /// Referenced ids that are not in the bundle.
        var missing: Set<String>
        /// Roots of other incidents that this one touches (kept apart, not folded in).
        var related: Set<String>
    }

    static let containerTypes: Set<String> = ["incident", "report", "grouping"]

    init(objects: [STIXObject?], current: [String: Int], maxDepth: Int) {
        self.objects = objects
        self.current = current
        self.maxDepth = maxDepth
        for index in current.values.sorted() {
            guard let object = objects[index] else { continue }
            if object.type == "relationship", let source = object.string("source_ref"), let target = object.string("target_ref") {
                bySource[source, default: []].append(index)
                byTarget[target, default: []].append(index)
            } else if object.type == "note" {
                for id in object.strings("object_refs") { notesByTarget[id, default: []].append(index) }
            }
        }
    }

    func object(_ id: String) -> STIXObject? { current[id].flatMap { objects[$0] } }

    /// Roots in three rounds: containers; then sightings no container reached; then
    /// indicators and observed-data nothing reached. Reaches come out in root order.
    func incidentReaches() -> [Reach] {
        let mapped = current.values.sorted()
        var roots = Set(mapped.filter { Self.containerTypes.contains(objects[$0]!.type) })
        var reaches = roots.map { reach(from: $0, roots: roots) }
        var reached = Set(reaches.flatMap { $0.members.map(\.index) })
        for round in [["sighting"], ["indicator", "observed-data"]] {
            let newRoots = mapped.filter { round.contains(objects[$0]!.type) && !reached.contains($0) }
            roots.formUnion(newRoots)
            for root in newRoots {
                let reach = reach(from: root, roots: roots)
                reaches.append(reach)
                reached.formUnion(reach.members.map(\.index))
            }
        }
        return reaches.sorted { $0.root < $1.root }
    }

    /// Breadth-first from `root` to `maxDepth` steps. An embedded reference is one step; a
    /// relationship and its far end are one step together. Relationships are followed from
    /// source to target everywhere, and from target to source only at the root and at the
    /// objects a container lists, so that a much-referenced object (one malware indicated by
    /// thousands of indicators) does not pull every neighbour into every incident.
    func reach(from root: Int, roots: Set<Int>) -> Reach {
        var result = Reach(root: root, members: [Member(index: root, depth: 0, role: .unknown)], missing: [], related: [])
        var position: [Int: Int] = [root: 0]
        var queue: [(index: Int, listed: Bool)] = [(root, false)]
        var head = 0

        func visit(_ index: Int, depth: Int, role: ObservableRole, listed: Bool, expand: Bool) {
            if index != root, roots.contains(index) {
                result.related.insert(objects[index]!.id)
                return
            }
            if let at = position[index] {
                if result.members[at].role == .unknown { result.members[at].role = role }
                return
            }
            position[index] = result.members.count
            result.members.append(Member(index: index, depth: depth, role: role))
            if expand { queue.append((index, listed)) }
        }
        func visit(id: String, depth: Int, role: ObservableRole, listed: Bool = false, expand: Bool = true) {
            guard let index = current[id] else {
                result.missing.insert(id)
                return
            }
            visit(index, depth: depth, role: role, listed: listed, expand: expand)
        }

        while head < queue.count {
            let (index, listed) = queue[head]
            head += 1
            let member = result.members[position[index]!]
            guard member.depth < maxDepth, let object = objects[index] else { continue }
            let next = member.depth + 1
            let isContainer = Self.containerTypes.contains(object.type) || object.type == "note"
            for reference in object.references {
                if object.type == "relationship", reference.property == "source_ref" || reference.property == "target_ref" {
                    let role = reference.property == "target_ref" ? Self.role(of: object, inheriting: member.role) : member.role
                    visit(id: reference.id, depth: next, role: role)
                    continue
                }
                let lists = isContainer && (reference.property == "object_refs" || reference.property == "other_object_refs")
                let role: ObservableRole =
                    reference.property == "where_sighted_refs" ? .victim : lists ? .unknown : member.role
                visit(id: reference.id, depth: next, role: role, listed: lists && member.depth == 0)
            }
            for relationship in bySource[object.id] ?? [] {
                visit(relationship, depth: next, role: .unknown, listed: false, expand: false)
                let target = objects[relationship]!
                visit(id: target.string("target_ref")!, depth: next, role: Self.role(of: target, inheriting: member.role))
            }
            if member.depth == 0 || listed {
                for relationship in byTarget[object.id] ?? [] {
                    visit(relationship, depth: next, role: .unknown, listed: false, expand: false)
                    visit(id: objects[relationship]!.string("source_ref")!, depth: next, role: .unknown)
                }
            }
            for note in notesByTarget[object.id] ?? [] {
                visit(note, depth: next, role: .unknown, listed: false, expand: false)
            }
        }
        return result
    }

    /// The role a relationship gives its target: `targets` points at victims, `uses` and
    /// `attributed-to` at the offender's means; other types pass the source's role on.
    static func role(of relationship: STIXObject, inheriting role: ObservableRole) -> ObservableRole {
        switch relationship.string("relationship_type") {
        case "targets": .victim
        case "uses", "attributed-to": .offender
        default: role
        }
    }
}
