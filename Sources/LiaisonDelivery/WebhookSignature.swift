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
