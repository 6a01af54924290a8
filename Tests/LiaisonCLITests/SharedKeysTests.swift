import Foundation
import LiaisonTestSupport
import Testing

/// With an external database, replicas must share their keys: `serve`, and every command that
/// opens the store, refuses to generate them in its data directory, exits 78 and names each
/// missing setting.
@Suite(.timeLimit(.minutes(5))) struct SharedKeysTests {
    static let settings = ["vault.keys", "vault.lookup_key", "receipts.signing_key"]

    func serve(_ db: TestDatabase.Handle, without missing: [String]) async throws -> (BuiltBinary.Result, URL) {
        try await command(["serve"], db, without: missing)
    }

    func command(
        _ arguments: [String], _ db: TestDatabase.Handle, without missing: [String], input: String? = nil
    ) async throws -> (BuiltBinary.Result, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-keys-\(UUID().uuidString)")
        var environment = db.gatewayEnvironment
        for name in missing { environment[name] = nil }
        environment["LIAISON_DATA_DIR"] = directory.path
        environment["LIAISON_LISTEN"] = "127.0.0.1:\(BuiltBinary.freePort())"
        return (try await BuiltBinary.run(arguments, environment: environment, stdin: input), directory)
    }

    @Test("serve on an external database with no keys configured exits 78, names all three and writes no key file")
    func noKeys() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (result, directory) = try await serve(
                db, without: ["LIAISON_VAULT_KEY", "LIAISON_VAULT_LOOKUP_KEY", "LIAISON_RECEIPT_KEY"])
            #expect(result.status == 78, "\(result.stderr)")
            #expect(result.stderr.contains("external database"))
            for setting in Self.settings { #expect(result.stderr.contains(setting), "\(result.stderr)") }
            for variable in ["LIAISON_VAULT_KEY", "LIAISON_VAULT_LOOKUP_KEY", "LIAISON_RECEIPT_KEY"] {
                #expect(result.stderr.contains(variable))
            }
            #expect(!result.stderr.contains(db.url), "the message names settings, not the database URL")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] == [])
        }
    }

    @Test("serve with only the vault key configured names the two that are missing, and only them", arguments: [
        ("LIAISON_VAULT_LOOKUP_KEY", "vault.lookup_key"), ("LIAISON_RECEIPT_KEY", "receipts.signing_key"),
    ])
    func oneMissing(variable: String, setting: String) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (result, _) = try await serve(db, without: [variable])
            #expect(result.status == 78, "\(result.stderr)")
            #expect(result.stderr.contains(setting))
            for other in Self.settings where other != setting { #expect(!result.stderr.contains(other), "\(result.stderr)") }
        }
    }

    @Test("keys, vault and mail on an external database without the vault key exit 78 and write no key file", arguments: [
        ["keys", "create", "--org", "cert", "--role", "producer"], ["vault", "purge"], ["mail", "--producer", "cert"],
    ])
    func commands(arguments: [String]) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let (result, directory) = try await command(
                arguments, db, without: ["LIAISON_VAULT_KEY"], input: "From: a@example.org\r\nSubject: x\r\n\r\nphishing\r\n")
            #expect(result.status == 78, "\(result.stderr)")
            #expect(result.stderr.contains("vault.keys"), "\(result.stderr)")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] == [])
        }
    }
}
