import Foundation
import LiaisonCore
import LiaisonTestSupport
import Testing

/// `liaison vault report` (issue 14), the built binary on a real database.
@Suite(.timeLimit(.minutes(5))) struct VaultReportCommandTests {
    static func environment(_ db: TestDatabase.Handle) -> [String: String] {
        // The test store's keys (TestDatabase): the report finds values by its lookup key.
        db.gatewayEnvironment
    }

    @Test("Prints the incidents holding a value as JSON, without the value, and audits the report")
    func report() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer)
            let draft = IncidentDraft(
                naturalKey: "event:cli-report", classification: Classification(taxonomy: "fraud", type: "phishing")!, tlp: .green,
                title: "Kit", description: "victim ana.kovac@example.rs", firstSeen: nil, lastSeen: nil,
                observables: [Observable(kind: .email, value: "ana.kovac@example.rs", role: .victim)])
            let receipt = try await IntakeFixture.commit(db.store, [draft])
            let incident = try #require(receipt.incidentIDs.first)
            let result = try await BuiltBinary.run(
                ["vault", "report", "--kind", "email", "--value", "Ana.Kovac@example.rs"], environment: Self.environment(db))
            #expect(result.status == 0, "\(result.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(report["held"] as? Int == 1)
            let holdings = try #require(report["incidents"] as? [[String: Any]])
            #expect((holdings.first?["incident"] as? String)?.lowercased() == incident.uuidString.lowercased())
            #expect(!result.stdout.lowercased().contains("ana.kovac") && !result.stderr.lowercased().contains("ana.kovac"))
            let rows = try await db.client.query("SELECT actor FROM audit_log WHERE action = 'vault-report'", logger: TestDatabase.logger)
            var actors: [String] = []
            for try await actor in rows.decode(String.self) { actors.append(actor) }
            #expect(actors == ["cli"])
        }
    }

    @Test("An unknown kind or an empty value exits 64 naming the option, and touches no database", arguments: [
        (["--kind", "shoe-size", "--value", "x"], "--kind is not a personal-data kind"),
        (["--kind", "email", "--value", " "], "--value is empty"),
        (["--kind", "email"], "--value"),
    ])
    func usage(arguments: [String], message: String) async throws {
        let result = try await BuiltBinary.run(
            ["vault", "report"] + arguments, environment: TestDatabase.keysEnvironment().merging(["LIAISON_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"]) { $1 })
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
