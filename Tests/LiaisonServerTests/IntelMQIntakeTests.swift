import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import PostgresNIO
import Testing

@Suite(.timeLimit(.minutes(5))) struct IntelMQIntakeTests {
    static let rawLine = "2026-11-28T09:15:00Z,203.0.113.50,jovana.petrovic@example.rs,UniqueRawMarker"
    static let rawBase64 = Data(rawLine.utf8).base64EncodedString()

    /// One event as IntelMQ's REST API output bot posts it (flat keys, one JSON object).
    static func event(sourceIP: String = "198.51.100.23") -> String {
        """
        {"classification.taxonomy": "fraud", "classification.type": "phishing", "classification.identifier": "bank-phish", \
        "feed.name": "Phishing Reports", "feed.provider": "Example CERT", "feed.accuracy": 100.0, \
        "time.source": "2026-11-28T09:15:00+00:00", "time.observation": "2026-11-28T10:00:00+00:00", \
        "source.ip": "\(sourceIP)", "source.port": 443, "source.url": "https://bank-login.example.net/rs/", \
        "source.asn": 64496, "source.geolocation.cc": "NL", "source.abuse_contact": "abuse@hoster.example", \
        "destination.ip": "203.0.113.50", "destination.account": "jovana.petrovic@example.rs", \
        "protocol.application": "https", "event_description.text": "Credential phishing page", \
        "extra.analyst_note": "Victim called back from +381 64 123 4567", "raw": "\(rawBase64)"}
        """
    }

    func rows(_ db: TestDatabase.Handle, _ query: PostgresQuery) async throws -> [String] {
        var texts: [String] = []
        for try await text in try await db.client.query(query, logger: TestDatabase.logger).decode(String.self) {
            texts.append(text)
        }
        return texts
    }

    @Test("The REST API output bot's single JSON object is stored, personal data as vault tokens and raw only as a digest")
    func restAPIBotEvent() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let answer = try await postEvents(
                app, key: key, body: Array(Self.event().utf8), contentType: "application/json; charset=utf-8")
            #expect(answer.status == 201, "\(answer.json)")
            let incidents = try await rows(db, "SELECT row_to_json(i)::text FROM incidents i")
            let custody = try await rows(db, "SELECT details::text FROM custody_records")
            #expect(incidents.count == 1 && custody.count == 1)
            let incident = try #require(incidents.first)
            let details = try #require(custody.first)
            #expect(incident.contains(#""classification_taxonomy":"fraud","classification_type":"phishing""#))
            #expect(incident.contains("fraud/phishing reported by IntelMQ feed Phishing Reports"))
            #expect(incident.contains("198.51.100.23") && incident.contains("bank-login.example.net"))
            #expect(incident.contains("[[pd:ipv4:") && incident.contains("[[pd:email:"))
            #expect(details.contains("[[pd:phone:") && details.contains("intelmq.raw_sha256"))
            #expect(details.contains(#""intelmq.source.port": "443""#) || details.contains(#""intelmq.source.port":"443""#))
            for text in [incident, details] {
                for secret in ["203.0.113.50", "petrovic", "641234567", "123 4567", "UniqueRawMarker", Self.rawBase64] {
                    #expect(!text.contains(secret), "\(secret) stored in plaintext")
                }
            }
            let kinds = try await rows(db, "SELECT kind || '/' || role FROM vault_entries ORDER BY kind, role")
            #expect(kinds == ["email/infrastructure", "email/victim", "ipv4/victim", "phone/unknown"])
        }
    }

    @Test("Addresses in e-mail fields and at newer or reserved TLDs go to the vault, whatever their TLD")
    func addressesAtAnyTLD() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let extra = #", "extra.victim_email": "ana.petrovic@firma.gmbh", "extra.contact_email": "marko.ilic@intranet.corp", "#
                + #""extra.reporter.e_mail": "dragana@cert.lan", "extra.note": "reply to milan.jovanovic@verein.berlin or test@exercise.test""#
            let body = Self.event().replacingOccurrences(of: #", "raw":"#, with: extra + #", "raw":"#)
            let answer = try await postEvents(app, key: key, body: Array(body.utf8), contentType: "application/json")
            #expect(answer.status == 201, "\(answer.json)")
            let stored = try await TestDatabase.allTextOutsideVault(db).joined(separator: "\n")
            for secret in ["ana.petrovic", "marko.ilic", "dragana@", "milan.jovanovic", "test@exercise"] {
                #expect(!stored.contains(secret), "\(secret) stored in plaintext")
            }
        }
    }

    @Test("A victim's account name that is not an address still goes to the vault")
    func victimAccountName() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let body = Self.event().replacingOccurrences(of: "jovana.petrovic@example.rs", with: "jovana88")
            let answer = try await postEvents(app, key: key, body: Array(body.utf8), contentType: "application/json")
            #expect(answer.status == 201)
            #expect(try await !TestDatabase.allTextOutsideVault(db).joined().contains("jovana88"))
            let kinds = try await rows(db, "SELECT kind || '/' || role FROM vault_entries WHERE kind = 'user-account'")
            #expect(kinds == ["user-account/victim"])
        }
    }

    @Test("A re-sent IntelMQ event writes nothing and gets the first receipt; an NDJSON batch of them is one transaction")
    func duplicatesAndBatches() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let first = try await postEvents(app, key: key, body: Array(Self.event().utf8), contentType: "application/json")
            let again = try await postEvents(app, key: key, body: Array(Self.event().utf8), contentType: "application/json")
            #expect(again.status == 200)
            #expect(again.json["receipt_id"] as? String == first.json["receipt_id"] as? String)
            let batch = Self.event(sourceIP: "198.51.100.24") + "\n" + Self.event(sourceIP: "198.51.100.25") + "\n"
            let answer = try await postEvents(app, key: key, body: Array(batch.utf8), query: "?format=intelmq")
            #expect(answer.status == 201)
            #expect(try await TestDatabase.rowCounts(db)["incidents"] == 3)
        }
    }

    @Test("A batch of 1,200 events (the large intake's settings) stores each once with its custody record; sent again, nothing")
    func largeBatch() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let body = (0..<1_200).map { Self.event(sourceIP: "198.51.\(100 + $0 / 250).\($0 % 250 + 1)") }.joined(separator: "\n")
            let first = try await postEvents(app, key: key, body: Array(body.utf8), query: "?format=intelmq")
            #expect(first.status == 201)
            #expect((first.json["incident_ids"] as? [Any])?.count == 1_200)
            let counts = try await TestDatabase.rowCounts(db)
            #expect(counts["incidents"] == 1_200 && counts["custody_records"] == 1_200)
            // Custody details as the canonical writer wrote them, names in order, raw only as its digest.
            let details = try await rows(db, "SELECT DISTINCT (details - 'intelmq.extra.analyst_note')::text FROM custody_records")
            #expect(details.count == 1)
            #expect(details.first?.contains("\"intelmq.raw_sha256\": \"sha256:") == true)
            #expect(details.first?.contains(Self.rawBase64) == false)
            let again = try await postEvents(app, key: key, body: Array(body.utf8), query: "?format=intelmq")
            #expect(again.status == 200)
            #expect(again.json["receipt_id"] as? String == first.json["receipt_id"] as? String)
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("A bad IntelMQ field is a 422 naming its dotted key, and a forced Liaison reading refuses IntelMQ keys; nothing is written",
          arguments: [
            ("", #""source.ip": "198.51.100.300""#, "/0/source.ip"),
            ("", #""raw": "%%%""#, "/0/raw"),
            ("?format=liaison", #""source.fqdn": "evil.example.net""#, "/0/feed.name"),
          ])
    func refuses(query: String, field: String, pointer: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let body = #"{"classification.type": "phishing", "feed.name": "F", "# + field + "}"
            let answer = try await postEvents(app, key: key, body: Array(body.utf8), contentType: "application/json", query: query)
            #expect(answer.status == 422)
            #expect(answer.json["type"] as? String == "urn:liaison:problem:invalid-events")
            let pointers = (answer.json["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String } ?? []
            #expect(pointers.contains(pointer))
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }
}
