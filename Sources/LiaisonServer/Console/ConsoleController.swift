import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonStore
import NIOCore

/// `/console/`: signing in and out, and the overview. A person signs in with their own
/// admin or auditor key (a key that names a person); the key is exchanged for a session
/// (``ConsoleSession``) and never kept by the browser. Sign-in attempts are bounded per
/// client address and overall (``SubmissionLimiter``, as the public form's submissions are).
struct ConsoleController {
    let store: PostgresIncidentStore
    let views: AgreementViews
    let settings: ConsoleSettings
    let pages: ConsolePages
    let limiter: SubmissionLimiter
    let checkpointKey: CheckpointKey
    let governance: AgreementGovernance
    /// Whether cookies carry `Secure`: the gateway is reached over TLS (`public_url` is https).
    let secureCookies: Bool

    /// Sign-in routes (no session needed).
    func addSignInRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("sign-in", use: signInForm)
        group.post("sign-in", use: signIn)
    }

    /// Routes of a session.
    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("", use: overview)
        group.post("sign-out", use: signOut)
    }

    @Sendable func signInForm(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        try signInPage(context, message: nil, status: .ok)
    }

    /// The form with a fresh double-submit token in a cookie of its own and a hidden field.
    private func signInPage(_ context: LiaisonRequestContext, message: String?, status: HTTPResponse.Status) throws -> Response {
        let token = ConsoleSession.newToken()
        var values: [String: Any] = ["sign_in_csrf": token]
        if let message { values["message"] = message }
        var response = try pages.page("console-sign-in", title: "Sign in – Liaison console", section: nil, context: context, values, status: status)
        response.setCookie(ConsoleSession.cookie(ConsoleSession.signInCookieName, token, maxAge: 3600, path: "/console/sign-in", secure: secureCookies))
        return response
    }

    @Sendable func signIn(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        if case .refused(let retryAfter) = await limiter.admit(PublicReportController.addressKey(context.remoteAddress)) {
            context.logger.notice("console sign-in refused: rate limit")
            var response = try signInPage(
                context, message: "Too many sign-in attempts from your address. Wait a few minutes and try again.", status: .tooManyRequests)
            response.headers[.retryAfter] = "\(retryAfter)"
            return response
        }
        let form = try await ConsoleSession.form(request)
        guard let expected = request.cookies[ConsoleSession.signInCookieName]?.value,
            ConsoleSession.matches(form["csrf"], expected)
        else { throw ConsoleSession.csrfRefused }
        let key = (form["key"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty, key.utf8.count <= 256, let principal = try await store.principal(forKey: key),
            [APIRole.admin, .auditor].contains(principal.role), principal.person != nil, let keyID = principal.keyID
        else {
            context.logger.notice("console sign-in refused: not a personal admin or auditor key")
            return try signInPage(
                context, message: "This key does not open the console. Use your own admin or auditor key, as issued to you.",
                status: .unauthorized)
        }
        let token = ConsoleSession.newToken()
        try await store.openConsoleSession(
            token: token, keyID: keyID, absoluteSeconds: settings.absoluteTimeoutHours * 3600,
            idleSeconds: settings.idleTimeoutMinutes * 60, by: principal.actor)
        var response = ConsoleSession.redirect("/console/")
        response.setCookie(
            ConsoleSession.cookie(ConsoleSession.cookieName, token, maxAge: settings.absoluteTimeoutHours * 3600, path: "/console", secure: secureCookies))
        response.setCookie(ConsoleSession.cookie(ConsoleSession.signInCookieName, "", maxAge: 0, path: "/console/sign-in", secure: secureCookies))
        return response
    }

    @Sendable func signOut(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        guard let principal = context.principal, let token = request.cookies[ConsoleSession.cookieName]?.value else {
            return ConsoleSession.redirect("/console/sign-in")
        }
        try await store.closeConsoleSession(token: token, by: principal.actor)
        var response = ConsoleSession.redirect("/console/sign-in")
        response.setCookie(ConsoleSession.cookie(ConsoleSession.cookieName, "", maxAge: 0, path: "/console", secure: secureCookies))
        return response
    }

    /// Intake in the last 24 h per producer, deliveries pending, failing and dead per consumer,
    /// versions awaiting approval, and the ledger's latest checkpoint with its signature checked.
    @Sendable func overview(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (principal, _) = try context.actor(.admin, .auditor)
        let party = principal.organisation == governance.operatorOrganisation ? nil : principal.organisation
        let overview = try await store.consoleOverview(party: party)
        var awaiting: [[String: Any]] = []
        if case .object(let list) = try await views.list(for: principal), case .array(let agreements)? = list["agreements"] {
            for case .object(let agreement) in agreements {
                guard case .array(let versions)? = agreement["versions"] else { continue }
                for case .object(let version) in versions where version["state"] == .string("proposed") {
                    var row: [String: Any] = ["id": ConsolePages.text(agreement["id"]), "number": ConsolePages.plain(version["number"] ?? .null)]
                    if let title = agreement["title"] { row["agreement_title"] = ConsolePages.text(title) }
                    awaiting.append(row)
                }
            }
        }
        var values: [String: Any] = [
            "intake": overview.intake.map { ["producer": $0.producer, "incidents": $0.incidents] as [String: Any] },
            "deliveries": overview.deliveries.map {
                ["consumer": $0.consumer, "pending": $0.pending, "failing": $0.failing, "dead": $0.dead] as [String: Any]
            },
            "awaiting": awaiting,
        ]
        if let checkpoint = try await store.checkpoint() {
            values["checkpoint"] = [
                "size": Int(checkpoint.size), "root": checkpoint.root.base64, "origin": checkpoint.origin,
                "verified": checkpointKey.verifies(checkpoint),
            ] as [String: Any]
        }
        return try pages.page("console-overview", title: "Overview – Liaison console", section: "Overview", context: context, values)
    }
}
