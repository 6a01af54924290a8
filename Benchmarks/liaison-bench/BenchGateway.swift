import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonStore
import Logging

/// A gateway for one benchmark: a throwaway data directory (so a throwaway embedded cluster),
/// or `LIAISON_DATABASE_URL`; migrated, and removed afterwards.
enum BenchGateway {
    static let logger = { var logger = Logger(label: "liaison-bench"); logger.logLevel = .error; return logger }()

    static func withStore(
        _ body: @Sendable (Gateway, PostgresIncidentStore, Migrator) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = Configuration(dataDirectory: directory)
        configuration.databaseURL = ProcessInfo.processInfo.environment["LIAISON_DATABASE_URL"]
        if configuration.databaseURL != nil {
            // An external database needs its keys configured; the bench's data is thrown away, so fresh ones do.
            let fresh = { Secret(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) }) }
            configuration.vaultKeys = [configuration.vaultCurrentKey: fresh()]
            configuration.vaultLookupKey = fresh()
            configuration.receiptSigningKey = fresh()
        }
        let gateway = Gateway(configuration: configuration, environment: [:], logger: logger)
        try await gateway.withStore(requireCurrentSchema: false) { store, migrator in
            _ = try await migrator.migrate()
            try await body(gateway, store, migrator)
        }
    }
}
