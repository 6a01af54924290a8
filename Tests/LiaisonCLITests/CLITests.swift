import Foundation
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct CLITests {
    func write(_ text: String, name: String = "file.yaml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let goodAgreement = """
        id: cert-to-police
        producer: cert
        consumer: police
        match:
          taxonomies: [fraud]
          max_tlp: TLP:AMBER
        share:
          fields: [classification, title]
          personal_data:
            email: mask
        webhook:
          url: http://127.0.0.1:9/webhook
          secret: env:TEST_WEBHOOK_SECRET
        """

    @Test("Help lists the commands and explains the configuration")
    func help() async throws {
        let result = try await BuiltBinary.run(["--help"])
        #expect(result.status == 0)
        for word in ["serve", "migrate", "keys", "agreements", "LIAISON_DATABASE_URL", "78"] {
            #expect(result.stdout.contains(word))
        }
    }

    @Test("Under libfaketime (LD_PRELOAD), which empties Swift's CommandLine.arguments, the arguments still count")
    func argumentsUnderPreload() async throws {
        let environment = [
            "LD_PRELOAD": "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "FAKETIME": "-1h",
            "FAKETIME_DONT_FAKE_MONOTONIC": "1",
        ]
        let result = try await BuiltBinary.run(["agreements", "validate", "--help"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("USAGE: liaison agreements validate"), "\(result.stdout.prefix(300))")
    }

    @Test("agreements validate accepts a good file and resolves its env: secret")
    func validateGood() async throws {
        let file = try write(Self.goodAgreement)
        let result = try await BuiltBinary.run(
            ["agreements", "validate", file],
            environment: ["TEST_WEBHOOK_SECRET": "whsec_" + Data(repeating: 1, count: 32).base64EncodedString()])
        #expect(result.status == 0)
        #expect(result.stdout.contains("cert-to-police"))
    }

    @Test("agreements validate prints each problem with file, line and key, exits 65, and never prints a secret")
    func validateBad() async throws {
        let secret = "whsec_" + Data(repeating: 9, count: 8).base64EncodedString()
        let file = try write("""
            id: Cert To Police
            producer: cert
            consumer: police
            colour: red
            match:
              taxonomies: [fraud, scams]
              max_tlp: TLP:PURPLE
            share:
              fields: [title, secret_notes]
              personal_data:
                email: publish
                email: pseudonymise
            webhook:
              url: ftp://example.org/
              secret: \(secret)
            """)
        let result = try await BuiltBinary.run(["agreements", "validate", file])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(file):"))
        let missingEnv = try await BuiltBinary.run(["agreements", "validate", try write(Self.goodAgreement)])
        #expect(missingEnv.status == 65)
        #expect(missingEnv.stderr.contains(":13: webhook.secret: names the environment variable TEST_WEBHOOK_SECRET"))
        #expect(!result.stderr.contains(secret))
    }

    @Test("agreements validate names each problem's line and key")
    func validateProblems() async throws {
        let file = try write("""
            id: Cert To Police
            producer: cert
            consumer: police
            colour: red
            match:
              taxonomies: [fraud, scams]
              max_tlp: TLP:PURPLE
            share:
              fields: [title, secret_notes]
              personal_data:
                email: publish
            webhook:
              url: ftp://example.org/
              secret: whsec_short
            """)
        let result = try await BuiltBinary.run(["agreements", "validate", file])
        #expect(result.status == 65)
        for expected in [
            ":1: id: must be", ":4: colour: is not a known key", ":6: match.taxonomies: scams is not an ENISA RSIT taxonomy",
            ":7: match.max_tlp: is not a TLP 2.0 label", ":9: share.fields: secret_notes is not an incident field",
            ":11: share.personal_data.email: must be drop, mask, generalise, pseudonymise or reveal", ":13: webhook.url: must be an http or https URL",
            ":14: webhook.secret: must be whsec_",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)")
        }
    }

    @Test("Invalid configuration names the key and exits 78", arguments: [
        ("listen: nowhere\n", [String: String](), "listen"),
        ("delivery:\n  max_attempts: 0\n", [:], "delivery.max_attempts"),
        ("delivery:\n  allowed_networks: [10.0.0.1/8]\n", [:], "delivery.allowed_networks: must list addresses or CIDR ranges"),
        ("delivery:\n  allowed_networks: 10.0.0.0/8\n", [:], "delivery.allowed_networks: must be a list"),
        ("speed: fast\n", [:], "speed: is not a known key"),
        ("", ["LIAISON_VAULT_KEY": "c2hvcnQ="], "LIAISON_VAULT_KEY"),
        ("", ["LIAISON_DATABASE_URL": "mysql://db/liaison"], "database_url"),
        ("vault:\n  keys:\n    k1: env:NOT_SET_ANYWHERE\n", [:], "vault.keys.k1: names the environment variable NOT_SET_ANYWHERE"),
    ])
    func badConfiguration(yaml: String, environment: [String: String], expected: String) async throws {
        let file = try write(yaml.isEmpty ? "log_level: info\n" : yaml)
        let result = try await BuiltBinary.run(["migrate", "--config", file], environment: environment)
        #expect(result.status == 78)
        #expect(result.stderr.contains(expected))
    }

    @Test("keys create prints a key once and refuses unknown roles with a usage error")
    func keysCreate() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let result = try await BuiltBinary.run(
                ["keys", "create", "--org", "demo-cert", "--role", "producer"], environment: db.gatewayEnvironment)
            #expect(result.status == 0, "\(result.stderr)")
            let key = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try await db.store.principal(forKey: key)?.organisation == "demo-cert")
            let bad = try await BuiltBinary.run(
                ["keys", "create", "--org", "demo-cert", "--role", "superuser"], environment: db.gatewayEnvironment)
            #expect(bad.status == 64)
            #expect(bad.stderr.contains("--role"))
        }
    }

    @Test("keys create with an unreachable database exits 75 so it can be retried")
    func databaseDown() async throws {
        let result = try await BuiltBinary.run(
            ["keys", "create", "--org", "demo-cert", "--role", "producer"],
            environment: TestDatabase.keysEnvironment().merging(["LIAISON_DATABASE_URL": "postgres://liaison@127.0.0.1:\(BuiltBinary.freePort())/liaison?sslmode=disable"]) { $1 })
        #expect(result.status == 75, "\(result.stderr)")
    }
}
