import Foundation
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonStore

/// Feedback back to the CERT. `POST /v1/incidents/{id}/feedback` (consumer): answers an
/// incident the consumer may read now (``DisclosureRenderer/latestShown(_:to:)``; any other
/// is 404, as one that does not exist) with one status and the text that status takes. The
/// text is protected as intake protects free text (``IncidentProtector/protect(text:field:makeTokenID:)``):
/// personal values go to the vault, tokens are stored. `GET /v1/feedback?cursor=&limit=`
/// (producer): the feedback on the producer's own incidents in the order it came, by opaque
/// cursor, each personal value shown as its kind (`[email]`), never as the value; a page that
/// holds any is a ledger entry (`feedback-read`: the feedback ids, the reader).
struct FeedbackController {
    let store: PostgresIncidentStore
    let renderer: DisclosureRenderer
    let protector: IncidentProtector
    let cursors: FeedCursors
    /// The producers with a notification webhook: their new feedback queues a notice.
    let notifying: Set<String>

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.post("incidents/:id/feedback", use: create)
        group.get("feedback", use: list)
    }

    @Sendable func create(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let consumer = try context.require(.consumer)
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let (shown, _) = try await renderer.latestShown(id, to: consumer.organisation)
        else {
            throw Problem(.notFound, "not-found", title: "No such incident", detail: "No incident with this id is shared with you.")
        }
        let (status, text) = try Self.submission(from: try await AdminRequest.object(request))
        var detail: String?
        var vault: [VaultItem] = []
        if let text, let member = status.detailMember {
            let protected = protector.protect(text: text, field: "/" + member)
            detail = protected.text
            vault = protected.vault
        }
        let feedback = Feedback(
            id: UUID.random(), incidentID: id, incidentVersion: shown.disclosure.incident.version, producer: shown.incident.producer,
            consumer: consumer.organisation, agreementID: shown.disclosure.agreementID, deliveryID: shown.disclosure.deliveryID,
            status: status, detail: detail, createdAt: Date())
        try await store.insertFeedback(feedback, vault: vault, notify: notifying.contains(feedback.producer), by: consumer.actor)
        return try JSONResponse.make(.created, FeedbackView(feedback))
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let producer = try context.require(.producer)
        let cursorText = request.uri.queryParameters["cursor"].map(String.init) ?? ""
        var after: Int64 = 0
        if !cursorText.isEmpty {
            guard let position = cursors.sequence(of: cursorText, consumer: producer.organisation) else {
                throw Problem.badRequest("invalid-cursor", "cursor must be a value from next_cursor of your own feedback.", pointer: "cursor")
            }
            after = position
        }
        let found = try await read(for: producer, after: after, limit: try AdminRequest.limit(request))
        let next = try cursors.cursor(after: found.last?.sequence ?? after, consumer: producer.organisation)
        return try JSONResponse.make(.ok, Page(feedback: found.map { FeedbackView($0.feedback) }, nextCursor: next))
    }

    /// The feedback on `reader`'s organisation's incidents after position `after`, at most
    /// `limit`, oldest first; a read that finds any is a ledger entry. The API's list and the
    /// console's page read through here.
    func read(for reader: Principal, after: Int64, limit: Int) async throws -> [(sequence: Int64, feedback: Feedback)] {
        let found = try await store.feedback(producer: reader.organisation, after: after, limit: limit)
        if !found.isEmpty {
            // Reading feedback is accountable like sending it: which answers, read by whom.
            try await store.audit(
                by: reader.actor, action: "feedback-read", subject: "organisation:\(reader.organisation)",
                details: ["feedback": found.map(\.feedback.id.uuidString), "count": found.count])
        }
        return found
    }

    /// The status and its text, every problem named by pointer at once (422 `invalid-request`).
    static func submission(from members: [String: JSONValue]) throws -> (Feedback.Status, String?) {
        var problems: [Problem.Item] = []
        for unknown in Set(members.keys).subtracting(Feedback.members).sorted() {
            problems.append(.init(pointer: "/" + unknown, reason: "is not a known member"))
        }
        var status: Feedback.Status?
        let names = Feedback.Status.allCases.map(\.rawValue).joined(separator: ", ")
        switch members["status"] {
        case .string(let text)?:
            status = Feedback.Status(rawValue: text)
            if status == nil { problems.append(.init(pointer: "/status", reason: "must be one of \(names)")) }
        case nil, .null?: problems.append(.init(pointer: "/status", reason: "is required: one of \(names)"))
        default: problems.append(.init(pointer: "/status", reason: "must be a string: one of \(names)"))
        }
        var text: String?
        for member in Feedback.Status.allCases.compactMap(\.detailMember) where member != status?.detailMember && members[member] != nil {
            if status != nil { problems.append(.init(pointer: "/" + member, reason: "does not go with status \(status!.rawValue)")) }
        }
        if let status, let member = status.detailMember {
            switch members[member] {
            case .string(let value)?:
                if value.allSatisfy(\.isWhitespace) {
                    problems.append(.init(pointer: "/" + member, reason: "is required with status \(status.rawValue)"))
                } else if value.unicodeScalars.count > status.maxDetail {
                    problems.append(.init(pointer: "/" + member, reason: "must be at most \(status.maxDetail) characters"))
                } else if value.unicodeScalars.contains("\u{0}") {
                    problems.append(.init(pointer: "/" + member, reason: "must not contain U+0000"))
                }
                text = value
            case nil, .null?: problems.append(.init(pointer: "/" + member, reason: "is required with status \(status.rawValue)"))
            default: problems.append(.init(pointer: "/" + member, reason: "must be a string"))
            }
        }
        guard problems.isEmpty, let status else {
            throw Problem(
                .unprocessableContent, "invalid-request", title: "Invalid request",
                detail: "The feedback has \(problems.count) problem(s); nothing was stored.", errors: problems)
        }
        return (status, text)
    }

    struct Page: Encodable {
        var feedback: [FeedbackView]
        var nextCursor: String

        enum CodingKeys: String, CodingKey {
            case feedback
            case nextCursor = "next_cursor"
        }
    }
}
