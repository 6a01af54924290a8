import AsyncHTTPClient
import Foundation
import LiaisonStore
import LiaisonTestSupport
import NIOCore
import NIOHTTP1
import Testing

/// The built binary through PgBouncer in transaction pooling mode (started by
/// `deploy/local/test`): each statement or transaction may run on another server session, so
/// anything that relies on session state (session advisory locks, session-local objects,
/// startup parameters, named prepared statements) fails here.
@Suite(.timeLimit(.minutes(5))) struct PooledGatewayTests {
    @Test("Two 'liaison migrate' at once through PgBouncer on an empty database apply each migration exactly once")
    func concurrentMigrations() async throws {
        try await TestDatabase.withPooledDatabase(migrate: false) { (db) async throws in
            let setup = try ServeSetup(db, webhook: nil)
            let first = try BuiltBinary.start(["migrate"], environment: setup.environment)
            let second = try BuiltBinary.start(["migrate"], environment: setup.environment)
            let statuses = [try await first.waitForExit(), try await second.waitForExit()]
            let outputs = [BuiltBinary.read(first.stdout), BuiltBinary.read(second.stdout)]
            #expect(statuses == [0, 0], "\(BuiltBinary.read(first.stderr)) \(BuiltBinary.read(second.stderr))")
            let applied = outputs.flatMap { output -> [String] in
                guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("migrations applied: ") }) else { return [] }
                return line.dropFirst("migrations applied: ".count).components(separatedBy: ", ")
            }
            let shipped = try Migrator.bundledMigrations().map(\.name)
            #expect(applied.sorted() == shipped, "each migration applied once, by one of the two")
            let recorded = try await db.client.query("SELECT count(*)::int FROM schema_migrations", logger: TestDatabase.logger)
                .collect().first?.decode(Int.self)
            #expect(recorded == shipped.count)

            let again = try await BuiltBinary.run(["migrate"], environment: setup.environment)
            #expect(again.status == 0)
            #expect(again.stdout.contains("migrations: up to date"))
            try await db.migrator.requireCurrentSchema()
        }
    }

    @Test("Through PgBouncer: serve migrates, intake is delivered to a loopback receiver, the ledger is sealed, the feed reads it")
    func intakeToFeed() async throws {
        try await TestDatabase.withPooledDatabase(migrate: false) { (db) async throws in
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                let setup = try ServeSetup(db, webhook: url)
                let port = BuiltBinary.freePort()
                let gateway = try BuiltBinary.start(["serve"], environment: setup.environment(listening: port))
                defer { gateway.terminate() }
                #expect(await ServeRestartTests().ready(port), "\(BuiltBinary.read(gateway.stderr))")
                let producer = try await setup.key("cert", "producer", nil)
                let consumer = try await setup.key("police", "consumer", "Petra Analyst")

                let pushed = try await ServeSetup.call(port, .POST, "/v1/intake/events", key: producer, body: GatewayFixture.event())
                #expect(pushed.status == 201)
                let incident = try #require((pushed.json["incident_ids"] as? [String])?.first)
                #expect(await WebhookReceiver.eventually { receiver.deliveries.count == 1 })
                #expect(receiver.deliveries.first?.headers["webhook-id"] != nil)

                let sealed = await WebhookReceiver.eventually(timeout: .seconds(15)) {
                    (try? await ServeSetup.call(port, .GET, "/v1/audit/checkpoint", key: consumer).status) == 200
                }
                #expect(sealed, "a checkpoint is signed within the interval")

                let feed = try await ServeSetup.call(
                    port, .GET, "/v1/feed", key: consumer, headers: ["liaison-purpose": "case=KR-2026-17"])
                #expect(feed.status == 200)
                let items = feed.json["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1)
                #expect("\(items.first ?? [:])".contains(incident))

                let verified = try await BuiltBinary.run(["audit", "verify"], environment: setup.environment)
                #expect(verified.status == 0, "\(verified.stderr)")

                gateway.terminate()
                #expect(try await gateway.waitForExit() == 0, "\(BuiltBinary.read(gateway.stderr))")
            }
        }
    }
}
