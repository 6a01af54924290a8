import Foundation
import LiaisonStore
import LiaisonTestSupport
import MailCorpus
import Testing

@Suite(.timeLimit(.minutes(5))) struct MailPipeTests {
    func mail(_ arguments: [String], _ message: [UInt8], _ environment: [String: String]) async throws -> BuiltBinary.Result {
        try await BuiltBinary.run(["mail"] + arguments, environment: environment, stdin: String(decoding: message, as: UTF8.self))
    }

    @Test("liaison mail stores a report (0), finds the producer from +TAG, and writes nothing for a resend (0)")
    func stores() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "serbian-cert", role: .producer).key
            let environment = db.gatewayEnvironment
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

    @Test("mail.producers.ORG.senders limits who may send as ORG by +TAG: another sender exits 77, nothing written, no address printed")
    func senderRules() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "serbian-cert", role: .producer)
            let environment = db.gatewayEnvironment
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-mail-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            func config(_ yaml: String) throws -> String {
                let file = directory.appendingPathComponent("\(UUID().uuidString).yaml")
                try yaml.write(to: file, atomically: true, encoding: .utf8)
                return file.path
            }
            let recipient = ["--recipient", "abuse-reports+serbian-cert@gateway.example.org"]
            let before = try await TestDatabase.rowCounts(db)
            // The ARF report comes from fbl@mailbox.example.com.
            let others = try config("mail:\n  producers:\n    serbian-cert:\n      senders: [cert.example.rs, fbl@other.example.net, example.com]\n")
            let refused = try await mail(recipient + ["--config", others], MailCorpus.arfProvider, environment)
            #expect(refused.status == 77, "\(refused.stderr)")
            #expect(refused.stderr.contains("sender-not-listed"))
            #expect(!refused.stderr.contains("fbl@") && !refused.stdout.contains("fbl@"), "the sender's address was printed")
            let unsigned = try config("mail:\n  producers:\n    serbian-cert:\n      senders: [mailbox.example.com]\n      require_signature: true\n")
            let notSigned = try await mail(recipient + ["--config", unsigned], MailCorpus.arfProvider, environment)
            #expect(notSigned.status == 77, "\(notSigned.stderr)")
            #expect(notSigned.stderr.contains("verified-signature-required"))
            #expect(try await TestDatabase.rowCounts(db) == before)
            let listed = try config("mail:\n  producers:\n    serbian-cert:\n      senders: [FBL@mailbox.example.com]\n")
            let taken = try await mail(recipient + ["--config", listed], MailCorpus.arfProvider, environment)
            #expect(taken.status == 0, "\(taken.stderr)")
        }
    }

    @Test("liaison mail refuses a schema that is not current (75) without migrating it")
    func schemaNotCurrent() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let latest = try #require(try Migrator.bundledMigrations().last?.name)
            try await db.client.query("DELETE FROM schema_migrations WHERE name = \(latest)", logger: TestDatabase.logger)
            let environment = db.gatewayEnvironment
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
            let environment = db.gatewayEnvironment
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
            let environment = db.gatewayEnvironment
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
            TestDatabase.keysEnvironment().merging(["LIAISON_DATABASE_URL": "postgres://liaison@127.0.0.1:\(BuiltBinary.freePort())/liaison?sslmode=disable"]) { $1 })
        #expect(result.status == 75, "\(result.stderr)")
    }

    /// A report with U+0000 in its body (raw and as quoted-printable `=00`) and in its Subject.
    static let nulReport = MailCorpus.bytes(
        "From: reports@partner.example\nMessage-ID: <nul-pipe@partner.example>\nSubject: =?utf-8?Q?Phishing=00report?=\n"
            + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
            + "Phishing page hxxps://bank-login[.]example[.]net/rs/ a=00b\u{0}c\n")

    @Test("liaison mail takes a report with U+0000 in it: removed from the text and counted in custody (0)")
    func nulCharacters() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer)
            let result = try await mail(["--producer", "cert"], Self.nulReport, db.gatewayEnvironment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("stored: receipt"))
            let stored = try await TestDatabase.allTextOutsideVault(db).joined(separator: "\n")
            #expect(stored.contains("nul_removed"))
        }
    }

    @Test("An error the CLI does not know prints its type, never SQL or a source path, and exits 70")
    func unknownError() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer)
            let environment = db.gatewayEnvironment
            #expect(try await mail(["--producer", "cert"], MailCorpus.arfProvider, environment).status == 0)
            // A column changed by hand: reading it back fails in a way the store does not classify.
            try await db.client.query(
                "ALTER TABLE incidents ALTER COLUMN source_modified TYPE text USING 'x'", logger: TestDatabase.logger)
            let result = try await mail(["--producer", "cert"], MailCorpus.arfProvider, environment)
            #expect(result.status == 70, "\(result.stderr)")
            for leak in ["SELECT", "natural_key", ".swift", "Sources/", "Error:"] {
                #expect(!result.stderr.contains(leak), "\(result.stderr)")
            }
            #expect(result.stderr.hasPrefix("liaison: "))
        }
    }
}
