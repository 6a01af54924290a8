import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonServer

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check and seal the disclosure ledger (the audit trail as an RFC 9162 Merkle tree).",
        subcommands: [Verify.self, Seal.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the ledger's tree from the database and check it against every signed checkpoint.",
            discussion: """
                Reads every entry in order, hashes each as its leaf, compares it with the hash sealed for its \
                index, and compares the tree's root at each checkpoint's size with the root the checkpoint \
                signs. Checkpoints come from the database and from each --checkpoints file (copies kept \
                outside the database: ledger.checkpoint_file, or what ledger.checkpoint_url received); each \
                must be signed by the gateway's key under the ledger's origin (ledger.origin: keep it fixed, or \
                older checkpoints no longer verify). \
                Exits 0 and prints the verified size and root; exits 65 and names the first entry that was \
                edited, deleted, reordered or truncated (then every other finding, up to 100).
                """)

        @OptionGroup var options: ConfigOptions

        @Option(name: .customLong("checkpoints"), help: "A file of signed checkpoints, one after another, each followed by an empty line. Repeatable.")
        var checkpointFiles: [String] = []

        func run() async throws {
            try await reporting {
                let gateway = try gateway(options)
                let key = try gateway.receiptSigner().checkpointKey(name: gateway.ledgerOrigin)
                var external: [(Checkpoint, String)] = []
                for file in checkpointFiles {
                    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                        throw ExitFailure.data("cannot read \(file)")
                    }
                    do {
                        external += try Checkpoint.notes(inFile: text).map { ($0, file) }
                    } catch CheckpointError.malformed(let reason) {
                        throw ExitFailure.data("\(file): \(reason)")
                    }
                }
                let started = ContinuousClock.now
                let verifier = try await gateway.withStore { [external] store, _ in
                    try await LedgerVerification.verify(store, external: external, key: key)
                }
                let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18
                    + Double((ContinuousClock.now - started).components.seconds)
                guard verifier.findings.isEmpty else {
                    let lines = verifier.findings.map { "  " + $0.description }.joined(separator: "\n")
                    throw ExitFailure.data("the ledger does not verify; first: \(verifier.findings[0])\n\(lines)")
                }
                print(
                    "ledger verified: \(verifier.size) entries, root \(verifier.root.base64), "
                        + "\(verifier.checkpointsVerified) checkpoints checked, in \(String(format: "%.1f", seconds)) s")
            }
        }
    }

    struct Seal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a checkpoint of every entry now, as serve does every ledger.checkpoint_interval_seconds, and print it.",
            discussion: "Prints the newest checkpoint (a C2SP signed note). Safe while the gateway serves.")

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            try await reporting {
                let gateway = try gateway(options)
                let key = try gateway.receiptSigner().checkpointKey(name: gateway.ledgerOrigin)
                let note = try await gateway.withStore { store, _ in try await store.sealAll(key: key)?.note }
                guard let note else { throw ExitFailure.data("the ledger is empty: nothing to sign") }
                print(note, terminator: "")
            }
        }
    }
}
