import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import PostgresNIO
import Testing

/// `POST /v1/admin/vault/report` (issue 14): what the gateway holds and disclosed of one
/// person's value, for a data subject's or a supervisory authority's request — without
/// printing that value, any other, or a reading officer's name.
@Suite(.timeLimit(.minutes(5))) struct VaultReportTests {
    static let operatorOrganisation = "gateway-operator"

    struct Setup {
        var app: Application<RouterResponder<LiaisonRequestContext>>
        var producer: String
        var consumer: String
        var admin: String
        var incidents: [String]
    }

    /// Two incidents holding the fixture's victim e-mail address and phone number, both read
    /// once from the feed by the police with a purpose.
    static func setUp(_ db: TestDatabase.Handle) async throws -> Setup {
        let dependencies = try await GatewayFixture.dependencies(
            db, agreements: [GatewayFixture.agreement(webhookURL: nil)],
            governance: AgreementGovernance(operatorOrganisation: operatorOrganisation))
        let app = Application(router: buildRouter(dependencies))
        let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
        let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key
        let admin = try await db.store.createAPIKey(organisation: operatorOrganisation, role: .admin, person: "Dana Officer").key
        var incidents: [String] = []
        for _ in 0..<2 {
            incidents += try await postEvents(app, key: producer, body: Array(GatewayFixture.event().utf8)).json["incident_ids"] as? [String] ?? []
        }
        let read = try await routerRequest(app, .get, "/v1/feed", key: consumer, headers: [.liaisonPurpose: "case=KT-2026-0419"])
        #expect(read.status == .ok)
        return Setup(app: app, producer: producer, consumer: consumer, admin: admin, incidents: incidents)
    }

    static func report(_ app: some ApplicationProtocol, key: String, kind: String, value: String) async throws -> RouterAnswer {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["kind": kind, "value": value]), as: UTF8.self)
        return try await routerRequest(app, .post, "/v1/admin/vault/report", key: key, body: body, contentType: "application/json")
    }

    /// Nothing personal in a report: neither value of the fixture, nor the reader's name.
    static func expectNothingPersonal(_ answer: RouterAnswer) {
        for value in ["jovana", "petrovic", "123 4567", "641234567", "Petra", "Dana"] {
            #expect(!answer.text.lowercased().contains(value.lowercased()), "\(value) in a report")
        }
    }

    @Test("Lists every incident holding the value and every disclosure with how it rendered it and why; prints no value")
    func report() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let setup = try await Self.setUp(db)
            let email = try await Self.report(setup.app, key: setup.admin, kind: "email", value: " Jovana.Petrovic@EXAMPLE.rs ")
            #expect(email.status == .ok, "\(email.text)")
            #expect(email.json["kind"] as? String == "email" && email.json["held"] as? Int == 2 && email.json["erased"] as? Int == 0)
            let holdings = try #require(email.json["incidents"] as? [[String: Any]])
            #expect(Set(holdings.compactMap { $0["incident"] as? String }) == Set(setup.incidents))
            for holding in holdings {
                #expect(holding["producer"] as? String == "cert" && holding["role"] as? String == "victim")
                #expect((holding["token"] as? String)?.hasPrefix("[[pd:email:") == true)
                #expect(holding["erased_at"] == nil && holding["retain_until"] != nil)
                let disclosures = try #require(holding["disclosures"] as? [[String: Any]])
                #expect(disclosures.count == 1)
                #expect(disclosures.first?["consumer"] as? String == "police")
                #expect(disclosures.first?["transport"] as? String == "feed")
                #expect(disclosures.first?["rendering"] as? String == "pseudonymise")
                #expect((disclosures.first?["purpose"] as? [String: String])?["case"] == "KT-2026-0419")
            }
            Self.expectNothingPersonal(email)
            let phone = try await Self.report(setup.app, key: setup.admin, kind: "phone", value: "+381641234567")
            let renderings = (phone.json["incidents"] as? [[String: Any]] ?? []).flatMap { $0["disclosures"] as? [[String: Any]] ?? [] }
            #expect(renderings.count == 2 && renderings.allSatisfy { $0["rendering"] as? String == "mask" })
            Self.expectNothingPersonal(phone)
            let nobody = try await Self.report(setup.app, key: setup.admin, kind: "email", value: "nobody@example.rs")
            #expect(nobody.status == .ok && nobody.json["held"] as? Int == 0 && (nobody.json["incidents"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("After erasure the report says erased, and a disclosure made after it rendered the value as erased")
    func afterErasure() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let setup = try await Self.setUp(db)
            let erase = #"{"kind": "email", "value": "jovana.petrovic@example.rs"}"#
            let erased = try await routerRequest(
                setup.app, .post, "/v1/admin/vault/erase", key: setup.admin, body: erase, contentType: "application/json")
            #expect(erased.json["erased"] as? Int == 2)
            let again = try await routerRequest(
                setup.app, .get, "/v1/incidents/\(setup.incidents[0])", key: setup.consumer, headers: readPurpose)
            #expect(again.status == .ok && again.text.contains("[erased]"))
            let report = try await Self.report(setup.app, key: setup.admin, kind: "email", value: "jovana.petrovic@example.rs")
            #expect(report.json["held"] as? Int == 0 && report.json["erased"] as? Int == 2)
            let holdings = try #require(report.json["incidents"] as? [[String: Any]])
            #expect(holdings.allSatisfy { $0["erased_at"] != nil && $0["retain_until"] == nil })
            let first = try #require(holdings.first { $0["incident"] as? String == setup.incidents[0] })
            let renderings = (first["disclosures"] as? [[String: Any]] ?? []).map { $0["rendering"] as? String }
            #expect(renderings == ["pseudonymise", "erased"])
            Self.expectNothingPersonal(report)
        }
    }

    @Test("An organisation other than the operator sees only its own incidents and what it received")
    func scope() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let setup = try await Self.setUp(db)
            let certAdmin = try await db.store.createAPIKey(organisation: "cert", role: .admin, person: "Ana Admin").key
            let policeAuditor = try await db.store.createAPIKey(organisation: "police", role: .auditor, person: "Ivo Auditor").key
            let strangerAdmin = try await db.store.createAPIKey(organisation: "elsewhere", role: .admin, person: "Eva Admin").key
            let value = "jovana.petrovic@example.rs"
            #expect(try await Self.report(setup.app, key: certAdmin, kind: "email", value: value).json["held"] as? Int == 2)
            let police = try await Self.report(setup.app, key: policeAuditor, kind: "email", value: value)
            #expect((police.json["incidents"] as? [Any])?.count == 2)
            let stranger = try await Self.report(setup.app, key: strangerAdmin, kind: "email", value: value)
            #expect(stranger.json["held"] as? Int == 0 && (stranger.json["incidents"] as? [Any])?.isEmpty == true)
            #expect(try await Self.report(setup.app, key: setup.consumer, kind: "email", value: value).status == .forbidden)
            #expect(try await Self.report(setup.app, key: setup.producer, kind: "email", value: value).status == .forbidden)
        }
    }

    @Test("An unknown kind or an empty value is 422 naming the member, never echoing the value; the report is audited without it")
    func refusalsAndAudit() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let setup = try await Self.setUp(db)
            let unknown = try await Self.report(setup.app, key: setup.admin, kind: "shoe-size", value: "SECRET-MARK")
            #expect(unknown.status == .unprocessableContent)
            #expect((unknown.json["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/kind")
            #expect((unknown.json["errors"] as? [[String: Any]])?.first?["reason"] as? String ?? "" != "")
            #expect(!unknown.text.contains("SECRET-MARK"))
            let empty = try await Self.report(setup.app, key: setup.admin, kind: "email", value: "   ")
            #expect(empty.status == .unprocessableContent)
            #expect((empty.json["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/value")
            let extra = try await routerRequest(
                setup.app, .post, "/v1/admin/vault/report", key: setup.admin, body: #"{"kind": "email", "value": "x@example.rs", "why": 1}"#,
                contentType: "application/json")
            #expect(extra.status == .unprocessableContent)

            _ = try await Self.report(setup.app, key: setup.admin, kind: "email", value: "jovana.petrovic@example.rs")
            let rows = try await db.client.query(
                "SELECT actor, details::text FROM audit_log WHERE action = 'vault-report'", logger: TestDatabase.logger)
            var entries: [(String, String)] = []
            for try await entry in rows.decode((String, String).self) { entries.append(entry) }
            #expect(entries.count == 1, "refused requests are not reports")
            #expect(entries.first?.0 == Self.operatorOrganisation)
            let details = entries.first?.1 ?? ""
            #expect(details.contains(#""kind": "email""#) && details.contains(#""incidents": 2"#) && details.contains(#""person": "Dana Officer""#))
            #expect(!details.contains("jovana"))
        }
    }
}
