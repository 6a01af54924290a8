import Hummingbird
import LiaisonCore

extension IntakePipeline.Outcome {
    /// The HTTP answer of the intake routes: `201` with the receipt for a committed push and
    /// for a retry with the same `Idempotency-Key` (the first answer again); `200` when every
    /// object was already held — the earlier receipt when one holds them all, else a
    /// document naming per object the receipt that holds it. Nothing was written for a `200`.
    func response() throws -> Response {
        switch self {
        case .committed(let signed), .replayed(let signed): JSONResponse.receipt(.created, signed)
        case .duplicate(let signed): JSONResponse.receipt(.ok, signed)
        case .duplicates(let outcomes):
            try JSONResponse.make(
                .ok, JSONValue.object(["status": .string("duplicate"), "outcomes": .array(outcomes.map(\.jsonValue))]))
        }
    }
}
