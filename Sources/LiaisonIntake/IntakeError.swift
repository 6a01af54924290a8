import LiaisonCore

/// Why a body could not be taken in. Cases carry places (JSON Pointers, indices), never
/// content: a body may be full of personal data.
public enum IntakeError: Error, Sendable, Equatable {
    /// The body holds no event at all.
    case empty
    /// More events than the configured bound.
    case tooManyEvents(limit: Int)
    /// The body (or, for NDJSON, one or more of its lines) is not strict JSON.
    case invalidJSON([JSONSyntaxError])
    /// One or more events break the schema; every problem is listed.
    case invalidEvents([FieldProblem])
    /// The body is not a STIX 2.1 bundle (STIX 2.1 §8): not an object, `type` is not
    /// `bundle`, `id` is missing or malformed, or `objects` is missing or not an array.
    case invalidBundle([FieldProblem])
    /// The bundle holds more objects than the configured bound.
    case tooManyObjects(limit: Int)
}
