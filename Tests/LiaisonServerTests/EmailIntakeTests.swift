import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonMail
import LiaisonServer
import LiaisonTestSupport
import MailCorpus
import Testing

@Suite(.timeLimit(.minutes(5))) struct EmailIntakeTests {
    func post(_ app: some ApplicationProtocol, key: String, _ bytes: [UInt8], contentType: String = "message/rfc822") async throws -> (Int, [String: Any]) {
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/intake/email", method: .post, headers: [.authorization: "Bearer \(key)", .contentType: contentType],
                body: ByteBuffer(bytes: bytes))
            return (Int(response.status.code), (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    @Test("An ARF report becomes an incident with its custody record; the sender stays in the vault; a resend writes nothing")
    func arf() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil, fields: Set(IncidentField.allCases))
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let (status, receipt) = try await post(app, key: producer, MailCorpus.arfProvider)
            #expect(status == 201)
            #expect(receipt["transport"] as? String == "http-email")
            let parts = try #require(receipt["parts"] as? [[String: Any]])
            #expect(parts.contains { $0["status"] as? String == "accepted" })
            let id = try #require((receipt["incident_ids"] as? [String])?.first)

            let (_, shared) = try await app.test(.router) { client in
                let response = try await client.execute(uri: "/v1/incidents/\(id)", method: .get, headers: [.authorization: "Bearer \(consumer)", .liaisonPurpose: "case=TEST-2026-1"])
                return (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
            }
            let incident = try #require(shared["incident"] as? [String: Any])
            #expect((incident["classification"] as? [String: String])?["taxonomy"] == "fraud")
            let custody = try #require((shared["custody"] as? [String: Any])?["details"] as? [String: String])
            #expect(custody["message_id"] == "[message-id]")
            #expect(custody["signature"] == "unsigned")
            #expect(custody["from"] == "[email]")
            #expect(custody["received"]?.contains("mx.cert.example.org") == true)

            for value in try await TestDatabase.allTextOutsideVault(db) {
                #expect(!value.contains("fbl@mailbox.example.com") && !value.contains("ivana.horvat"), "personal data outside the vault")
            }
            // The same message again (same Message-ID): nothing written, the first receipt again.
            let counts = try await TestDatabase.rowCounts(db)
            let (again, second) = try await post(app, key: producer, MailCorpus.arfProvider)
            #expect(again == 200)
            #expect(second["receipt_id"] as? String == receipt["receipt_id"] as? String)
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("Received host names that spell an address and the Message-ID reach neither the consumer nor the store in plaintext")
    func custodyHeadersProtected() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil, fields: Set(IncidentField.allCases))
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let message = MailCorpus.bytes("""
                Received: from cpe-89-216-77-45.dynamic.example-isp.rs (cpe-89-216-77-45.dynamic.example-isp.rs [89.216.77.45])
                \tby mx.cert.example.org with ESMTP id 4Xy; Wed, 5 Mar 2025 10:00:00 +0100
                Received: from 2001-db8--7.pool.example.org (45.77.216.89.in-addr.arpa) by relay.example.net
                From: Reporter <reporter@cert.example.org>
                Subject: Phishing report
                Message-ID: <petar.msgidprobe.19821103@example.org>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Phishing site hxxps://bank-login[.]example[.]net imitating a bank.

                """)
            let (status, receipt) = try await post(app, key: producer, message)
            #expect(status == 201)
            let id = try #require((receipt["incident_ids"] as? [String])?.first)
            let body = try await app.test(.router) { client in
                let response = try await client.execute(uri: "/v1/incidents/\(id)", method: .get, headers: [.authorization: "Bearer \(consumer)", .liaisonPurpose: "case=TEST-2026-1"])
                return String(buffer: response.body)
            }
            let secrets = ["89-216-77-45", "89.216.77.45", "2001-db8--7", "2001:db8::7", "45.77.216.89", "msgidprobe", "19821103"]
            let shared = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let custody = try #require((shared["custody"] as? [String: Any])?["details"] as? [String: String])
            #expect(custody["message_id"] == "[message-id]")
            #expect(custody["received"]?.contains("mx.cert.example.org") == true, "the reporter's own relays stay readable")
            for secret in secrets {
                #expect(!body.contains(secret), "plaintext in the custody record the consumer sees")
            }
            for value in try await TestDatabase.allTextOutsideVault(db) {
                for secret in secrets { #expect(!value.contains(secret), "plaintext outside the vault") }
            }
            // The Message-ID still makes a re-sent message a duplicate.
            let (again, second) = try await post(app, key: producer, message)
            #expect(again == 200)
            #expect(second["receipt_id"] as? String == receipt["receipt_id"] as? String)
        }
    }

    @Test("E-mail over HTTP honours Idempotency-Key: a retry with the key returns the first receipt and writes nothing")
    func idempotencyKey() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "mail-2026-12-03-7"]
            let first = try await routerRequest(
                app, .post, "/v1/intake/email", key: producer, bytes: MailCorpus.arfProvider, contentType: "message/rfc822", headers: key)
            #expect(first.status == .created)
            let counts = try await TestDatabase.rowCounts(db)
            // Another message under the same key: the key decides, as on every intake route.
            let retry = try await routerRequest(
                app, .post, "/v1/intake/email", key: producer, bytes: MailCorpus.iodefMessage, contentType: "message/rfc822", headers: key)
            #expect(retry.status == .created)
            #expect(retry.json["receipt_id"] as? String == first.json["receipt_id"] as? String)
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("Bad messages get their own problem and write nothing", arguments: [
        ("text/plain", Array("x".utf8), 415, "unsupported-media-type"),
        ("message/rfc822", [UInt8](), 422, "mail-unparsable"),
        ("message/rfc822", MailCorpus.bytes("Subject: nothing\nMessage-ID: <n@example.org>\nContent-Type: image/png\n\nAAAA\n"), 422, "mail-no-report"),
        ("message/rfc822", Array(repeating: UInt8(ascii: "a"), count: 3000), 413, "body-too-large"),
    ])
    func badMessages(contentType: String, body: [UInt8], status: Int, slug: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            dependencies.mail.limits.maxMessageBytes = 2048
            let app = Application(router: buildRouter(dependencies))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let (code, problem) = try await post(app, key: producer, body, contentType: contentType)
            #expect(code == status)
            #expect(problem["type"] as? String == "urn:liaison:problem:\(slug)")
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("A zip bomb attachment is a 422 naming the archive ratio bound, with nothing written")
    func zipBomb() async throws {
        let bomb = MailCorpus.withArchives(
            [("bomb.zip", "application/zip", MailCorpus.zip([("zeros.bin", .zeros(256 << 20))]))], id: "bomb-http")
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let (code, problem) = try await post(app, key: producer, bomb)
            #expect(code == 422)
            #expect(problem["type"] as? String == "urn:liaison:problem:mail-bound-exceeded")
            #expect((problem["errors"] as? [[String: Any]])?.first?["reason"] as? String == "archiveRatio over 100")
            #expect((problem["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/1")
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("A message whose only report is an XARF v4 document in its body is stored, its addresses in the vault")
    func xarf4Body() async throws {
        let json = #"{"xarf_version": "4.0.0", "report_id": "3b1f6c2e-8d4a-4e5f-9a1b-2c3d4e5f6a7b", "timestamp": "2026-11-20T08:15:00Z", "#
            + #""reporter": {"org": "Example Mail", "contact": "abuse@mail.example", "domain": "mail.example"}, "#
            + #""sender": {"org": "Example Mail", "contact": "abuse@mail.example", "domain": "mail.example"}, "#
            + #""source_identifier": "192.0.2.55", "source_port": 25, "category": "messaging", "type": "spam", "protocol": "smtp", "#
            + #""smtp_from": "winner@lottery.example", "smtp_to": "jelena.markovic@posta.gmbh"}"#
        let message = MailCorpus.bytes(
            "From: reports@mail.example\nMessage-ID: <x4-http@mail.example>\nSubject: XARF\nContent-Type: application/json\n\n\(json)\n")
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let (code, receipt) = try await post(app, key: producer, message)
            #expect(code == 201, "\(receipt)")
            #expect((receipt["parts"] as? [[String: Any]])?.first?["reason"] as? String == "xarf-v4")
            let stored = try await TestDatabase.allTextOutsideVault(db).joined(separator: "\n")
            #expect(stored.contains("192.0.2.55"))
            #expect(!stored.contains("jelena.markovic"), "the victim's address is stored in plaintext")
        }
    }

    @Test("A message with a hostile XML part, or a gzip of zeros, is refused whole with its reason; nothing is written",
          arguments: [
            (MailCorpus.withXMLAttachments([MailCorpus.externalEntity], id: "xxe-http", text: "Phishing at http://x.example.com/"),
             "mail-hostile-part", "/1", "xml-doctype-forbidden"),
            (MailCorpus.withXMLAttachments([MailCorpus.plainDoctype, MailCorpus.iodefDocument], id: "dt-http"),
             "mail-hostile-part", "/1", "xml-doctype-forbidden"),
            (MailCorpus.withArchives([("logs.tar.gz", "application/gzip", MailCorpus.gzip(.zeros(64 << 20)))], id: "zeros-http"),
             "mail-bound-exceeded", "/1", "archiveRatio over 100"),
          ])
    func refusedWhole(message: [UInt8], slug: String, pointer: String, reason: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let (code, problem) = try await post(app, key: producer, message)
            #expect(code == 422)
            #expect(problem["type"] as? String == "urn:liaison:problem:\(slug)")
            let errors = problem["errors"] as? [[String: Any]]
            #expect(errors?.first?["pointer"] as? String == pointer)
            #expect(errors?.first?["reason"] as? String == reason)
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("A message over mail.parse_timeout is a 422 with its own problem type, with nothing written")
    func parseTimeout() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            dependencies.mail.limits.parseTimeout = .zero
            let app = Application(router: buildRouter(dependencies))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let before = try await TestDatabase.rowCounts(db)
            let (code, problem) = try await post(app, key: producer, MailCorpus.arfProvider)
            #expect(code == 422)
            #expect(problem["type"] as? String == "urn:liaison:problem:mail-parse-timeout")
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("Each bound a hostile message exceeds is named: parts, depth, headers")
    func bounds() throws {
        let cases: [([UInt8], MailLimits, MailBound)] = [
            (MailCorpus.iodefMessage, MailLimits(maxParts: 2), .parts),
            (MailCorpus.forwardedARF(levels: 3), MailLimits(maxDepth: 3), .depth),
            (MailCorpus.bytes((0..<60).map { "X-H\($0): v" }.joined(separator: "\n") + "\n\nbody\n"), MailLimits(maxHeaders: 50), .headers),
        ]
        for (bytes, limits, bound) in cases {
            let submission = MailSubmission(limits: limits, intake: MailIntake(), keyrings: [:])
            #expect {
                _ = try submission.batchBlocking(bytes, producer: "cert")
            } throws: { error in
                guard case .unparsable(.limitExceeded(let found, _, _))? = error as? MailSubmission.Rejection else { return false }
                return found == bound
            }
        }
    }

    @Test("The walkthrough's e-mailed report is a phishing incident with no personal value left in it")
    func walkthroughReport() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = Array(try Data(contentsOf: root.appendingPathComponent("deploy/local/examples/phishing-report.eml")))
        let submission = try MailSubmission(limits: MailLimits(), intake: MailIntake(), keyrings: [:])
            .batchBlocking(bytes, producer: "demo-cert")
        let incident = try #require(submission.protectedIncidents.first)
        #expect(incident.classification == Classification(taxonomy: "fraud", type: "phishing"))
        #expect(incident.observables.contains { $0.kind == .url && $0.value == "https://bank-login.example.net/rs/" })
        let stored = String(decoding: try CanonicalJSON.encode(incident), as: UTF8.self)
        for value in ["jovana.petrovic", "123 4567", "ana.kovac@", "Ana Kovac"] {
            #expect(!stored.contains(value), "plaintext in the incident")
        }
    }

    @Test("A signed report without a keyring for its producer is recorded as unverified, not rejected")
    func signedWithoutKeyring() throws {
        let message = MailCorpus.bytes("""
            From: Partner CERT <pgp@partner.example>
            Subject: Phishing report
            Message-ID: <signed-2@partner.example>
            MIME-Version: 1.0
            Content-Type: multipart/signed; micalg=pgp-sha256; protocol="application/pgp-signature"; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Phishing site hxxps://bank-login[.]example[.]net imitating a bank.
            --b
            Content-Type: application/pgp-signature

            -----BEGIN PGP SIGNATURE-----
            iQEzBAEBCAAdFiEE
            -----END PGP SIGNATURE-----
            --b--

            """)
        let submission = try MailSubmission(limits: MailLimits(), intake: MailIntake(), keyrings: [:])
            .batchBlocking(message, producer: "cert")
        let custody = try #require(submission.protectedIncidents.first?.custody)
        #expect(custody["signature"] == "unverified: no keyring configured for cert")
        #expect(custody["from"]?.hasPrefix("[[pd:email:") == true)
        #expect(custody["from_name"]?.hasPrefix("[[pd:person:") == true)
    }

    @Test("U+0000 in a message's text (raw, =00, or in an encoded word) is removed, counted in custody, and the report stored")
    func nulCharacters() async throws {
        let message = MailCorpus.bytes(
            "From: reports@partner.example\nMessage-ID: <nul-http@partner.example>\nSubject: =?utf-8?Q?Phishing=00report?=\n"
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "Phishing page hxxps://bank-login[.]example[.]net/rs/ a=00b\u{0}c\n")
        try await TestDatabase.withSchema { (db) async throws in
            let agreement = GatewayFixture.agreement(webhookURL: nil, fields: Set(IncidentField.allCases))
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [agreement])))
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let consumer = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Test Person").key
            let (status, receipt) = try await post(app, key: producer, message)
            #expect(status == 201, "\(receipt)")
            let id = try #require((receipt["incident_ids"] as? [String])?.first)
            let shared = try await routerRequest(app, .get, "/v1/incidents/\(id)", key: consumer, headers: readPurpose)
            let details = try #require((shared.json["custody"] as? [String: Any])?["details"] as? [String: String])
            // Three in the message; the Subject's also in the title made of it.
            #expect(details["nul_removed"] == "4")
            #expect(!shared.text.contains("\\u0000"))
            let description = try #require((shared.json["incident"] as? [String: Any])?["description"] as? String)
            #expect(description.contains("abc"))
        }
    }
}
