import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The admin API for agreements, keys, deliveries and the audit trail, over the router on a
/// real database: each refusal is problem+json with the status its cause deserves.
@Suite(.timeLimit(.minutes(5))) struct AdminAgreementsAPITests {
    /// An agreement document as an admin sends it: the YAML file's members, as JSON.
    static func document(phone: String = "mask", fields: [String] = ["classification", "title", "description", "observables"]) -> String {
        """
        {"id": "cert-to-police", "producer": "cert", "consumer": "police", "title": "Fraud cases for the cybercrime unit",
         "legal_basis": "MoU of 2026-10-01, art. 4", "match": {"taxonomies": ["fraud"], "max_tlp": "TLP:AMBER"},
         "share": {"fields": [\(fields.map { "\"\($0)\"" }.joined(separator: ", "))], "personal_data": {"email": "pseudonymise", "phone": "\(phone)"}},
         "pseudonym_key": "hm52jNyVX+f1+2lGipLQhnIoyjb7Ep41X674mP5/wDc=",
         "contacts": [{"party": "consumer", "role": "duty officer", "name": "Duty officer", "email": "duty@police.example"}]}
        """
    }

    struct Keys {
        var ana, bojan, policeAdmin, auditor, producer, outsider: String
    }

    static func keys(_ store: PostgresIncidentStore) async throws -> Keys {
        Keys(
            ana: try await store.createAPIKey(organisation: "cert", role: .admin, person: "Ana Admin").key,
            bojan: try await store.createAPIKey(organisation: "cert", role: .admin, person: "Bojan Admin").key,
            policeAdmin: try await store.createAPIKey(organisation: "police", role: .admin, person: "Police Admin").key,
            auditor: try await store.createAPIKey(organisation: "cert", role: .auditor, person: "Audra Auditor").key,
            producer: try await store.createAPIKey(organisation: "cert", role: .producer).key,
            outsider: try await store.createAPIKey(organisation: "elsewhere", role: .admin, person: "Olga Outsider").key)
    }

    static func isProblem(_ answer: RouterAnswer, _ status: Int, _ slug: String) -> Bool {
        answer.status.code == status && answer.contentType == "application/problem+json"
            && answer.json["type"] as? String == "urn:liaison:problem:" + slug
    }

    @Test("Create, propose and approve over HTTP: If-Match required and checked, a second person approves, the version comes into force")
    func lifecycle() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            let app = Application(router: buildRouter(dependencies))
            let keys = try await Self.keys(db.store)
            let json = "application/json"

            // Only admins write; auditors and producers are refused, as is an unnamed body.
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.auditor, body: Self.document(), contentType: json), 403, "forbidden"))
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.producer, body: Self.document(), contentType: json), 403, "forbidden"))
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.outsider, body: Self.document(), contentType: json), 403, "not-a-party"))

            let created = try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.ana, body: Self.document(), contentType: json)
            #expect(created.status == .created, "\(created.text)")
            let etag = try #require(created.headers[.eTag])
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.bojan, body: Self.document(), contentType: json), 409, "agreement-exists"))

            let propose = "/v1/admin/agreements/cert-to-police/versions/1/propose"
            // An outsider learns nothing, not even the ETag a stale If-Match would reveal.
            let probed = try await routerRequest(app, .post, propose, key: keys.outsider, headers: [.ifMatch: "\"1-draft-0000\""])
            #expect(Self.isProblem(probed, 404, "not-found") && probed.headers[.eTag] == nil)
            #expect(Self.isProblem(try await routerRequest(app, .post, propose, key: keys.ana), 428, "if-match-required"))
            let stale = try await routerRequest(app, .post, propose, key: keys.ana, headers: [.ifMatch: "\"1-draft-0000\""])
            #expect(Self.isProblem(stale, 412, "stale-version"))
            #expect(stale.headers[.eTag] == etag)
            let proposed = try await routerRequest(app, .post, propose, key: keys.ana, body: #"{"reason": "first MoU"}"#, contentType: json, headers: [.ifMatch: etag])
            #expect(proposed.status == .ok)
            let proposedTag = try #require(proposed.headers[.eTag])
            #expect(proposedTag != etag)

            let approve = "/v1/admin/agreements/cert-to-police/versions/1/approve"
            #expect(Self.isProblem(try await routerRequest(app, .post, approve, key: keys.ana, headers: [.ifMatch: proposedTag]), 403, "four-eyes"))
            #expect(dependencies.agreements.book["cert-to-police"] == nil)
            let approved = try await routerRequest(app, .post, approve, key: keys.bojan, headers: [.ifMatch: proposedTag])
            #expect(approved.status == .ok)
            #expect(dependencies.agreements.book["cert-to-police"]?.title == "Fraud cases for the cybercrime unit")
            #expect(Self.isProblem(try await routerRequest(app, .post, approve, key: keys.bojan, headers: [.ifMatch: "*"]), 409, "wrong-state"))

            // Reads: both parties' admins and auditors; contacts to the parties' admins only; others see nothing.
            let shown = try await routerRequest(app, .get, "/v1/admin/agreements/cert-to-police", key: keys.policeAdmin)
            #expect(shown.status == .ok && shown.json["status"] as? String == "active")
            #expect(shown.text.contains("duty@police.example"))
            let audited = try await routerRequest(app, .get, "/v1/admin/agreements/cert-to-police", key: keys.auditor)
            #expect(audited.status == .ok && !audited.text.contains("duty@police.example"))
            #expect(audited.text.contains("Bojan Admin"))
            #expect(Self.isProblem(try await routerRequest(app, .get, "/v1/admin/agreements/cert-to-police", key: keys.outsider), 404, "not-found"))
            let listed = try await routerRequest(app, .get, "/v1/admin/agreements", key: keys.outsider)
            #expect((listed.json["agreements"] as? [Any])?.isEmpty == true)

            // Suspending needs a reason; suspended, the agreement stops sharing at once.
            let suspend = "/v1/admin/agreements/cert-to-police/versions/1/suspend"
            #expect(Self.isProblem(try await routerRequest(app, .post, suspend, key: keys.policeAdmin, headers: [.ifMatch: "*"]), 422, "reason-required"))
            let suspended = try await routerRequest(app, .post, suspend, key: keys.policeAdmin, body: #"{"reason": "audit pending"}"#, contentType: json, headers: [.ifMatch: "*"])
            #expect(suspended.status == .ok)
            #expect(dependencies.agreements.book["cert-to-police"]?.status == .suspended)
            let history = try await routerRequest(app, .get, "/v1/admin/agreements/cert-to-police", key: keys.ana)
            let actions = (history.json["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
            #expect(actions == ["create", "propose", "approve", "suspend"])
        }
    }

    @Test("The list gives the validity of the version in force; the audit trail filters by the person who acted")
    func validityAndPersonFilter() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            let app = Application(router: buildRouter(dependencies))
            let keys = try await Self.keys(db.store)
            let json = "application/json"
            let document = Self.document().replacingOccurrences(
                of: #""title": "#, with: #""valid_from": "2026-01-01T00:00:00Z", "valid_until": "2030-12-31T00:00:00Z", "title": "#)
            let created = try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.ana, body: document, contentType: json)
            #expect(created.status == .created, "\(created.text)")
            let etag = try #require(created.headers[.eTag])
            let proposed = try await routerRequest(
                app, .post, "/v1/admin/agreements/cert-to-police/versions/1/propose", key: keys.ana, headers: [.ifMatch: etag])
            let approved = try await routerRequest(
                app, .post, "/v1/admin/agreements/cert-to-police/versions/1/approve", key: keys.bojan,
                headers: [.ifMatch: try #require(proposed.headers[.eTag])])
            #expect(approved.status == .ok)
            let listed = try await routerRequest(app, .get, "/v1/admin/agreements", key: keys.auditor)
            let summary = try #require((listed.json["agreements"] as? [[String: Any]])?.first)
            #expect((summary["valid_from"] as? String).flatMap(RFC3339.date(from:)) == RFC3339.date(from: "2026-01-01T00:00:00Z"), "\(summary)")
            #expect((summary["valid_until"] as? String).flatMap(RFC3339.date(from:)) == RFC3339.date(from: "2030-12-31T00:00:00Z"), "\(summary)")

            let byBojan = try await routerRequest(app, .get, "/v1/admin/audit?person=Bojan%20Admin&subject=agreement:", key: keys.auditor)
            #expect((byBojan.json["entries"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["agreement-approve"])
            let byAna = try await routerRequest(app, .get, "/v1/admin/audit?person=Ana%20Admin&subject=agreement:", key: keys.auditor)
            #expect((byAna.json["entries"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["agreement-create", "agreement-propose"])
            let tooLong = try await routerRequest(app, .get, "/v1/admin/audit?person=" + String(repeating: "x", count: 201), key: keys.auditor)
            #expect(Self.isProblem(tooLong, 400, "invalid-parameter"))
        }
    }

    @Test("Whoever edited a draft does not approve it, and a terminated agreement's drafts stay as they are")
    func editorsDoNotApprove() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let keys = try await Self.keys(db.store)
            let json = "application/json"
            let version = "/v1/admin/agreements/cert-to-police/versions/1"
            _ = try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.ana, body: Self.document(), contentType: json)
            let edited = try await routerRequest(app, .put, version, key: keys.bojan, body: Self.document(phone: "pseudonymise"), contentType: json, headers: [.ifMatch: "*"])
            #expect(edited.status == .ok)
            _ = try await routerRequest(app, .post, version + "/propose", key: keys.ana, headers: [.ifMatch: "*"])
            #expect(Self.isProblem(try await routerRequest(app, .post, version + "/approve", key: keys.bojan, headers: [.ifMatch: "*"]), 403, "four-eyes"))
            #expect(try await routerRequest(app, .post, version + "/approve", key: keys.policeAdmin, headers: [.ifMatch: "*"]).status == .ok)

            _ = try await routerRequest(app, .post, "/v1/admin/agreements/cert-to-police/versions", key: keys.ana, body: #"{"from_version": 1}"#, contentType: json)
            #expect(try await routerRequest(app, .post, version + "/terminate", key: keys.policeAdmin, body: #"{"reason": "MoU ended"}"#, contentType: json, headers: [.ifMatch: "*"]).status == .ok)
            let late = try await routerRequest(app, .put, "/v1/admin/agreements/cert-to-police/versions/2", key: keys.ana, body: Self.document(), contentType: json, headers: [.ifMatch: "*"])
            #expect(Self.isProblem(late, 409, "agreement-terminated"))
        }
    }

    @Test("A document with problems is refused whole, each problem named by pointer; secret references are not taken over HTTP")
    func invalidDocuments() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let keys = try await Self.keys(db.store)
            let bad = Self.document().replacingOccurrences(of: #""max_tlp": "TLP:AMBER""#, with: #""max_tlp": "TLP:PURPLE""#)
                .replacingOccurrences(of: #""phone": "mask""#, with: #""phone": "publish""#)
            let refused = try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.ana, body: bad, contentType: "application/json")
            #expect(Self.isProblem(refused, 422, "invalid-agreement"))
            let pointers = (refused.json["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String } ?? []
            #expect(pointers.contains("/match/max_tlp") && pointers.contains("/share/personal_data/phone"))

            let reference = Self.document().replacingOccurrences(of: "hm52jNyVX+f1+2lGipLQhnIoyjb7Ep41X674mP5/wDc=", with: "env:HOME")
            let secretRefused = try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.ana, body: reference, contentType: "application/json")
            #expect(Self.isProblem(secretRefused, 422, "invalid-agreement"))
            #expect(!secretRefused.text.contains(ProcessInfo.processInfo.environment["HOME"] ?? "/nonexistent-home"))

            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.ana, body: "[1]", contentType: "application/json"), 422, "invalid-request"))
            #expect(try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.ana, body: Self.document(), contentType: "text/plain").status == .unsupportedMediaType)
            #expect(try await db.store.agreementVersions().isEmpty)
        }
    }

    @Test("Diff shows what a new version changes; preview counts what it would disclose, reads no vault value, and is audited")
    func diffAndPreview() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            let app = Application(router: buildRouter(dependencies))
            let keys = try await Self.keys(db.store)
            let json = "application/json"
            _ = try await routerRequest(app, .post, "/v1/admin/agreements", key: keys.ana, body: Self.document(), contentType: json)
            _ = try await routerRequest(app, .post, "/v1/admin/agreements/cert-to-police/versions/1/propose", key: keys.ana, headers: [.ifMatch: "*"])
            #expect(try await routerRequest(app, .post, "/v1/admin/agreements/cert-to-police/versions/1/approve", key: keys.bojan, headers: [.ifMatch: "*"]).status == .ok)

            for _ in 0..<3 { #expect(try await postEvents(app, key: keys.producer, body: Array(GatewayFixture.event().utf8)).status == .created) }
            let other = try await postEvents(app, key: keys.producer, body: Array(GatewayFixture.event(taxonomy: "malicious-code", type: "malware-distribution").utf8))
            #expect(other.status == .created, "\(other.text)")

            let wider = Self.document(phone: "pseudonymise", fields: ["classification", "title", "description", "observables", "first_seen"])
            let drafted = try await routerRequest(app, .post, "/v1/admin/agreements/cert-to-police/versions", key: keys.bojan, body: #"{"document": \#(wider)}"#, contentType: json)
            #expect(drafted.status == .created)

            let diff = try await routerRequest(app, .get, "/v1/admin/agreements/cert-to-police/versions/2/diff", key: keys.auditor)
            #expect(diff.status == .ok)
            let changes = diff.json["changes"] as? [[String: Any]] ?? []
            #expect(Set(changes.compactMap { $0["pointer"] as? String }) == ["/share/fields", "/share/personal_data/phone"])
            #expect(changes.first { $0["pointer"] as? String == "/share/personal_data/phone" }?["after"] as? String == "pseudonymise")

            let preview = try await routerRequest(app, .post, "/v1/admin/agreements/cert-to-police/versions/2/preview", key: keys.ana)
            #expect(preview.status == .ok)
            #expect(preview.json["incidents"] as? Int == 4)
            #expect(preview.json["changed"] as? Int == 3 && preview.json["newly_shared"] as? Int == 0)
            let entry = (preview.json["entries"] as? [[String: Any]])?.first
            #expect(entry?["fields_added"] as? [String] == ["first_seen"])
            #expect((entry?["actions"] as? [[String: Any]])?.first?["after"] as? String == "pseudonymise")
            #expect(!preview.text.contains(GatewayFixture.victimEmail) && !preview.text.contains("123 4567"))
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/agreements/cert-to-police/versions/2/preview?limit=5000", key: keys.ana), 400, "invalid-limit"))

            let audit = try await routerRequest(app, .get, "/v1/admin/audit?action=agreement-preview", key: keys.ana)
            #expect((audit.json["entries"] as? [Any])?.count == 1)
        }
    }

    @Test("Keys: admin, auditor and consumer keys name a person; a revoked key stops working; the secret is shown once")
    func keysOverHTTP() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let keys = try await Self.keys(db.store)
            let json = "application/json"
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/keys", key: keys.ana, body: #"{"role": "consumer"}"#, contentType: json), 422, "invalid-request"))
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/keys", key: keys.ana, body: #"{"role": "admin", "person": "Eve", "organisation": "police"}"#, contentType: json), 403, "not-your-organisation"))
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/keys", key: keys.ana, body: #"{"role": "producer", "expires_at": "2001-01-01T00:00:00Z"}"#, contentType: json), 422, "invalid-request"))
            let created = try await routerRequest(app, .post, "/v1/admin/keys", key: keys.ana, body: #"{"role": "auditor", "person": "Dara DPO"}"#, contentType: json)
            #expect(created.status == .created)
            let secret = try #require(created.json["key"] as? String)
            let id = try #require((created.json["record"] as? [String: Any])?["id"] as? String)
            #expect(try await routerRequest(app, .get, "/v1/admin/audit", key: secret).status == .ok)

            let listed = try await routerRequest(app, .get, "/v1/admin/keys", key: keys.auditor)
            #expect(listed.status == .ok && listed.text.contains("Dara DPO") && !listed.text.contains(secret))
            #expect(!listed.text.contains("Olga Outsider"))
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/keys/\(id)/revoke", key: keys.outsider), 404, "not-found"))
            #expect(try await routerRequest(app, .post, "/v1/admin/keys/\(id)/revoke", key: keys.bojan).status == .ok)
            #expect(try await routerRequest(app, .get, "/v1/admin/audit", key: secret).status == .unauthorized)
        }
    }

    @Test("Deliveries are listed to the parties; a dead one is replayed once, with its id; others are refused with 409")
    func deliveries() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: "https://police.example/hook")
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let keys = try await Self.keys(db.store)
            #expect(try await postEvents(app, key: keys.producer, body: Array(GatewayFixture.event().utf8)).status == .created)
            try await db.client.query("UPDATE \(unescaped: db.schema).deliveries SET status = 'dead', attempts = 8, last_error = 'refused'", logger: TestDatabase.logger)

            let listed = try await routerRequest(app, .get, "/v1/admin/deliveries?status=dead", key: keys.policeAdmin)
            let delivery = try #require((listed.json["deliveries"] as? [[String: Any]])?.first)
            #expect(delivery["consumer"] as? String == "police" && delivery["attempts"] as? Int == 8)
            let id = try #require(delivery["id"] as? String)
            #expect((try await routerRequest(app, .get, "/v1/admin/deliveries", key: keys.outsider).json["deliveries"] as? [Any])?.isEmpty == true)
            #expect(Self.isProblem(try await routerRequest(app, .get, "/v1/admin/deliveries?status=lost", key: keys.ana), 400, "invalid-parameter"))
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/deliveries/\(id)/replay", key: keys.outsider), 404, "not-found"))
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/deliveries/\(id)/replay", key: keys.auditor), 403, "forbidden"))

            let replayed = try await routerRequest(app, .post, "/v1/admin/deliveries/\(id)/replay", key: keys.ana)
            #expect(replayed.status == .ok && replayed.json["status"] as? String == "pending" && replayed.json["id"] as? String == id)
            #expect(replayed.json["attempts"] as? Int == 0)
            #expect(Self.isProblem(try await routerRequest(app, .post, "/v1/admin/deliveries/\(id)/replay", key: keys.ana), 409, "not-dead"))
            let audit = try await routerRequest(app, .get, "/v1/admin/audit?subject=delivery:", key: keys.auditor)
            let entry = (audit.json["entries"] as? [[String: Any]])?.first
            #expect(entry?["action"] as? String == "replay-delivery" && entry?["actor"] as? String == "cert")
        }
    }
}

