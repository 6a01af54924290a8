import Crypto
import Foundation
import LiaisonCore

/// Seals personal values for the vault with AES-256-GCM under a named key.
///
/// New entries use the current key; entries sealed under an older key still open as
/// long as that key is configured. The lookup hash is an HMAC-SHA256 of the kind and
/// normalised value under a key derived from the current vault key (HKDF), so a
/// person's entries can be found for erasure without decrypting anything.
public struct VaultCipher: Sendable {
    public let currentKeyID: String
    private let keys: [String: SymmetricKey]
    private let lookupKey: SymmetricKey

    /// `keys` maps key ids to 32-byte keys; `currentKeyID` must be among them.
    public init(keys: [String: Secret], currentKeyID: String) throws(StoreError) {
        guard let current = keys[currentKeyID] else { throw .vaultKeyUnknown(keyID: currentKeyID) }
        for (id, key) in keys where key.bytes.count != 32 { throw .vaultKeyUnknown(keyID: id) }
        self.keys = keys.mapValues { SymmetricKey(data: $0.bytes) }
        self.currentKeyID = currentKeyID
        self.lookupKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: current.bytes), info: Array("liaison vault lookup".utf8),
            outputByteCount: 32)
    }

    public func seal(_ plaintext: String, token: Token) throws -> Data {
        // The token is bound as associated data, so a sealed value cannot be moved to
        // another entry and opened there.
        let box = try AES.GCM.seal(
            Array(plaintext.utf8), using: keys[currentKeyID]!, authenticating: Array(token.text.utf8))
        return box.combined!
    }

    public func open(_ sealed: Data, keyID: String, token: Token) throws(StoreError) -> String {
        guard let key = keys[keyID] else { throw .vaultKeyUnknown(keyID: keyID) }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            let plaintext = try AES.GCM.open(box, using: key, authenticating: Array(token.text.utf8))
            return String(decoding: plaintext, as: UTF8.self)
        } catch {
            throw .vaultEntryCorrupt(token: token.text)
        }
    }

    public func lookupHash(kind: PersonalDataKind, value: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Array((kind.rawValue + ":" + value).utf8), using: lookupKey))
    }
}
