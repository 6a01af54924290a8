import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore

struct Mail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take one e-mailed report from standard input (for an MTA pipe transport).",
        discussion: """
            Reads one raw RFC 5322 message, maps its ARF, X-ARF, IODEF or free-text report to \
            incidents, and stores them with their custody record, exactly as POST /v1/intake/email \
            does. The producer is --producer, or the one mail.recipients maps --recipient to, or the \
            +TAG of the recipient's local part (abuse-reports+serbian-cert@… → serbian-cert). \
            mail.producers.ORG.senders (addresses, domains) and .require_signature limit who may \
            send as ORG; without them any sender is taken for the producer the recipient names.

            Exit codes follow sysexits, so the MTA does the right thing: 0 stored, or already stored \
            (the same message again: nothing is written); \
            65 (EX_DATAERR) unparsable, over a bound or its parse time, or no report in it — the MTA bounces; \
            67 (EX_NOUSER) no such producer; 77 (EX_NOPERM) the producer's sender rule refuses the \
            message — the MTA bounces; 75 (EX_TEMPFAIL) the database cannot be reached or its \
            schema is not current (run liaison migrate) — the MTA queues and retries; 78 (EX_CONFIG) bad \
            configuration.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "The producer organisation the message comes from.")
    var producer: String?

    @Option(help: "The envelope recipient (Postfix: ${recipient}), mapped to a producer.")
    var recipient: String?

    func run() async throws {
        try await reporting {
            let configuration = try options.load()
            guard let producer = Self.producer(explicit: producer, recipient: recipient, map: configuration.mailRecipients) else {
                throw ExitFailure.noUser("no producer: give --producer, or a --recipient that mail.recipients maps or that carries +PRODUCER")
            }
            let limit = configuration.mailLimits.maxMessageBytes
            let bytes = Array(FileHandle.standardInput.readData(ofLength: limit + 1))
            guard bytes.count <= limit else { throw ExitFailure.data("the message is larger than mail.max_message_bytes (\(limit))") }
            let gateway = Gateway(
                configuration: configuration, environment: options.environment, logger: LogSetup.bootstrap(level: .warning, format: configuration.logFormat))
            // A configuration without the shared keys is the operator's to fix (78), whatever the message.
            try gateway.requireSharedKeys()
            let batch: IntakeBatch
            do {
                batch = try await gateway.mailSubmission().batch(
                    bytes, producer: producer, senderRule: configuration.mailSenderRules[producer])
            } catch MailSubmission.Rejection.senderRefused(let refusal) {
                throw ExitFailure.noPermission(
                    "the message is not taken from this sender for \(producer) (\(refusal.rawValue)): see mail.producers.\(producer)")
            } catch let rejection as MailSubmission.Rejection {
                throw ExitFailure.data(rejection.reasonText)
            }
            let outcome = try await gateway.withStore { store, _ in
                guard try await store.organisationExists(producer) else { return nil as IntakePipeline.Outcome? }
                // The agreements in force are the database's, as the running gateway's are.
                let agreements = AgreementRegistry()
                try await agreements.refresh(from: store)
                return try await gateway.intakePipeline(store: store, agreements: agreements).submit(
                    batch, .init(producer: producer, transport: .mailPipe, body: bytes, idempotencyKey: nil, receivedAt: Date()))
            }
            switch outcome {
            case nil: throw ExitFailure.noUser("no producer organisation \(producer)")
            case .committed(let signed)?:
                print("stored: receipt \(signed.receipt.id), \(signed.receipt.outcomes.count) incident(s)")
            case .replayed(let signed)?, .duplicate(let signed)?:
                print("already stored: receipt \(signed.receipt.id); nothing written")
            case .duplicates(let outcomes)?:
                print("already stored under \(Set(outcomes.compactMap(\.receiptID)).count) receipts; nothing written")
            }
        }
    }

    /// `--producer`, else the configured mapping of `--recipient`, else its `+TAG`.
    static func producer(explicit: String?, recipient: String?, map: [String: String]) -> String? {
        if let explicit { return Identifier.isValid(explicit) ? explicit : nil }
        guard let recipient = recipient?.lowercased() else { return nil }
        if let mapped = map[recipient] { return mapped }
        guard let at = recipient.lastIndex(of: "@"), let plus = recipient[..<at].firstIndex(of: "+") else { return nil }
        let tag = String(recipient[recipient.index(after: plus)..<at])
        return Identifier.isValid(tag) ? tag : nil
    }
}
