import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import Yams

struct Agreements: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Govern sharing agreements: drafts, proposals, approval, preview, files.",
        discussion: """
            The same steps as the admin API (/v1/admin/agreements), on the database directly. A version \
            is drafted, proposed, then approved by a different person (governance.approval each-party: an \
            admin of the other party); suspended, resumed or terminated with a reason. Steps that change \
            a version name who takes them with --org and --person. The command line trusts what you say: \
            whoever holds the configuration file can act as anyone, so take accountable approvals over the \
            API with personal admin keys. Reads print JSON as the API answers it.
            """,
        subcommands: [
            Validate.self, List.self, Show.self, Draft.self, Rollback.self, Propose.self, Approve.self, Reject.self,
            Withdraw.self, Suspend.self, Resume.self, Terminate.self, Diff.self, Preview.self, Apply.self, Export.self,
        ])

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check agreement files and print every problem as FILE:LINE: KEY: PROBLEM.",
            discussion: "Exits 0 when every file is valid, 65 (EX_DATAERR) when any is not. Secrets written env:NAME or file:PATH must resolve.")

        @Argument(help: "Agreement YAML files.")
        var files: [String]

        func run() async throws {
            try await reporting {
                let loaded = try loadFiles(AgreementLoader(environment: ProcessInfo.processInfo.environment), files)
                for item in loaded { print("\(item.file): ok (\(item.agreement.id): \(item.agreement.producer) → \(item.agreement.consumer))") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List agreements with their versions' states and the status in force.")
        @OptionGroup var options: ConfigOptions
        func run() async throws {
            try await reporting { try await withViews(options) { views, _ in printJSON(try await views.list(for: nil)) } }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one agreement: every version with its document, and its history.")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The agreement's id.") var id: String
        func run() async throws {
            try await reporting { try await withViews(options) { views, _ in printJSON(try await views.show(id, for: nil)) } }
        }
    }

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft from a YAML file: a new agreement, or the next version of an existing one.",
            discussion: "The draft still needs propose and approve. Secrets may be written env:NAME or file:PATH.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The agreement file.") var file: String
        func run() async throws {
            try await reporting {
                let gateway = try gateway(options)
                let loader = AgreementLoader(environment: options.environment, allowInsecureLoopback: gateway.configuration.allowInsecureLoopback)
                guard let agreement = try loadFiles(loader, [file]).first?.agreement else {
                    throw ExitFailure.data("\(file): no agreement")
                }
                try await withViews(options, gateway) { views, _ in
                    let exists = try await !views.records.store.agreementVersions(agreement.id).isEmpty
                    let versions = exists
                        ? try await views.records.draft(agreement.id, document: agreement, from: nil, by: actor.actor)
                        : try await views.records.create(agreement, by: actor.actor)
                    report(versions.last, of: agreement.id)
                }
            }
        }
    }

    struct Rollback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft an earlier version's document again as the next version (then propose and approve it).")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The agreement's id.") var id: String
        @Option(help: "The version whose document to take again.") var to: Int
        func run() async throws {
            try await reporting {
                try await withViews(options) { views, _ in
                    report(try await views.records.draft(id, document: nil, from: to, by: actor.actor).last, of: id)
                }
            }
        }
    }

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose a draft for approval.")
        @OptionGroup var step: StepOptions
        @Option(help: "Why this version (kept with it).") var reason: String?
        func run() async throws { try await reporting { try await step.move(to: .proposed, reason: reason) } }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve the latest proposal: a person other than the one who drafted, edited or proposed it.")
        @OptionGroup var step: StepOptions
        func run() async throws {
            try await reporting {
                try await withViews(step.options) { views, _ in
                    let versions = try await views.records.approve(step.id, step.number, ifMatch: step.ifMatch, by: step.actor.actor)
                    report(versions.first { $0.number == step.number }, of: step.id)
                }
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a proposal, with a reason.")
        @OptionGroup var step: StepOptions
        @Option(help: "Why (required).") var reason: String
        func run() async throws { try await reporting { try await step.move(to: .rejected, reason: reason) } }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a proposal back to draft.")
        @OptionGroup var step: StepOptions
        func run() async throws { try await reporting { try await step.move(to: .draft, reason: nil) } }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Suspend the version in force: nothing is shared or delivered under it until resumed.")
        @OptionGroup var step: StepOptions
        @Option(help: "Why (required).") var reason: String
        func run() async throws { try await reporting { try await step.move(to: .suspended, reason: reason) } }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resume a suspended version.")
        @OptionGroup var step: StepOptions
        @Option(help: "Why.") var reason: String?
        func run() async throws { try await reporting { try await step.move(to: .approved, reason: reason) } }
    }

    struct Terminate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Terminate the agreement for good, with a reason.")
        @OptionGroup var step: StepOptions
        @Option(help: "Why (required).") var reason: String
        func run() async throws { try await reporting { try await step.move(to: .terminated, reason: reason) } }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What a version changes, member by member (default: against the version in force before it).")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The agreement's id.") var id: String
        @Argument(help: "The version.") var number: Int
        @Option(help: "The version to compare with.") var against: Int?
        func run() async throws {
            try await reporting {
                try await withViews(options) { views, _ in printJSON(try await views.diff(id, number, against: against, for: nil)) }
            }
        }
    }

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What a version would disclose compared with the one in force, over the producer's recent incidents.",
            discussion: "Works from tokens and redaction records only: no personal value is read or shown. Audited.")
        @OptionGroup var options: ConfigOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The agreement's id.") var id: String
        @Argument(help: "The version.") var number: Int
        @Option(help: "How many recent incidents (1–1000).") var limit: Int = 100
        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000.") }
        }
        func run() async throws {
            try await reporting {
                try await withViews(options) { views, _ in
                    let answer = try await views.preview(id, number, limit: limit, for: actor.principal)
                    printJSON(try CanonicalJSON.decode(JSONValue.self, from: try CanonicalJSON.encode(answer)))
                }
            }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose a new version for each agreement file whose content changed; unchanged files do nothing.",
            discussion: """
                For policy kept in git. Each changed file becomes a proposed version in the name of --org/--person; \
                a second person approves it (agreements approve). Every file is checked first; one bad file stops all.
                """)
        @OptionGroup var options: ConfigOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Agreement files, or one folder of them.") var paths: [String]
        func run() async throws {
            try await reporting {
                let gateway = try gateway(options)
                let loader = AgreementLoader(environment: options.environment, allowInsecureLoopback: gateway.configuration.allowInsecureLoopback)
                var isFolder: ObjCBool = false
                let folder = paths.count == 1 && FileManager.default.fileExists(atPath: paths[0], isDirectory: &isFolder) && isFolder.boolValue
                let loaded = try loadFiles(loader, paths, folder: folder)
                try await withViews(options, gateway) { views, _ in
                    let changed = try await views.records.apply(loaded.map(\.agreement), approve: false, source: actor.actor)
                    for item in loaded {
                        print("\(item.file): \(changed.contains(item.agreement.id) ? "proposed" : "unchanged") (\(item.agreement.id))")
                    }
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write each agreement in force as ID.yaml in a folder, the secrets as env: references.",
            discussion: """
                Secrets are never written out: the pseudonym key and webhook secret become \
                env:LIAISON_AGREEMENT_<ID>_PSEUDONYM_KEY and env:LIAISON_AGREEMENT_<ID>_WEBHOOK_SECRET, and the \
                names are printed. With those set to the same secrets, applying the files changes nothing.
                """)
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The folder to write to (created if missing).") var folder: String
        func run() async throws {
            try await reporting {
                try await withViews(options) { views, _ in
                    let url = URL(fileURLWithPath: folder)
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                    for agreement in views.registry.book.all.sorted(by: { $0.id < $1.id }) {
                        let (text, variables) = try AgreementExport.yaml(agreement)
                        let file = url.appendingPathComponent(agreement.id + ".yaml")
                        try Data(text.utf8).write(to: file, options: .atomic)
                        print("\(file.path): \(agreement.id) (\(agreement.status.rawValue)); set \(variables.joined(separator: ", "))")
                    }
                }
            }
        }
    }
}

