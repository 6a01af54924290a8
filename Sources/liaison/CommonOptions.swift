import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonStore
import Logging

/// Options every command that reads configuration shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: $LIAISON_CONFIG, else ./liaison.yaml if it exists).")
    var config: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Reads the configuration, or prints each problem and exits with 78 (EX_CONFIG).
    func load() throws -> Configuration {
        var file = config ?? environment["LIAISON_CONFIG"]
        if file == nil, FileManager.default.fileExists(atPath: "liaison.yaml") { file = "liaison.yaml" }
        do {
            return try Configuration.load(file: file, environment: environment)
        } catch {
            throw ExitFailure.configuration(error.description)
        }
    }
}

/// How a command fails: a message on standard error and a sysexits code.
enum ExitFailure: Error {
    /// 78 EX_CONFIG
    case configuration(String)
    /// 65 EX_DATAERR
    case data(String)
    /// 75 EX_TEMPFAIL: try again later (the database is unreachable).
    case temporary(String)
    /// 67 EX_NOUSER: the addressee (here: the producer) is unknown.
    case noUser(String)
    /// 77 EX_NOPERM: not permitted (the producer's sender rule refuses the message).
    case noPermission(String)

    var code: Int32 {
        switch self {
        case .configuration: 78
        case .data: 65
        case .temporary: 75
        case .noUser: 67
        case .noPermission: 77
        }
    }

    var message: String {
        switch self {
        case .configuration(let text): "configuration: " + text
        case .data(let text), .temporary(let text), .noUser(let text), .noPermission(let text): text
        }
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning known failures into a message and an exit code.
    func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as ExitFailure {
            FileHandle.standardError.write(Data("liaison: \(failure.message)\n".utf8))
            throw ExitCode(failure.code)
        } catch let refusal as AgreementGovernance.Refusal {
            FileHandle.standardError.write(Data("liaison: refused: \(Self.message(refusal))\n".utf8))
            throw ExitCode(Self.exitCode(refusal))
        } catch let failure as AgreementRecords.Failure {
            FileHandle.standardError.write(Data("liaison: \(Self.message(failure))\n".utf8))
            throw ExitCode(65)
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("liaison: configuration: \(error.description)\n".utf8))
            throw ExitCode(78)
        } catch let error where error is ExitCode || error is ValidationError || error is CleanExit {
            throw error
        } catch {
            guard let error = StoreError.classify(error) as? StoreError else {
                // An error no case above knows: its description may quote a statement, a value
                // or a source path, so only its type is printed (EX_SOFTWARE).
                FileHandle.standardError.write(Data("liaison: internal error (\(type(of: error))); nothing was stored\n".utf8))
                throw ExitCode(70)
            }
            FileHandle.standardError.write(Data("liaison: \(error.reasonText)\n".utf8))
            throw ExitCode(Self.exitCode(error))
        }
    }

    /// sysexits for store failures: 75 (EX_TEMPFAIL) where trying again later can work — the
    /// database is unreachable or busy, or its schema is not yet current; 78 (EX_CONFIG) for
    /// a bad URL or a migration history this binary refuses; 70 (EX_SOFTWARE) otherwise.
    static func exitCode(_ error: StoreError) -> Int32 {
        switch error {
        case .databaseUnavailable, .databaseBusy, .embeddedPostgres, .schemaNotCurrent: 75
        case .invalidDatabaseURL, .migrationChanged, .schemaNewerThanBinary: 78
        default: 70
        }
    }
}

extension AsyncParsableCommand {
    /// 77 (EX_NOPERM) where the person may not take the step, 65 (EX_DATAERR) where the
    /// version's state does not allow it or a reason is missing.
    static func exitCode(_ refusal: AgreementGovernance.Refusal) -> Int32 {
        switch refusal {
        case .personRequired, .notAParty, .samePerson, .otherPartyRequired: 77
        case .wrongState, .notLatestProposal, .agreementTerminated, .reasonRequired: 65
        }
    }

    static func message(_ refusal: AgreementGovernance.Refusal) -> String {
        switch refusal {
        case .personRequired: "the step needs a named person (--person)"
        case .notAParty: "your organisation is neither a party to the agreement nor governance.operator"
        case .samePerson: "a version is approved by a person other than whoever drafted, edited or proposed it"
        case .otherPartyRequired(let organisation): "under governance.approval each-party, an admin of \(organisation) approves"
        case .wrongState(let state): "the version is \(state.rawValue), which does not allow this step"
        case .notLatestProposal(let latest): "only the latest proposal can be approved; that is version \(latest)"
        case .agreementTerminated: "the agreement was terminated; no version follows"
        case .reasonRequired: "this step needs a reason (--reason)"
        }
    }

    static func message(_ failure: AgreementRecords.Failure) -> String {
        switch failure {
        case .agreementNotFound(let id): "no agreement \(id)"
        case .versionNotFound(let id, let number): "agreement \(id) has no version \(number)"
        case .staleVersion(let current): "the version changed meanwhile; its ETag is now \(current)"
        case .identityChanged: "a new version keeps its agreement's id, producer and consumer"
        case .agreementExists(let id): "agreement \(id) exists already"
        case .nothingToCompare: "there is no other version to compare with (--against)"
        }
    }
}

enum LogSetup {
    /// Logs go to standard error as `key=value` lines (`log_format: text`) or one JSON object a
    /// line (`log_format: json`); either way they carry ids, counts and codes only.
    static func bootstrap(level: Logger.Level, format: LogFormat = .text) -> Logger {
        LoggingSystem.bootstrap { label in
            switch format {
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            case .json:
                var handler = JSONLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: "liaison")
    }
}
