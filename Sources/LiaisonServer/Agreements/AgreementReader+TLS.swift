import Foundation
import LiaisonCore
import LiaisonDelivery
import Yams

extension AgreementReader {
    /// `webhook.tls`: `ca_bundle` or `pin_sha256` (not both), and `client_certificate` with
    /// `client_key`. Files are absolute paths on the gateway's disk — every replica reads the
    /// same path when it sends — and only agreement files may name them (a document sent over
    /// the API may pin, not make the gateway read files). Every file is read and checked now,
    /// so a bad one is refused when the agreement is loaded, not at the first delivery.
    func readTLS(_ webhook: Node.Mapping, url: String?, _ reader: inout YAMLReader) -> WebhookTLS? {
        guard let node = reader.mapping(webhook, "tls", path: "webhook") else { return nil }
        reader.rejectUnknownKeys(in: node, known: WebhookTLS.keys, path: "webhook.tls")
        let before = reader.problems.count
        func path(_ key: String, _ reader: inout YAMLReader) -> String? {
            guard let text = reader.string(node, key, path: "webhook.tls") else { return nil }
            if !allowSecretReferences {
                reader.fail(reader.value(node, key), key: "webhook.tls." + key, "names a file, which only agreement files may do")
            } else if !text.hasPrefix("/") {
                reader.fail(reader.value(node, key), key: "webhook.tls." + key, "must be an absolute path")
            }
            return text
        }
        let tls = WebhookTLS(
            caBundle: path("ca_bundle", &reader), pinSHA256: reader.string(node, "pin_sha256", path: "webhook.tls"),
            clientCertificate: path("client_certificate", &reader), clientKey: path("client_key", &reader))
        if tls == WebhookTLS() {
            reader.fail(reader.value(webhook, "tls"), key: "webhook.tls", "must name ca_bundle or pin_sha256, or client_certificate and client_key")
        }
        if let url, URL(string: url)?.scheme != "https" {
            reader.fail(reader.value(webhook, "url"), key: "webhook.url", "must be https when webhook.tls is given")
        }
        guard reader.problems.count == before else { return nil }
        do {
            _ = try WebhookTLSMaterial.load(tls)
        } catch {
            let (member, message) = Self.describe(error)
            reader.fail(
                member.flatMap { reader.value(node, $0) } ?? reader.value(webhook, "tls"),
                key: "webhook.tls" + (member.map { "." + $0 } ?? ""), message)
            return nil
        }
        return tls
    }

    /// The member and the message for a refused `tls` block; never a file's content.
    static func describe(_ error: WebhookTLSError) -> (String?, String) {
        switch error {
        case .unreadable(let member): (member, "cannot be read (missing, not a regular file, or over 1 MiB)")
        case .notCertificates(let member): (member, "is not a PEM file of certificates")
        case .notPrivateKey(let member): (member, "is not an unencrypted PEM private key")
        case .invalidPin: ("pin_sha256", "must be base64 of the 32-byte SHA-256 of the receiver's SubjectPublicKeyInfo")
        case .conflicting: (nil, "ca_bundle and pin_sha256 exclude each other; client_certificate and client_key go together")
        case .unusable: ("client_key", "does not make a TLS configuration with client_certificate (a key of another certificate?)")
        }
    }
}
