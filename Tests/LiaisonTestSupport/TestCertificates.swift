import Foundation
import NIOSSL

/// Certificates made for one test by the `openssl` command line tool, in a fresh temporary
/// directory: a CA, a server certificate for `localhost` and `127.0.0.1` issued by it, a
/// two client certificates issued by a second CA, and an unrelated CA with its own server and
/// client certificates (what a receiver or client the gateway must not trust presents).
/// Keys are P-256, unencrypted PEM, valid for two days.
public struct TestCertificates: Sendable {
    public let directory: URL

    public var caPath: String { path("ca.pem") }
    public var serverCertificatePath: String { path("server.pem") }
    public var serverKeyPath: String { path("server.key") }
    public var clientCAPath: String { path("client-ca.pem") }
    public var clientCertificatePath: String { path("client.pem") }
    public var clientKeyPath: String { path("client.key") }
    /// A second client certificate of the client CA (one no key is bound to, say).
    public var secondClientCertificatePath: String { path("client2.pem") }
    public var secondClientKeyPath: String { path("client2.key") }
    public var otherCAPath: String { path("other-ca.pem") }
    public var otherServerCertificatePath: String { path("other-server.pem") }
    public var otherServerKeyPath: String { path("other-server.key") }
    public var otherClientCertificatePath: String { path("other-client.pem") }
    public var otherClientKeyPath: String { path("other-client.key") }

    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Generates every file; throws if `openssl` fails.
    public static func make() throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificates = TestCertificates(directory: directory)
        try certificates.makeCA("ca", name: "Liaison Test Receiver CA")
        try certificates.makeCA("client-ca", name: "Liaison Test Client CA")
        try certificates.makeCA("other-ca", name: "Unrelated Test CA")
        try certificates.issue("server", by: "ca", name: "localhost", server: true)
        try certificates.issue("client", by: "client-ca", name: "liaison-gateway", server: false)
        try certificates.issue("client2", by: "client-ca", name: "police-analyst", server: false)
        try certificates.issue("other-server", by: "other-ca", name: "localhost", server: true)
        try certificates.issue("other-client", by: "other-ca", name: "someone-else", server: false)
        return certificates
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }

    /// RFC 7469 `pin-sha256` of the certificate's public key, computed by openssl itself.
    public func pinSHA256(of certificatePath: String) throws -> String {
        let output = try run(
            "/bin/sh", ["-c", "openssl x509 -in '\(certificatePath)' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64"])
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// SHA-256 of the certificate's DER, lower-case hex, computed by openssl.
    public func fingerprintSHA256(of certificatePath: String) throws -> String {
        let output = try run("openssl", ["x509", "-in", certificatePath, "-noout", "-fingerprint", "-sha256"])
        // "sha256 Fingerprint=AB:CD:..." (the prefix's case differs between versions)
        let hex = output.split(separator: "=").last.map(String.init) ?? ""
        return hex.replacingOccurrences(of: ":", with: "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A server TLS configuration with `certificate` and its key; with `clientCA`, a client
    /// certificate issued by it is required.
    public func serverConfiguration(certificate: String? = nil, key: String? = nil, clientCA: String? = nil) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate ?? serverCertificatePath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key ?? serverKeyPath, format: .pem)))
        if let clientCA {
            configuration.certificateVerification = .noHostnameVerification
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(clientCA))
        }
        return configuration
    }

    private func makeCA(_ stem: String, name: String) throws {
        _ = try run("openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", path("\(stem).key"),
            "-out", path("\(stem).pem"), "-days", "2", "-subj", "/CN=\(name)",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
    }

    private func issue(_ stem: String, by ca: String, name: String, server: Bool) throws {
        let extensions = server
            ? "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n"
            : "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n"
        try extensions.write(toFile: path("\(stem).ext"), atomically: true, encoding: .utf8)
        _ = try run("openssl", [
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", path("\(stem).key"),
            "-out", path("\(stem).csr"), "-subj", "/CN=\(name)",
        ])
        _ = try run("openssl", [
            "x509", "-req", "-in", path("\(stem).csr"), "-CA", path("\(ca).pem"), "-CAkey", path("\(ca).key"),
            "-set_serial", String(UInt32.random(in: 1...UInt32.max)), "-days", "2", "-out", path("\(stem).pem"),
            "-extfile", path("\(stem).ext"),
        ])
    }

    private func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OpenSSLFailed(arguments: arguments.prefix(2).joined(separator: " ")) }
        return String(decoding: data, as: UTF8.self)
    }

    struct OpenSSLFailed: Error, CustomStringConvertible {
        var arguments: String
        var description: String { "openssl \(arguments) failed" }
    }
}
