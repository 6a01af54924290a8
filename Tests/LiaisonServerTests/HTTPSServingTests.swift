import AsyncHTTPClient
import Foundation
import LiaisonServer
import LiaisonTestSupport
import NIOSSL
import Testing

/// The gateway serving HTTPS itself (`tls.*`), with certificates made by `openssl` for the
/// test: a client that trusts the test CA reads over TLS; plain HTTP on the port gets no answer.
@Suite(.timeLimit(.minutes(5))) struct HTTPSServingTests {
    func withHTTPSGateway(_ body: @escaping @Sendable (_ port: Int, _ key: String, _ certificates: TestCertificates) async throws -> Void)
        async throws
    {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let settings = ServerTLSSettings(
            certificateChain: certificates.serverCertificatePath, privateKey: certificates.serverKeyPath, clientCA: nil)
        try await TestDatabase.withSchema { (db) async throws in
            let dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            try await LiveGateway.run(dependencies, tls: try settings.serverConfiguration()) { port in
                try await body(port, key, certificates)
            }
        }
    }

    @Test("A client that trusts the gateway's CA is served over TLS, by name and by address, with its API key")
    func servedOverTLS() async throws {
        try await withHTTPSGateway { port, key, certificates in
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.caPath))
            var configuration = HTTPClient.Configuration()
            configuration.tlsConfiguration = tls
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            for host in ["localhost", "127.0.0.1"] {
                let health = try await client.execute(HTTPClientRequest(url: "https://\(host):\(port)/healthz"), timeout: .seconds(10))
                #expect(health.status == .ok, "\(host)")
                var request = HTTPClientRequest(url: "https://\(host):\(port)/v1/receipts/public-key")
                request.headers.add(name: "authorization", value: "Bearer \(key)")
                let answer = try await client.execute(request, timeout: .seconds(10))
                #expect(answer.status == .ok, "\(host)")
                var refused = HTTPClientRequest(url: "https://\(host):\(port)/v1/receipts/public-key")
                refused.headers.add(name: "authorization", value: "Bearer not-a-key")
                #expect(try await client.execute(refused, timeout: .seconds(10)).status == .unauthorized)
            }
            try await client.shutdown()
            // A client with only the system's roots does not trust the test CA.
            let untrusting = HTTPClient(eventLoopGroupProvider: .singleton)
            await #expect(throws: (any Error).self) {
                _ = try await untrusting.execute(HTTPClientRequest(url: "https://localhost:\(port)/healthz"), timeout: .seconds(10))
            }
            try await untrusting.shutdown()
        }
    }

    @Test("A plain-HTTP request to the TLS port gets no HTTP answer and its connection is closed")
    func plainHTTPRefused() async throws {
        try await withHTTPSGateway { port, _, _ in
            let (text, closed) = try await RawHTTPConnection.run(port: port) { connection in
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                connection.receive(timeout: .seconds(5)) { _ in false }
                return (connection.text, connection.closedByPeer)
            }
            #expect(!text.hasPrefix("HTTP/"))
            #expect(closed)
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct ServerTLSConfigurationTests {
    func load(_ tls: String) throws -> Configuration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try ("tls:\n" + tls).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Configuration.load(file: file.path, environment: [:])
    }

    @Test("tls.certificate_chain, private_key and client_ca are read and checked at start; each mistake names its key")
    func keys() throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let garbage = certificates.path("garbage.pem")
        try "nothing here\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let good = try load(
            "  certificate_chain: \(certificates.serverCertificatePath)\n  private_key: \(certificates.serverKeyPath)\n"
                + "  client_ca: \(certificates.clientCAPath)\n")
        #expect(good.tls?.clientCA == certificates.clientCAPath)
        #expect(try Configuration.load(file: nil, environment: [:]).tls == nil)
        for (yaml, problem) in [
            ("  certificate_chain: \(certificates.serverCertificatePath)\n", "tls: needs both certificate_chain and private_key"),
            ("  certificate_chain: \(garbage)\n  private_key: \(certificates.serverKeyPath)\n", "tls.certificate_chain: is not a PEM file of certificates"),
            ("  certificate_chain: \(certificates.serverCertificatePath)\n  private_key: \(garbage)\n", "tls.private_key: is not an unencrypted PEM private key"),
            ("  certificate_chain: \(certificates.serverCertificatePath)\n  private_key: \(certificates.clientKeyPath)\n", "tls.private_key: does not belong to certificate_chain"),
            ("  certificate_chain: /no/such/file.pem\n  private_key: \(certificates.serverKeyPath)\n", "tls.certificate_chain: cannot be read"),
            ("  certificate_chain: \(certificates.serverCertificatePath)\n  private_key: \(certificates.serverKeyPath)\n  client_ca: \(garbage)\n", "tls.client_ca: is not a PEM file of certificates"),
            ("  certificate: x\n", "tls.certificate: is not a known key"),
        ] {
            let error = #expect(throws: ConfigurationError.self) { try load(yaml) }
            #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
            #expect(error?.description.contains("BEGIN") == false)
        }
    }
}
