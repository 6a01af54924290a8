import Foundation
import LiaisonDelivery
import NIOSSL
import Yams

/// HTTPS for the gateway's own listener (`tls.*`). Without it `serve` speaks plain HTTP, for
/// a TLS-terminating proxy in front or a laptop.
public struct ServerTLSSettings: Sendable {
    /// `tls.certificate_chain`: PEM file, the server certificate first, then intermediates.
    public var certificateChain: String
    /// `tls.private_key`: PEM file of the certificate's unencrypted private key (0600, the
    /// gateway's user); read at start, never logged.
    public var privateKey: String
    /// `tls.client_ca`: PEM file of the CAs whose client certificates the gateway accepts
    /// (TLS then asks clients for one; a client without one still connects and uses its key).
    public var clientCA: String?

    public init(certificateChain: String, privateKey: String, clientCA: String? = nil) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.clientCA = clientCA
    }

    /// The NIOSSL server configuration, read from the files. TLS 1.2 at least.
    public func serverConfiguration() throws(WebhookTLSError) -> TLSConfiguration {
        let chain = try WebhookTLSMaterial.certificates(at: certificateChain, member: "certificate_chain")
        let key = try WebhookTLSMaterial.privateKey(at: privateKey, member: "private_key")
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        if let clientCA {
            configuration.trustRoots = .certificates(try WebhookTLSMaterial.certificates(at: clientCA, member: "client_ca"))
            configuration.certificateVerification = .optionalVerification
        }
        do { _ = try NIOSSLContext(configuration: configuration) } catch { throw .unusable }
        return configuration
    }
}

extension Configuration {
    /// `tls.certificate_chain`, `tls.private_key` (both, or neither) and `tls.client_ca`
    /// (`LIAISON_TLS_CERTIFICATE_CHAIN`, `LIAISON_TLS_PRIVATE_KEY`, `LIAISON_TLS_CLIENT_CA`);
    /// relative paths are relative to the configuration file. Each file is read and checked
    /// now, so a bad one stops the start with its key named.
    mutating func readTLS(
        _ node: Yams.Node.Mapping?, environment: [String: String], base: (String) -> URL, reader: inout YAMLReader
    ) {
        if let node { reader.rejectUnknownKeys(in: node, known: ["certificate_chain", "private_key", "client_ca"], path: "tls") }
        func file(_ key: String, _ variable: String) -> String? {
            (environment[variable] ?? reader.string(node, key, path: "tls")).map { base($0).path }
        }
        let chain = file("certificate_chain", "LIAISON_TLS_CERTIFICATE_CHAIN")
        let key = file("private_key", "LIAISON_TLS_PRIVATE_KEY")
        let clientCA = file("client_ca", "LIAISON_TLS_CLIENT_CA")
        guard let chain, let key else {
            if chain != nil || key != nil || clientCA != nil {
                reader.fail(line: node?.mark?.line ?? 1, key: "tls", "needs both certificate_chain and private_key")
            }
            return
        }
        let settings = ServerTLSSettings(certificateChain: chain, privateKey: key, clientCA: clientCA)
        do {
            _ = try settings.serverConfiguration()
            tls = settings
        } catch {
            // The file problems read as an agreement's do; a key that does not make a
            // configuration with the chain is the serving side's own.
            var (member, message) = AgreementReader.describe(error)
            if case .unusable = error { (member, message) = ("private_key", "does not belong to certificate_chain") }
            let name = member ?? "private_key"
            reader.fail(reader.value(node, name), key: "tls." + name, message)
        }
    }
}
