import AsyncHTTPClient
import Foundation
import LiaisonServer
import LiaisonTestSupport
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing

/// Client-certificate authentication on the gateway's own TLS listener (`tls.client_ca`), with
/// certificates made by `openssl`: a key bound to a certificate's SHA-256 through the admin
/// API authenticates whoever presents that certificate, until it is revoked.
@Suite(.timeLimit(.minutes(5))) struct ClientCertificateAuthTests {
    struct Answer {
        var status: Int
        var contentType: String?
        var json: [String: Any]
    }

    static func client(_ certificates: TestCertificates, certificate: String?, key: String?) throws -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.caPath))
        if let certificate, let key {
            tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        }
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = tls
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    static func call(
        _ client: HTTPClient, _ method: HTTPMethod, _ url: String, bearer: String? = nil, body: String? = nil,
        contentType: String = "application/json"
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let bearer { request.headers.add(name: "authorization", value: "Bearer \(bearer)") }
        request.headers.add(name: "liaison-purpose", value: "case=CC-2026-17")
        if let body {
            request.headers.add(name: "content-type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
        return Answer(status: Int(response.status.code), contentType: response.headers.first(name: "content-type"), json: json)
    }

    @Test("A bound certificate reads the feed as its key's consumer; an unbound one, or after revocation, is 401 problem+json")
    func boundUnboundRevoked() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let settings = ServerTLSSettings(
            certificateChain: certificates.serverCertificatePath, privateKey: certificates.serverKeyPath, clientCA: certificates.clientCAPath)
        let fingerprint = try certificates.fingerprintSHA256(of: certificates.clientCertificatePath)
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [GatewayFixture.agreement(webhookURL: nil)])
            dependencies.clientCertificateAuthentication = true
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let admin = try await db.store.createAPIKey(organisation: "police", role: .admin, person: "Police Admin").key
            try await LiveGateway.run(dependencies, tls: try settings.serverConfiguration()) { port in
                let base = "https://localhost:\(port)"
                let plain = try Self.client(certificates, certificate: nil, key: nil)
                let bound = try Self.client(certificates, certificate: certificates.clientCertificatePath, key: certificates.clientKeyPath)
                let unbound = try Self.client(
                    certificates, certificate: certificates.secondClientCertificatePath, key: certificates.secondClientKeyPath)
                let foreign = try Self.client(
                    certificates, certificate: certificates.otherClientCertificatePath, key: certificates.otherClientKeyPath)
                #expect(try await Self.call(plain, .POST, base + "/v1/intake/events", bearer: producer, body: GatewayFixture.event(),
                    contentType: "application/x-ndjson").status == 201)

                // Before any binding the certificate is nobody.
                let early = try await Self.call(bound, .GET, base + "/v1/feed")
                #expect(early.status == 401 && early.contentType == "application/problem+json")

                let created = try await Self.call(
                    plain, .POST, base + "/v1/admin/keys", bearer: admin,
                    body: #"{"role": "consumer", "person": "Duty officer", "client_certificate_sha256": "\#(fingerprint.uppercased())"}"#)
                #expect(created.status == 201)
                #expect(created.json["key"] == nil, "a certificate binding has no bearer secret to show")
                let record = try #require(created.json["record"] as? [String: Any])
                #expect(record["client_certificate_sha256"] as? String == fingerprint)
                let id = try #require(record["id"] as? String)
                let again = try await Self.call(
                    plain, .POST, base + "/v1/admin/keys", bearer: admin,
                    body: #"{"role": "consumer", "person": "Someone else", "client_certificate_sha256": "\#(fingerprint)"}"#)
                #expect(again.status == 409 && again.json["type"] as? String == "urn:liaison:problem:client-certificate-bound")
                let malformed = try await Self.call(
                    plain, .POST, base + "/v1/admin/keys", bearer: admin,
                    body: #"{"role": "consumer", "person": "Duty officer", "client_certificate_sha256": "abc"}"#)
                #expect(malformed.status == 422)

                let read = try await Self.call(bound, .GET, base + "/v1/feed")
                #expect(read.status == 200)
                #expect((read.json["items"] as? [Any])?.count == 1)
                // The header, when sent, decides alone: a wrong key is refused whatever the certificate.
                #expect(try await Self.call(bound, .GET, base + "/v1/feed", bearer: "lsn_wrong").status == 401)
                // The binding has its key's role: a consumer cannot use the admin API.
                #expect(try await Self.call(bound, .GET, base + "/v1/admin/keys").status == 403)

                let stranger = try await Self.call(unbound, .GET, base + "/v1/feed")
                #expect(stranger.status == 401 && stranger.contentType == "application/problem+json")
                #expect(stranger.json["type"] as? String == "urn:liaison:problem:unauthenticated")

                // A certificate the client CA did not issue does not get past the handshake.
                await #expect(throws: (any Error).self) { _ = try await Self.call(foreign, .GET, base + "/v1/feed") }

                #expect(try await Self.call(plain, .POST, base + "/v1/admin/keys/\(id)/revoke", bearer: admin).status == 200)
                let revoked = try await Self.call(bound, .GET, base + "/v1/feed")
                #expect(revoked.status == 401 && revoked.contentType == "application/problem+json")
                for client in [plain, bound, unbound, foreign] { try await client.shutdown() }
            }
        }
    }
}