/// Organisations: created by the operator's admins, described by their own.
@Suite(.timeLimit(.minutes(5))) struct AdminOrganisationsAPITests {
    @Test("The operator creates organisations; each organisation's admins set its contacts; others see nothing of them")
    func organisations() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let dependencies = try await GatewayFixture.dependencies(db, agreements: [], governance: AgreementGovernance(operatorOrganisation: "gateway-op"))
            let app = Application(router: buildRouter(dependencies))
            let operatorAdmin = try await db.store.createAPIKey(organisation: "gateway-op", role: .admin, person: "Oskar Operator").key
            let json = "application/json"
            let body = #"{"id": "police", "name": "Cybercrime Unit", "contacts": [{"role": "duty officer", "name": "Duty Officer", "email": "duty@police.example"}]}"#
            let created = try await routerRequest(app, .post, "/v1/admin/organisations", key: operatorAdmin, body: body, contentType: json)
            #expect(created.status == .created && created.json["name"] as? String == "Cybercrime Unit")
            #expect(AdminAgreementsAPITests.isProblem(try await routerRequest(app, .post, "/v1/admin/organisations", key: operatorAdmin, body: body, contentType: json), 409, "organisation-exists"))

            let policeAdmin = try await db.store.createAPIKey(organisation: "police", role: .admin, person: "Pavle Admin").key
            let certAdmin = try await db.store.createAPIKey(organisation: "cert", role: .admin, person: "Ana Admin").key
            #expect(AdminAgreementsAPITests.isProblem(try await routerRequest(app, .post, "/v1/admin/organisations", key: policeAdmin, body: #"{"id": "other"}"#, contentType: json), 403, "operator-only"))
            let bad = try await routerRequest(app, .put, "/v1/admin/organisations/police", key: policeAdmin, body: #"{"contacts": [{"role": "dpo"}]}"#, contentType: json)
            #expect(AdminAgreementsAPITests.isProblem(bad, 422, "invalid-request"))
            #expect((bad.json["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/contacts/0/name")
            // U+0000 is refused by the strict JSON reader itself, for every body (issue 18).
            let nul = try await routerRequest(app, .put, "/v1/admin/organisations/police", key: policeAdmin, body: #"{"name": "Unit\u0000"}"#, contentType: json)
            #expect(AdminAgreementsAPITests.isProblem(nul, 422, "invalid-json"))
            for refused in [#"{"contact": []}"#, #"{"name": "   "}"#, "{\"name\": \"\(String(repeating: "e\u{301}", count: 150))\"}"] {
                let answer = try await routerRequest(app, .put, "/v1/admin/organisations/police", key: policeAdmin, body: refused, contentType: json)
                #expect(AdminAgreementsAPITests.isProblem(answer, 422, "invalid-request"), "\(refused)")
            }
            let updated = try await routerRequest(app, .put, "/v1/admin/organisations/police", key: policeAdmin, body: #"{"name": "Cybercrime Unit", "contacts": [{"role": "dpo", "name": "Dara DPO"}]}"#, contentType: json)
            #expect(updated.status == .ok && updated.text.contains("Dara DPO") && !updated.text.contains("Duty Officer"))
            #expect(AdminAgreementsAPITests.isProblem(try await routerRequest(app, .put, "/v1/admin/organisations/police", key: certAdmin, body: #"{"name": "Taken over"}"#, contentType: json), 404, "not-found"))

            let seenByCert = try await routerRequest(app, .get, "/v1/admin/organisations", key: certAdmin)
            #expect(!seenByCert.text.contains("Dara DPO") && !seenByCert.text.contains("\"police\""))
            let seenByOperator = try await routerRequest(app, .get, "/v1/admin/organisations", key: operatorAdmin)
            #expect(seenByOperator.text.contains("Dara DPO") && seenByOperator.text.contains("\"cert\""))
            let audit = try await routerRequest(app, .get, "/v1/admin/audit?subject=organisation:police", key: operatorAdmin)
            #expect(audit.text.contains("update-organisation") && !audit.text.contains("Dara DPO"))
        }
    }
}
