import LiaisonCore
import LiaisonIntake

/// What to do when objects of a STIX bundle or TAXII envelope are rejected.
enum STIXRejections {
    /// Any rejection writes nothing (`?atomic=true`).
    case refuseAll
    /// Rejected objects are reported; the rest are stored, unless nothing is left.
    case reportUnlessAllRejected
    /// Rejected objects are reported; a receipt is stored even if all were (TAXII, whose
    /// status resource must name each failure).
    case report
}

extension STIXBundleReading {
    /// The reading as an intake batch: one object outcome per STIX object, each naming the
    /// drafts it went into. Throws the problem the rejection rule calls for.
    /// A refusal lists at most `listing` problems, and counts the rest.
    func batch(rejections: STIXRejections, listing: Int) throws -> IntakeBatch {
        var problems = ProblemList<Problem.Item>(limit: listing)
        for case .rejected(let found) in objects.map(\.disposition) {
            problems.append(contentsOf: found.map { Problem.Item(pointer: $0.pointer, reason: $0.reason) })
        }
        let rejected = objects.filter { if case .rejected = $0.disposition { true } else { false } }.count
        switch rejections {
        case .refuseAll where objects.isEmpty, .reportUnlessAllRejected where objects.isEmpty:
            throw Problem(
                .unprocessableContent, "empty-bundle", title: "No objects", detail: "The bundle holds no objects; nothing was stored.")
        case .refuseAll where rejected > 0:
            throw Problem.invalidObjects(problems, rejected: rejected, of: objects.count, atomic: true)
        case .reportUnlessAllRejected where rejected == objects.count:
            throw Problem.invalidObjects(problems, rejected: rejected, of: objects.count, atomic: false)
        default:
            break
        }
        let outcomes = objects.map { outcome in
            var object = IntakeObject(objectID: outcome.id, version: outcome.version, drafts: [])
            switch outcome.disposition {
            case .incident(let index): object.drafts = [index]
            case .included(let indices): object.drafts = indices
            case .context: break
            case .rejected(let problems): object.problems = problems
            }
            return object
        }
        return IntakeBatch(drafts: incidents.map(\.draft), objects: outcomes)
    }
}

extension Problem {
    static func invalidObjects(_ errors: ProblemList<Item>, rejected: Int, of total: Int, atomic: Bool) -> Problem {
        Problem(
            .unprocessableContent, "invalid-objects", title: "Invalid STIX objects",
            detail: atomic
                ? "\(rejected) of \(total) object(s) break STIX 2.1 and the request asked for all or nothing; nothing was stored."
                : "Every object (\(total)) breaks STIX 2.1; nothing was stored.",
            errors: errors.listed, errorCount: errors.total)
    }
}
