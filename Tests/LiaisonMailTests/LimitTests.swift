import MailCorpus
import Testing
import LiaisonMail

/// Each `MailLimits` bound tripped once, each with its own `MailBound` and the failing MIME path.
@Suite(.timeLimit(.minutes(3))) struct LimitTests {
    func error(_ bytes: [UInt8], _ limits: MailLimits) -> MailError? {
        do { _ = try MailParser.parse(bytes, limits: limits); return nil } catch { return error }
    }

    @Test func messageSize() {
        #expect(error(MailCorpus.arf, MailLimits(maxMessageBytes: 100)) == .limitExceeded(.messageBytes, limit: 100, path: ""))
    }

    @Test func partCountNamesTheFirstPartOverTheLimit() {
        // root = 1, /0 = 2, /1 = 3, /2 = 4th entity.
        #expect(error(MailCorpus.manyParts(5), MailLimits(maxParts: 3)) == .limitExceeded(.parts, limit: 3, path: "/2"))
        #expect(error(MailCorpus.manyParts(150), .default) == nil)
    }

    @Test func partCountPreflightStopsHugeInputBeforeGMime() {
        #expect(error(MailCorpus.manyParts(1000), .default) == .limitExceeded(.parts, limit: 200, path: ""))
    }

    @Test func preflightRejectsHostileShapes() {
        // 1000 empty body parts without Content-Type fields: caught by delimiter counting.
        let emptyParts = MailCorpus.bytes("From: a@isp.example\nContent-Type: multipart/mixed; boundary=z\n\n"
            + String(repeating: "--z\n\n", count: 1000) + "--z--\n")
        #expect(error(emptyParts, .default) == .limitExceeded(.parts, limit: 200, path: ""))
        // A header bomb inside a nested message/rfc822 header block.
        let nested = MailCorpus.bytes("From: a@isp.example\nContent-Type: multipart/mixed; boundary=q\n\n--q\n"
            + "Content-Type: message/rfc822\n\n" + String(repeating: "X-A: b\n", count: 5000) + "\nbody\n--q--\n")
        #expect(error(nested, .default) == .limitExceeded(.headers, limit: 1000, path: ""))
        // Separator-heavy text that is not MIME structure stays accepted.
        let separators = MailCorpus.bytes("From: a@isp.example\n\n" + String(repeating: "-----\nlog entry: ok\n", count: 3000))
        #expect(error(separators, .default) == nil)
    }

    @Test func nestingDepth() {
        // Each forwarding level adds a message/rfc822 entity and the embedded root entity.
        #expect(error(MailCorpus.forwarded(levels: 3), MailLimits(maxDepth: 3))
                == .limitExceeded(.depth, limit: 3, path: "/1/0/1/0"))
        #expect(error(MailCorpus.forwarded(levels: 5), .default) == nil)
        #expect(error(MailCorpus.forwarded(levels: 6), .default) == .limitExceeded(.depth, limit: 10, path: "/1/0/1/0/1/0/1/0/1/0/0"))
    }

    @Test func headerCount() {
        #expect(error(MailCorpus.manyHeaders(20), MailLimits(maxHeaders: 10)) == .limitExceeded(.headers, limit: 10, path: ""))
        #expect(error(MailCorpus.manyHeaders(900), .default) == nil)
    }

    @Test func headerLineLength() {
        let tooLong = error(MailCorpus.longHeaderLine(70_000), .default)
        #expect(tooLong == .limitExceeded(.headerLineBytes, limit: 65_536, path: ""))
        // Over RFC 5322's 998 but under the generous default cap: accepted.
        #expect(error(MailCorpus.longHeaderLine(2_000), .default) == nil)
        #expect(error(MailCorpus.longHeaderLine(2_000), MailLimits(maxHeaderLineBytes: MailLimits.rfc5322HeaderLineLimit))
                == .limitExceeded(.headerLineBytes, limit: 998, path: ""))
        // Folded lines are measured one physical line at a time.
        let folded = MailCorpus.bytes("Subject: " + Array(repeating: String(repeating: "y", count: 900), count: 5)
            .joined(separator: "\n ") + "\n\nbody\n")
        #expect(error(folded, MailLimits(maxHeaderLineBytes: 998)) == nil)
    }

    @Test func errorsCarryNoContent() {
        let described = "\(error(MailCorpus.longHeaderLine(70_000), .default)!)"
        #expect(!described.contains("xxxx"))
        #expect(described == "mail limit exceeded: headerLineBytes > 65536 at <root>")
    }

    @Test func boundsOnNestedParts() throws {
        // Header count is cumulative over nested messages; the path names the nested entity.
        let limits = MailLimits(maxHeaders: 15)
        #expect(error(MailCorpus.arf, limits) == .limitExceeded(.headers, limit: 15, path: "/2"))
    }
}
