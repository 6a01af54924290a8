import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonIntake

/// Reading admin requests: a small strict-JSON body, its members, and `If-Match`.
enum AdminRequest {
    static let maxBodyBytes = 256 * 1024

    /// The body as a JSON object (an empty body is an empty object).
    static func object(_ request: Request) async throws -> [String: JSONValue] {
        let body = try await RequestBody.collect(request, limit: maxBodyBytes)
        if body.isEmpty { return [:] }
        try MediaType.require(request, oneOf: [.json])
        guard case .object(let members) = try JSONBody.parse(body, with: StrictJSONParser()) else {
            throw Problem(
                .unprocessableContent, "invalid-request", title: "Invalid request", detail: "The body must be a JSON object.",
                errors: [.init(pointer: "", reason: "must be an object")])
        }
        return members
    }

    static func string(_ members: [String: JSONValue], _ key: String, required: Bool = false) throws -> String? {
        switch members[key] {
        case nil, .null?:
            if required { throw invalid("/\(key)", "is required") }
            return nil
        case .string(let text)?: return text
        default: throw invalid("/\(key)", "must be a string")
        }
    }

    static func int(_ members: [String: JSONValue], _ key: String) throws -> Int? {
        switch members[key] {
        case nil, .null?: return nil
        case .number(let value)? where value == value.rounded() && abs(value) < 1e9: return Int(value)
        default: throw invalid("/\(key)", "must be a whole number")
        }
    }

    /// The `If-Match` a write must carry: the ETag of the version it acts on.
    static func ifMatch(_ request: Request) throws -> String {
        guard let value = request.headers[.ifMatch], !value.isEmpty else {
            throw Problem(
                .preconditionRequired, "if-match-required", title: "If-Match required",
                detail: "Send the ETag of the version you act on as If-Match, so a change made meanwhile is not overwritten.")
        }
        return value
    }

    /// A path parameter that must be a whole number (a version number).
    static func number(_ context: LiaisonRequestContext, _ name: String) throws -> Int {
        guard let text = context.parameters.get(name), let number = Int(text), number >= 1 else {
            throw Problem(.notFound, "not-found", title: "Not found", detail: "No such version.")
        }
        return number
    }

    /// Refuses a member `known` does not list, by pointer.
    static func rejectUnknown(_ members: [String: JSONValue], known: Set<String>, at base: String) throws {
        if let unknown = Set(members.keys).subtracting(known).sorted().first {
            throw invalid(base + "/" + unknown, "is not a known member")
        }
    }

    /// 1–200 Unicode code points (as PostgreSQL counts them), not only spaces, no U+0000.
    static func isShortText(_ text: String) -> Bool {
        (1...200).contains(text.unicodeScalars.count) && !text.unicodeScalars.contains("\u{0}")
            && !text.allSatisfy(\.isWhitespace)
    }

    /// `limit`: a whole number from 1 to 1,000, 100 when absent.
    static func limit(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["limit"] else { return 100 }
        guard let limit = Int(text), (1...1000).contains(limit) else {
            throw Problem.badRequest("invalid-limit", "limit must be a whole number from 1 to 1000.", pointer: "limit")
        }
        return limit
    }

    static func invalid(_ pointer: String, _ reason: String) -> Problem {
        Problem(.unprocessableContent, "invalid-request", title: "Invalid request", detail: "The request \(reason.isEmpty ? "is invalid" : "has a problem at \(pointer)").", errors: [.init(pointer: pointer, reason: reason)])
    }
}

extension LiaisonRequestContext {
    /// The calling admin (or, for reads, auditor) as an actor of the audit trail.
    func actor(_ roles: APIRole...) throws -> (Principal, AuditActor) {
        guard let principal else { throw Problem.unauthenticated }
        guard roles.contains(principal.role) else { throw Problem.forbidden(principal.role, need: roles) }
        return (principal, principal.actor)
    }
}
