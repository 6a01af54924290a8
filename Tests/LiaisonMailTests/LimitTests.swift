import MailCorpus
import Testing
@testable import LiaisonMail

/// Each `MailLimits` bound tripped once, each with its own `MailBound` and the failing MIME path.
@Suite(.timeLimit(.minutes(5))) struct LimitTests {
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

    /// A multipart/digest whose body parts have no header fields of their own: each part is
    /// message/rfc822 by default (RFC 2046 section 5.1.5).
    static func digest(embeddedHeaders: Int, partHeaders: String = "") -> [UInt8] {
        MailCorpus.bytes("From: a@isp.example\nContent-Type: multipart/digest;\n boundary=\"dg\"\n\n--dg\n" + partHeaders + "\n"
            + (0..<embeddedHeaders).map { "X-A\($0): b\n" }.joined() + "Subject: one\n\nbody\n--dg\n\n"
            + "Subject: two\n\nbody\n--dg--\n")
    }

    @Test("The implicit message/rfc822 parts of a digest count towards the header bound before GMime runs")
    func digestHeadersCountedByPreflight() throws {
        let bomb = Self.digest(embeddedHeaders: 5000)
        #expect(throws: MailError.limitExceeded(.headers, limit: 1000, path: "")) { try Preflight.check(bomb, limits: .default) }
        #expect(error(bomb, .default) == .limitExceeded(.headers, limit: 1000, path: ""))
        // Within bounds, the digest parses and its parts are messages.
        let small = try MailParser.parse(Self.digest(embeddedHeaders: 10))
        #expect(small.body.children.map(\.mimeType) == ["message/rfc822", "message/rfc822"])
        // A digest part that declares text/plain has a body, not header fields, after its block.
        let text = Self.digest(embeddedHeaders: 5000, partHeaders: "Content-Type: text/plain\n")
        #expect(throws: Never.self) { try Preflight.check(text, limits: .default) }
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

    @Test("A parse over mail.parse_timeout is abandoned with its own reason, in the parser or the mapping")
    func parseTimeout() throws {
        let limits = MailLimits(parseTimeout: .zero)
        #expect(error(MailCorpus.arf, limits) == .parseTimeout(limit: .zero, path: ""))
        #expect(error(MailCorpus.arf, limits)?.description == "mail parse abandoned: over 0 s at <root>")
        // Parsed in time, but the mapping's deadline has passed: abandoned before the first entity.
        let message = try MailParser.parse(MailCorpus.arf)
        let passed = MailDeadline(limit: .milliseconds(1), from: .now - .seconds(1))
        #expect(throws: MailError.parseTimeout(limit: .milliseconds(1), path: "")) {
            try MailIntake().map(message, rawSHA256: String(repeating: "0", count: 64), deadline: passed)
        }
        let ample = MailDeadline(limit: .seconds(60))
        #expect(try MailIntake().map(message, rawSHA256: String(repeating: "0", count: 64), deadline: ample).drafts.count == 1)
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
