import Foundation

/// What a parser made of one intake body, whatever the transport: drafts of incidents and
/// what became of each object. Parsers make only this; the one intake pipeline protects the
/// drafts, decides what is shared and commits.
public struct IntakeBatch: Sendable {
    public var drafts: [IncidentDraft]
    /// What became of each object of the body, for bodies whose objects are not one
    /// incident each (STIX). nil means one object per draft, in order.
    public var objects: [IntakeObject]?
    /// For e-mail: what became of each MIME part.
    public var parts: [Receipt.Part]

    public init(drafts: [IncidentDraft], objects: [IntakeObject]? = nil, parts: [Receipt.Part] = []) {
        self.drafts = drafts
        self.objects = objects
        self.parts = parts
    }

    /// Whether any object was rejected.
    public var hasRejections: Bool { objects?.contains { !$0.problems.isEmpty } ?? false }
}

/// One object of a body and the drafts it went into (indices into ``IntakeBatch/drafts``):
/// none for an object kept only as context; `problems` for a rejected one.
public struct IntakeObject: Sendable, Hashable {
    public var objectID: String?
    /// The version the object names for itself (a STIX `modified`), as sent.
    public var version: String?
    public var drafts: [Int]
    public var problems: [FieldProblem]

    public init(objectID: String?, version: String? = nil, drafts: [Int], problems: [FieldProblem] = []) {
        self.objectID = objectID
        self.version = version
        self.drafts = drafts
        self.problems = problems
    }
}

/// What the store holds for a natural key a batch names again: the incident's current
/// version and the receipt that brought it.
public struct StoredIncident: Sendable, Hashable {
    public var id: Incident.ID
    public var version: Int
    public var sourceModified: Date?
    public var receivedAt: Date
    public var receiptID: UUID

    public init(id: Incident.ID, version: Int, sourceModified: Date?, receivedAt: Date, receiptID: UUID) {
        self.id = id
        self.version = version
        self.sourceModified = sourceModified
        self.receivedAt = receivedAt
        self.receiptID = receiptID
    }
}

/// What one intake does with each protected incident: new ones are accepted; one the
/// producer sent before is a duplicate, unless it comes with a newer version of its own
/// (a later STIX `modified`), which updates the stored incident.
public struct IntakeResolution: Sendable {
    public enum Fate: Sendable, Hashable {
        case accepted
        case updated
        /// Already held, by this receipt.
        case duplicate(receipt: UUID)
    }

    /// The batch's incidents; those already stored carry the stored id and receipt time.
    public var results: [IncidentProtector.Result]
    public var fates: [Fate]
    /// The updated incidents, with the versions they replace.
    public var updates: [(result: IncidentProtector.Result, stored: StoredIncident)]

    /// `inserted`: the ids of incidents the store took as new; `stored`: what it holds for
    /// the others' natural keys. Every incident is one or the other.
    public init(
        _ results: [IncidentProtector.Result], inserted: Set<Incident.ID>, stored: [String: StoredIncident]
    ) throws(IntakeResolutionError) {
        self.results = results
        fates = []
        updates = []
        var updated: Set<Incident.ID> = []
        for index in self.results.indices {
            if inserted.contains(self.results[index].incident.id) {
                fates.append(.accepted)
                continue
            }
            guard let held = stored[self.results[index].naturalKey] else { throw .notStored(index: index) }
            self.results[index].incident.id = held.id
            self.results[index].incident.receivedAt = held.receivedAt
            if let modified = self.results[index].modified, held.sourceModified.map({ modified > $0 }) ?? true,
                updated.insert(held.id).inserted
            {
                fates.append(.updated)
                updates.append((self.results[index], held))
            } else {
                fates.append(.duplicate(receipt: held.receiptID))
            }
        }
    }

    /// The incidents taken as new.
    public var accepted: [IncidentProtector.Result] {
        // Usually all of them: then the same array, not a copy of every result.
        if fates.allSatisfy({ $0 == .accepted }) { return results }
        return zip(results, fates).compactMap { result, fate in fate == .accepted ? result : nil }
    }

    /// Every incident is already held: the intake changes nothing.
    public var changesNothing: Bool {
        fates.allSatisfy { if case .duplicate = $0 { true } else { false } }
    }

    /// One outcome per object of the batch: its incident's fate, or rejected.
    public func outcomes(_ objects: [IntakeObject]?) -> [Receipt.Outcome] {
        func outcome(index: Int, objectID: String?, draft: Int) -> Receipt.Outcome {
            var outcome = Receipt.Outcome(index: index, objectID: objectID, incidentID: results[draft].incident.id, status: .accepted)
            switch fates[draft] {
            case .accepted: break
            case .updated: outcome.status = .updated
            case .duplicate(let receipt):
                outcome.status = .duplicate
                outcome.receiptID = receipt
            }
            return outcome
        }
        guard let objects else { return results.indices.map { outcome(index: $0, objectID: nil, draft: $0) } }
        return objects.enumerated().map { index, object in
            var result: Receipt.Outcome
            if !object.problems.isEmpty {
                result = Receipt.Outcome(index: index, objectID: object.objectID, incidentID: nil, status: .rejected)
                result.errors = object.problems
            } else if let first = object.drafts.first {
                result = outcome(index: index, objectID: object.objectID, draft: first)
            } else {
                result = Receipt.Outcome(index: index, objectID: object.objectID, incidentID: nil, status: .accepted)
            }
            result.version = object.version
            return result
        }
    }
}

/// A store answer the resolution cannot use: a bug, never the producer's fault.
public enum IntakeResolutionError: Error, Sendable, Equatable {
    /// The store neither inserted this incident nor holds its natural key.
    case notStored(index: Int)
}
