import AsyncHTTPClient
import Foundation
import LiaisonTestSupport
import NIOSSL
import Testing

/// `liaison serve` with `LIAISON_TLS_CERTIFICATE_CHAIN` and `LIAISON_TLS_PRIVATE_KEY`
/// (certificates made by `openssl` for the test): the built binary answers over HTTPS, not
/// plain HTTP, and refuses to start with a key that is not the certificate's.
@Suite(.timeLimit(.minutes(5))) struct ServeHTTPSTests {
    @Test("serve answers over HTTPS only; a key of another certificate stops it with exit 78 naming tls.private_key")
    func https() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        try await TestDatabase.withSchema { (db) async throws in
            let setup = try ServeSetup(db, webhook: nil)
            let port = BuiltBinary.freePort()
            let environment = setup.environment(listening: port).merging([
                "LIAISON_TLS_CERTIFICATE_CHAIN": certificates.serverCertificatePath, "LIAISON_TLS_PRIVATE_KEY": certificates.serverKeyPath,
            ]) { $1 }
            let gateway = try BuiltBinary.start(["serve"], environment: environment)
            defer { gateway.terminate() }
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.caPath))
            var configuration = HTTPClient.Configuration()
            configuration.tlsConfiguration = tls
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let ready = await WebhookReceiver.eventually(timeout: .seconds(60)) {
                let answer = try? await client.execute(HTTPClientRequest(url: "https://localhost:\(port)/readyz"), timeout: .seconds(5))
                return answer?.status == .ok
            }
            #expect(ready, "\(BuiltBinary.read(gateway.stderr))")
            await #expect(throws: (any Error).self) {
                _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/readyz"), timeout: .seconds(5))
            }
            try await client.shutdown()
            gateway.terminate()
            #expect(try await gateway.waitForExit() == 0, "\(BuiltBinary.read(gateway.stderr))")

            let refused = try BuiltBinary.start(
                ["serve"], environment: environment.merging(["LIAISON_TLS_PRIVATE_KEY": certificates.clientKeyPath]) { $1 })
            defer { refused.terminate() }
            #expect(try await refused.waitForExit() == 78)
            let message = BuiltBinary.read(refused.stderr)
            #expect(message.contains("tls.private_key"), "\(message)")
            #expect(!message.contains("PRIVATE KEY"))
        }
    }

    @Test("keys create --client-certificate binds a key to the certificate's SHA-256, prints no key, and refuses a second binding or a bad file")
    func bindCertificate() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let fingerprint = try certificates.fingerprintSHA256(of: certificates.clientCertificatePath)
        try await TestDatabase.withSchema { (db) async throws in
            let arguments = ["keys", "create", "--org", "demo-police", "--role", "consumer", "--person", "Duty officer", "--client-certificate"]
            let bound = try await BuiltBinary.run(arguments + [certificates.clientCertificatePath], environment: db.gatewayEnvironment)
            #expect(bound.status == 0, "\(bound.stderr)")
            #expect(bound.stdout.contains("bound to client certificate sha256 \(fingerprint)"))
            #expect(!bound.stdout.contains("lsn_"))
            #expect(try await db.store.principal(forClientCertificate: fingerprint)?.organisation == "demo-police")
            let listed = try await BuiltBinary.run(["keys", "list"], environment: db.gatewayEnvironment)
            #expect(listed.stdout.contains("certificate \(fingerprint)"))
            let again = try await BuiltBinary.run(arguments + [certificates.clientCertificatePath], environment: db.gatewayEnvironment)
            #expect(again.status == 65 && again.stderr.contains("already"), "\(again.stderr)")
            let bad = try await BuiltBinary.run(arguments + [certificates.clientKeyPath], environment: db.gatewayEnvironment)
            #expect(bad.status == 65 && bad.stderr.contains("--client-certificate"), "\(bad.stderr)")
            #expect(!bad.stderr.contains("PRIVATE KEY"))
        }
    }
}
