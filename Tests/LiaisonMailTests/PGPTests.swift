import Foundation
import MailCorpus
import Testing
import LiaisonMail
import LiaisonCore

/// RFC 3156 PGP/MIME through GMime's GPGME context, with throwaway keys per test.
@Suite(.serialized, .timeLimit(.minutes(5))) struct PGPTests {
    static let uid = "Partner CERT <pgp@partner.example>"
    static let entity = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + "Incident 42: scan from 192.0.2.9 =E2=80=93 signed.\r\n"

    static func signedMessage(entity: String, signature: String) -> [UInt8] {
        MailCorpus.pgpSigned(entity: entity, signature: signature)
    }

    static func encryptedMessage(_ armored: String) -> [UInt8] { MailCorpus.pgpEncrypted(armored) }

    /// Producer home (secret key) and a CERT-side home holding only the producer's public key.
    static func homes() async throws -> (producer: GnuPGHome, cert: GnuPGHome, fingerprint: String) {
        let producer = try GnuPGHome(), cert = try GnuPGHome()
        let fingerprint = try await producer.generateKey(uid)
        try await cert.importPublicKey(of: producer, uid: uid)
        return (producer, cert, fingerprint)
    }

    @Test func goodSignatureVerifies() async throws {
        let (producer, cert, fingerprint) = try await Self.homes()
        let signature = try await producer.detachSign(Array(Self.entity.utf8), as: Self.uid)
        let message = try MailParser.parse(Self.signedMessage(entity: Self.entity, signature: signature))
        guard case .signed(_, let content, _)? = message.body.pgp else { Issue.record("no PGP payload"); return }
        #expect(content == Array(Self.entity.utf8))  // GMime re-serialises the signed part byte-exactly
        #expect(PGPMime.verify(message.body, gnupgHome: cert.path) == .verified(fingerprint: fingerprint))
        #expect(message.body.children.first?.text?.string.contains("192.0.2.9 – signed") == true)
    }

    @Test func tamperedSignatureIsBad() async throws {
        let (producer, cert, _) = try await Self.homes()
        let signature = try await producer.detachSign(Array(Self.entity.utf8), as: Self.uid)
        let tampered = Self.entity.replacingOccurrences(of: "192.0.2.9", with: "192.0.2.8")
        let message = try MailParser.parse(Self.signedMessage(entity: tampered, signature: signature))
        guard case .bad = PGPMime.verify(message.body, gnupgHome: cert.path) else {
            Issue.record("expected .bad, got \(PGPMime.verify(message.body, gnupgHome: cert.path))"); return
        }
    }

    @Test func unknownKeyIsUnverified() async throws {
        let (producer, _, fingerprint) = try await Self.homes()
        let stranger = try GnuPGHome()
        let signature = try await producer.detachSign(Array(Self.entity.utf8), as: Self.uid)
        let message = try MailParser.parse(Self.signedMessage(entity: Self.entity, signature: signature))
        let outcome = PGPMime.verify(message.body, gnupgHome: stranger.path)
        guard case .unverified(.noPublicKey(let keyID)) = outcome else { Issue.record("got \(outcome)"); return }
        #expect(keyID.map { fingerprint.hasSuffix($0) } == true)
    }

    @Test func unsignedPartIsNotPGPSigned() throws {
        let message = try MailParser.parse(MailCorpus.arf)
        #expect(PGPMime.verify(message.body, gnupgHome: "/nonexistent") == .unverified(reason: .notPGPSigned))
    }

    @Test func decryptsWithSecretKey() async throws {
        let (producer, cert, _) = try await Self.homes()
        let plaintext = Array("Content-Type: text/plain; charset=utf-8\r\n\r\nSecret incident details 203.0.113.5\r\n".utf8)
        let armored = try await cert.encrypt(plaintext, to: Self.uid)  // CERT encrypts to the producer's key
        let message = try MailParser.parse(Self.encryptedMessage(armored))
        guard case .decrypted(let part, let signature) = PGPMime.decrypt(message.body, gnupgHome: producer.path) else {
            Issue.record("decryption failed: \(PGPMime.decrypt(message.body, gnupgHome: producer.path))"); return
        }
        #expect(part.path == "/plaintext")
        #expect(part.mimeType == "text/plain")
        #expect(part.text?.string.contains("Secret incident details 203.0.113.5") == true)
        #expect(signature == nil)
    }

    @Test("A report encrypted to the gateway is decrypted and mapped; without the key it is refused with the reason")
    func encryptedReportIsMapped() async throws {
        let (producer, cert, _) = try await Self.homes()
        let plaintext = Array(
            "Content-Type: text/plain; charset=utf-8\r\n\r\nPhishing site hxxps://bank-login[.]example[.]net imitating a bank.\r\n".utf8)
        let armored = try await cert.encrypt(plaintext, to: Self.uid)
        let message = try MailParser.parse(Self.encryptedMessage(armored))
        let report = try MailIntake(decryptionKeyring: producer.path).map(message, rawSHA256: String(repeating: "0", count: 64))
        #expect(report.drafts.first?.classification == Classification(taxonomy: "fraud", type: "phishing"))
        #expect(report.parts.contains { $0.reason == "pgp-decrypted" })
        let refused = try MailIntake().map(message, rawSHA256: String(repeating: "0", count: 64))
        #expect(refused.drafts.isEmpty)
        #expect(refused.parts.allSatisfy { $0.status == .rejected && $0.reason == "pgp-encrypted-no-decryption-key-configured" })
        let wrongKey = try MailIntake(decryptionKeyring: cert.path).map(message, rawSHA256: String(repeating: "0", count: 64))
        #expect(wrongKey.drafts.isEmpty && wrongKey.parts.contains { $0.reason?.hasPrefix("pgp-cannot-decrypt") == true })
    }

    @Test func cannotDecryptWithoutSecretKey() async throws {
        let (_, cert, _) = try await Self.homes()
        let armored = try await cert.encrypt(Array("Content-Type: text/plain\r\n\r\nsecret\r\n".utf8), to: Self.uid)
        let message = try MailParser.parse(Self.encryptedMessage(armored))
        for home in [cert, try GnuPGHome()] {  // public key only, then an empty keyring
            guard case .cannotDecrypt(.noSecretKey) = PGPMime.decrypt(message.body, gnupgHome: home.path) else {
                Issue.record("got \(PGPMime.decrypt(message.body, gnupgHome: home.path))"); continue
            }
        }
    }
}