/// Who takes a step from the command line.
struct ActorOptions: ParsableArguments {
    @Option(help: "Your organisation (a party to the agreement, or governance.operator).")
    var org: String

    @Option(help: "Your name, as four-eyes approval and the audit trail record it.")
    var person: String

    var actor: AuditActor { AuditActor(organisation: org, person: person) }
    var principal: Principal { Principal(organisation: org, role: .admin, person: person) }

    func validate() throws {
        guard Identifier.isValid(org) else { throw ValidationError("--org must be an organisation id.") }
        guard !person.trimmingCharacters(in: .whitespaces).isEmpty, person.count <= 200 else {
            throw ValidationError("--person must name you (at most 200 characters).")
        }
    }
}

/// A step on one version of one agreement.
struct StepOptions: ParsableArguments {
    @OptionGroup var options: ConfigOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The agreement's id.") var id: String
    @Argument(help: "The version.") var number: Int
    @Option(name: .customLong("if-match"), help: "Act only if the version's ETag is still this one (as show prints it).")
    var ifMatch: String?

    func move(to next: AgreementVersion.State, reason: String?) async throws {
        try await withViews(options) { views, _ in
            let versions = try await views.records.move(id, number, to: next, ifMatch: ifMatch, by: actor.actor, reason: reason)
            report(versions.first { $0.number == number }, of: id)
        }
    }
}

/// Runs `body` with the agreement views over a running store, the agreements in force read.
func withViews(
    _ options: ConfigOptions, _ given: Gateway? = nil, _ body: @escaping @Sendable (AgreementViews, PostgresIncidentStore) async throws -> Void
) async throws {
    let gateway = try given ?? gateway(options)
    let governance = gateway.configuration.governance
    try await gateway.withStore { store, _ in
        let registry = AgreementRegistry()
        try await registry.refresh(from: store)
        try await body(AgreementViews(records: AgreementRecords(store: store, governance: governance), registry: registry), store)
    }
}

/// Reads agreement files, or the one folder named; their problems are bad input (65), not
/// configuration.
func loadFiles(_ loader: AgreementLoader, _ paths: [String], folder: Bool = false) throws -> [AgreementLoader.Loaded] {
    do {
        return folder ? try loader.load(directory: URL(fileURLWithPath: paths[0])) : try loader.load(files: paths)
    } catch {
        throw ExitFailure.data(error.description)
    }
}

func report(_ version: AgreementVersion?, of id: String) {
    guard let version else { return }
    print("\(id) version \(version.number): \(version.state.rawValue) \(AgreementRecords.etag(of: version))")
}

func printJSON(_ value: JSONValue) {
    let object = try? JSONSerialization.jsonObject(with: Data(value.canonicalBytes), options: [.fragmentsAllowed])
    let data = object.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) }
    print(String(decoding: data ?? Data(value.canonicalBytes), as: UTF8.self))
}
