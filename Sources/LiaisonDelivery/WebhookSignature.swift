import Crypto
import Foundation
import LiaisonCore

/// Standard Webhooks symmetric signatures: `v1,` + base64(HMAC-SHA256(secret,
/// "{webhook-id}.{webhook-timestamp}.{body}")), where the secret is the bytes behind
/// `whsec_` + base64.
public enum WebhookSignature {
    public static func sign(id: String, timestamp: Int, body: Data, secret: Secret) -> String {
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret.bytes))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// Asymmetric: `v1a,` + base64(Ed25519 signature of "{webhook-id}.{webhook-timestamp}.{body}").
    public static func signV1a(id: String, timestamp: Int, body: Data, key: Curve25519.Signing.PrivateKey) -> String {
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        // Signing with a well-formed key does not fail.
        return "v1a," + ((try? key.signature(for: message)) ?? Data()).base64EncodedString()
    }

    /// The whole `webhook-signature` header: one `v1` per secret (the current one first, then
    /// one being rotated out), then `v1a` when a key is given; space-separated.
    public static func header(id: String, timestamp: Int, body: Data, secrets: [Secret], v1aKey: Curve25519.Signing.PrivateKey?) -> String {
        let symmetric = secrets.map { sign(id: id, timestamp: timestamp, body: body, secret: $0) }
        let asymmetric = v1aKey.map { [signV1a(id: id, timestamp: timestamp, body: body, key: $0)] } ?? []
        return (symmetric + asymmetric).joined(separator: " ")
    }

    /// Checks the `v1a` signatures of a header against an Ed25519 public key, and the timestamp.
    public static func verifyV1a(
        header: String, id: String, timestamp: Int, body: Data, publicKey: Curve25519.Signing.PublicKey, now: Date,
        tolerance: TimeInterval = 300
    ) -> Bool {
        guard abs(now.timeIntervalSince1970 - TimeInterval(timestamp)) <= tolerance else { return false }
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        return header.split(separator: " ").contains { candidate in
            guard candidate.hasPrefix("v1a,"), let signature = Data(base64Encoded: String(candidate.dropFirst(4))) else { return false }
            return publicKey.isValidSignature(signature, for: message)
        }
    }

    /// Checks a `webhook-signature` header (a space-separated list, so keys can rotate)
    /// in constant time per candidate, and the timestamp against `tolerance`.
    public static func verify(
        header: String, id: String, timestamp: Int, body: Data, secret: Secret, now: Date, tolerance: TimeInterval = 300
    ) -> Bool {
        guard abs(now.timeIntervalSince1970 - TimeInterval(timestamp)) <= tolerance else { return false }
        let expected = Array(sign(id: id, timestamp: timestamp, body: body, secret: secret).utf8)
        var matched = false
        for candidate in header.split(separator: " ") {
            let bytes = Array(candidate.utf8)
            guard bytes.count == expected.count else { continue }
            var difference: UInt8 = 0
            for (a, b) in zip(bytes, expected) { difference |= a ^ b }
            matched = matched || difference == 0
        }
        return matched
    }

    /// Reads a `whsec_` secret; nil if it is not `whsec_` + base64 of 24–64 bytes.
    public static func secret(fromText text: String) -> Secret? {
        guard text.hasPrefix("whsec_"), let bytes = Data(base64Encoded: String(text.dropFirst(6))),
            (24...64).contains(bytes.count)
        else { return nil }
        return Secret(bytes: Array(bytes))
    }
}
