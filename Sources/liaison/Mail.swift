import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonStore

struct Mail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take one e-mailed report from standard input (for an MTA pipe transport).",
        discussion: """
            Reads one raw RFC 5322 message, maps its ARF, X-ARF, IODEF or free-text report to \
            incidents, and stores them with their custody record, exactly as POST /v1/intake/email \
            does. The producer is --producer, or the one mail.recipients maps --recipient to, or the \
            +TAG of the recipient's local part (abuse-reports+serbian-cert@… → serbian-cert).

            Exit codes follow sysexits, so the MTA does the right thing: 0 stored (or a duplicate); \
            65 (EX_DATAERR) unparsable, over a bound or its parse time, or no report in it — the MTA bounces; \
            67 (EX_NOUSER) no such producer; 75 (EX_TEMPFAIL) the database cannot be reached — the \
            MTA queues and retries; 78 (EX_CONFIG) bad configuration.
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
                configuration: configuration, environment: options.environment, logger: LogSetup.bootstrap(level: .warning))
            let submission: PostgresIncidentStore.IntakeSubmission
            do {
                submission = try gateway.mailSubmission().submission(bytes, producer: producer, transport: .mailPipe, receivedAt: Date())
            } catch let rejection as MailSubmission.Rejection {
                throw ExitFailure.data(rejection.reasonText)
            }
            let agreements = AgreementBook(try gateway.loadAgreements().map(\.agreement)).agreements(producer: producer)
            let receipt = try await gateway.withStore { store, migrator in
                try await migrator.migrate()
                guard try await store.organisationExists(producer) else { return nil as Receipt? }
                return try await store.commitIntake(submission, agreements: agreements).receipt
            }
            guard let receipt else { throw ExitFailure.noUser("no producer organisation \(producer)") }
            print("stored: receipt \(receipt.id), \(receipt.outcomes.count) incident(s)")
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
