import Crypto
import Foundation

/// Signs receipts with the gateway's Ed25519 key (RFC 8032), so a producer can prove what the
/// gateway acknowledged and when. The signature covers the RFC 8785 canonical JSON of the
/// receipt without its `signature` member; `liaison receipts verify`, or any Ed25519 library
/// with a JCS implementation, checks it against the key from `GET /v1/receipts/public-key`.
public struct ReceiptSigner: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    public init(privateKey: Secret) throws {
        key = try Curve25519.Signing.PrivateKey(rawRepresentation: privateKey.bytes)
    }

    /// The public key as a JSON Web Key (RFC 8037): `{"kty":"OKP","crv":"Ed25519","x":…,"kid":…}`.
    public var publicKey: ReceiptPublicKey { ReceiptPublicKey(raw: Array(key.publicKey.rawRepresentation)) }

    /// The receipt signed, with the document it is stored and answered as. The receipt's
    /// JSON is built once for both the signed bytes and the document, and each member's value
    /// written once: the document is the signed bytes with the `signature` member added.
    public func sign(_ receipt: Receipt) throws -> SignedReceipt {
        var signed = receipt
        signed.signature = nil
        var members = signed.jsonMembers.map { (key: $0.key, bytes: $0.value.canonicalBytes) }
        let message = JSONValue.canonicalBytes(ofWrittenMembers: members)
        let signature = Receipt.Signature(
            algorithm: "Ed25519", keyID: publicKey.keyID, value: Base64URL.encode(Array(try key.signature(for: message))))
        signed.signature = signature
        members.append((key: "signature", bytes: signature.jsonValue.canonicalBytes))
        return SignedReceipt(receipt: signed, document: JSONValue.canonicalBytes(ofWrittenMembers: members))
    }

    /// A signature by this key over `message`, in the receipt's `{"alg","kid","value"}` form:
    /// how evidence packages are signed.
    public func signature(for message: [UInt8]) throws -> Receipt.Signature {
        Receipt.Signature(algorithm: "Ed25519", keyID: publicKey.keyID, value: Base64URL.encode(Array(try key.signature(for: message))))
    }

    /// The Ed25519 key that makes one agreement's `v1a` webhook signatures: derived from this
    /// key with HKDF-SHA256 (salt `liaison-webhook-v1a`, info the agreement id), so each
    /// agreement has its own key, nothing more is stored, and every replica derives the same.
    /// Replacing the receipt key replaces these too.
    public func webhookKey(agreement id: String) -> Curve25519.Signing.PrivateKey {
        let seed = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: key.rawRepresentation), salt: Data("liaison-webhook-v1a".utf8), info: Data(id.utf8),
            outputByteCount: 32)
        // 32 bytes are always a valid Ed25519 seed.
        return try! Curve25519.Signing.PrivateKey(rawRepresentation: seed.withUnsafeBytes { Data($0) })
    }

    /// The same key, signing the ledger's checkpoints under the ledger's origin.
    public func checkpointKey(name: String) -> CheckpointKey { CheckpointKey(name: name, privateKey: key) }

    /// The bytes a receipt's signature covers: the JCS form of the receipt without `signature`.
    public static func signedBytes(of receipt: Receipt) throws -> [UInt8] {
        var unsigned = receipt
        unsigned.signature = nil
        return unsigned.canonicalBytes
    }
}

/// A signed receipt and its RFC 8785 document, the bytes stored and answered: made by
/// ``ReceiptSigner/sign(_:)``, or read back from a stored document.
public struct SignedReceipt: Sendable {
    public let receipt: Receipt
    public let document: [UInt8]

    init(receipt: Receipt, document: [UInt8]) {
        self.receipt = receipt
        self.document = document
    }

    /// A stored document, read back and written again in canonical form: receipts stored
    /// before migration 0005 kept jsonb's layout, and times keep their text through the
    /// round trip, so the signature still verifies.
    public init(stored document: [UInt8]) throws {
        let receipt = try CanonicalJSON.decode(Receipt.self, from: Data(document))
        self.init(receipt: receipt, document: receipt.canonicalBytes)
    }
}

/// The receipt-signing public key, as a JWK.
public struct ReceiptPublicKey: Sendable, Hashable, Codable {
    public var kty = "OKP"
    public var crv = "Ed25519"
    public var x: String
    /// The key's RFC 7638 thumbprint (SHA-256 of `{"crv","kty","x"}` in canonical form), base64url.
    public var kid: String

    public init(raw: [UInt8]) {
        x = Base64URL.encode(raw)
        let thumbprint = JSONValue.object(["crv": .string("Ed25519"), "kty": .string("OKP"), "x": .string(x)]).canonicalBytes
        kid = Base64URL.encode(Array(SHA256.hash(data: thumbprint)))
    }

    public var keyID: String { kid }

    /// Whether `receipt` carries a valid signature by this key.
    public func verifies(_ receipt: Receipt) -> Bool {
        guard let signature = receipt.signature, signature.algorithm == "Ed25519", let raw = Base64URL.decode(x),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw), let value = Base64URL.decode(signature.value),
            let message = try? ReceiptSigner.signedBytes(of: receipt)
        else { return false }
        return key.isValidSignature(value, for: message)
    }
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5), as JOSE writes it.
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
