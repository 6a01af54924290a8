import Foundation
import LiaisonCore
@testable import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The console's agreement editor and governance actions over plain HTTP: bad forms (each
/// problem at its field, nothing written), creating an agreement, roll back, resume and
/// terminate with four eyes as the admin API enforces them, and an auditor refused.
@Suite(.timeLimit(.minutes(5))) struct ConsoleEditorPageTests {
    typealias World = ConsoleWorld

    /// A signed-in person's cookie and the CSRF token of their session.
    struct Session {
        var base: String
        var cookie: (String, String)
        var csrf: String

        init(_ base: String, key: String) async throws {
            self.base = base
            cookie = ("Cookie", "liaison_console=\(try await World.signIn(base, key: key).token)")
            let (_, _, page) = try await World.send(base + "/console/agreements", headers: [cookie])
            csrf = try #require(World.csrf(in: page))
        }

        func get(_ path: String) async throws -> (Int, String) {
            let (status, _, body) = try await World.send(base + path, headers: [cookie])
            return (status, body)
        }

        func post(_ path: String, _ fields: [(String, String)]) async throws -> (Int, String, String?) {
            let (status, headers, body) = try await World.send(
                base + path, method: .POST, body: World.form([("csrf", csrf)] + fields), headers: [World.formType, cookie])
            return (status, body, headers.first(name: "Location"))
        }
    }

    /// A new agreement's form as a person fills it in.
    static func newAgreement(id: String = "cert-to-prosecutor", extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("id", id), ("producer", "cert"), ("consumer", "prosecutor"), ("title", "MoU on fraud cases"), ("taxonomy", "fraud"),
            ("max_tlp", "amber"), ("field", "classification"), ("field", "title"), ("pd-email", "mask"), ("pd-phone", "drop"),
            ("iep-encrypt_in_transit", "may"), ("valid_from", "2026-01-01"),
            ("contact-0-party", "producer"), ("contact-0-role", "duty officer"), ("contact-0-name", "Duty desk"),
            ("rest", "reference: MoU 7/2026\nlegal_basis: Art. 12 of the MoU\n"),
        ] + extra
    }

    @Test("The editor writes a new agreement's version 1 as a draft from the form and the YAML view, through the admin API's validation")
    func createsAgreement() async throws {
        try await World.run { db, base, keys in
            let ana = try await Session(base, key: keys.ana)
            let (status, page) = try await ana.get("/console/agreements/new")
            #expect(status == 200 && page.contains("<h1>New agreement</h1>") && page.contains(#"<label for="max_tlp">"#))
            let (created, _, location) = try await ana.post("/console/agreements/new", Self.newAgreement())
            #expect(created == 303 && location == "/console/agreements/cert-to-prosecutor#version-1")
            let version = try #require(try await db.store.agreementVersions("cert-to-prosecutor").first)
            #expect(version.state == .draft && version.createdBy == World.ana)
            #expect(version.agreement.fields == [.classification, .title] && version.agreement.match.maxTLP == .amber)
            #expect(version.agreement.personalData == [.email: .mask, .phone: .drop])
            #expect(version.agreement.reference == "MoU 7/2026" && version.agreement.iep?.encryptInTransit == .may)
            #expect(version.agreement.contacts.map(\.name) == ["Duty desk"])
            // The same id again: the record's refusal (409) is shown in the summary, nothing more is written.
            let (again, body, _) = try await ana.post("/console/agreements/new", Self.newAgreement())
            #expect(again == 409 && body.contains(#"id="summary-problems""#) && body.contains("<li>Agreement exists: An agreement cert-to-prosecutor exists already"))
            #expect(try await db.store.agreementVersions("cert-to-prosecutor").count == 1)
        }
    }

    @Test("Each problem is shown at its field with the form as entered, problems of the whole document in the summary; nothing is written")
    func problemsAtTheirFields() async throws {
        try await World.run { db, base, keys in
            let ana = try await Session(base, key: keys.ana)
            func refused(_ fields: [(String, String)]) async throws -> String {
                let (status, body, _) = try await ana.post("/console/agreements/new", fields)
                #expect(status == 422, "\(fields.last.map { "\($0.0)=\($0.1)" } ?? "")")
                return body
            }
            // A TLP that is none, a date that is not one, a kind pseudonymised without a key.
            var body = try await refused(Self.newAgreement(extra: [("valid_until", "next week")]).filter { $0.0 != "max_tlp" } + [("max_tlp", "purple")])
            #expect(body.contains(#"id="max_tlp-error""#) && body.contains(#"id="valid_until-error""#))
            #expect(body.contains(#"value="next week""#) && body.contains(#"value="MoU on fraud cases""#))
            body = try await refused(Self.newAgreement().filter { $0.0 != "pd-email" } + [("pd-email", "pseudonymise")])
            #expect(body.contains(#"id="pseudonym_key-error""#))
            // No taxonomy and no offence: at the "which incidents" group.
            body = try await refused(Self.newAgreement().filter { $0.0 != "taxonomy" })
            #expect(body.contains(#"id="taxonomies-error""#))
            // The YAML view: not YAML, a key the form holds, an alias, a part of the document it holds that is wrong.
            for rest in ["reference: [unclosed", "match:\n  taxonomies: [fraud]\n", "a: &x 1\nb: *x\n", "purpose: 3\nrequire_purpose: maybe\n"] {
                body = try await refused(Self.newAgreement().filter { $0.0 != "rest" } + [("rest", rest)])
                #expect(body.contains(#"id="rest-error""#), "\(rest)")
            }
            // A secret sent in the clear that is not one, and an http webhook under an IEP that requires encryption.
            body = try await refused(
                Self.newAgreement().filter { $0.0 != "iep-encrypt_in_transit" }
                    + [("webhook_url", "https://police.example/hook"), ("webhook_secret", "not-a-secret"), ("iep-encrypt_in_transit", "must")])
            #expect(body.contains(#"id="webhook_secret-error""#) && !body.contains("not-a-secret"))
            // An oversized YAML view.
            body = try await refused(Self.newAgreement().filter { $0.0 != "rest" } + [("rest", "reference: " + String(repeating: "x", count: 9000))])
            #expect(body.contains("at most 8 KiB"))
            #expect(try await db.store.agreementVersions("cert-to-prosecutor").isEmpty)
            // A new version names the record's parties whatever the form says.
            let (drafted, _, _) = try await ana.post(
                "/console/agreements/cert-to-police/versions/new",
                Self.newAgreement(id: "other").filter { !["consumer", "pd-email"].contains($0.0) } + [("consumer", "someone-else")])
            #expect(drafted == 303)
            let latest = try #require(try await db.store.agreementVersions("cert-to-police").last)
            #expect(latest.number == 2 && latest.state == .draft && latest.agreement.id == "cert-to-police" && latest.agreement.consumer == "police")
        }
    }

    @Test("The editor for a new version starts from the latest version (or ?from=N), secrets left out")
    func newVersionForm() async throws {
        try await World.run { _, base, keys in
            let ana = try await Session(base, key: keys.ana)
            let (status, page) = try await ana.get("/console/agreements/cert-to-police/versions/new")
            #expect(status == 200 && page.contains("<h1>New version of cert-to-police</h1>"))
            #expect(page.contains(#"id="taxonomy-fraud" name="taxonomy" value="fraud" checked"#))
            #expect(page.contains(#"<option value="pseudonymise" selected>"#))
            #expect(!page.contains("sha256:"))  // the key's fingerprint is not carried over
            #expect(try await ana.get("/console/agreements/cert-to-police/versions/new?from=9").0 == 404)
            #expect(try await ana.get("/console/agreements/cert-to-police/versions/new?from=x").0 == 400)
            #expect(try await ana.get("/console/agreements/nobody/versions/new").0 == 404)
        }
    }

    @Test("A new version keeps the earlier version's webhook secret and pseudonym key when asked and the fields are empty; unasked, they are required again")
    func keepsSecrets() async throws {
        try await World.run { db, base, keys in
            let ana = try await Session(base, key: keys.ana)
            let (_, form) = try await ana.get("/console/agreements/cert-to-police/versions/new")
            #expect(form.contains(#"<input type="checkbox" id="keep_secrets" name="keep_secrets" value="1" checked>"#))
            let path = "/console/agreements/cert-to-police/versions/new"
            let common: [(String, String)] = [
                ("title", "Fraud cases"), ("taxonomy", "fraud"), ("max_tlp", "amber"), ("field", "classification"), ("pd-email", "pseudonymise"),
                ("webhook_url", "https://police.example/hooks/liaison"),
            ]
            let secret = "whsec_" + Data(repeating: 9, count: 32).base64EncodedString()
            // Version 2 with a new webhook secret typed, the pseudonym key kept from version 1.
            let (second, _, _) = try await ana.post(path, common + [("base", "1"), ("keep_secrets", "1"), ("webhook_secret", secret)])
            #expect(second == 303)
            // Version 3 from version 2, nothing typed: both kept.
            let (third, _, _) = try await ana.post(path, common + [("base", "2"), ("keep_secrets", "1")])
            #expect(third == 303)
            let versions = try await db.store.agreementVersions("cert-to-police")
            #expect(versions.count == 3)
            #expect(versions[1].agreement.pseudonymKey == versions[0].agreement.pseudonymKey && versions[0].agreement.pseudonymKey != nil)
            #expect(versions[2].agreement.pseudonymKey == versions[0].agreement.pseudonymKey)
            #expect(versions[1].agreement.webhook?.secret.bytes == Array(repeating: 9, count: 32))
            #expect(versions[2].agreement.webhook?.secret == versions[1].agreement.webhook?.secret)
            // Unasked, the secrets are required again, shown at their fields, and nothing is written.
            let (refused, page, _) = try await ana.post(path, common + [("base", "2")])
            #expect(refused == 422 && page.contains(#"id="pseudonym_key-error""#) && page.contains(#"id="webhook_secret-error""#))
            #expect(page.contains(#"id="keep_secrets" name="keep_secrets" value="1">"#), "the choice comes back as made")
            #expect(!page.contains(String(secret.dropFirst(6))), "a secret is never shown")
            #expect(try await ana.post(path, common + [("base", "9"), ("keep_secrets", "1")]).0 == 404)
            #expect(try await db.store.agreementVersions("cert-to-police").count == 3)
        }
    }

    @Test("A draft is changed in place from its page: same number, the new document, its secrets kept; a stale ETag is 412; a proposal is not edited")
    func editsDraftInPlace() async throws {
        try await World.run { db, base, keys in
            let ana = try await Session(base, key: keys.ana)
            let fields: [(String, String)] = [
                ("taxonomy", "fraud"), ("max_tlp", "amber"), ("field", "classification"), ("pd-email", "pseudonymise"), ("keep_secrets", "1"),
            ]
            #expect(try await ana.post("/console/agreements/cert-to-police/versions/new", fields + [("title", "Fraud"), ("base", "1")]).0 == 303)
            let (_, agreementPage) = try await ana.get("/console/agreements/cert-to-police")
            #expect(agreementPage.contains(#"href="/console/agreements/cert-to-police/versions/2/edit""#))
            let (status, page) = try await ana.get("/console/agreements/cert-to-police/versions/2/edit")
            #expect(status == 200 && page.contains("<h1>Draft version 2 of cert-to-police</h1>") && page.contains(#"value="Fraud""#))
            // As a browser sends it: the page escapes the ETag's quotes.
            let etag = try #require(page.firstMatch(of: #/name="etag" value="([^"]+)"/#).map { String($0.1) })
                .replacingOccurrences(of: "&quot;", with: "\"")
            #expect(etag == AgreementRecords.etag(of: try await db.store.agreementVersions("cert-to-police")[1]))
            let path = "/console/agreements/cert-to-police/versions/2/edit"
            let (saved, _, location) = try await ana.post(path, fields + [("title", "Fraud and phishing"), ("etag", etag)])
            #expect(saved == 303 && location == "/console/agreements/cert-to-police#version-2")
            let versions = try await db.store.agreementVersions("cert-to-police")
            #expect(versions.count == 2 && versions[1].state == .draft && versions[1].agreement.title == "Fraud and phishing")
            #expect(versions[1].agreement.pseudonymKey == versions[0].agreement.pseudonymKey)
            // The form read before the change is stale now; nothing is written.
            #expect(try await ana.post(path, fields + [("title", "Something else"), ("etag", etag)]).0 == 412)
            #expect(try await ana.post(path, fields + [("title", "Something else")]).0 == 400)
            #expect(try await db.store.agreementVersions("cert-to-police")[1].agreement.title == "Fraud and phishing")
            // Version 1 is approved: no edit in place.
            #expect(try await ana.get("/console/agreements/cert-to-police/versions/1/edit").0 == 409)
            #expect(try await ana.get("/console/agreements/cert-to-police/versions/7/edit").0 == 404)
        }
    }

    @Test("Contacts come into a new version's form for the parties' admins only; the operator's admin is told they are hidden")
    func contactsForPartiesOnly() async throws {
        try await World.run(governance: AgreementGovernance(operatorOrganisation: "gateway-op")) { db, base, keys in
            let ana = try await Session(base, key: keys.ana)
            let withContact = Self.newAgreement(id: "cert-to-police").filter { !["consumer", "pd-email"].contains($0.0) }
            #expect(try await ana.post("/console/agreements/cert-to-police/versions/new", withContact).0 == 303)
            let (_, own) = try await ana.get("/console/agreements/cert-to-police/versions/new")
            #expect(own.contains(#"value="Duty desk""#) && !own.contains(#"id="contacts-hidden""#))
            let operatorKey = try await db.store.createAPIKey(organisation: "gateway-op", role: .admin, person: "Oskar Operator").key
            let oskar = try await Session(base, key: operatorKey)
            let (status, page) = try await oskar.get("/console/agreements/cert-to-police/versions/new")
            #expect(status == 200 && page.contains(#"id="contacts-hidden""#) && !page.contains("Duty desk"))
        }
    }

    @Test("Roll back proposes an earlier version's document as a new version; four eyes approve it; resume and terminate move the agreement")
    func rollBackResumeTerminate() async throws {
        try await World.run { db, base, keys in
            try await World.proposeVersion2(db)
            let ana = try await Session(base, key: keys.ana), boris = try await Session(base, key: keys.boris)
            func etag(_ number: Int) async throws -> String {
                AgreementRecords.etag(of: try #require(try await db.store.agreementVersions("cert-to-police").first { $0.number == number }))
            }
            let path = "/console/agreements/cert-to-police/versions/"
            #expect(try await boris.post(path + "2/approve", [("etag", try await etag(2))]).0 == 303)
            #expect(try await World.states(db) == [1: "superseded", 2: "approved"])
            let (_, page) = try await ana.get("/console/agreements/cert-to-police")
            #expect(page.contains(#"action="/console/agreements/cert-to-police/versions/1/rollback""#))

            let (rolled, _, location) = try await ana.post(path + "1/rollback", [("reason", "The police need the description again")])
            #expect(rolled == 303 && location == "/console/agreements/cert-to-police#version-3")
            let versions = try await db.store.agreementVersions("cert-to-police")
            #expect(versions[2].state == .proposed && versions[2].hash == versions[0].hash && versions[2].proposedBy == World.ana)
            // Four eyes: the person who rolled back does not approve.
            #expect(try await ana.post(path + "3/approve", [("etag", try await etag(3))]).0 == 403)
            #expect(try await boris.post(path + "3/approve", [("etag", try await etag(3))]).0 == 303)
            #expect(try await World.states(db) == [1: "superseded", 2: "superseded", 3: "approved"])

            #expect(try await boris.post(path + "3/suspend", [("etag", try await etag(3)), ("reason", "Audit")]).0 == 303)
            #expect(try await ana.post(path + "3/resume", [("etag", try await etag(3))]).0 == 303)
            #expect(try await World.states(db)[3] == "approved")
            #expect(try await ana.post(path + "3/terminate", [("etag", try await etag(3))]).0 == 422)  // a reason is required
            #expect(try await ana.post(path + "3/terminate", [("etag", try await etag(3)), ("reason", "MoU ended")]).0 == 303)
            #expect(try await World.states(db)[3] == "terminated")
            let (_, after) = try await ana.get("/console/agreements/cert-to-police")
            #expect(after.contains(#"id="agreement-status">terminated"#) && !after.contains(#"id="new-version""#))
            #expect(try await ana.post("/console/agreements/cert-to-police/versions/new", Self.newAgreement()).0 == 409)
            let actions = try await db.store.auditEntries(
                from: nil, to: nil, actor: "cert", subject: "agreement:cert-to-police", action: nil, after: nil, limit: 100)
            #expect(actions.contains { $0.action == "agreement-rollback-draft" && ConsoleAuditController.person($0) == "Ana Admin" })
            #expect(actions.contains { $0.action == "agreement-terminate" && ConsoleAuditController.person($0) == "Ana Admin" })
        }
    }

    @Test("An auditor sees no editor and no governance control, and a forged editor POST is refused with 403")
    func auditorRefused() async throws {
        try await World.run { db, base, keys in
            let dora = try await Session(base, key: keys.dora)
            let (_, list) = try await dora.get("/console/agreements")
            #expect(!list.contains(#"id="new-agreement""#))
            let (_, page) = try await dora.get("/console/agreements/cert-to-police")
            #expect(!page.contains(#"id="new-version""#) && !page.contains("/terminate") && !page.contains("/rollback"))
            #expect(try await dora.get("/console/agreements/new").0 == 403)
            #expect(try await dora.get("/console/agreements/cert-to-police/versions/new").0 == 403)
            #expect(try await dora.post("/console/agreements/new", Self.newAgreement()).0 == 403)
            #expect(try await dora.post("/console/agreements/cert-to-police/versions/new", Self.newAgreement()).0 == 403)
            #expect(try await dora.post("/console/agreements/cert-to-police/versions/1/rollback", []).0 == 403)
            #expect(try await db.store.agreementVersions("cert-to-prosecutor").isEmpty)
            #expect(try await World.states(db) == [1: "approved"])
        }
    }
}
