import LiaisonCore

/// Why a body could not be taken in. Cases carry places (JSON Pointers, indices), never
/// content: a body may be full of personal data.
public enum IntakeError: Error, Sendable, Equatable {
    /// The body holds no event at all.
    case empty
    /// More events than the configured bound.
    case tooManyEvents(limit: Int)
    /// The body (or, for NDJSON, one or more of its lines) is not strict JSON: the first
    /// errors, and how many lines were not.
    case invalidJSON(ProblemList<JSONSyntaxError>)
    /// One or more events break the schema: the first problems, how many there were, and in
    /// how many events.
    case invalidEvents(ProblemList<FieldProblem>, events: Int)
    /// The body is not a STIX 2.1 bundle (STIX 2.1 §8): not an object, `type` is not
    /// `bundle`, `id` is missing or malformed, or `objects` is missing or not an array.
    case invalidBundle([FieldProblem])
    /// The bundle holds more objects than the configured bound.
    case tooManyObjects(limit: Int)
}
