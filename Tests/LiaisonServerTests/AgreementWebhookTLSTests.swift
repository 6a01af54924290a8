import Foundation
import Hummingbird
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

/// `webhook.tls` in agreement files and documents: read, checked against the files it names,
/// part of the version, and refused with the member at fault.
@Suite(.timeLimit(.minutes(5))) struct AgreementWebhookTLSTests {
    static let secret = "whsec_" + Data(repeating: 42, count: 32).base64EncodedString()

    func load(_ tls: String, url: String = "https://127.0.0.1:8443/hook") throws -> Agreement {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("agreement-\(UUID().uuidString).yaml")
        let yaml = """
            id: a
            producer: cert
            consumer: police
            match: {taxonomies: [fraud], max_tlp: TLP:RED}
            share: {fields: [observables], personal_data: {}}
            webhook:
              url: \(url)
              secret: \(Self.secret)
            """ + (tls.isEmpty ? "" : "\n  tls:\n" + tls)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try #require(try AgreementLoader(environment: [:]).load(files: [file.path]).first?.agreement)
    }

    @Test("Reads a CA bundle with a client certificate, or a pin; both are part of the version and survive its document")
    func reads() throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let bundled = try load(
            "    ca_bundle: \(certificates.caPath)\n    client_certificate: \(certificates.clientCertificatePath)\n"
                + "    client_key: \(certificates.clientKeyPath)\n")
        #expect(bundled.webhook?.tls == WebhookTLS(
            caBundle: certificates.caPath, clientCertificate: certificates.clientCertificatePath, clientKey: certificates.clientKeyPath))
        let pin = try certificates.pinSHA256(of: certificates.serverCertificatePath)
        let pinned = try load("    pin_sha256: \(pin)\n")
        #expect(pinned.webhook?.tls == WebhookTLS(pinSHA256: pin))
        let plain = try load("")
        #expect(plain.webhook?.tls == nil)
        #expect(Set([bundled.versionHash, pinned.versionHash, plain.versionHash]).count == 3)
        for agreement in [bundled, pinned, plain] {
            #expect(try Agreement(document: agreement.document, secrets: agreement.secrets).webhook == agreement.webhook)
        }
        // The key's bytes are in no document: only its path.
        let key = try String(contentsOfFile: certificates.clientKeyPath, encoding: .utf8)
        let document = String(decoding: bundled.document.canonicalBytes, as: UTF8.self)
        #expect(!document.contains(key.split(separator: "\n")[1]))
    }

    @Test("Bad TLS settings are refused at load, naming the member and never a file's content")
    func refusals() throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let garbage = certificates.path("garbage.pem")
        try "-----BEGIN SECRET-----\nnot base64 at all\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let pin = try certificates.pinSHA256(of: certificates.serverCertificatePath)
        let cases: [(String, String, String)] = [
            ("    ca_bundle: \(garbage)\n", "https://127.0.0.1/hook", "webhook.tls.ca_bundle: is not a PEM file of certificates"),
            ("    ca_bundle: /no/such/ca.pem\n", "https://127.0.0.1/hook", "webhook.tls.ca_bundle: cannot be read"),
            ("    ca_bundle: relative/ca.pem\n", "https://127.0.0.1/hook", "webhook.tls.ca_bundle: must be an absolute path"),
            ("    pin_sha256: AAAA\n", "https://127.0.0.1/hook", "webhook.tls.pin_sha256: must be base64 of the 32-byte SHA-256"),
            ("    ca_bundle: \(certificates.caPath)\n    pin_sha256: \(pin)\n", "https://127.0.0.1/hook", "ca_bundle and pin_sha256 exclude each other"),
            ("    client_certificate: \(certificates.clientCertificatePath)\n", "https://127.0.0.1/hook", "client_certificate and client_key go together"),
            ("    client_certificate: \(certificates.clientCertificatePath)\n    client_key: \(garbage)\n", "https://127.0.0.1/hook",
             "webhook.tls.client_key: is not an unencrypted PEM private key"),
            ("    client_certificate: \(certificates.clientCertificatePath)\n    client_key: \(certificates.otherClientKeyPath)\n",
             "https://127.0.0.1/hook", "webhook.tls.client_key: does not make a TLS configuration"),
            ("    pin_sha256: \(pin)\n", "http://127.0.0.1/hook", "webhook.url: must be https when webhook.tls is given"),
            ("    {}\n", "https://127.0.0.1/hook", "webhook.tls: must name ca_bundle or pin_sha256"),
            ("    ca_file: \(certificates.caPath)\n", "https://127.0.0.1/hook", "webhook.tls.ca_file: is not a known key"),
        ]
        for (tls, url, problem) in cases {
            let error = #expect(throws: ConfigurationError.self) { try load(tls, url: url) }
            #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
            #expect(error?.description.contains("not base64 at all") == false)
        }
    }

    @Test("Over the admin API a document may pin the receiver's key but not make the gateway read its files")
    func overAPI() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let pin = try certificates.pinSHA256(of: certificates.serverCertificatePath)
        func document(_ tls: String) -> String {
            """
            {"id": "cert-to-police", "producer": "cert", "consumer": "police", "match": {"taxonomies": ["fraud"], "max_tlp": "TLP:AMBER"},
             "share": {"fields": ["title"], "personal_data": {}},
             "webhook": {"url": "https://police.example/hook", "secret": "\(Self.secret)", "tls": \(tls)}}
            """
        }
        try await TestDatabase.withSchema { (db) async throws in
            let app = Application(router: buildRouter(try await GatewayFixture.dependencies(db, agreements: [])))
            let admin = try await db.store.createAPIKey(organisation: "cert", role: .admin, person: "Ana Admin").key
            let files = try await routerRequest(
                app, .post, "/v1/admin/agreements", key: admin, body: document(#"{"ca_bundle": "\#(certificates.caPath)"}"#),
                contentType: "application/json")
            #expect(files.status.code == 422 && files.contentType == "application/problem+json")
            let pointers = (files.json["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String } ?? []
            #expect(pointers == ["/webhook/tls/ca_bundle"])
            let pinned = try await routerRequest(
                app, .post, "/v1/admin/agreements", key: admin, body: document(#"{"pin_sha256": "\#(pin)"}"#), contentType: "application/json")
            #expect(pinned.status == .created, "\(pinned.text)")
        }
    }
}
