import Crypto
import Foundation
import LiaisonCore
import NIOSSL

/// Why a webhook's TLS settings cannot be used. Names the member at fault, never a file's
/// content or a key.
public enum WebhookTLSError: Error, Sendable, Equatable {
    /// The file is missing, not a regular file, unreadable, or larger than
    /// ``WebhookTLSMaterial/maxFileBytes``.
    case unreadable(member: String)
    /// The file holds no PEM certificate, or a malformed one.
    case notCertificates(member: String)
    /// The file is not a PEM private key (an encrypted key is refused too: nobody could type
    /// its passphrase).
    case notPrivateKey(member: String)
    /// `pin_sha256` is not base64 of 32 bytes.
    case invalidPin
    /// `ca_bundle` and `pin_sha256` together, or one of `client_certificate` and `client_key`
    /// without the other.
    case conflicting
    /// The files read but do not make a TLS context (a key that does not match its certificate).
    case unusable
}

/// The TLS configuration one agreement's webhook is sent with, made from its ``WebhookTLS``
/// by reading the files it names. Made when an agreement is read (to refuse bad files at
/// once) and again for each attempt, so that a renewed certificate is used without a restart.
public struct WebhookTLSMaterial: Sendable {
    public var configuration: TLSConfiguration
    /// The context made from `configuration` when it was checked; a pinned send uses it.
    public var context: NIOSSLContext
    /// The SHA-256 the receiver's public key must have, when the webhook pins it.
    public var pin: [UInt8]?

    /// The largest certificate, key or CA file read: 1 MiB.
    public static let maxFileBytes = 1 << 20

    /// Reads and checks every file `tls` names. Blocking file reads: call it off the
    /// cooperative pool when serving.
    public static func load(_ tls: WebhookTLS) throws(WebhookTLSError) -> WebhookTLSMaterial {
        guard tls.caBundle == nil || tls.pinSHA256 == nil, (tls.clientCertificate == nil) == (tls.clientKey == nil) else {
            throw .conflicting
        }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        var pin: [UInt8]?
        if let text = tls.pinSHA256 {
            guard let digest = pinDigest(fromBase64: text) else { throw .invalidPin }
            pin = digest
        }
        if let path = tls.caBundle {
            configuration.trustRoots = .certificates(try certificates(at: path, member: "ca_bundle"))
        }
        if let certificatePath = tls.clientCertificate, let keyPath = tls.clientKey {
            configuration.certificateChain = try certificates(at: certificatePath, member: "client_certificate").map { .certificate($0) }
            configuration.privateKey = .privateKey(try privateKey(at: keyPath, member: "client_key"))
        }
        // Building a context checks what parsing alone does not: that the key is the
        // certificate's.
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: configuration) } catch { throw .unusable }
        return WebhookTLSMaterial(configuration: configuration, context: context, pin: pin)
    }

    /// The 32 bytes of a `pin_sha256` (base64, RFC 7469 `pin-sha256`), or nil.
    public static func pinDigest(fromBase64 text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.count == SHA256.byteCount else { return nil }
        return Array(data)
    }

    /// SHA-256 of the certificate's DER SubjectPublicKeyInfo: what `pin_sha256` names.
    public static func pinDigest(of certificate: NIOSSLCertificate) -> [UInt8]? {
        guard let spki = try? certificate.extractPublicKey().toSPKIBytes() else { return nil }
        return Array(SHA256.hash(data: spki))
    }

    /// SHA-256 (lower-case hex) of the certificate's DER: how a client certificate is bound
    /// to a key (`api_keys.client_certificate_sha256`).
    public static func fingerprint(of certificate: NIOSSLCertificate) -> String? {
        guard let der = try? certificate.toDERBytes() else { return nil }
        return SHA256.hash(data: der).hexString
    }

    /// The PEM certificates in the file at `path` (at least one); errors name `member`.
    public static func certificates(at path: String, member: String) throws(WebhookTLSError) -> [NIOSSLCertificate] {
        let bytes = try read(path, member: member)
        guard let certificates = try? NIOSSLCertificate.fromPEMBytes(bytes), !certificates.isEmpty else {
            throw .notCertificates(member: member)
        }
        return certificates
    }

    /// The unencrypted PEM private key in the file at `path`; errors name `member`.
    public static func privateKey(at path: String, member: String) throws(WebhookTLSError) -> NIOSSLPrivateKey {
        let bytes = try read(path, member: member)
        guard let key = try? NIOSSLPrivateKey(bytes: bytes, format: .pem) else { throw .notPrivateKey(member: member) }
        return key
    }

    private static func read(_ path: String, member: String) throws(WebhookTLSError) -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), values.isRegularFile == true,
            let size = values.fileSize, size <= maxFileBytes, let data = try? Data(contentsOf: url), data.count <= maxFileBytes
        else { throw .unreadable(member: member) }
        return Array(data)
    }
}
