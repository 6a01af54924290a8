import Foundation
import Hummingbird
import LiaisonCore

/// `/console/feedback`: what consumers answered about the signed-in organisation's incidents
/// (acknowledged, case opened, more information asked, no action, closed), oldest first, 200 to
/// a page, read through ``FeedbackController/read(for:after:limit:)`` as `GET /v1/feedback`
/// reads it: each personal value in a text shown as its kind, and each read a ledger entry.
/// Admins and auditors of the organisation.
struct ConsoleFeedbackController {
    let feedback: FeedbackController
    let pages: ConsolePages

    static let pageSize = 200

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("feedback", use: list)
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let afterText = try ConsoleSession.query(request)["after"] ?? ""
        guard afterText.isEmpty || Int64(afterText).map({ $0 >= 0 }) == true else {
            throw Problem.badRequest("invalid-parameter", "after must be the position of a feedback on this page.", pointer: "after")
        }
        let found = try await feedback.read(for: principal, after: Int64(afterText) ?? 0, limit: Self.pageSize)
        var values: [String: Any] = [
            "feedback": found.map { item -> [String: Any] in
                let answer = item.feedback
                var row: [String: Any] = [
                    "at": RFC3339.string(from: answer.createdAt), "incident": answer.incidentID.uuidString.lowercased(),
                    "version": answer.incidentVersion, "consumer": answer.consumer, "agreement": answer.agreementID,
                    "status": answer.status.rawValue,
                ]
                if let detail = answer.detail { row["text"] = Token.labelled(detail) }
                return row
            },
            "organisation_name": principal.organisation,
        ]
        if found.count == Self.pageSize, let last = found.last { values["next_after"] = String(last.sequence) }
        return try pages.page("console-feedback", title: "Feedback – Liaison console", section: "Feedback", context: context, values)
    }
}
