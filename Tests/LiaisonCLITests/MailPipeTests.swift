import Foundation
import LiaisonTestSupport
import MailCorpus
import Testing

@Suite(.timeLimit(.minutes(3))) struct MailPipeTests {
    func mail(_ arguments: [String], _ message: [UInt8], _ environment: [String: String]) throws -> BuiltBinary.Result {
        try BuiltBinary.run(["mail"] + arguments, environment: environment, stdin: String(decoding: message, as: UTF8.self))
    }

    @Test("liaison mail stores a report (0), finds the producer from +TAG, and takes a resend as a duplicate")
    func stores() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "serbian-cert", role: .producer)
            let environment = ["LIAISON_DATABASE_URL": db.url, "LIAISON_VAULT_KEY": Data(db.vaultKey.bytes).base64EncodedString()]
            let first = try mail(["--recipient", "abuse-reports+serbian-cert@gateway.example.org"], MailCorpus.arfProvider, environment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("stored: receipt"))
            let again = try mail(["--producer", "serbian-cert"], MailCorpus.arfProvider, environment)
            #expect(again.status == 0)
            #expect(try await TestDatabase.rowCounts(db)["incidents"] == 1)
        }
    }

    @Test("Exit codes tell the MTA what to do: 65 bounce (also for a hostile part), 67 unknown producer, with nothing written")
    func refusals() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer)
            let environment = ["LIAISON_DATABASE_URL": db.url]
            let before = try await TestDatabase.rowCounts(db)
            let garbage = try mail(["--producer", "cert"], Array("\u{0}\u{1}not mail".utf8), environment)
            #expect(garbage.status == 65)
            let bomb = try mail(["--producer", "cert"], MailCorpus.forwardedARF(levels: 8), environment)
            #expect(bomb.status == 65)
            #expect(bomb.stderr.contains("depth"))
            let zipBomb = MailCorpus.withArchives(
                [("bomb.zip", "application/zip", MailCorpus.zip([("zeros.bin", .zeros(256 << 20))]))], id: "bomb-pipe")
            let archive = try mail(["--producer", "cert"], zipBomb, environment)
            #expect(archive.status == 65)
            #expect(archive.stderr.contains("archiveRatio"), "\(archive.stderr)")
            let hostile = try mail(["--producer", "cert"], MailCorpus.hostileXML, environment)
            #expect(hostile.status == 65)
            #expect(hostile.stderr.contains("xml-doctype-forbidden"), "\(hostile.stderr)")
            let zeros = MailCorpus.withArchives([("logs.tar.gz", "application/gzip", MailCorpus.gzip(.zeros(64 << 20)))], id: "zeros-pipe")
            let inflated = try mail(["--producer", "cert"], zeros, environment)
            #expect(inflated.status == 65)
            #expect(inflated.stderr.contains("archiveRatio"), "\(inflated.stderr)")
            let stranger = try mail(["--producer", "nobody"], MailCorpus.arfProvider, environment)
            #expect(stranger.status == 67)
            let noProducer = try mail([], MailCorpus.arfProvider, environment)
            #expect(noProducer.status == 67)
            #expect(try await TestDatabase.rowCounts(db) == before)
        }
    }

    @Test("With the database down liaison mail exits 75 so the MTA queues and retries")
    func databaseDown() throws {
        let result = try mail(
            ["--producer", "cert"], MailCorpus.arfProvider,
            ["LIAISON_DATABASE_URL": "postgres://liaison@127.0.0.1:\(BuiltBinary.freePort())/liaison?sslmode=disable"])
        #expect(result.status == 75, "\(result.stderr)")
    }
}
