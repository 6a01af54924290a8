import Crypto
import Foundation
import LiaisonCore
import LiaisonMail
import MailCorpus

/// `liaison-bench mail`: messages per second parsed (GMime) and mapped to incident drafts
/// (ARF, X-ARF, IODEF, free text), with the SHA-256 of each message, over a mix of the
/// synthetic corpus, on one thread. No database. Also writes the corpus as fuzzing seeds
/// with `liaison-bench mail --write-seeds FOLDER`.
func mailBenchmark(seconds: Double, seedFolder: String?) throws {
    let mix = (MailCorpus.intake + MailCorpus.all)
    if let seedFolder {
        try FileManager.default.createDirectory(atPath: seedFolder, withIntermediateDirectories: true)
        // Archive attachments too, so that fuzzing reaches the gzip and zip readers.
        let archives: [(name: String, bytes: [UInt8])] = [
            ("archive-gzip-xarf", MailCorpus.withArchives(
                [("xarf.json.gz", "application/gzip", MailCorpus.gzip(.bytes(Array(MailCorpus.xarfJSON.utf8))))], id: "seed-gz")),
            ("archive-zip-iodef", MailCorpus.withArchives(
                [("reports.zip", "application/zip", MailCorpus.zip([("incident.xml", .bytes(Array(MailCorpus.iodefDocument.utf8)))]))],
                id: "seed-zip")),
        ]
        for (name, bytes) in mix + archives {
            try Data(bytes).write(to: URL(fileURLWithPath: seedFolder).appendingPathComponent(name + ".eml"))
        }
        print("wrote \(mix.count + archives.count) seed messages to \(seedFolder)")
        return
    }
    let intake = MailIntake()
    let messages = mix.map(\.bytes)
    let averageBytes = messages.reduce(0) { $0 + $1.count } / messages.count
    var done = 0, drafts = 0, failures = 0
    let clock = ContinuousClock()
    let start = clock.now
    while clock.now - start < .seconds(seconds) {
        for message in messages {
            do {
                let digest = SHA256.hash(data: message).hexString
                drafts += try intake.map(MailParser.parse(message), rawSHA256: digest).drafts.count
            } catch {
                failures += 1
            }
            done += 1
        }
    }
    let elapsed = (clock.now - start) / .seconds(1)
    print(String(
        format: "mail parse+map: %d messages (%d-message mix, average %d bytes) in %.2f s: %.0f messages/s; %d drafts, %d refused by a bound",
        done, messages.count, averageBytes, elapsed, Double(done) / elapsed, drafts, failures))
}
