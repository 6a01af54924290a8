import LiaisonCore
import LiaisonIntake

/// Reads a request body as one strict JSON document (RFC 8259: no duplicate keys, valid
/// UTF-8, bounded depth and strings, numbers that fit), or answers 422 saying where not.
enum JSONBody {
    static func parse(_ body: [UInt8], with parser: StrictJSONParser) throws -> JSONValue {
        do {
            return try parser.parse(body)
        } catch {
            throw IntakeError.invalidJSON(ProblemList([error]))
        }
    }
}
