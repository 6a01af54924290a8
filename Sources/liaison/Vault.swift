import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonServer

struct Vault: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the personal-data vault: key rotation, retention, erasure, reports on a value.",
        subcommands: [Rotate.self, Purge.self, Erase.self, Report.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-seal every vault entry under the current key (vault.current_key).",
            discussion: """
                Add the new key to vault.keys, make it vault.current_key, keep the old keys listed, and run \
                this; afterwards the old keys can be removed. Safe while the gateway serves, and safe to interrupt.
                """)

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            try await reporting {
                let count = try await gateway(options).withStore { store, _ in
                    return try await store.rotateVault()
                }
                print("vault entries re-sealed: \(count)")
            }
        }
    }

    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete vault entries past their retention date (serve also does this periodically).")

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            try await reporting {
                let count = try await gateway(options).withStore { store, _ in
                    return try await store.purgeExpiredVaultEntries()
                }
                print("vault entries deleted: \(count)")
            }
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase every vault entry of a person's value (right to erasure) and say how many.",
            discussion: """
                The incidents stay; where the value was they now read [erased]. The erasure is audited with \
                its kind and count, never the value. The value is matched in its normalised form, so \
                '+381 64 123 4567' and '+381641234567' are the same phone number.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(help: "The kind: \(PersonalDataKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: String

        @Option(help: "The value to erase.")
        var value: String

        func validate() throws {
            guard PersonalDataKind(rawValue: kind) != nil else { throw ValidationError("--kind is not a personal-data kind.") }
        }

        func run() async throws {
            try await reporting {
                let (kind, value) = (PersonalDataKind(rawValue: kind)!, value)
                let count = try await gateway(options).withStore { store, _ in
                    return try await store.eraseVaultEntries(kind: kind, value: value, actor: "cli")
                }
                print("vault entries erased: \(count)")
            }
        }
    }
}

extension Vault {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report what the gateway holds and disclosed of a person's value (access and supervisory requests).",
            discussion: """
                Prints, as JSON, every incident whose vault entry holds the value or held it until it was \
                erased (with its token, producer, role and dates), and every disclosure of those incidents: to \
                which organisation, when, which incident version, under which agreement version, by which \
                transport, for what purpose, and how it rendered the value (not-shared, drop, mask, \
                pseudonymise, generalise, reveal, erased). The value is found by the vault's keyed lookup hash, \
                in its normalised form, as erase finds it; nothing is decrypted, and no value — this one or \
                another — and no reading officer's name is printed. Values deleted by retention cannot be \
                found. The report is audited (vault-report, with the kind and the counts, never the value). \
                Exit codes: 0, 64 (unknown kind, empty value), 75, 78.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(help: "The kind: \(PersonalDataKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: String

        @Option(help: "The value to report on.")
        var value: String

        func validate() throws {
            guard PersonalDataKind(rawValue: kind) != nil else {
                throw ValidationError(
                    "--kind is not a personal-data kind; use one of \(PersonalDataKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard !value.allSatisfy(\.isWhitespace) else { throw ValidationError("--value is empty.") }
        }

        func run() async throws {
            try await reporting {
                let (kind, value) = (PersonalDataKind(rawValue: kind)!, value)
                let report = try await gateway(options).withStore { store, _ in
                    try await VaultReporter(store: store).report(kind: kind, value: value, scope: .all, by: AuditActor(organisation: "cli"))
                }
                printJSON(try CanonicalJSON.decode(JSONValue.self, from: try CanonicalJSON.encode(report)))
            }
        }
    }
}

func gateway(_ options: ConfigOptions) throws -> Gateway {
    let configuration = try options.load()
    return Gateway(configuration: configuration, environment: options.environment, logger: LogSetup.bootstrap(level: .warning, format: configuration.logFormat))
}
