import Crypto
import Foundation

/// Feed positions as the consumer sees them: opaque and its own. A cursor is the position in
/// the gateway's delivery sequence sealed with AES-256-GCM, the consumer's id bound as
/// associated data, in base64url (RFC 4648 section 5). A consumer cannot read from it how much
/// the gateway gives others, nor use another consumer's cursor; the key is derived from the
/// vault's lookup key, so cursors stay valid across restarts, replicas and vault key rotations.
/// The same sealing, under a key of its own, keeps a producer's `after` position in its
/// disclosures (``DisclosuresController``) opaque and its own.
struct FeedCursors: Sendable {
    let key: SymmetricKey

    func cursor(after sequence: Int64, consumer: String) throws -> String {
        let box = try AES.GCM.seal(withUnsafeBytes(of: sequence.bigEndian, Array.init), using: key, authenticating: Array(consumer.utf8))
        return box.combined!.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The position `cursor` stands for, if this gateway issued it to `consumer`.
    func sequence(of cursor: String, consumer: String) -> Int64? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let combined = Data(base64Encoded: base64), let box = try? AES.GCM.SealedBox(combined: combined),
            let bytes = try? AES.GCM.open(box, using: key, authenticating: Array(consumer.utf8)), bytes.count == 8
        else { return nil }
        return Int64(bigEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) })
    }
}
