import Foundation
import LiaisonCore
@testable import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The administrators' console in a real browser: Debian's headless Chromium through
/// chromedriver (``WebDriver``) against a live gateway on loopback and a real PostgreSQL.
/// Serialized, one Chromium at a time. With `LIAISON_SCREENSHOTS=DIR` the tests also write the
/// README's screenshots of the console into DIR.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ConsoleBrowserTests {
    @Test("Sign in with a personal key: the overview shows intake, deliveries, approvals and the ledger; a wrong key is refused; sign-out ends the session")
    func signInAndOut() async throws {
        try await ConsoleWorld.run { db, base, keys in
            try await ConsoleWorld.proposeVersion2(db)
            let sealed = try #require(try await db.store.sealAll(key: db.store.signer.checkpointKey(name: LedgerSettings().origin(publicURL: nil))))
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: "lsn_not-a-key-anyone-holds")
                #expect(try await browser.element("#sign-in-message").text().contains("does not open the console"))
                try await browser.screenshotIfAsked("console-sign-in")
                // The key's box and the button are the next two Tab stops after the heading.
                try await browser.element("h1").click()
                try await browser.press(WebDriver.Key.tab)
                #expect(try await browser.focused().attribute("id") == "key")
                try await browser.press(WebDriver.Key.tab)
                #expect(try await browser.focused().attribute("id") == "sign-in")
                #expect(try await browser.element("label[for=key]").text() == "Your API key")

                try await browser.element("#key").type(keys.ana)
                try await browser.follow("#sign-in")
                #expect(try await browser.element("h1").text() == "Overview")
                #expect(try await browser.element("#signed-in-as").text() == "Ana Admin · cert · admin")
                #expect(try await browser.element("#intake").text().contains("cert"))
                #expect(try await browser.element("#awaiting").text().contains("cert-to-police"))
                #expect(try await browser.element("#awaiting").text().contains("version 2"))
                let checkpoint = try await browser.element("#checkpoint").text()
                #expect(checkpoint.contains("\(sealed.size)") && checkpoint.contains("verified with this gateway's key"))
                // The session cookie is out of the page's reach and bound to this site.
                let session = try #require(try await browser.cookies().first { $0["name"] as? String == "liaison_console" })
                #expect(session["httpOnly"] as? Bool == true)
                #expect(session["sameSite"] as? String == "Strict")
                #expect(session["path"] as? String == "/console")
                #expect((try await browser.execute("return document.cookie;") as? String)?.contains("liaison_console=") == false)
                try await browser.screenshotIfAsked("console-overview")

                // Every section is one link away, and the navigation marks where the reader is.
                for (link, heading) in [("Agreements", "Agreements"), ("Keys", "Keys"), ("Deliveries", "Deliveries"), ("Audit", "Audit")] {
                    try await browser.follow("nav.console-nav a[href='/console/\(link.lowercased())']")
                    #expect(try await browser.element("h1").text() == heading)
                    #expect(try await browser.element("nav.console-nav [aria-current=page]").text() == link)
                }

                try await browser.follow("#sign-out")
                #expect(try await browser.currentURL().hasSuffix("/console/sign-in"))
                #expect(try await browser.cookies().contains { $0["name"] as? String == "liaison_console" } == false)
                try await browser.go(base + "/console/keys")
                #expect(try await browser.currentURL().hasSuffix("/console/sign-in"))
            }
            let actions = try await db.store.auditEntries(from: nil, to: nil, actor: "cert", subject: "key:", action: nil, after: nil, limit: 100)
                .map(\.action)
            #expect(actions.contains("console-sign-in") && actions.contains("console-sign-out"))
        }
    }

    @Test("A second admin sees who proposed, the side-by-side diff and the preview, and approves; the proposer may not")
    func secondAdminApproves() async throws {
        try await ConsoleWorld.run { db, base, keys in
            try await ConsoleWorld.proposeVersion2(db)
            // The proposer sees four eyes at work: no approve button for her own proposal.
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.ana)
                try await browser.go(base + "/console/agreements/cert-to-police")
                #expect(try await browser.element("#version-2 .four-eyes").text().contains("another administrator must approve it"))
                #expect(try await browser.elements("#version-2 button.approve").isEmpty)
            }
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.boris)
                try await browser.follow("nav.console-nav a[href='/console/agreements']")
                #expect(try await browser.element("#agreements").text().contains("active"))
                try await browser.screenshotIfAsked("console-agreements")
                try await browser.follow("#agreements a[href='/console/agreements/cert-to-police']")
                #expect(try await browser.element("#version-2 .proposer").text() == "Ana Admin (cert)")
                #expect(try await browser.element("#version-2 .may-approve").text().contains("other than Ana Admin (cert)"))
                try await browser.screenshotIfAsked("console-agreement")

                try await browser.follow("#version-2 a.diff-link")
                #expect(try await browser.element("h1").text() == "Version 1 and version 2 side by side")
                let diff = try await browser.element("#diff").text()
                #expect(diff.contains("/share/fields"))
                #expect(try await browser.elements("#diff td.before").count == (try await browser.elements("#diff td.after").count))
                try await browser.screenshotIfAsked("console-diff")

                try await browser.go(base + "/console/agreements/cert-to-police")
                try await browser.follow("#version-2 a.preview-link")
                #expect(try await browser.element("h1").text() == "What version 2 would share")
                #expect(try await browser.element("#changed").text() == "1")

                try await browser.go(base + "/console/agreements/cert-to-police")
                try await browser.follow("#version-2 button.approve")
                #expect(try await browser.element("#version-2 .state").text() == "approved")
                #expect(try await browser.element("#version-1 .state").text() == "superseded")
            }
            #expect(try await ConsoleWorld.states(db) == [1: "superseded", 2: "approved"])
            let approvals = try await db.store.auditEntries(
                from: nil, to: nil, actor: "cert", subject: "agreement:cert-to-police", action: "agreement-approve", after: nil, limit: 10)
            #expect(approvals.map(ConsoleAuditController.person) == ["Boris Admin"])
        }
    }

    @Test("An admin creates a key (shown once) and revokes it; the revoked key opens nothing")
    func createAndRevokeKey() async throws {
        try await ConsoleWorld.run { db, base, keys in
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.ana)
                try await browser.follow("nav.console-nav a[href='/console/keys']")
                try await browser.element("#role option[value='auditor']").click()
                try await browser.element("#person").type("Eva Auditor")
                try await browser.follow("#create-key")
                let key = try await browser.element("#new-key").text()
                #expect(key.hasPrefix("lsn_"))
                #expect(try await db.store.principal(forKey: key)?.person == "Eva Auditor")
                try await browser.go(base + "/console/keys")
                #expect(try await browser.source().contains(key) == false)
                try await browser.screenshotIfAsked("console-keys")

                try await browser.follow("button.revoke[aria-label='Revoke the auditor key of Eva Auditor (cert)']")
                #expect(try await browser.elements("button.revoke[aria-label='Revoke the auditor key of Eva Auditor (cert)']").isEmpty)
                #expect(try await browser.element("#keys").text().contains("revoked"))
                #expect(try await db.store.principal(forKey: key) == nil)
            }
            let revocations = try await db.store.auditEntries(from: nil, to: nil, actor: "cert", subject: nil, action: "revoke-key", after: nil, limit: 10)
            #expect(revocations.map(ConsoleAuditController.person) == ["Ana Admin"])
        }
    }

    @Test("An admin replays a dead delivery: it is due again, attempts reset, and the replay is audited with the person")
    func replayDeadDelivery() async throws {
        try await ConsoleWorld.run { db, base, keys in
            let dead = try await ConsoleWorld.killDelivery(db)
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.ana)
                #expect(try await browser.element("#deliveries").text().contains("police"))
                try await browser.go(base + "/console/deliveries?consumer=police&status=dead")
                let row = "#delivery-\(dead.uuidString.lowercased())"
                #expect(try await browser.element("\(row) .status").text().hasPrefix("dead"))
                try await browser.screenshotIfAsked("console-deliveries")
                try await browser.follow("\(row) button.replay")
                #expect(try await browser.element("\(row) .status").text() == "pending")
            }
            let state = try #require(try await db.store.deliveries(party: nil, consumer: "police", status: nil, limit: 10).first { $0.id == dead })
            #expect(state.status == "pending" && state.attempts == 0)
            let replays = try await db.store.auditEntries(
                from: nil, to: nil, actor: "cert", subject: "delivery:\(dead)", action: "replay-delivery", after: nil, limit: 10)
            #expect(replays.map(ConsoleAuditController.person) == ["Ana Admin"])
        }
    }

    @Test("An auditor sees every page but no control that changes anything, and a forged change is refused with 403")
    func auditorCannotChange() async throws {
        try await ConsoleWorld.run { db, base, keys in
            try await ConsoleWorld.proposeVersion2(db)
            let dead = try await ConsoleWorld.killDelivery(db)
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.dora)
                #expect(try await browser.element("#signed-in-as").text() == "Dora Auditor · cert · auditor")
                for path in ["/console/agreements/cert-to-police", "/console/keys", "/console/deliveries", "/console/audit"] {
                    try await browser.go(base + path)
                    // The only form that posts is sign-out.
                    let posting = try await browser.elements("form[method=post]")
                    #expect(posting.count == 1, "\(path) shows a form that changes something")
                }
                try await browser.go(base + "/console/keys")
                #expect(try await browser.element("#keys").text().contains("Ana Admin"))
                // A forged approval, with the session's own CSRF token, is still refused.
                try await browser.go(base + "/console/agreements/cert-to-police")
                let csrf = try #require(try await browser.element("input[name=csrf]").attribute("value"))
                let etag = AgreementRecords.etag(of: try #require(try await db.store.agreementVersions("cert-to-police").last))
                try await browser.postForged(to: "/console/agreements/cert-to-police/versions/2/approve", [("csrf", csrf), ("etag", etag)])
                #expect(try await browser.element("p.note").text() == "Status 403.")
            }
            #expect(try await ConsoleWorld.states(db) == [1: "approved", 2: "proposed"])
            #expect(try await db.store.deliveries(party: nil, consumer: "police", status: "dead", limit: 10).map(\.id) == [dead])
        }
    }

    @Test("A form without the session's CSRF token, or with another, is refused with a 403 page and changes nothing")
    func missingCSRF() async throws {
        try await ConsoleWorld.run { db, base, keys in
            try await ConsoleWorld.proposeVersion2(db)
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.boris)
                for tamper in ["form.querySelector('input[name=csrf]').remove();", "form.querySelector('input[name=csrf]').value = 'forged';"] {
                    try await browser.go(base + "/console/agreements/cert-to-police")
                    _ = try await browser.execute("const form = document.querySelector('#version-2 button.approve').form; \(tamper)")
                    try await browser.follow("#version-2 button.approve")
                    #expect(try await browser.element("#problem-title").text() == "Refused: this form did not come from your console session")
                    #expect(try await browser.element("p.note").text() == "Status 403.")
                }
                try await browser.screenshotIfAsked("console-refused")
            }
            #expect(try await ConsoleWorld.states(db) == [1: "approved", 2: "proposed"])
        }
    }
}
