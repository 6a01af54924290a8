import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonStore
import NIOCore

/// The console's session cookie and CSRF tokens. A session token is 32 random bytes; the
/// database keeps only its SHA-256 (``PostgresIncidentStore/openConsoleSession``). The CSRF
/// token of a session is derived from the session token (SHA-256 under a label of its own),
/// so it needs no column and a copy of the database reveals neither. The cookie is
/// `HttpOnly`, `SameSite=Strict`, limited to `/console`, and `Secure` when the gateway's
/// `public_url` is `https` (TLS ends at the gateway's front).
enum ConsoleSession {
    static let cookieName = "liaison_console"
    /// The sign-in form's own CSRF token (double submit: cookie and hidden field), since there
    /// is no session yet to derive one from.
    static let signInCookieName = "liaison_console_sign_in"
    /// The largest form body the console takes (the biggest, the agreement editor, holds a YAML
    /// view of at most 8 KiB besides its fields), and the most fields it may have.
    static let maxFormBytes = 16 * 1024
    static let maxFormPairs = 200

    static func newToken() -> String { Base64URL.encode(Secret.random().bytes) }

    static func csrf(forSession token: String) -> String {
        Base64URL.encode(Array(SHA256.hash(data: Array("liaison-console-csrf\u{0}\(token)".utf8))))
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func matches(_ sent: String?, _ expected: String) -> Bool {
        guard let sent, !expected.isEmpty else { return false }
        let a = Array(sent.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func cookie(_ name: String, _ value: String, maxAge: Int, path: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The ETag of the version a form was read from, which a step or an edit sends as `If-Match`.
    static func etag(_ form: URLEncodedForm) throws -> String {
        guard let etag = form["etag"], !etag.isEmpty, etag.utf8.count <= 200 else {
            throw Problem.badRequest("invalid-form", "The form lacks the version's ETag; reload the page.", pointer: "etag")
        }
        return etag
    }

    /// The form of a console POST: only `application/x-www-form-urlencoded`, bounded, decodable.
    static func form(_ request: Request) async throws -> URLEncodedForm {
        _ = try MediaType.require(request, oneOf: [MediaType(name: "application/x-www-form-urlencoded")])
        let body = try await RequestBody.collect(request, limit: maxFormBytes)
        guard let form = URLEncodedForm(body, maxPairs: maxFormPairs) else {
            throw Problem.badRequest("invalid-form", "The body is not a form the console sends.")
        }
        return form
    }

    /// The form of a POST within a session, as ``ConsoleSessionMiddleware`` read it.
    static func form(_ context: LiaisonRequestContext) throws -> URLEncodedForm {
        guard let form = context.consoleForm else { throw Problem.badRequest("invalid-form", "The body is not a form the console sends.") }
        return form
    }

    /// The query of a console page as its GET forms send it (`+` is a space there, which
    /// Hummingbird's `queryParameters` leaves as it is).
    static func query(_ request: Request) throws -> URLEncodedForm {
        guard let query = URLEncodedForm(Array((request.uri.query ?? "").utf8)) else {
            throw Problem.badRequest("invalid-query", "The address's query is not one the console's pages send.")
        }
        return query
    }

    static let csrfRefused = Problem(
        .forbidden, "csrf-refused", title: "Refused: this form did not come from your console session",
        detail: "The form carried no valid CSRF token, so nothing was changed. Go back, reload the page and try again.")
}

/// Resolves the console's session cookie to the signed-in person (their key's principal) for
/// every console page but sign-in; without a live session a page leads to sign-in. Every POST
/// must carry the session's CSRF token in its `csrf` field (else 403, nothing done); the form
/// is read here, bounded, and handed on in the context.
struct ConsoleSessionMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let store: PostgresIncidentStore
    let settings: ConsoleSettings
    let pages: ConsolePages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = request.cookies[ConsoleSession.cookieName]?.value,
            let principal = try await store.consolePrincipal(token: token, idleSeconds: settings.idleTimeoutMinutes * 60)
        else { return ConsoleSession.redirect("/console/sign-in") }
        var context = context
        context.principal = principal
        context.caller.organisation = principal.organisation
        context.logger[metadataKey: "org"] = "\(principal.organisation)"
        let csrf = ConsoleSession.csrf(forSession: token)
        context.consoleCSRF = csrf
        if request.method == .post {
            let form = try await ConsoleSession.form(request)
            guard ConsoleSession.matches(form["csrf"], csrf) else { throw ConsoleSession.csrfRefused }
            context.consoleForm = form
        }
        // A page's failure is shown within the session (its navigation and sign-out).
        do {
            return try await next(request, context)
        } catch {
            return try pages.error(Problem.from(error, logger: context.logger), context: context)
        }
    }
}

/// Answers a console page's failure as an HTML page with the problem's status, title and
/// detail (the same problem the admin API would answer), so a person never sees JSON.
struct ConsoleErrorMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let pages: ConsolePages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try pages.error(Problem.from(error, logger: context.logger), context: context)
        }
    }
}
