import Crypto
import Foundation
import LiaisonCore

/// Seals personal values for the vault with AES-256-GCM under a named key.
///
/// New entries use the current key; entries sealed under an older key still open as
/// long as that key is configured, and `liaison vault rotate` re-seals them. The lookup
/// hash is an HMAC-SHA256 of the kind and normalised value under a lookup key of its
/// own (it outlives rotations), so a person's entries can be found for erasure without
/// decrypting anything.
public struct VaultCipher: Sendable {
    public let currentKeyID: String
    private let keys: [String: SymmetricKey]
    /// `keys[currentKeyID]`, which seals every new entry.
    private let currentKey: SymmetricKey
    private let lookupKey: SymmetricKey
    /// HMAC-SHA256 keyed with `lookupKey`, before any data: each lookup hash starts from a copy
    /// (the hash states are copied on write), so the key is padded and hashed in once.
    private let lookupMAC: HMAC<SHA256>

    /// `keys` maps key ids to 32-byte keys; `currentKeyID` must be among them.
    public init(keys: [String: Secret], currentKeyID: String, lookupKey: Secret) throws(StoreError) {
        guard keys[currentKeyID] != nil else { throw .vaultKeyUnknown(keyID: currentKeyID) }
        for (id, key) in keys where key.bytes.count != 32 { throw .vaultKeyUnknown(keyID: id) }
        guard lookupKey.bytes.count == 32 else { throw .vaultKeyUnknown(keyID: "lookup") }
        self.keys = keys.mapValues { SymmetricKey(data: $0.bytes) }
        self.currentKey = self.keys[currentKeyID]!
        self.currentKeyID = currentKeyID
        self.lookupKey = SymmetricKey(data: lookupKey.bytes)
        self.lookupMAC = HMAC<SHA256>(key: self.lookupKey)
    }

    public func seal(_ plaintext: String, token: Token) throws -> Data {
        // The token is bound as associated data, so a sealed value cannot be moved to
        // another entry and opened there.
        let box = try AES.GCM.seal(Array(plaintext.utf8), using: currentKey, authenticating: Array(token.text.utf8))
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

    /// Seals key material that is not a personal value (an agreement version's pseudonym
    /// key) under the current key, bound to `context` so it opens nowhere else.
    public func seal(secret: Secret, context: String) throws -> Data {
        try AES.GCM.seal(secret.bytes, using: currentKey, authenticating: Array(context.utf8)).combined!
    }

    public func open(secret sealed: Data, keyID: String, context: String) throws(StoreError) -> Secret {
        guard let key = keys[keyID] else { throw .vaultKeyUnknown(keyID: keyID) }
        do {
            return Secret(bytes: Array(try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Array(context.utf8))))
        } catch {
            throw .vaultEntryCorrupt(token: context)
        }
    }

    /// A key of its own for `purpose` (feed cursors, say), derived from the lookup key with
    /// HKDF-SHA256 (RFC 5869): as stable as the lookup key, across rotations and replicas,
    /// and useless for anything but that purpose.
    public func derivedKey(for purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: lookupKey, info: Array("liaison:\(purpose)".utf8), outputByteCount: 32)
    }

    /// HMAC-SHA256 over `KIND:value` (UTF-8), fed in parts rather than joined first.
    public func lookupHash(kind: PersonalDataKind, value: String) -> Data {
        var mac = lookupMAC
        func feed(_ part: String) {
            var part = part
            part.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        }
        feed(kind.rawValue)
        feed(":")
        feed(value)
        return Data(mac.finalize())
    }
}

/// How long vault entries are kept: a default, and overrides per kind (GDPR Art. 5(1)(e),
/// storage limitation). Configured as `vault.retention_days` and `vault.retention_days_by_kind`.
public struct VaultRetention: Sendable, Hashable {
    public var defaultDays: Int
    public var byKind: [PersonalDataKind: Int]

    public init(defaultDays: Int = 730, byKind: [PersonalDataKind: Int] = [:]) {
        self.defaultDays = defaultDays
        self.byKind = byKind
    }

    public func days(for kind: PersonalDataKind) -> Int { byKind[kind] ?? defaultDays }
}
