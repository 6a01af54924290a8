import Foundation
import MailCorpus
import Testing
@testable import LiaisonMail

/// Structure and decoding of the synthetic corpus (RFC 5322, RFC 2045-2047, RFC 2231, RFC 5965).
@Suite(.timeLimit(.minutes(5))) struct CorpusTests {
    func trimmed(_ text: MailText?) -> String? { text?.string.trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test func arfFeedbackReport() throws {
        let message = try MailParser.parse(MailCorpus.arf)
        #expect(message.body.mimeType == "multipart/report")
        #expect(message.body.parameter("report-type") == "feedback-report")
        let parts = message.body.children
        #expect(parts.map(\.mimeType) == ["text/plain", "message/feedback-report", "message/rfc822"])
        #expect(parts.map(\.path) == ["/0", "/1", "/2"])
        let report = try #require(parts[1].text?.string)
        #expect(report.contains("Feedback-Type: abuse"))
        #expect(report.contains("Source-IP: 192.0.2.1"))
        let original = try #require(parts[2].message)
        #expect(original.subject == "Cheap watches")
        #expect(original.messageID == "spam-1@spam.example")
        #expect(original.from == [MailAddress(name: "Promo", address: "promo@spam.example")])
        #expect(original.body.path == "/2/0")
        #expect(trimmed(original.body.text) == "Buy now.")
        #expect(message.body.part(at: "/2/0")?.bytes == Array("Buy now.".utf8))
    }

    @Test func envelopeFields() throws {
        let message = try MailParser.parse(MailCorpus.arf)
        #expect(message.messageID == "arf-1@isp.example")
        #expect(message.subject == "FW: Abuse report for 192.0.2.1")
        #expect(message.from == [MailAddress(name: "ISP Abuse Desk", address: "abuse@isp.example")])
        #expect(message.to.map(\.address) == ["incident@cert.example", "soc@cert.example"])
        #expect(message.date == MailDate(secondsSince1970: 1_741_079_699, utcOffsetSeconds: 3600))
        #expect(message.headers.prefix(4).map(\.name) == ["Received", "Received", "From", "To"])
        #expect(message.received.count == 2)
        #expect(message.received[0].from == "mx1.isp.example")
        #expect(message.received[0].by == "mail.cert.example")
        #expect(message.received[0].date?.secondsSince1970 == 1_741_079_702)
        #expect(message.received[1].from == "reporter.isp.example")
    }

    @Test func xarfJSONAttachment() throws {
        let message = try MailParser.parse(MailCorpus.xarf)
        #expect(message.headerValues("x-xarf") == ["PLAIN"])
        let attachment = try #require(message.allParts.first { $0.mimeType == "application/json" })
        #expect(attachment.path == "/1")
        #expect(attachment.filename == "xarf.json")
        #expect(attachment.disposition?.kind == "attachment")
        #expect(attachment.text == nil)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(attachment.bytes)) as? [String: Any])
        #expect(json["Version"] as? String == "4")
        let report = try #require(json["Report"] as? [String: Any])
        #expect(report["ReportType"] as? String == "LoginAttack")
        #expect(report["SourceIp"] as? String == "192.0.2.44")
    }

    @Test func cyrillicWindows1251QuotedPrintable() throws {
        let body = try MailParser.parse(MailCorpus.cyrillic1251QP).body
        #expect(body.charset == "windows-1251")
        #expect(body.text?.source == .declared("windows-1251"))
        #expect(trimmed(body.text) == MailCorpus.serbianCyrillic)
    }

    @Test func iso88592EncodedWordSubject() throws {
        let message = try MailParser.parse(MailCorpus.subjectISO88592)
        #expect(message.subject == MailCorpus.serbianLatinSubject)
        #expect(message.headerValues("Subject") == [MailCorpus.serbianLatinSubject])
    }

    @Test func turkishWindows1254Base64CRLF() throws {
        let message = try MailParser.parse(MailCorpus.turkish1254)
        #expect(message.subject == "Şüpheli oturum")
        #expect(trimmed(message.body.text) == MailCorpus.turkish)
        #expect(message.body.text?.source == .declared("windows-1254"))
    }

    @Test func koi8rISO88595Windows1250() throws {
        let parts = try MailParser.parse(MailCorpus.koi8rAndISO88595).body.children
        #expect(parts.map { trimmed($0.text) } == [MailCorpus.russian, MailCorpus.macedonian, MailCorpus.albanian])
        #expect(parts.allSatisfy { if case .declared = $0.text?.source { true } else { false } })
    }

    @Test func forwardedThreeLevelsDeep() throws {
        let message = try MailParser.parse(MailCorpus.forwarded(levels: 3))
        var subjects: [String?] = [message.subject]
        var current = message
        while let inner = current.body.children.compactMap(\.message).first {
            subjects.append(inner.subject)
            current = inner
        }
        #expect(subjects == ["Fwd: level 3", "Fwd: level 2", "Fwd: level 1", "Port scan from 198.51.100.23"])
        #expect(current.body.path == "/1/0/1/0/1/0")
        #expect(trimmed(current.body.text) == "Original evidence: 198.51.100.23 scanned tcp/22.")
        #expect(message.body.part(at: "/1/0/1/0/1/0")?.mimeType == "text/plain")
    }

    @Test func brokenBoundaryStaysReadable() throws {
        let message = try MailParser.parse(MailCorpus.brokenBoundary)
        #expect(message.body.mimeType == "multipart/mixed")
        #expect(!message.warnings.isEmpty)
        #expect(message.body.text?.string.contains("Evidence line that must stay readable.") == true)
    }

    @Test func truncatedMultipartKeepsFirstPart() throws {
        let message = try MailParser.parse(MailCorpus.truncatedMultipart)
        #expect(message.body.children.count == 1)
        #expect(trimmed(message.body.children.first?.text) == "Partial evidence")
    }

    @Test func missingCharsetFallsBack() throws {
        let body = try MailParser.parse(MailCorpus.missingCharset).body
        #expect(body.charset == nil)
        #expect(body.text?.source == .fallback(declared: nil, used: "windows-1252"))
        #expect(trimmed(body.text) == "Raport: ë ç")
    }

    @Test func wrongCharsetFallsBackToUTF8() throws {
        let body = try MailParser.parse(MailCorpus.wrongCharset).body
        #expect(body.text?.source == .fallback(declared: "us-ascii", used: "utf-8"))
        #expect(trimmed(body.text) == "Zürich Bericht ü")
    }

    @Test func rfc2231Filename() throws {
        let part = try #require(try MailParser.parse(MailCorpus.rfc2231Filename).body.part(at: "/1"))
        #expect(part.filename == MailCorpus.rfc2231Name)
        #expect(part.parameter("name") == MailCorpus.rfc2231Name)
        #expect(part.disposition?.kind == "attachment")
        #expect(part.disposition?.parameters.first?.value == MailCorpus.rfc2231Name)
    }

    @Test func malformedEncodedWordsStayReadable() throws {
        let message = try MailParser.parse(MailCorpus.malformedEncodedWords)
        let subject = try #require(message.subject)
        #expect(subject.contains("=?utf-8?B?!!notbase64!!?="))
        #expect(subject.contains("alert hello there tail"))
        #expect(subject.hasSuffix("=?utf-8?q?unterminated"))
        #expect(message.headerValues("X-Mixed") == ["prefixgluedsuffix"])
        #expect(message.from.first?.name == "Broken Name")
    }

    @Test func encodedWordUnits() {
        #expect(EncodedWords.decode(Array("=?utf-8?q?a?= =?utf-8?q?b?= c".utf8)) == "ab c")
        #expect(EncodedWords.decode(Array("=?UTF-8*sr?B?xI3EhQ==?=".utf8)) == "čą")
        #expect(EncodedWords.decode(Array("=?utf-8?q?bad=ZZ?=".utf8)) == "=?utf-8?q?bad=ZZ?=")
        #expect(EncodedWords.decode([0x52, 0xC3, 0xBC]) == "Rü")  // raw UTF-8 header bytes
        #expect(EncodedWords.decode([0x52, 0xE8]) == "Rè")  // raw 8-bit, windows-1252 fallback
    }

    @Test func emptyInputRejected() {
        #expect(throws: MailError.empty) { try MailParser.parse([]) }
    }
}
