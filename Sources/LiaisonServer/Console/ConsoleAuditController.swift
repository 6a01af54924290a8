import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonStore
import NIOCore

/// `/console/audit`: the audit trail by time, organisation, person, subject and action, read
/// through ``AdminAuditController/entries(for:query:limit:)`` as the admin API reads it, and
/// `/console/audit.csv`: the same entries as CSV (RFC 4180) to open in a spreadsheet.
struct ConsoleAuditController {
    let audit: AdminAuditController
    let pages: ConsolePages

    /// The filters the page's form sends, in its order.
    static let filters = ["from", "to", "actor", "person", "subject", "action", "after"]
    /// Entries on one page, and in one export.
    static let pageSize = 200
    static let exportSize = 10_000

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("audit", use: list)
        group.get("audit.csv", use: export)
    }

    private func entries(_ query: URLEncodedForm, _ context: LiaisonRequestContext, limit: Int) async throws -> [LedgerEntry] {
        let (principal, _) = try context.actor(.admin, .auditor)
        return try await audit.entries(for: principal, query: { query[$0] }, limit: limit)
    }

    @Sendable func list(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let query = try ConsoleSession.query(request)
        let entries = try await entries(query, context, limit: Self.pageSize)
        let filters = Dictionary(uniqueKeysWithValues: Self.filters.map { ($0, query[$0] ?? "") })
        var values: [String: Any] = [
            "entries": entries.map { entry -> [String: Any] in
                [
                    "index": Int(entry.index), "at": entry.at, "actor": entry.actor, "person": Self.person(entry), "action": entry.action,
                    "subject": entry.subject, "details": Self.details(entry),
                ]
            },
            "no_entries": entries.isEmpty, "filter": filters,
            "export_query": Self.filters.compactMap { name in
                filters[name].flatMap { $0.isEmpty || name == "after" ? nil : "\(name)=\(ConsolePages.percentEncoded($0))" }
            }.joined(separator: "&"),
        ]
        if entries.count == Self.pageSize, let last = entries.last {
            var next = filters
            next["after"] = "\(last.index)"
            values["next_query"] = Self.filters.compactMap { name in next[name].flatMap { $0.isEmpty ? nil : "\(name)=\(ConsolePages.percentEncoded($0))" } }
                .joined(separator: "&")
        }
        return try pages.page("console-audit", title: "Audit – Liaison console", section: "Audit", context: context, values)
    }

    @Sendable func export(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let entries = try await entries(try ConsoleSession.query(request), context, limit: Self.exportSize)
        var csv = "index,at,organisation,person,action,subject,details\r\n"
        for entry in entries {
            csv += [String(entry.index), entry.at, entry.actor, Self.person(entry), entry.action, entry.subject, Self.details(entry)]
                .map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8; header=present", .contentDisposition: "attachment; filename=\"liaison-audit.csv\""],
            body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    static func person(_ entry: LedgerEntry) -> String {
        guard case .object(let members) = entry.details, case .string(let person)? = members["person"] else { return "" }
        return person
    }

    /// The details other than the person, as compact JSON.
    static func details(_ entry: LedgerEntry) -> String {
        guard case .object(var members) = entry.details else { return "" }
        members["person"] = nil
        return members.isEmpty ? "" : JSONValue.object(members).canonicalBytes.utf8Text
    }

    /// A CSV field (RFC 4180): quoted, quotes doubled. A value a spreadsheet would take for a
    /// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`.
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
