import CGMime
import Synchronization

/// Outcome of verifying an RFC 3156 multipart/signed entity.
public enum PGPVerification: Sendable, Hashable {
    /// Good signature by a key in the given GnuPG home (the producer's keyring is the trust anchor).
    case verified(fingerprint: String)
    case unverified(reason: PGPUnverifiedReason)
    /// Signature does not match the content (tampered) — GPGME "red" status.
    case bad(fingerprint: String?)
}

public enum PGPUnverifiedReason: Sendable, Hashable {
    /// The signing key is not in the keyring; `keyID` as stated in the signature.
    case noPublicKey(keyID: String?)
    case keyRevoked, keyExpired, signatureExpired
    case notPGPSigned
    /// GPGME error code (gpg_err_code) or signature status bits; no content.
    case failed(code: UInt32)
}

/// Outcome of decrypting an RFC 3156 multipart/encrypted entity.
public enum PGPDecryption: Sendable {
    /// Plaintext parsed as a MIME entity at path "<encrypted part path>/plaintext"; `signature`
    /// is set when the ciphertext was also signed.
    case decrypted(MailPart, signature: PGPVerification?)
    case cannotDecrypt(reason: PGPCannotDecryptReason)
}

public enum PGPCannotDecryptReason: Sendable, Hashable {
    /// The GnuPG home holds no secret key for any recipient.
    case noSecretKey
    case notPGPEncrypted
    /// Decryption succeeded but the plaintext broke a `MailLimits` bound or was empty.
    case plaintextRejected(MailError)
    case failed(code: UInt32)
}

/// RFC 3156 (PGP/MIME) through GMime's GPGME crypto context.
///
/// Each call creates its own GMimeGpgContext. The GnuPG home is chosen with the process-global
/// `gpgme_set_engine_info`, which GPGME copies into a context when it is created, so creation is
/// serialised by a lock; verification/decryption themselves run concurrently. Do not change the
/// GPGME engine info elsewhere in the process.
public enum PGPMime {
    private static let contextLock = Mutex(0)

    /// `program` is the gpg executable GPGME drives (nil: the one GnuPG's `gpgconf` names).
    public static func verify(_ part: MailPart, gnupgHome: String, program: String? = nil) -> PGPVerification {
        guard case let .signed(proto, content, signature)? = part.pgp, proto == "application/pgp-signature" else {
            return .unverified(reason: .notPGPSigned)
        }
        guard let context = makeContext(gnupgHome: gnupgHome, program: program) else { return .unverified(reason: .failed(code: 0)) }
        defer { cg_unref(context) }
        let contentStream = memoryStream(content), signatureStream = memoryStream(signature)
        defer { cg_unref(contentStream); cg_unref(signatureStream) }
        var error: UnsafeMutablePointer<GError>?
        let list = g_mime_crypto_context_verify(context, GMIME_VERIFY_NONE, contentStream, signatureStream, nil, &error)
        defer { cg_unref(list) }
        guard let list else {
            let code = error.map { cg_gpg_err_code($0.pointee.code) } ?? 0
            g_clear_error(&error)
            return .unverified(reason: .failed(code: code))
        }
        return outcome(list) ?? .unverified(reason: .failed(code: 0))
    }

    public static func decrypt(
        _ part: MailPart, gnupgHome: String, program: String? = nil, limits: MailLimits = .default
    ) -> PGPDecryption {
        guard case let .encrypted(proto, ciphertext)? = part.pgp, proto == "application/pgp-encrypted" else {
            return .cannotDecrypt(reason: .notPGPEncrypted)
        }
        guard let context = makeContext(gnupgHome: gnupgHome, program: program) else { return .cannotDecrypt(reason: .failed(code: 0)) }
        defer { cg_unref(context) }
        let input = memoryStream(ciphertext)
        let output = g_mime_stream_mem_new()
        defer { cg_unref(input); cg_unref(output) }
        var error: UnsafeMutablePointer<GError>?
        guard let result = g_mime_crypto_context_decrypt(context, GMIME_DECRYPT_NONE, nil, input, output, &error) else {
            let code = error.map { cg_gpg_err_code($0.pointee.code) } ?? 0
            g_clear_error(&error)
            return .cannotDecrypt(reason: code == cg_gpg_err_no_seckey() ? .noSecretKey : .failed(code: code))
        }
        defer { cg_unref(result) }
        let signature = g_mime_decrypt_result_get_signatures(result).flatMap(outcome)
        do {
            let plain = try MailParser.parseEntity(streamBytes(output!), limits: limits, basePath: part.path + "/plaintext")
            return .decrypted(plain, signature: signature)
        } catch {
            return .cannotDecrypt(reason: .plaintextRejected(error))
        }
    }

    /// Maps the first signature's GPGME status bits (GMimeSignatureStatus).
    private static func outcome(_ list: UnsafeMutablePointer<GMimeSignatureList>) -> PGPVerification? {
        guard g_mime_signature_list_length(list) > 0,
              let signature = g_mime_signature_list_get_signature(list, 0) else { return nil }
        let status = g_mime_signature_get_status(signature).rawValue
        let certificate = g_mime_signature_get_certificate(signature)
        let fingerprint = certificate.flatMap { swiftString(g_mime_certificate_get_fingerprint($0)) }
        let keyID = certificate.flatMap { swiftString(g_mime_certificate_get_key_id($0)) }
        func has(_ flag: GMimeSignatureStatus) -> Bool { status & flag.rawValue != 0 }
        if has(GMIME_SIGNATURE_STATUS_RED) { return .bad(fingerprint: fingerprint) }
        if has(GMIME_SIGNATURE_STATUS_KEY_MISSING) { return .unverified(reason: .noPublicKey(keyID: keyID ?? fingerprint)) }
        if has(GMIME_SIGNATURE_STATUS_KEY_REVOKED) { return .unverified(reason: .keyRevoked) }
        if has(GMIME_SIGNATURE_STATUS_KEY_EXPIRED) { return .unverified(reason: .keyExpired) }
        if has(GMIME_SIGNATURE_STATUS_SIG_EXPIRED) { return .unverified(reason: .signatureExpired) }
        if has(GMIME_SIGNATURE_STATUS_SYS_ERROR) { return .unverified(reason: .failed(code: status)) }
        guard let fingerprint, !fingerprint.isEmpty else { return .unverified(reason: .failed(code: status)) }
        return .verified(fingerprint: fingerprint)
    }

    private static func makeContext(gnupgHome: String, program: String?) -> UnsafeMutablePointer<GMimeCryptoContext>? {
        GMimeRuntime.ensureInitialised()
        let address = contextLock.withLock { _ -> UInt in
            guard gpgme_set_engine_info(GPGME_PROTOCOL_OpenPGP, program, gnupgHome) == 0 else { return 0 }
            return UInt(bitPattern: g_mime_gpg_context_new())
        }
        return UnsafeMutablePointer(bitPattern: address)
    }

    private static func memoryStream(_ bytes: [UInt8]) -> UnsafeMutablePointer<GMimeStream>? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { g_mime_stream_mem_new_with_buffer($0.baseAddress, $0.count) }
        }
    }
}
