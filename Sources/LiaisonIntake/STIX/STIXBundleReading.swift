import Foundation
import LiaisonCore

/// Bounds on one STIX 2.1 bundle, so that a hostile or broken producer cannot make the
/// reader allocate, recurse or loop without limit.
public struct STIXLimits: Sendable, Hashable {
    /// More objects than this refuses the bundle as a whole.
    public var maxObjects: Int
    /// Longest string, in UTF-8 bytes, anywhere inside one object.
    public var maxStringLength: Int
    /// How many reference steps (embedded `*_ref(s)` or one `relationship`) an incident
    /// follows from its root object.
    public var maxReferenceDepth: Int
    /// Observables kept per incident; the rest are counted in a custody field.
    public var maxObservablesPerIncident: Int
    /// The most problems a refusal of the whole bundle lists (`intake.max_errors`); it counts the rest.
    public var maxErrorsListed: Int

    public init(
        maxObjects: Int = 50_000, maxStringLength: Int = 1 << 20, maxReferenceDepth: Int = 3,
        maxObservablesPerIncident: Int = 10_000, maxErrorsListed: Int = 100
    ) {
        self.maxObjects = maxObjects
        self.maxStringLength = maxStringLength
        self.maxReferenceDepth = maxReferenceDepth
        self.maxObservablesPerIncident = maxObservablesPerIncident
        self.maxErrorsListed = maxErrorsListed
    }
}

/// What a bundle became: an outcome for every object, in input order, and the drafts.
public struct STIXBundleReading: Sendable {
    public var objects: [STIXObjectOutcome]
    public var incidents: [STIXIncidentDraft]

    public init(objects: [STIXObjectOutcome], incidents: [STIXIncidentDraft]) {
        self.objects = objects
        self.incidents = incidents
    }
}

/// What became of one object of a bundle; the receipt lists these.
public struct STIXObjectOutcome: Sendable, Hashable {
    /// Position in the bundle's `objects`.
    public var index: Int
    /// The object's id, when it had a syntactically valid one.
    public var id: String?
    /// The object's type, when it had a syntactically valid one.
    public var type: String?
    /// The version the object names for itself, as sent: `modified`, else `created` (SCOs
    /// have neither). TAXII status details quote it.
    public var version: String?
    public var disposition: Disposition

    public enum Disposition: Sendable, Hashable {
        /// The root of `incidents[i]`.
        case incident(Int)
        /// Folded into these incidents (reached from their roots by references).
        case included([Int])
        /// Understood and kept for context only: identities, markings, extension
        /// definitions, relationships that lead nowhere, unreferenced malware, threat actors,
        /// notes, unknown custom types, older versions of a duplicated id.
        case context
        /// Invalid per STIX 2.1; pointers start with `/objects/<index>`.
        case rejected([FieldProblem])
    }

    public init(index: Int, id: String?, type: String?, version: String? = nil, disposition: Disposition) {
        self.index = index
        self.id = id
        self.type = type
        self.version = version
        self.disposition = disposition
    }
}

/// One incident read from a bundle, and the objects it was made of.
public struct STIXIncidentDraft: Sendable, Hashable {
    /// `naturalKey` is `"stix:"` and the root object's id; `modified` is the newest
    /// `modified` among the incident's objects (every root is an SDO or SRO, which must
    /// carry one), which orders versions of the incident (STIX 2.1 §3.6): a newer version of
    /// any object in it, an indicator a sighting points at, updates the incident.
    public var draft: IncidentDraft
    /// Every object index that went into the incident, the root first.
    public var objectIndices: [Int]

    public init(draft: IncidentDraft, objectIndices: [Int]) {
        self.draft = draft
        self.objectIndices = objectIndices
    }

    /// The root object's id.
    public var stixID: String { String(draft.naturalKey.dropFirst("stix:".count)) }

    public var modified: Date? { draft.modified }
}
