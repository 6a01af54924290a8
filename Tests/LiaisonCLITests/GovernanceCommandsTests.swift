import Foundation
import LiaisonCore
import LiaisonTestSupport
import Testing

/// The governance verbs of the built binary on a real database: keys, agreements, deliveries.
@Suite(.timeLimit(.minutes(5))) struct GovernanceCommandsTests {
    static let pseudonymKey = "hm52jNyVX+f1+2lGipLQhnIoyjb7Ep41X674mP5/wDc="

    static func agreementFile(phone: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-gov-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("cert-to-police.yaml")
        try """
            id: cert-to-police
            producer: cert
            consumer: police
            title: Fraud cases for the cybercrime unit
            valid_from: 2026-01-01
            match:
              taxonomies: [fraud]
              max_tlp: TLP:AMBER
            share:
              fields: [classification, title, description]
              personal_data:
                email: pseudonymise
                phone: \(phone)
            pseudonym_key: \(pseudonymKey)
            """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("keys: persons are required where they count; list never shows a key; a revoked key stops working")
    func keys() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let env = db.gatewayEnvironment
            let unnamed = try await BuiltBinary.run(["keys", "create", "--org", "police", "--role", "consumer"], environment: env)
            #expect(unnamed.status == 64 && unnamed.stderr.contains("--person"))
            let past = try await BuiltBinary.run(["keys", "create", "--org", "police", "--role", "producer", "--expires", "2001-01-01"], environment: env)
            #expect(past.status == 64)
            let created = try await BuiltBinary.run(
                ["keys", "create", "--org", "police", "--role", "consumer", "--person", "Petra Analyst", "--expires", "2099-12-31"], environment: env)
            #expect(created.status == 0, "\(created.stderr)")
            let key = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try await db.store.principal(forKey: key)?.person == "Petra Analyst")
            let listed = try await BuiltBinary.run(["keys", "list", "--org", "police"], environment: env)
            #expect(listed.status == 0 && listed.stdout.contains("Petra Analyst") && listed.stdout.contains("expires 2099-12-31"))
            #expect(!listed.stdout.contains(key))
            let id = String(listed.stdout.prefix(36))
            #expect(try await BuiltBinary.run(["keys", "revoke", id], environment: env).status == 0)
            #expect(try await db.store.principal(forKey: key) == nil)
            #expect(try await BuiltBinary.run(["keys", "revoke", UUID().uuidString], environment: env).status == 65)
        }
    }

    @Test("agreements: draft, propose, four-eyes approval, diff, preview, suspend, reject, export and apply unchanged")
    func agreements() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let env = db.gatewayEnvironment
            func liaison(_ arguments: String...) async throws -> BuiltBinary.Result {
                try await BuiltBinary.run(arguments, environment: env)
            }
            let ana = ["--org", "cert", "--person", "Ana Admin"]
            let pavle = ["--org", "police", "--person", "Pavle Admin"]
            let first = try Self.agreementFile(phone: "mask")
            let drafted = try await BuiltBinary.run(["agreements", "draft", first] + ana, environment: env)
            #expect(drafted.status == 0 && drafted.stdout.contains("cert-to-police version 1: draft"), "\(drafted.stderr)")
            #expect(try await BuiltBinary.run(["agreements", "propose", "cert-to-police", "1", "--reason", "MoU signed"] + ana, environment: env).status == 0)
            let own = try await BuiltBinary.run(["agreements", "approve", "cert-to-police", "1"] + ana, environment: env)
            #expect(own.status == 77 && own.stderr.contains("other than"))
            let stale = try await BuiltBinary.run(["agreements", "approve", "cert-to-police", "1", "--if-match", "\"1-draft-00\""] + pavle, environment: env)
            #expect(stale.status == 65 && stale.stderr.contains("changed meanwhile"))
            let approved = try await BuiltBinary.run(["agreements", "approve", "cert-to-police", "1"] + pavle, environment: env)
            #expect(approved.status == 0 && approved.stdout.contains("version 1: approved"), "\(approved.stderr)")

            let wider = try Self.agreementFile(phone: "pseudonymise")
            #expect(try await BuiltBinary.run(["agreements", "apply", wider] + pavle, environment: env).stdout.contains("proposed"))
            let diff = try await liaison("agreements", "diff", "cert-to-police", "2")
            #expect(diff.status == 0 && diff.stdout.contains("/share/personal_data/phone") && diff.stdout.contains("pseudonymise"))
            let preview = try await BuiltBinary.run(["agreements", "preview", "cert-to-police", "2"] + ana, environment: env)
            #expect(preview.status == 0 && preview.stdout.contains("\"incidents\" : 0"), "\(preview.stdout)\(preview.stderr)")
            let outsider = try await BuiltBinary.run(["agreements", "preview", "cert-to-police", "2", "--org", "elsewhere", "--person", "Olga"], environment: env)
            #expect(outsider.status == 65)

            #expect(try await BuiltBinary.run(["agreements", "suspend", "cert-to-police", "1"] + ana, environment: env).status == 64)
            #expect(try await BuiltBinary.run(["agreements", "suspend", "cert-to-police", "1", "--reason", "audit"] + ana, environment: env).status == 0)
            let shown = try await liaison("agreements", "show", "cert-to-police")
            #expect(shown.stdout.contains("\"status\" : \"suspended\"") && shown.stdout.contains("Pavle Admin"))
            let listed = try await liaison("agreements", "list")
            #expect(listed.stdout.contains("cert-to-police"))

            #expect(try await BuiltBinary.run(["agreements", "reject", "cert-to-police", "2", "--reason", "phones stay masked"] + ana, environment: env).status == 0)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-export-\(UUID().uuidString)").path
            let exported = try await liaison("agreements", "export", folder)
            #expect(exported.status == 0 && exported.stdout.contains("LIAISON_AGREEMENT_CERT_TO_POLICE_PSEUDONYM_KEY"), "\(exported.stderr)")
            let text = try String(contentsOfFile: folder + "/cert-to-police.yaml", encoding: .utf8)
            #expect(!text.contains(Self.pseudonymKey) && text.contains("env:LIAISON_AGREEMENT_CERT_TO_POLICE_PSEUDONYM_KEY"))
            let reapplied = try await BuiltBinary.run(
                ["agreements", "apply", folder] + ana,
                environment: env.merging(["LIAISON_AGREEMENT_CERT_TO_POLICE_PSEUDONYM_KEY": Self.pseudonymKey]) { $1 })
            #expect(reapplied.status == 0 && reapplied.stdout.contains("unchanged"), "\(reapplied.stdout)\(reapplied.stderr)")

            let deliveries = try await liaison("deliveries", "list", "--status", "dead")
            #expect(deliveries.status == 0 && deliveries.stdout.isEmpty)
            #expect(try await liaison("deliveries", "list", "--status", "lost").status == 64)
            let replayed = try await liaison("deliveries", "replay", "--consumer", "police", "--since", "2026-01-01T00:00:00Z")
            #expect(replayed.status == 0 && replayed.stdout == "replayed 0; 0 dead remain\n", "\(replayed.stdout)\(replayed.stderr)")
            for bad in [
                ["deliveries", "replay"], ["deliveries", "replay", "--consumer", "police", "--since", "yesterday"],
                ["deliveries", "replay", "--consumer", "police", "--limit", "0"],
                ["deliveries", "replay", UUID().uuidString, "--consumer", "police"],
            ] {
                let refused = try await BuiltBinary.run(bad, environment: env)
                #expect(refused.status == 64 && !refused.stderr.isEmpty, "\(bad)")
            }
        }
    }
}
