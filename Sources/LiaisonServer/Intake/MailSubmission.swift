import Crypto
import Foundation
import LiaisonCore
import LiaisonMail
import NIOPosix

/// Turns one raw RFC 5322 message into an intake batch, for both e-mail transports
/// (`POST /v1/intake/email` and `liaison mail`): parse (GMime, bounded), map the report
/// formats, and check a PGP/MIME signature against the producer's keyring. The custody
/// facts ride on each draft; the intake pipeline protects them with the rest.
public struct MailSubmission: Sendable {
    public var limits: MailLimits
    public var intake: MailIntake
    /// GnuPG home folders by producer: the keys whose signatures count as verified.
    public var keyrings: [String: String]

    public init(limits: MailLimits, intake: MailIntake, keyrings: [String: String]) {
        self.limits = limits
        self.intake = intake
        self.keyrings = keyrings
    }

    /// Why a message was not taken. Reasons name bounds, rules and MIME paths, never content.
    public enum Rejection: Error, Sendable {
        case unparsable(MailError)
        case noIncident(parts: [Receipt.Part])
        /// The producer's ``MailSenderRule`` does not admit this message.
        case senderRefused(MailSenderRule.Refusal)
    }

    /// Reads the message on the thread pool made for blocking work: GMime and GPGME (which
    /// runs `gpg` and waits for it) block their thread, and must not hold one of the few
    /// threads that run every request's async code. The deadline (`mail.parse_timeout`) is
    /// enforced there as it is anywhere.
    /// `senderRule`, when given, must admit the message's sender and signature.
    public func batch(_ bytes: [UInt8], producer: String, senderRule: MailSenderRule? = nil) async throws -> IntakeBatch {
        try await NIOThreadPool.singleton.runIfActive { try batchBlocking(bytes, producer: producer, senderRule: senderRule) }
    }

    /// The same, on the calling thread (the fuzzer and single-threaded tools).
    public func batchBlocking(_ bytes: [UInt8], producer: String, senderRule: MailSenderRule? = nil) throws(Rejection) -> IntakeBatch {
        // One deadline (mail.parse_timeout) for parsing and mapping together.
        let deadline = MailDeadline(limit: limits.parseTimeout)
        let digest = Data(SHA256.hash(data: bytes))
        let report: MailReport
        let message: MailMessage
        do {
            message = try MailParser.parse(bytes, limits: limits, deadline: deadline)
            report = try intake.map(message, rawSHA256: digest.hexString, deadline: deadline)
        } catch {
            throw .unparsable(error)
        }
        let parts = report.parts.map { Receipt.Part(path: $0.path, status: $0.status.rawValue, reason: $0.reason) }
        guard !report.drafts.isEmpty else { throw .noIncident(parts: parts) }
        let signature = signatureStatus(message, producer: producer)
        if let refusal = senderRule?.refusal(sender: report.custody.sender?.address, signature: signature) {
            throw .senderRefused(refusal)
        }
        let custody = custodyFields(report.custody, signature: signature)
        let drafts = report.drafts.map { draft in
            var draft = draft
            draft.custody = custody
            // U+0000 cannot be stored; a text part or header that carries one loses it, and the
            // custody record counts what was removed (the SHA-256 is of the bytes as received).
            let removed = draft.removeNULCharacters()
            if removed > 0 { draft.custody.append(CustodyField(name: "nul_removed", content: .verbatim(String(removed)))) }
            return draft
        }
        return IntakeBatch(drafts: drafts, parts: parts)
    }

    /// The custody facts RFC 5322 gives (section 3.6): Message-ID, Date, Subject, From and the
    /// Received chain. The Message-ID and the sender's address and name go to the vault like
    /// any personal value (a Message-ID's left part can hold a name and a birth date); the
    /// Subject and Received chain are scanned as free text, so an address in a hop's host name
    /// (`cpe-89-216-77-45.isp.example`) is tokenised like the bracketed one. Only the signature
    /// status and the date, which we write ourselves, are kept as they are.
    func custodyFields(_ custody: MailCustody, signature: String) -> [CustodyField] {
        var fields = [CustodyField(name: "signature", content: .verbatim(signature))]
        if let id = custody.messageID { fields.append(.init(name: "message_id", content: .personal(.messageID, id))) }
        if let date = custody.date { fields.append(.init(name: "date", content: .verbatim(RFC3339.string(from: date)))) }
        if let subject = custody.subject { fields.append(.init(name: "subject", content: .text(subject.value))) }
        if !custody.receivedChain.isEmpty {
            fields.append(.init(name: "received", content: .text(custody.receivedChain.joined(separator: "\n"))))
        }
        if let sender = custody.sender {
            fields.append(.init(name: "from", content: .personal(.email, sender.address)))
            if let name = sender.displayName, !name.isEmpty {
                fields.append(.init(name: "from_name", content: .personal(.person, name)))
            }
        }
        return fields
    }

    /// `verified FINGERPRINT`, `bad FINGERPRINT`, `unverified: REASON` or `unsigned`. A bad
    /// signature is recorded, not hidden: the report is kept and flagged.
    func signatureStatus(_ message: MailMessage, producer: String) -> String {
        guard let signed = message.allParts.first(where: {
            if case .signed? = $0.pgp { return true } else { return false }
        }) else { return "unsigned" }
        guard let home = keyrings[producer] else { return "unverified: no keyring configured for \(producer)" }
        switch PGPMime.verify(signed, gnupgHome: home, program: intake.gpgProgram) {
        case .verified(let fingerprint): return "verified \(fingerprint)"
        case .bad(let fingerprint): return "bad \(fingerprint ?? "unknown key")"
        case .unverified(let reason):
            switch reason {
            case .noPublicKey(let keyID): return "unverified: unknown key \(keyID ?? "")"
            case .keyRevoked: return "unverified: key revoked"
            case .keyExpired: return "unverified: key expired"
            case .signatureExpired: return "unverified: signature expired"
            case .notPGPSigned: return "unverified: not a PGP signature"
            case .failed(let code): return "unverified: error \(code)"
            }
        }
    }
}

extension MailSubmission.Rejection {
    /// One line for an operator or an MTA bounce: the bound or rule, and where.
    public var reasonText: String {
        switch self {
        case .unparsable(let error): "the message cannot be taken: \(error)"
        case .noIncident(let parts):
            "the message holds no report: " + parts.map { "\($0.path.isEmpty ? "<root>" : $0.path) \($0.status)\($0.reason.map { " (\($0))" } ?? "")" }
                .joined(separator: "; ")
        case .senderRefused(let refusal): "the message is not taken from this sender for this producer (\(refusal.rawValue))"
        }
    }
}
