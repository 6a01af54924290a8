import Foundation
import LiaisonCore
@testable import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The console over plain HTTP, for what a browser does not show: cookie attributes, headers,
/// what the database keeps, timeouts, bounds on sign-in, refusals, and a scan of every page
/// for the walkthrough's personal values.
@Suite(.timeLimit(.minutes(5))) struct ConsolePageTests {
    typealias World = ConsoleWorld

    @Test("Sign-in sets an HttpOnly, SameSite=Strict session cookie for /console, stores only the token's hash, and pages carry a strict CSP, DENY framing and no referrer")
    func sessionCookieAndHeaders() async throws {
        try await World.run { db, base, keys in
            let (token, line) = try await World.signIn(base, key: keys.ana)
            #expect(line.contains("HttpOnly") && line.contains("SameSite=Strict") && line.contains("Path=/console"))
            #expect(!line.contains("Secure"))  // plain http on loopback; `public_url` https adds it
            #expect(line.contains("Max-Age=\(12 * 3600)"))
            let rows = try await db.client.query("SELECT token_hash FROM \(unescaped: db.schema).console_sessions", logger: TestDatabase.logger)
            var stored: [Data] = []
            for try await hash in rows.decode(Data.self) { stored.append(hash) }
            #expect(stored.count == 1 && stored[0].count == 32 && !stored[0].elementsEqual(Array(token.utf8)))

            let (status, headers, page) = try await World.send(base + "/console/", headers: [("Cookie", "liaison_console=\(token)")])
            #expect(status == 200 && page.contains("<h1>Overview</h1>"))
            let csp = headers.first(name: "Content-Security-Policy") ?? ""
            #expect(csp.contains("default-src 'none'") && !csp.contains("script-src") && csp.contains("frame-ancestors 'none'"))
            #expect(headers.first(name: "X-Frame-Options") == "DENY")
            #expect(headers.first(name: "Referrer-Policy") == "no-referrer")
            #expect(!page.contains("<script"))
        }
    }

    @Test("Only a personal admin or auditor key opens the console: a producer key, an unknown, revoked or oversized key, or a sign-in without its CSRF token does not")
    func signInRefusals() async throws {
        try await World.run { db, base, keys in
            let revoked = try await db.store.createAPIKey(organisation: "cert", role: .admin, person: "Old Admin")
            _ = try await db.store.revokeAPIKey(revoked.id, organisation: nil, by: World.ana)
            let (_, headers, page) = try await World.send(base + "/console/sign-in")
            let pre = try #require(World.setCookie(headers, "liaison_console_sign_in"))
            let csrf = try #require(World.csrf(in: page))
            for key in [keys.producer, "lsn_unknown", revoked.key, String(repeating: "k", count: 300), ""] {
                let (status, answer, body) = try await World.send(
                    base + "/console/sign-in", method: .POST, body: World.form([("csrf", csrf), ("key", key)]),
                    headers: [World.formType, ("Cookie", "liaison_console_sign_in=\(pre.value)")])
                #expect(status == 401 && body.contains("does not open the console"))
                #expect(World.setCookie(answer, "liaison_console") == nil)
            }
            // The right key, but no double-submitted token, or another: refused before the key is looked at.
            for cookie in ["", "liaison_console_sign_in=\(pre.value)x"] {
                let (status, answer, body) = try await World.send(
                    base + "/console/sign-in", method: .POST, body: World.form([("csrf", csrf), ("key", keys.ana)]),
                    headers: [World.formType, ("Cookie", cookie)])
                #expect(status == 403 && body.contains("Status 403."))
                #expect(World.setCookie(answer, "liaison_console") == nil)
            }
            // Not a form.
            let (status, _, _) = try await World.send(
                base + "/console/sign-in", method: .POST, body: "{\"key\": \"x\"}", headers: [("Content-Type", "application/json")])
            #expect(status == 415)
        }
    }

    @Test("Past the per-address bound, sign-in attempts are refused with 429 and Retry-After, even with the right key")
    func signInBound() async throws {
        var settings = ConsoleSettings()
        settings.signInAttemptsPerHour = 3
        try await World.run(settings) { _, base, keys in
            let (_, headers, page) = try await World.send(base + "/console/sign-in")
            let pre = try #require(World.setCookie(headers, "liaison_console_sign_in"))
            let csrf = try #require(World.csrf(in: page))
            var statuses: [Int] = []
            for key in ["lsn_guess-1", "lsn_guess-2", "lsn_guess-3", keys.ana] {
                let (status, answer, _) = try await World.send(
                    base + "/console/sign-in", method: .POST, body: World.form([("csrf", csrf), ("key", key)]),
                    headers: [World.formType, ("Cookie", "liaison_console_sign_in=\(pre.value)")])
                statuses.append(status)
                if status == 429 { #expect(answer.first(name: "Retry-After").flatMap(Int.init).map { $0 > 0 } == true) }
            }
            #expect(statuses == [401, 401, 401, 429])
        }
    }

    @Test("A session ends at its absolute end, after its idle time, and when its key is revoked: every page then leads to sign-in")
    func sessionEnds() async throws {
        try await World.run { db, base, keys in
            func opens(_ token: String) async throws -> Bool {
                let (status, headers, _) = try await World.send(base + "/console/audit", headers: [("Cookie", "liaison_console=\(token)")])
                if status == 303 { #expect(headers.first(name: "Location") == "/console/sign-in") }
                return status == 200
            }
            let table = "\(db.schema).console_sessions"
            let absolute = try await World.signIn(base, key: keys.ana).token
            let idle = try await World.signIn(base, key: keys.ana).token
            #expect(try await opens(absolute))
            #expect(try await opens(idle))
            _ = try await db.client.query(
                "UPDATE \(unescaped: table) SET expires_at = now() - interval '1 second' WHERE token_hash = sha256(\(Data(absolute.utf8)))",
                logger: TestDatabase.logger)
            _ = try await db.client.query(
                "UPDATE \(unescaped: table) SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = sha256(\(Data(idle.utf8)))",
                logger: TestDatabase.logger)
            #expect(try await opens(absolute) == false)
            #expect(try await opens(idle) == false)

            let key = try await db.store.createAPIKey(organisation: "cert", role: .auditor, person: "Leaving Auditor")
            let session = try await World.signIn(base, key: key.key).token
            #expect(try await opens(session))
            _ = try await db.store.revokeAPIKey(key.id, organisation: nil, by: World.ana)
            #expect(try await opens(session) == false)
            #expect(try await opens("not-a-session") == false)
        }
    }

    @Test("An auditor's POST with a valid CSRF token is refused with 403; a POST without the token too; nothing changes")
    func refusedPosts() async throws {
        try await World.run { db, base, keys in
            try await World.proposeVersion2(db)
            let etag = AgreementRecords.etag(of: try #require(try await db.store.agreementVersions("cert-to-police").last))
            for (key, withToken) in [(keys.dora, true), (keys.boris, false)] {
                let token = try await World.signIn(base, key: key).token
                let cookie = ("Cookie", "liaison_console=\(token)")
                let (_, _, page) = try await World.send(base + "/console/", headers: [cookie])
                var fields = [("etag", etag)]
                if withToken { fields.append(("csrf", try #require(World.csrf(in: page)))) }
                let (status, _, body) = try await World.send(
                    base + "/console/agreements/cert-to-police/versions/2/approve", method: .POST, body: World.form(fields),
                    headers: [World.formType, cookie])
                #expect(status == 403 && body.contains("Status 403."))
                #expect(!body.contains("\"type\""))  // a page, not a problem document
            }
            #expect(try await World.states(db) == [1: "approved", 2: "proposed"])
        }
    }

    @Test("A bad value in a console form or query is a page that names the problem, and nothing is written")
    func badInputs() async throws {
        try await World.run { db, base, keys in
            let token = try await World.signIn(base, key: keys.ana).token
            let cookie = ("Cookie", "liaison_console=\(token)")
            let (_, _, page) = try await World.send(base + "/console/keys", headers: [cookie])
            let csrf = try #require(World.csrf(in: page))
            let before = try await db.store.apiKeys(organisation: nil).count
            for (fields, pointer) in [
                ([("role", "admin"), ("person", "")], "/person"), ([("role", "root"), ("person", "X")], "/role"),
                ([("role", "auditor"), ("person", "Y"), ("expires_at", "tomorrow")], "/expires_at"),
                ([("role", "auditor"), ("person", "Z"), ("organisation", "police")], ""),
            ] {
                let (status, _, body) = try await World.send(
                    base + "/console/keys", method: .POST, body: World.form([("csrf", csrf)] + fields), headers: [World.formType, cookie])
                #expect([403, 422].contains(status), "\(fields)")
                if !pointer.isEmpty { #expect(body.contains("<code>\(pointer)</code>")) }
            }
            #expect(try await db.store.apiKeys(organisation: nil).count == before)
            let (tooBig, _, _) = try await World.send(
                base + "/console/keys", method: .POST, body: "csrf=\(csrf)&person=" + String(repeating: "a", count: 20_000),
                headers: [World.formType, cookie])
            #expect(tooBig == 413)
            for query in ["/console/audit?from=yesterday", "/console/deliveries?status=lost", "/console/agreements/cert-to-police/versions/x/diff"] {
                let (status, _, body) = try await World.send(base + query, headers: [cookie])
                #expect([400, 404].contains(status) && body.contains("Status \(status)."), "\(query)")
            }
        }
    }

    @Test("Reject and suspend need a reason (422 page, nothing changed); with one the version moves and the reason is on the page; a stale ETag is 412")
    func rejectAndSuspend() async throws {
        try await World.run { db, base, keys in
            try await World.proposeVersion2(db)
            let token = try await World.signIn(base, key: keys.boris).token
            let cookie = ("Cookie", "liaison_console=\(token)")
            let (_, _, page) = try await World.send(base + "/console/agreements/cert-to-police", headers: [cookie])
            let csrf = try #require(World.csrf(in: page))
            let versions = try await db.store.agreementVersions("cert-to-police")
            let (first, second) = (AgreementRecords.etag(of: versions[0]), AgreementRecords.etag(of: versions[1]))
            func post(_ path: String, _ fields: [(String, String)]) async throws -> (Int, String) {
                let (status, _, body) = try await World.send(
                    base + "/console/agreements/cert-to-police/versions/" + path, method: .POST, body: World.form([("csrf", csrf)] + fields),
                    headers: [World.formType, cookie])
                return (status, body)
            }
            #expect(try await post("2/reject", [("etag", second), ("reason", "  ")]).0 == 422)
            #expect(try await post("1/suspend", [("etag", first)]).0 == 422)
            #expect(try await post("2/reject", [("etag", first), ("reason", "x")]).0 == 412)
            #expect(try await World.states(db) == [1: "approved", 2: "proposed"])
            #expect(try await post("2/reject", [("etag", second), ("reason", "Police asked to keep the description")]).0 == 303)
            #expect(try await post("1/suspend", [("etag", first), ("reason", "Audit of the police unit")]).0 == 303)
            #expect(try await World.states(db) == [1: "suspended", 2: "rejected"])
            let (_, _, after) = try await World.send(base + "/console/agreements/cert-to-police", headers: [cookie])
            #expect(after.contains("Police asked to keep the description") && after.contains("Audit of the police unit"))
        }
    }

    @Test("The proposer withdraws her proposal back to a draft from the page, with a reason; a stale ETag is 412; the history says withdraw")
    func withdrawProposal() async throws {
        try await World.run { db, base, keys in
            try await World.proposeVersion2(db)
            let token = try await World.signIn(base, key: keys.ana).token
            let cookie = ("Cookie", "liaison_console=\(token)")
            let (_, _, page) = try await World.send(base + "/console/agreements/cert-to-police", headers: [cookie])
            let csrf = try #require(World.csrf(in: page))
            // Four eyes keeps approve and reject from her own proposal, not withdraw.
            #expect(page.contains("/versions/2/withdraw") && !page.contains("/versions/2/approve"))
            let versions = try await db.store.agreementVersions("cert-to-police")
            let (first, second) = (AgreementRecords.etag(of: versions[0]), AgreementRecords.etag(of: versions[1]))
            func withdraw(_ number: Int, _ etag: String) async throws -> Int {
                try await World.send(
                    base + "/console/agreements/cert-to-police/versions/\(number)/withdraw", method: .POST,
                    body: World.form([("csrf", csrf), ("etag", etag), ("reason", "The police asked for one more field")]),
                    headers: [World.formType, cookie]
                ).0
            }
            #expect(try await withdraw(2, first) == 412)
            #expect(try await withdraw(1, first) == 409, "an approved version is not withdrawn")
            #expect(try await World.states(db) == [1: "approved", 2: "proposed"])
            #expect(try await withdraw(2, second) == 303)
            #expect(try await World.states(db) == [1: "approved", 2: "draft"])
            let (_, _, after) = try await World.send(base + "/console/agreements/cert-to-police", headers: [cookie])
            #expect(after.contains("<td>withdraw</td><td>2</td><td>Ana Admin (cert)</td><td>The police asked for one more field</td>"))
            #expect(after.contains("/versions/2/propose") && !after.contains("/versions/2/withdraw"))
        }
    }

    @Test("The feedback page shows the consumers' answers with personal data as its kind, and each read is in the ledger with the person")
    func feedbackPage() async throws {
        try await World.run { db, base, keys in
            let token = try await World.signIn(base, key: keys.dora).token
            let cookie = ("Cookie", "liaison_console=\(token)")
            let (_, _, empty) = try await World.send(base + "/console/feedback", headers: [cookie])
            #expect(empty.contains(#"id="no-feedback""#))
            try await World.askForMoreInformation(db, base)
            let (status, _, page) = try await World.send(base + "/console/feedback", headers: [cookie])
            #expect(status == 200 && page.contains(#"<td class="status">request-more-information</td>"#))
            #expect(page.contains("Did [email] report it to the bank too?") && !page.contains(GatewayFixture.victimEmail))
            #expect(page.contains("<td>police</td><td>cert-to-police</td>"))
            let (_, _, audit) = try await World.send(base + "/console/audit?action=feedback-read", headers: [cookie])
            #expect(audit.contains("<td>Dora Auditor</td><td>feedback-read</td><td>organisation:cert</td>"))
            #expect(try await World.send(base + "/console/feedback?after=-1", headers: [cookie]).0 == 400)
            #expect(try await World.send(base + "/console/feedback?after=x", headers: [cookie]).0 == 400)
        }
    }

    @Test("The audit page filters by person, action and subject, and exports the same entries as CSV")
    func auditFiltersAndCSV() async throws {
        try await World.run { db, base, keys in
            try await World.proposeVersion2(db)
            let token = try await World.signIn(base, key: keys.boris).token
            let cookie = ("Cookie", "liaison_console=\(token)")
            let (status, _, page) = try await World.send(base + "/console/audit?person=Ana+Admin&subject=agreement:", headers: [cookie])
            #expect(status == 200)
            #expect(page.contains("<td>agreement-propose</td>") && page.contains("<td>agreement-draft</td>") && !page.contains("console-sign-in"))
            let (csvStatus, headers, csv) = try await World.send(base + "/console/audit.csv?person=Ana+Admin&action=agreement-propose", headers: [cookie])
            #expect(csvStatus == 200 && headers.first(name: "Content-Type")?.hasPrefix("text/csv") == true)
            let lines = csv.split(separator: "\r\n")
            #expect(lines.first == "index,at,organisation,person,action,subject,details")
            #expect(lines.count == 2 && lines[1].contains("\"Ana Admin\",\"agreement-propose\",\"agreement:cert-to-police\""))
        }
    }

    @Test("A CSV field a spreadsheet would run as a formula is defused, and quotes are doubled")
    func csvFields() {
        #expect(ConsoleAuditController.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ConsoleAuditController.csvField("plain") == "\"plain\"")
        #expect(ConsoleAuditController.csvField("-1") == "\"'-1\"")
    }

    @Test("No console page shows the walkthrough's personal values, to an admin or to an auditor", arguments: ["admin", "auditor"])
    func noPersonalValues(role: String) async throws {
        try await World.run { db, base, keys in
            try await World.proposeVersion2(db)
            let dead = try await World.killDelivery(db)
            try await World.askForMoreInformation(db, base)
            let token = try await World.signIn(base, key: role == "admin" ? keys.boris : keys.dora).token
            let cookie = ("Cookie", "liaison_console=\(token)")
            let pages = [
                "/console/", "/console/agreements", "/console/agreements/cert-to-police", "/console/agreements/cert-to-police/versions/2/diff",
                "/console/agreements/cert-to-police/versions/2/preview", "/console/keys", "/console/deliveries",
                "/console/deliveries?consumer=police&status=dead", "/console/feedback", "/console/audit", "/console/audit.csv",
            ] + (role == "admin" ? ["/console/agreements/new", "/console/agreements/cert-to-police/versions/new"] : [])
            for path in pages {
                let (status, _, body) = try await World.send(base + path, headers: [cookie])
                #expect(status == 200, "\(path)")
                for personal in [GatewayFixture.victimEmail, "jovana", "petrovic", GatewayFixture.victimPhone, "123 4567", "641234567"] {
                    #expect(!body.lowercased().contains(personal.lowercased()), "\(personal) on \(path) for the \(role)")
                }
            }
            // The pages did show the incident's delivery: the scan looked where the data would be.
            let (_, _, deliveries) = try await World.send(base + "/console/deliveries?consumer=police", headers: [cookie])
            #expect(deliveries.contains(dead.uuidString.lowercased()))
        }
    }
}
