import Foundation
import Hummingbird
import LiaisonCore
import LiaisonIntake
import LiaisonStore

/// `/v1/reidentifications` (consumer keys that name a person): ask for the plaintext behind a
/// value received masked, pseudonymised or generalised; follow the request; retrieve the value
/// once it is approved — once, before its deadline, and only by the person who asked.
struct ReidentificationController {
    let records: ReidentificationRecords

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.post("reidentifications", use: create)
        group.get("reidentifications", use: list)
        group.get("reidentifications/:id", use: show)
        group.post("reidentifications/:id/retrieve", use: retrieve)
    }

    static let maxBodyBytes = 64 * 1024
    static let members: Set<String> = ["incident", "incident_version", "pointer", "shown", "case_reference", "legal_basis", "justification"]

    @Sendable func create(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let consumer = try context.require(.consumer)
        let ask = try Self.ask(from: try await Self.body(request))
        let created = try await records.request(ask, by: consumer)
        return try JSONResponse.make(
            .created, ReidentificationView(created, for: consumer), headers: [.location: "/v1/reidentifications/\(created.id.uuidString)"])
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let consumer = try context.require(.consumer)
        let status = try Self.status(request)
        let found = try await records.list(for: consumer, status: status, limit: try AdminRequest.limit(request))
        return try JSONResponse.make(.ok, ["reidentifications": found.map { ReidentificationView($0, for: consumer) }])
    }

    @Sendable func show(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let consumer = try context.require(.consumer)
        return try JSONResponse.make(.ok, ReidentificationView(try await records.show(try Self.id(context), for: consumer), for: consumer))
    }

    /// The plaintext, once. The global `Cache-Control: no-store` keeps it out of caches.
    @Sendable func retrieve(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let consumer = try context.require(.consumer)
        let (retrieved, value) = try await records.retrieve(try Self.id(context), by: consumer)
        return try JSONResponse.make(.ok, RetrievedValue(
            id: retrieved.id, incident: retrieved.incidentID, incidentVersion: retrieved.incidentVersion, pointer: retrieved.pointer,
            kind: retrieved.token.kind, value: value, retrievedAt: retrieved.closedAt ?? Date()))
    }

    // MARK: Reading requests

    /// The request id in the path; anything else is no request of the caller's (404).
    static func id(_ context: LiaisonRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw ReidentificationPolicy.Refusal.notFound }
        return id
    }

    /// `status`: one of the statuses, or none.
    static func status(_ request: Request) throws -> ReidentificationRequest.Status? {
        guard let text = request.uri.queryParameters["status"].map(String.init) else { return nil }
        guard let status = ReidentificationRequest.Status(rawValue: text) else {
            let names = ReidentificationRequest.Status.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem.badRequest("invalid-parameter", "status must be one of \(names).", pointer: "status")
        }
        return status
    }

    static func body(_ request: Request) async throws -> [String: JSONValue] {
        let bytes = try await RequestBody.collect(request, limit: maxBodyBytes)
        guard !bytes.isEmpty else { throw AdminRequest.invalid("", "is empty; send a JSON object") }
        try MediaType.require(request, oneOf: [.json])
        guard case .object(let members) = try JSONBody.parse(bytes, with: StrictJSONParser()) else {
            throw AdminRequest.invalid("", "must be an object")
        }
        return members
    }

    /// The request's members, every problem named by pointer at once (422 `invalid-request`).
    static func ask(from members: [String: JSONValue]) throws -> ReidentificationRecords.Ask {
        var problems: [Problem.Item] = []
        for unknown in Set(members.keys).subtracting(Self.members).sorted() {
            problems.append(.init(pointer: "/" + unknown, reason: "is not a known member"))
        }
        func text(_ key: String, limit: Int) -> String {
            switch members[key] {
            case .string(let value)?:
                if value.allSatisfy(\.isWhitespace) { problems.append(.init(pointer: "/" + key, reason: "is required")) }
                else if value.unicodeScalars.count > limit { problems.append(.init(pointer: "/" + key, reason: "must be at most \(limit) characters")) }
                return value
            case nil, .null?: problems.append(.init(pointer: "/" + key, reason: "is required"))
            default: problems.append(.init(pointer: "/" + key, reason: "must be a string"))
            }
            return ""
        }
        let incidentText = text("incident", limit: 36)
        let incident = UUID(uuidString: incidentText)
        if incident == nil, !incidentText.isEmpty { problems.append(.init(pointer: "/incident", reason: "must be an incident id")) }
        var version: Int?
        switch members["incident_version"] {
        case nil, .null?: break
        case .number(let number)? where number == number.rounded() && number >= 1 && number < 1e9: version = Int(number)
        default: problems.append(.init(pointer: "/incident_version", reason: "must be a whole number from 1"))
        }
        let pointer = text("pointer", limit: 200)
        if !pointer.isEmpty, !pointer.hasPrefix("/") { problems.append(.init(pointer: "/pointer", reason: "must be a JSON Pointer into the incident")) }
        let shown = text("shown", limit: 1000)
        let grounds = ReidentificationRequest.Grounds(
            caseReference: text("case_reference", limit: ReidentificationGrounds.maxCaseReference),
            legalBasis: text("legal_basis", limit: ReidentificationGrounds.maxLegalBasis),
            justification: text("justification", limit: ReidentificationGrounds.maxJustification))
        guard problems.isEmpty, let incident else {
            throw Problem(
                .unprocessableContent, "invalid-request", title: "Invalid request",
                detail: "The request has \(problems.count) problem(s); nothing was stored.", errors: problems)
        }
        return ReidentificationRecords.Ask(incident: incident, version: version, pointer: pointer, shown: shown, grounds: grounds)
    }
}
