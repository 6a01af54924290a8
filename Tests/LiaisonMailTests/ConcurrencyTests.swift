import Foundation
import MailCorpus
import Synchronization
import Testing
import LiaisonMail

/// Concurrent parses on real threads must give the same results as serial ones
/// (each parse owns its GMime stream/parser/options; g_mime_init runs once).
@Suite(.timeLimit(.minutes(5))) struct ConcurrencyTests {
    static func summary(_ message: MailMessage) -> String {
        ([message.subject ?? "-"] + message.allParts.map { "\($0.path) \($0.mimeType) \($0.text?.string ?? "\($0.bytes.count)")" })
            .joined(separator: "|")
    }

    @Test func concurrentParsesMatchSerial() throws {
        let inputs = MailCorpus.all.map(\.bytes)
        let expected = try inputs.map { Self.summary(try MailParser.parse($0)) }
        let mismatches = Mutex(0)
        let finished = DispatchGroup()
        for worker in 0..<8 {
            finished.enter()
            let thread = Thread {
                for iteration in 0..<150 {
                    let index = (iteration + worker) % inputs.count
                    let result = (try? MailParser.parse(inputs[index])).map(Self.summary)
                    if result != expected[index] { mismatches.withLock { $0 += 1 } }
                }
                finished.leave()
            }
            thread.start()
        }
        finished.wait()
        #expect(mismatches.withLock { $0 } == 0)
    }
}
