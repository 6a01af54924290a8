import ArgumentParser
import Foundation
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

enum LogSetup {
    /// Logs go to standard error as `key=value` lines; they carry ids, counts and codes only.
    static func bootstrap(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "liaison")
    }
}
