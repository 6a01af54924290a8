import ArgumentParser
import LiaisonCore
import Foundation
import LiaisonServer

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API keys.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API key and print it once.",
            discussion: """
                The key is printed on standard output and never again: the gateway keeps only its \
                SHA-256. The organisation is created if it does not exist. Roles: producer (pushes \
                incidents), consumer (reads its feed), admin, auditor.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(help: "The organisation, e.g. demo-cert (lower-case letters, digits, '.', '_', '-').")
        var org: String

        @Option(help: "producer, consumer, admin or auditor.")
        var role: String

        func validate() throws {
            guard Identifier.isValid(org) else {
                throw ValidationError("--org must be 1–63 lower-case letters, digits, '.', '_' or '-'.")
            }
            guard APIRole(rawValue: role) != nil else {
                throw ValidationError("--role must be producer, consumer, admin or auditor.")
            }
        }

        func run() async throws {
            try await reporting {
                let configuration = try options.load()
                let logger = LogSetup.bootstrap(level: .warning)
                let (org, role) = (org, APIRole(rawValue: role)!)
                let key = try await Gateway(configuration: configuration, environment: options.environment, logger: logger)
                    .withStore { store, _ in
                        return try await store.createAPIKey(organisation: org, role: role).key
                    }
                print(key)
            }
        }
    }
}

struct Agreements: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with agreement files.", subcommands: [Validate.self])

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check agreement files and print every problem as FILE:LINE: KEY: PROBLEM.",
            discussion: "Exits 0 when every file is valid, 65 (EX_DATAERR) when any is not. Secrets written env:NAME or file:PATH must resolve.")

        @Argument(help: "Agreement YAML files.")
        var files: [String]

        func run() async throws {
            try await reporting {
                do {
                    let loaded = try AgreementLoader(environment: ProcessInfo.processInfo.environment).load(files: files)
                    for item in loaded { print("\(item.file): ok (\(item.agreement.id): \(item.agreement.producer) → \(item.agreement.consumer))") }
                } catch let error as ConfigurationError {
                    throw ExitFailure.data(error.description)
                }
            }
        }
    }
}
