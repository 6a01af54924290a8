import Foundation
import LiaisonCore
@testable import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The editor flow in headless Chromium (``WebDriver``): an admin writes a new version
/// in the editor, sees a problem at its field first, saves and proposes it; a second admin
/// reads the diff and the preview and approves it; the consumer's next incident follows the
/// new version. An auditor gets no editor, and a forged editor POST is refused.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ConsoleEditorBrowserTests {
    @Test("Write, correct, save and propose a version in the editor; a second admin approves it after the diff and preview; the next incident is shared under it")
    func editProposeApproveDeliver() async throws {
        try await ConsoleWorld.run { db, base, keys in
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.ana)
                try await browser.go(base + "/console/agreements/cert-to-police")
                try await browser.follow("#new-version")
                #expect(try await browser.element("h1").text() == "New version of cert-to-police")
                #expect(try await browser.element("#field-description").property("checked") as? Bool == true)
                #expect(try await browser.element("label[for=webhook_secret]").text().hasPrefix("Webhook secret"))
                // Keyboard: the first control after the title is the first taxonomy box.
                try await browser.element("#title").click()
                try await browser.press(WebDriver.Key.tab)
                #expect(try await browser.focused().attribute("id") == "taxonomy-abusive-content")

                // Share less (no description) and set an end that is not a date; the pseudonym key is
                // neither entered again nor kept from version 1.
                #expect(try await browser.element("#keep_secrets").property("checked") as? Bool == true)
                try await browser.element("#keep_secrets").click()
                try await browser.element("#field-description").click()
                try await browser.element("#valid_until").type("next week")
                try await browser.follow("#save-draft")
                #expect(try await browser.element("#problems h2").text().contains("nothing was written"))
                #expect(try await browser.element("#pseudonym_key-field .error").text().contains("required when any personal data is pseudonymised"))
                #expect(try await browser.element("#valid_until").attribute("aria-invalid") == "true")
                #expect(try await browser.element("#summary-problems a[href='#pseudonym_key']").text().hasPrefix("Pseudonym key: /pseudonym_key"))
                #expect(try await browser.element("#summary-problems a[href='#valid_until']").text().hasPrefix("Valid until: /valid_until"))
                #expect(try await browser.element("#field-description").property("checked") as? Bool == false)
                try await browser.screenshotIfAsked("console-editor")
                // The summary's link leads to the field, where its problem is shown again.
                try await browser.element("#summary-problems a[href='#pseudonym_key']").click()
                #expect(try await browser.currentURL().hasSuffix("#pseudonym_key"))
                #expect(try await browser.element("#pseudonym_key-field .error").isDisplayed())
                try await browser.screenshotIfAsked("console-editor-field")
                #expect(try await ConsoleWorld.states(db) == [1: "approved"])

                // Corrected, and version 1's pseudonym key kept after all: the choice came back as made.
                try await browser.element("#valid_until").clear()
                #expect(try await browser.element("#keep_secrets").property("checked") as? Bool == false)
                try await browser.element("#keep_secrets").click()
                try await browser.follow("#save-draft")
                #expect(try await browser.element("#version-2 .state").text() == "draft")
                let versions = try await db.store.agreementVersions("cert-to-police")
                #expect(versions[1].agreement.pseudonymKey == versions[0].agreement.pseudonymKey)
                // The draft is changed in place: still version 2, with the new title.
                try await browser.follow("#version-2 a.edit-draft")
                #expect(try await browser.element("h1").text() == "Draft version 2 of cert-to-police")
                try await browser.element("#title").clear()
                try await browser.element("#title").type("Fraud cases without descriptions")
                try await browser.follow("#save-draft")
                #expect(try await browser.element("#version-2 .state").text() == "draft")
                #expect(try await db.store.agreementVersions("cert-to-police").map(\.agreement.title) == [versions[0].agreement.title, "Fraud cases without descriptions"])
                try await browser.element("#propose-reason-2").type("The police do not need the description")
                try await browser.follow("#version-2 button.propose")
                #expect(try await browser.element("#version-2 .state").text() == "proposed")
                #expect(try await browser.elements("#version-2 button.approve").isEmpty)
            }
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.boris)
                try await browser.go(base + "/console/agreements/cert-to-police")
                #expect(try await browser.element("#version-2 .proposer").text() == "Ana Admin (cert)")
                try await browser.follow("#version-2 a.diff-link")
                #expect(try await browser.element("#diff").text().contains("/share/fields"))
                try await browser.go(base + "/console/agreements/cert-to-police")
                try await browser.follow("#version-2 a.preview-link")
                #expect(try await browser.element("#changed").text() == "1")
                try await browser.go(base + "/console/agreements/cert-to-police")
                try await browser.follow("#version-2 button.approve")
                #expect(try await browser.element("#version-2 .state").text() == "approved")
            }
            let versions = try await db.store.agreementVersions("cert-to-police")
            #expect(versions.map(\.state) == [.superseded, .approved] && !versions[1].agreement.fields.contains(.description))

            // The consumer's next incident is shared under version 2: no description.
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let police = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Desk Officer").key
            let (status, _, receipt) = try await ConsoleWorld.send(
                base + "/v1/intake/events", method: .POST, body: GatewayFixture.event(),
                headers: [("Authorization", "Bearer \(producer)"), ("Content-Type", "application/x-ndjson")])
            #expect(status == 201)
            let incident = try #require(
                ((try JSONSerialization.jsonObject(with: Data(receipt.utf8)) as? [String: Any])?["incident_ids"] as? [String])?.first)
            let (feedStatus, _, feed) = try await ConsoleWorld.send(
                base + "/v1/feed?limit=100", headers: [("Authorization", "Bearer \(police)"), ("Liaison-Purpose", "case=KT-2026-1")])
            #expect(feedStatus == 200)
            let items = (try JSONSerialization.jsonObject(with: Data(feed.utf8)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
            let item = try #require(items.first { $0["id"] as? String == incident })
            #expect(item["title"] != nil && item["description"] == nil && item["agreement"] as? String == "cert-to-police")
        }
    }

    @Test("An auditor has no editor: no link, a 403 page, and a forged editor POST with the session's token is refused")
    func auditorHasNoEditor() async throws {
        try await ConsoleWorld.run { db, base, keys in
            try await WebDriver.withBrowser { browser in
                try await browser.signInToConsole(base, key: keys.dora)
                try await browser.go(base + "/console/agreements")
                #expect(try await browser.elements("#new-agreement").isEmpty)
                try await browser.go(base + "/console/agreements/cert-to-police")
                #expect(try await browser.elements("#new-version").isEmpty)
                let csrf = try #require(try await browser.element("input[name=csrf]").attribute("value"))
                try await browser.go(base + "/console/agreements/new")
                #expect(try await browser.element("p.note").text() == "Status 403.")
                try await browser.go(base + "/console/agreements")
                try await browser.postForged(
                    to: "/console/agreements/cert-to-police/versions/new", [("csrf", csrf), ("taxonomy", "fraud"), ("max_tlp", "red"), ("field", "title")])
                #expect(try await browser.element("p.note").text() == "Status 403.")
            }
            #expect(try await ConsoleWorld.states(db) == [1: "approved"])
        }
    }
}
