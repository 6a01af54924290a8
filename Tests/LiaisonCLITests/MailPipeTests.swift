import Foundation
import LiaisonStore
import LiaisonTestSupport
import MailCorpus
import Testing

@Suite(.timeLimit(.minutes(3))) struct MailPipeTests {
    func mail(_ arguments: [String], _ message: [UInt8], _ environment: [String: String]) async throws -> BuiltBinary.Result {
        try await BuiltBinary.run(["mail"] + arguments, environment: environment, stdin: String(decoding: message, as: UTF8.self))
    }

    @Test("liaison mail stores a report (0), finds the producer from +TAG, and writes nothing for a resend (0)")
    func stores() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "serbian-cert", role: .producer).key
            let environment = ["LIAISON_DATABASE_URL": db.url, "LIAISON_VAULT_KEY": Data(db.vaultKey.bytes).base64EncodedString()]
            let first = try await mail(["--recipient", "abuse-reports+serbian-cert@gateway.example.org"], MailCorpus.arfProvider, environment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("stored: receipt"))
            let counts = try await TestDatabase.rowCounts(db)
            let again = try await mail(["--producer", "serbian-cert"], MailCorpus.arfProvider, environment)
            #expect(again.status == 0)
            #expect(again.stdout.contains("already stored"))
            #expect(try await TestDatabase.rowCounts(db) == counts)
        }
    }

    @Test("liaison mail refuses a schema that is not current (75) without migrating it")
    func schemaNotCurrent() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let latest = try #require(try Migrator.bundledMigrations().last?.name)
            try await db.client.query("DELETE FROM schema_migrations WHERE name = \(latest)", logger: TestDatabase.logger)
            let environment = ["LIAISON_DATABASE_URL": db.url]
            let before = try await TestDatabase.rowCounts(db)
            let result = try await mail(["--producer", "cert"], MailCorpus.arfProvider, environment)
            #expect(result.status == 75, "\(result.stderr)")
            #expect(result.stderr.contains("liaison migrate") && result.stderr.contains(latest))
            #expect(try await TestDatabase.rowCounts(db) == before)
            #expect(try await db.migrator.pendingMigrations() == [latest])
        }
    }

    @Test("A changed applied migration is refused by name (78), by migrate and by other commands alike")
    func migrationDrift() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let first = try #require(try Migrator.bundledMigrations().first?.name)
            try await db.client.query(
                "UPDATE schema_migrations SET sha256 = sha256(sha256) WHERE name = \(first)", logger: TestDatabase.logger)
            let environment = ["LIAISON_DATABASE_URL": db.url]
            for arguments in [["migrate"], ["keys", "create", "--org", "cert", "--role", "producer"]] {
                let result = try await BuiltBinary.run(arguments, environment: environment)
                #expect(result.status == 78, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("migration \(first)"), "\(result.stderr)")
            }
        }
    }

    @Test("Exit codes tell the MTA what to do: 65 bounce (also for a hostile part), 67 unknown producer, with nothing written")
    func refusals() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let environment = ["LIAISON_DATABASE_URL": db.url]
            let before = try await TestDatabase.rowCounts(db)
            let garbage = try await mail(["--producer", "cert"], Array("\u{0}\u{1}not mail".utf8), environment)
            #expect(garbage.status == 65)
            let bomb = try await mail(["--producer", "cert"], MailCorpus.forwardedARF(levels: 8), environment)
            #expect(bomb.status == 65)
            #expect(bomb.stderr.contains("depth"))
            let zipBomb = MailCorpus.withArchives(
                [("bomb.zip", "application/zip", MailCorpus.zip([("zeros.bin", .zeros(256 << 20))]))], id: "bomb-pipe")
            let archive = try await mail(["--producer", "cert"], zipBomb, environment)
            #expect(archive.status == 65)
            #expect(archive.stderr.contains("archiveRatio"), "\(archive.stderr)")
            let hostile = try await mail(["--producer", "cert"], MailCorpus.hostileXML, environment)
            #expect(hostile.status == 65)
            #expect(hostile.stderr.contains("xml-doctype-forbidden"), "\(hostile.stderr)")
            let zeros = MailCorpus.withArchives([("logs.tar.gz", "application/gzip", MailCorpus.gzip(.zeros(64 << 20)))], id: "zeros-pipe")
            let inflated = try await mail(["--producer", "cert"], zeros, environment)
            #expect(inflated.status == 65)
            #expect(inflated.stderr.contains("archiveRatio"), "\(inflated.stderr)")
            let stranger = try await mail(["--producer", "nobody"], MailCorpus.arfProvider, environment)
            #expect(stranger.status == 67)
            let noProducer = try await mail([], MailCorpus.arfProvider, environment)
            #expect(noProducer.status == 67)
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("With the database down liaison mail exits 75 so the MTA queues and retries")
    func databaseDown() async throws {
        let result = try await mail(
            ["--producer", "cert"], MailCorpus.arfProvider,
            ["LIAISON_DATABASE_URL": "postgres://liaison@127.0.0.1:\(BuiltBinary.freePort())/liaison?sslmode=disable"])
        #expect(result.status == 75, "\(result.stderr)")
    }
}
