import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore

/// The console's pages: ``WebPages`` templates named `console-*`, each given the signed-in
/// person, whether they may change anything (admins; auditors only read), the session's CSRF
/// token for its forms, and the navigation. Values come from the same views the admin API
/// answers with, so a page shows nothing its reader could not read by API.
struct ConsolePages: Sendable {
    let pages: WebPages

    static let sections: [(path: String, name: String)] = [
        ("/console/", "Overview"), ("/console/agreements", "Agreements"), ("/console/keys", "Keys"),
        ("/console/deliveries", "Deliveries"), ("/console/feedback", "Feedback"), ("/console/audit", "Audit"),
    ]

    /// The page `name` for the signed-in person, under the navigation's `section`.
    func page(
        _ name: String, title: String, section: String?, context: LiaisonRequestContext, _ values: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        var page = values
        // `has_NAME` for each list, so a page can wrap a non-empty list in a table once.
        for (key, value) in values { if let list = value as? [Any] { page["has_\(key)"] = !list.isEmpty } }
        page["title"] = title
        if let principal = context.principal {
            page["signed_in"] = true
            page["person"] = principal.person ?? ""
            page["organisation"] = principal.organisation
            page["role"] = principal.role.rawValue
            page["can_change"] = principal.role == .admin
            page["nav"] = Self.sections.map { ["path": $0.path, "name": $0.name, "current": $0.name == section] as [String: Any] }
        }
        if let csrf = context.consoleCSRF { page["csrf"] = csrf }
        return try pages.page(name, page, status: status)
    }

    /// A failure as a page: the problem's status, title and detail, and the members at fault.
    func error(_ problem: Problem, context: LiaisonRequestContext) throws -> Response {
        var response = try page(
            "console-error", title: problem.title, section: nil, context: context,
            [
                "status": Int(problem.status.code), "problem_title": problem.title, "detail": problem.detail,
                "errors": problem.errors.map { ["pointer": $0.pointer, "reason": $0.reason] },
            ], status: problem.status)
        for field in problem.headers where field.name != .contentType { response.headers.append(field) }
        return response
    }

    /// A JSON value as plain Mustache data: objects as dictionaries, arrays as arrays, whole
    /// numbers as integers, null as nothing.
    static func plain(_ value: JSONValue) -> Any {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? Int(number) : number
        case .string(let text): return text
        case .array(let items): return items.map(plain)
        case .object(let members): return members.mapValues(plain)
        }
    }

    /// A JSON value as readable text: strings bare, anything else as indented JSON.
    static func text(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        if case .string(let text) = value { return text }
        if case .number(let number) = value, number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// An actor as the pages name it: "person (organisation)".
    /// `text` as one path segment or query value: all but letters, digits and `-._~` escaped.
    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    static func actor(_ value: JSONValue?) -> String {
        guard case .object(let members)? = value else { return "" }
        let organisation = members["organisation"].map { text($0) } ?? ""
        guard let person = members["person"].map({ text($0) }) else { return organisation }
        return "\(person) (\(organisation))"
    }
}
