import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `GET /v1/stats?interval=day|week&days=N` (producer or consumer): the calling organisation's
/// own side of sharing over the last `days` days (1 to 366, 30 when absent) — incidents it
/// shared (a producer key) or received (a consumer key) per bucket by RSIT class and offence,
/// the median time from disclosure to a consumer's first feedback, and the requests for more
/// information still open (``SharingStatistics``). Counts only: no value, no incident, no other
/// organisation's side.
struct StatsController {
    let store: PostgresIncidentStore

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("stats", use: stats)
    }

    @Sendable func stats(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let caller = try context.require(.producer, .consumer)
        let query = request.uri.queryParameters
        let intervalText = query["interval"].map(String.init) ?? "day"
        guard let interval = SharingStatistics.Interval(rawValue: intervalText) else {
            throw Problem.badRequest("invalid-parameter", "interval must be day or week.", pointer: "interval")
        }
        let daysText = query["days"].map(String.init) ?? "30"
        guard let days = Int(daysText), (1...SharingStatistics.maxDays).contains(days) else {
            throw Problem.badRequest(
                "invalid-parameter", "days must be a whole number from 1 to \(SharingStatistics.maxDays).", pointer: "days")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let since = calendar.date(byAdding: .day, value: 1 - days, to: calendar.startOfDay(for: Date()))!
        let side: SharingStatistics.Side = caller.role == .producer ? .shared : .received
        let counts = try await store.sharingCounts(organisation: caller.organisation, side: side, since: since, interval: interval)
        return try JSONResponse.make(.ok, SharingStatistics(
            organisation: caller.organisation, side: side, interval: interval, since: since, rows: counts.incidents,
            medianSecondsToAcknowledge: counts.medianSecondsToAcknowledge, acknowledgedIncidents: counts.acknowledged,
            openInformationRequests: counts.openRequests))
    }
}
