import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import Logging
import NIOCore

/// `GET /report/` and `POST /report/`: the public fraud-reporting form, on behalf of the CERT
/// `public_report.producer`. A checked report enters the one ``IntakePipeline`` (transport
/// `web-form`) as that CERT's incident; the reporter sees its receipt's id as a reference and
/// what happens next, nothing else. Submissions are bounded per address and overall
/// (``SubmissionLimiter``); a filled honeypot is thanked and dropped.
struct PublicReportController {
    let settings: PublicReportSettings
    let pipeline: IntakePipeline
    let pages: WebPages
    let catalogues: ReportCatalogues
    let limiter: SubmissionLimiter

    func addRoutes(to router: Router<LiaisonRequestContext>) {
        router.get("report", use: show)
        router.post("report", use: submit)
    }

    @Sendable func show(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        guard settings.enabled else { throw Problem.pageNotFound }
        let language = Self.language(request, chosen: request.uri.queryParameters["lang"].map(String.init))
        return try pages.page("report-form", formContext(language, form: ReportForm(), problems: []))
    }

    @Sendable func submit(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        guard settings.enabled else { throw Problem.pageNotFound }
        let receivedAt = Date()
        _ = try MediaType.require(request, oneOf: [MediaType(name: "application/x-www-form-urlencoded")])
        let body = try await RequestBody.collect(request, limit: ReportForm.maxBodyBytes)
        guard let form = ReportForm.read(body) else {
            throw Problem.badRequest("invalid-form", "The body is not a form the reporting page sends.")
        }
        let language = Self.language(request, chosen: form.language)
        let texts = catalogues.texts(language)
        if case .refused(let retryAfter) = await limiter.admit(Self.addressKey(context.remoteAddress)) {
            context.logger.notice("public report refused: rate limit")
            return try pages.page(
                "report-limited", pageContext(language, texts), status: .tooManyRequests, headers: [.retryAfter: "\(retryAfter)"])
        }
        if form.honeypotFilled {
            context.logger.notice("public report dropped: honeypot filled")
            return try thanks(language, texts, reference: UUID.random().uuidString.lowercased())
        }
        let problems = form.problems(maxDescriptionChars: settings.maxDescriptionChars, today: receivedAt)
        guard problems.isEmpty else {
            return try pages.page("report-form", formContext(language, form: form, problems: problems), status: .badRequest)
        }
        let outcome = try await pipeline.submit(
            IntakeBatch(drafts: [form.draft(language: language)]),
            .init(producer: settings.producer, transport: .webForm, body: body, idempotencyKey: nil, receivedAt: receivedAt))
        context.logger.intake(outcome)
        guard let receipt = outcome.receipt else { throw Problem.internalError(correlationID: context.id) }
        return try thanks(language, texts, reference: receipt.receipt.id.uuidString.lowercased())
    }

    private func thanks(_ language: ReportLanguage, _ texts: [String: String], reference: String) throws -> Response {
        var page = pageContext(language, texts)
        page["reference"] = reference
        return try pages.page("report-thanks", page)
    }

    /// The language of a page: the one the reporter chose with the switch (`?lang=`, or the
    /// form's hidden `lang`), else the best match of `Accept-Language`.
    static func language(_ request: Request, chosen: String?) -> ReportLanguage {
        if let chosen, let language = ReportLanguage(rawValue: chosen) { return language }
        return ReportLanguage.negotiate(request.headers[.acceptLanguage])
    }

    /// The key one client counts under: its IP address (an IPv6 client by its /64, which one
    /// subscriber usually holds whole); the port is not part of it.
    static func addressKey(_ address: SocketAddress?) -> String {
        guard let ip = address?.ipAddress else { return "unknown" }
        guard case .v6 = address else { return ip }
        return ip.split(separator: ":", omittingEmptySubsequences: false).prefix(4).joined(separator: ":")
    }

    /// Each input's `type`, `autocomplete` token (WHATWG HTML 4.10.18.7.1: the reporter's own
    /// details may be filled in for them; the fraudster's never are) and `inputmode`.
    static let inputAttributes: [ReportForm.Field: (String, String, String?)] = [
        .date: ("date", "off", nil), .website: ("text", "off", "url"), .phone: ("tel", "off", nil), .account: ("text", "off", nil),
        .wallet: ("text", "off", nil), .amount: ("text", "off", "decimal"), .reporterName: ("text", "name", nil),
        .reporterEmail: ("email", "email", nil), .reporterPhone: ("tel", "tel", nil),
    ]

    func pageContext(_ language: ReportLanguage, _ texts: [String: String]) -> [String: Any] {
        var page: [String: Any] = [
            "t": texts, "lang": language.tag, "cert_name": settings.certName,
            "title": "\(texts["page_title"] ?? "") – \(settings.certName)",
            "languages": ReportLanguage.allCases.map { ["tag": $0.tag, "name": $0.nativeName, "current": $0 == language] as [String: Any] },
        ]
        if let logo = settings.logoText { page["logo_text"] = logo }
        return page
    }

    func formContext(_ language: ReportLanguage, form: ReportForm, problems: [ReportForm.Problem]) -> [String: Any] {
        let texts = catalogues.texts(language)
        var page = pageContext(language, texts)
        var fields: [String: Any] = [:]
        for field in ReportForm.Field.allCases {
            let problem = problems.first { $0.field == field }
            var entry: [String: Any] = [
                "name": field.rawValue, "label": texts["field_\(field.rawValue)"] ?? field.rawValue,
                "value": form.values[field] ?? "",
                "max": field == .description ? settings.maxDescriptionChars : field.maxCharacters,
            ]
            let (type, autocomplete, inputMode) = Self.inputAttributes[field] ?? ("text", "off", nil)
            entry["type"] = type
            entry["autocomplete"] = autocomplete
            if let inputMode { entry["inputmode"] = inputMode }
            if let hint = texts["hint_\(field.rawValue)"] { entry["hint"] = hint }
            if let problem { entry["error"] = texts[problem.messageKey] ?? problem.messageKey }
            if field != .category && field != .description { entry["optional"] = texts["optional"] ?? "" }
            fields[field.rawValue] = entry
        }
        page["f"] = fields
        page["has_errors"] = !problems.isEmpty
        page["errors"] = problems.map { ["name": $0.field.rawValue, "label": texts["field_\($0.field.rawValue)"] ?? "", "message": texts[$0.messageKey] ?? ""] }
        page["categories"] = ReportCategory.allCases.map {
            ["value": $0.rawValue, "label": texts[$0.labelKey] ?? $0.rawValue, "selected": form.values[.category] == $0.rawValue] as [String: Any]
        }
        page["currencies"] = ReportForm.currencies.map { ["code": $0, "selected": (form.values[.currency] ?? "EUR") == $0] as [String: Any] }
        page["privacy_notice"] = settings.privacyNotice
        if let url = settings.privacyURL { page["privacy_url"] = url }
        return page
    }
}
