import Foundation
import LiaisonCore
import MailCorpus
import Testing
@testable import LiaisonMail

/// gzip and zip attachments: opened within the `MailLimits` archive bounds, each file mapped like
/// an attachment of its own, with archives built in the test by libarchive's writer.
@Suite(.timeLimit(.minutes(5))) struct ArchiveTests {
    func error(_ bytes: [UInt8], _ limits: MailLimits = .default) -> MailError? {
        do { _ = try MailParser.parse(bytes, limits: limits); return nil } catch { return error }
    }

    /// Deterministic bytes that deflate cannot shrink (xorshift).
    static func noise(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    @Test("A gzip'd X-ARF JSON attachment is opened and mapped")
    func gzipXARF() throws {
        let message = MailCorpus.withArchives(
            [("xarf.json.gz", "application/gzip", MailCorpus.gzip(.bytes(Array(MailCorpus.xarfJSON.utf8))))], id: "gz-xarf")
        let report = try mapped(message)
        #expect(outcomes(report) == ["/0 ignored (free-text-superseded-by-machine-readable)", "/1/archive:0 accepted (xarf-v3-json)"])
        #expect(report.drafts.first?.classification == rsit("intrusion-attempts", "brute-force"))
        #expect(report.drafts.first?.observables.contains(Observable(kind: .ipv4, value: "192.0.2.44", role: .offender)) == true)
    }

    @Test("An IODEF document in a zip is mapped; a text file next to it is an ignored attachment")
    func zipIODEF() throws {
        let zip = MailCorpus.zip([("notes.txt", .bytes(Array("see incident.xml".utf8))),
                                  ("reports/incident.xml", .bytes(Array(MailCorpus.iodefDocument.utf8)))])
        let report = try mapped(MailCorpus.withArchives([("reports.zip", "application/zip", zip)], id: "zip-iodef"))
        #expect(!report.drafts.isEmpty)
        #expect(report.parts.contains { $0.path == "/1/archive:1" && $0.status == .accepted })
        #expect(report.parts.contains { $0.path == "/1/archive:0" && $0.reason == "text-attachment" })
    }

    @Test("An ARF message saved as .eml in a zip is parsed and mapped")
    func zipEML() throws {
        let zip = MailCorpus.zip([("complaint.eml", .bytes(MailCorpus.arf))])
        let report = try mapped(MailCorpus.withArchives([("complaint.zip", "application/zip", zip)], id: "zip-eml"))
        #expect(!report.drafts.isEmpty)
        #expect(report.parts.contains { $0.path.hasPrefix("/1/archive:0/0") && $0.status == .accepted })
    }

    @Test("A zip bomb (256 MiB of zeros) is refused by the ratio bound after about 1 MiB, quickly")
    func zipBomb() throws {
        let bomb = MailCorpus.zip([("zeros.bin", .zeros(256 << 20))])
        #expect(bomb.count < 1 << 20)
        let message = MailCorpus.withArchives([("bomb.zip", "application/zip", bomb)], id: "bomb")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(error(message) == .limitExceeded(.archiveRatio, limit: 100, path: "/1"))
        }
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        // With the ratio out of the way, the total bound stops it at 100 MiB.
        #expect(error(message, MailLimits(maxArchiveRatio: .max / (1 << 30))) == .limitExceeded(.archiveBytes, limit: 100 << 20, path: "/1"))
    }

    @Test("A gzip of zeros, which reads as an empty tar, is refused by the ratio bound all the same")
    func gzipOfZeros() throws {
        let bomb = MailCorpus.gzip(.zeros(64 << 20))
        #expect(bomb.count < 1 << 20)
        let message = MailCorpus.withArchives([("logs.tar.gz", "application/gzip", bomb)], id: "gz-zeros")
        #expect(error(message) == .limitExceeded(.archiveRatio, limit: 100, path: "/1"))
        // With the ratio out of the way, every inflated byte still counts towards the total.
        #expect(error(message, MailLimits(maxArchiveBytes: 8 << 20, maxArchiveRatio: .max / (1 << 30)))
            == .limitExceeded(.archiveBytes, limit: 8 << 20, path: "/1"))
    }

    @Test("A gzip over 100:1 is refused as a whole, naming the attachment and no content")
    func gzipOverRatio() throws {
        let message = MailCorpus.withArchives(
            [("a.json", "application/json", Array("{}".utf8)), ("repeat.gz", "application/gzip", MailCorpus.gzip(.bytes(Array(repeating: UInt8(ascii: "a"), count: 5 << 20))))],
            id: "gz-ratio")
        let found = error(message)
        #expect(found == .limitExceeded(.archiveRatio, limit: 100, path: "/2"))
        #expect(found?.description == "mail limit exceeded: archiveRatio > 100 at /2")
    }

    @Test("Decompressed bytes are counted over all archives of a message")
    func totalBound() throws {
        let gz = MailCorpus.gzip(.bytes(Self.noise(600 << 10)))
        let message = MailCorpus.withArchives([("a.gz", "application/gzip", gz), ("b.gz", "application/gzip", gz)], id: "gz-total")
        #expect(error(message, MailLimits(maxArchiveBytes: 1 << 20)) == .limitExceeded(.archiveBytes, limit: 1 << 20, path: "/2"))
        #expect(error(message, MailLimits(maxArchiveBytes: 2 << 20)) == nil)
    }

    @Test("Entries per archive are bounded")
    func entryBound() throws {
        let zip = MailCorpus.zip((0..<5).map { ("f\($0).txt", .bytes(Array("x".utf8))) })
        let message = MailCorpus.withArchives([("many.zip", "application/zip", zip)], id: "zip-entries")
        #expect(error(message, MailLimits(maxArchiveEntries: 4)) == .limitExceeded(.archiveEntries, limit: 4, path: "/1"))
        #expect(error(message, MailLimits(maxArchiveEntries: 5)) == nil)
    }

    @Test("An archive inside an archive is skipped, not opened; the rest of the archive is mapped")
    func nestedArchiveSkipped() throws {
        let inner = MailCorpus.zip([("zeros.bin", .zeros(256 << 20))])
        let outer = MailCorpus.zip([("inner.zip", .bytes(inner)), ("xarf.json", .bytes(Array(MailCorpus.xarfJSON.utf8))),
                                    ("renamed.bin", .bytes(MailCorpus.gzip(.bytes(Array("x".utf8)))))])
        let report = try mapped(MailCorpus.withArchives([("outer.zip", "application/zip", outer)], id: "zip-nested"))
        #expect(outcomes(report) == [
            "/0 ignored (free-text-superseded-by-machine-readable)", "/1/archive:0 ignored (nested-archive-skipped)",
            "/1/archive:1 accepted (xarf-v3-json)", "/1/archive:2 ignored (nested-archive-skipped)",
        ])
        #expect(report.drafts.count == 1)
    }

    @Test("Encrypted zip entries are rejected parts with their reason")
    func encryptedEntries() throws {
        let zip = MailCorpus.zip([("xarf.json", .bytes(Array(MailCorpus.xarfJSON.utf8)))], passphrase: "infected")
        let report = try mapped(MailCorpus.withArchives([("locked.zip", "application/zip", zip)], id: "zip-locked"))
        #expect(outcomes(report).contains("/1/archive:0 rejected (archive-entry-encrypted)"))
        #expect(report.parts.first?.status == .accepted)  // the free text is the report then
    }

    @Test("A truncated zip or gzip is a rejected part, never a crash")
    func corruptArchives() throws {
        let zip = MailCorpus.zip([("a.json", .bytes(Self.noise(40_000))), ("b.json", .bytes(Self.noise(40_000)))])
        let gz = MailCorpus.gzip(.bytes(Self.noise(40_000)))
        let message = MailCorpus.withArchives(
            [("cut.zip", "application/zip", Array(zip.prefix(zip.count / 2))), ("cut.gz", "application/gzip", Array(gz.prefix(gz.count / 2))),
             ("junk.zip", "application/zip", Self.noise(2000))], id: "cut")
        let report = try mapped(message)
        #expect(report.parts.contains { $0.path == "/1" && $0.status == .rejected && $0.reason == "archive-unreadable" })
        #expect(report.parts.contains { $0.path == "/2" && $0.status == .rejected && $0.reason == "archive-unreadable" })
        #expect(report.parts.contains { $0.path == "/3" && $0.status == .rejected && $0.reason == "archive-unreadable" })
    }
}
