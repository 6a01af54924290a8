import ArgumentParser
import Foundation

/// `liaison`: the gateway between CSIRTs and criminal-justice authorities.
@main
struct Liaison: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liaison",
        abstract: "Gateway between CSIRTs and criminal-justice authorities.",
        discussion: """
            Liaison takes incident reports from CSIRTs, keeps personal data in an encrypted vault, \
            and forwards to each police unit, prosecutor or financial intelligence unit exactly what \
            their agreement allows, with a custody record for every incident.

            Configuration comes from --config FILE (or LIAISON_CONFIG, or ./liaison.yaml when present) \
            and environment variables such as LIAISON_DATABASE_URL, LIAISON_LISTEN, LIAISON_DATA_DIR \
            and LIAISON_VAULT_KEY. Without a database URL, Liaison runs its own PostgreSQL cluster in \
            the data directory. Invalid configuration exits with 78 (EX_CONFIG).
            """,
        subcommands: [Serve.self, Migrate.self, Keys.self, Agreements.self, Deliveries.self, Mail.self, Receipts.self, Vault.self, Audit.self, Evidence.self, Redact.self]
    )

    /// The arguments, from `/proc/self/cmdline` when the runtime found none: a library preloaded
    /// with `LD_PRELOAD` (libfaketime, which the fault suite uses to set the clock back) leaves
    /// Swift's `CommandLine.arguments` empty on Linux, and `liaison serve` would print its help.
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if CommandLine.arguments.isEmpty, let cmdline = FileManager.default.contents(atPath: "/proc/self/cmdline") {
            arguments = cmdline.split(separator: 0, omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { String(decoding: $0, as: UTF8.self) }
        }
        await main(arguments)
    }
}
