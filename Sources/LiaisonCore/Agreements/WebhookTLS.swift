import Foundation

/// TLS for one agreement's webhook (`webhook.tls` in the agreement file): how the receiver is
/// trusted — a CA bundle, or a pin on its public key — and the client certificate the gateway
/// presents (mutual TLS). Files are named by path on the gateway's own disk and read when a
/// webhook is sent; the private key's bytes never enter the agreement document, the database
/// or a log line. The paths (and the pin) are part of the agreement version's document.
public struct WebhookTLS: Sendable, Hashable {
    /// `ca_bundle`: a PEM file of the certificates that may issue the receiver's; replaces the
    /// system's trust roots for this webhook. The receiver's name is still checked.
    public var caBundle: String?
    /// `pin_sha256`: base64 of the SHA-256 of the receiver certificate's DER
    /// SubjectPublicKeyInfo (RFC 7469's `pin-sha256`). The pin replaces certificate-chain and
    /// name checks: the receiver is trusted when its leaf certificate carries that key.
    public var pinSHA256: String?
    /// `client_certificate` and `client_key`: PEM files of the certificate chain (leaf first)
    /// and its private key, presented when the receiver asks for a client certificate.
    public var clientCertificate: String?
    public var clientKey: String?

    public init(caBundle: String? = nil, pinSHA256: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil) {
        self.caBundle = caBundle
        self.pinSHA256 = pinSHA256
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
    }

    /// The document's members (`schemas/agreement.schema.json`), only those set.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [:]
        for (key, value) in Self.members(of: self) {
            if let value { members[key] = .string(value) }
        }
        return .object(members)
    }

    /// Reads `jsonValue` back; nil for anything else (a non-string member, an unknown one,
    /// an empty block).
    public init?(jsonValue: JSONValue) {
        guard case .object(let members) = jsonValue, !members.isEmpty,
            Set(members.keys).isSubset(of: Self.keys)
        else { return nil }
        var values: [String: String] = [:]
        for (key, value) in members {
            guard case .string(let text) = value else { return nil }
            values[key] = text
        }
        self.init(
            caBundle: values["ca_bundle"], pinSHA256: values["pin_sha256"], clientCertificate: values["client_certificate"],
            clientKey: values["client_key"])
    }

    /// The member names of the `tls` block.
    public static let keys: Set<String> = ["ca_bundle", "pin_sha256", "client_certificate", "client_key"]

    private static func members(of tls: WebhookTLS) -> [(String, String?)] {
        [
            ("ca_bundle", tls.caBundle), ("pin_sha256", tls.pinSHA256), ("client_certificate", tls.clientCertificate),
            ("client_key", tls.clientKey),
        ]
    }
}
