import Foundation
import LiaisonCore
import MailCorpus
import LiaisonMail
import Testing
@testable import LiaisonMail

/// Free-text reports: charsets, keyword classes, scanner observables, custody and keys.
@Suite(.timeLimit(.minutes(5))) struct FreeTextMappingTests {
    @Test func cyrillicWindows1251Fraud() throws {
        let report = try mapped(MailCorpus.cyrillicFraud)
        #expect(outcomes(report) == ["<root> accepted (free-text-description)"])
        let draft = try #require(report.drafts.first)
        #expect(draft.naturalKey == "message-id:cp1251-fraud@isp.example")
        #expect(draft.classification == rsit("fraud", "masquerade"))  // "превару" ← превар*
        #expect(draft.tlp == .amber)
        #expect(draft.title == "Пријава")
        #expect(draft.description == MailCorpus.cyrillicFraudText + "\n\n[Classified by keyword table: fraud, 1 hit(s)]")
        #expect(draft.observables == [Observable(kind: .url, value: "http://oglasi-prodaja.example.com/oglas/77", role: .unknown)])
        #expect(draft.firstSeen == nil && draft.lastSeen == nil)
    }

    @Test func turkishWindows1254Phishing() throws {
        let draft = try #require(try mapped(MailCorpus.turkishPhishing).drafts.first)
        #expect(draft.classification == rsit("fraud", "phishing"))  // "oltalama"
        #expect(draft.tlp == .green)  // "[TLP:GREEN]" in the subject
        #expect(draft.title == "Bildirim [TLP:GREEN]")
        #expect(draft.description.hasPrefix(MailCorpus.turkishPhishingText))
        #expect(draft.observables == [
            Observable(kind: .url, value: "https://giris-banka.example.com/tr", role: .unknown),  // refanged
            Observable(kind: .ipv4, value: "203.0.113.45", role: .unknown),
        ])
    }

    @Test func albanianFraud() throws {
        let draft = try #require(try mapped(MailCorpus.albanianFraud).drafts.first)
        #expect(draft.classification == rsit("fraud", "masquerade"))  // "mashtrim"
        #expect(draft.title == "Raportim")
        #expect(draft.observables == [
            Observable(kind: .url, value: "https://fitim-shpejt.example.org/", role: .unknown),
            Observable(kind: .email, value: "kontakt@fitim-shpejt.example.org", role: .unknown),
        ])
    }

    @Test func htmlOnlyIsStripped() throws {
        let report = try mapped(MailCorpus.htmlOnly)
        let draft = try #require(report.drafts.first)
        #expect(draft.classification == rsit("fraud", "phishing"))
        #expect(!draft.description.contains("<") && !draft.description.contains("alert") && !draft.description.contains("color"))
        #expect(draft.description.contains("Hosted on 198.51.100.77 & still online."))
        #expect(draft.observables == [
            Observable(kind: .url, value: "http://login-verify.example.com/", role: .unknown),
            Observable(kind: .ipv4, value: "198.51.100.77", role: .unknown),
        ])
    }

    @Test func noKeywordMeansUndetermined() throws {
        let draft = try #require(try mapped(MailCorpus.cyrillic1251QP).drafts.first)  // "скенирање портова": not in the table
        #expect(draft.classification == .undetermined)
        #expect(!draft.description.contains("Classified by keyword table"))
    }

    @Test(arguments: [
        ("PREVARA na sajtu", KeywordClass.fraud), ("Dolandırıcılık şikayeti", .fraud), ("DOLANDIRICILIK", .fraud),
        ("Бесплатно: ФИШИНГ", .phishing), ("lazna stranica banke", .phishing), ("sahte site bulundu", .phishing),
        ("faqe e rreme", .phishing), ("kötü amaçlı yazılım", .malware), ("kotu amacli", .malware),
        ("зловредни софтвер", .malware), ("uskracivanje usluge", .ddos), ("нежељена пошта", .spam),
        ("moj provaljen nalog", .accountCompromise), ("Hesabım çalındı!", .accountCompromise),
        ("phishing and fraud and fraud", .fraud), ("phishing fraud", .phishing),
    ])
    func keywordTable(text: String, expected: KeywordClass) {
        #expect(KeywordClassifier().classify(text).keywordClass == expected)
    }

    @Test(arguments: ["prevalent", "spamalot", "virtual machine", "oltal", "ddosx"])
    func wholeWordsOnly(text: String) {
        #expect(KeywordClassifier().classify(text).keywordClass == nil)
    }

    @Test func tlpMarkers() {
        let classifier = KeywordClassifier()
        #expect(classifier.classify("[TLP:AMBER+STRICT] x").tlp == .amberStrict)
        #expect(classifier.classify("tlp:green", "TLP: RED").tlp == .red)
        #expect(classifier.classify("TLP:WHITE").tlp == .clear)
        #expect(classifier.classify("no marker").tlp == nil)
    }

    @Test func custodyAndKeys() throws {
        let report = try mapped(MailCorpus.arf)
        let custody = report.custody
        #expect(custody.messageID == "arf-1@isp.example")
        #expect(custody.date == Date(timeIntervalSince1970: 1_741_079_699))
        #expect(custody.dateUTCOffsetSeconds == 3600)
        #expect(custody.subject?.value == "FW: Abuse report for 192.0.2.1")
        #expect("\(custody.subject!)" == "<personal text, 30 scalars>")  // not the subject itself
        #expect(custody.receivedChain.count == 2)
        #expect(custody.receivedChain[0].hasPrefix("from mx1.isp.example (mx1.isp.example [192.0.2.10]) by mail.cert.example"))
        #expect(custody.sender == MailSender(address: "abuse@isp.example", displayName: "ISP Abuse Desk"))
        #expect("\(custody.sender!)" == "<sender mailbox>")
        #expect(MailIntake.naturalKey(messageID: nil, rawSHA256: "ABCD") == "message-sha256:abcd")
        #expect(MailIntake.naturalKey(messageID: " ", rawSHA256: "ab") == "message-sha256:ab")
    }

    @Test("A truncated gzip and a corrupt zip are rejected parts; the free text still counts")
    func corruptArchivesAreRejectedWithReason() throws {
        let bytes = MailCorpus.multipart(subject: "logs", id: "gz", boundary: "g", parts: [
            ("Content-Type: text/plain", "Spam run, logs attached."),
            ("Content-Type: application/gzip; name=\"logs.gz\"\nContent-Transfer-Encoding: base64", MailCorpus.base64([0x1F, 0x8B, 8, 0])),
            ("Content-Type: application/octet-stream; name=\"a.zip\"\nContent-Disposition: attachment; filename=\"a.zip\"", "PK"),
            ("Content-Type: image/png", "x"),
        ])
        #expect(outcomes(try mapped(bytes)) == [
            "/0 accepted (free-text-description)", "/1 rejected (archive-unreadable)",
            "/2 rejected (archive-unreadable)", "/3 ignored (unsupported-media-type)",
        ])
    }

    @Test func everyTableRowIsValidRSIT() {
        let tables = [RSITTables.feedbackType, RSITTables.xarfType, RSITTables.xarfClass, RSITTables.xarf02Type,
                      RSITTables.iodefSystemImpact]
        for table in tables {
            for (key, row) in table { #expect(Classification(taxonomy: row.0, type: row.1) != nil, "\(key)") }
        }
        for keywordClass in KeywordClass.allCases { #expect(keywordClass.classification != .undetermined) }
    }

    @Test func rfc5322Dates() {
        #expect(RFC5322Date.parse("Tue, 04 Mar 2025 11:20:00 +0100") == date("2025-03-04T10:20:00Z"))
        #expect(RFC5322Date.parse("4 Mar 2025 11:20 GMT") == date("2025-03-04T11:20:00Z"))
        #expect(RFC5322Date.parse("29 Feb 2025 11:20:00 +0000") == nil)
        #expect(RFC5322Date.parse("04 Mar 2025 11:20:00") == nil)  // no zone: refused, never assumed
        #expect(RFC5322Date.parse("4 Mar 10000 11:20:00 +0000") == nil)
        #expect(RFC5322Date.parse("4 Mar 999999999999999999 11:20:00 +0000") == nil)  // once a crash (overflow)
    }
}

/// Large and hostile shapes stay fast: every mapper is one pass over its input.
@Suite(.timeLimit(.minutes(5))) struct MappingCostTests {
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test func largeBodiesMapInBoundedTime() throws {
        let prose = String(repeating: "Prijava prevare sa adrese 192.0.2.15 i http://a.example.com/x ", count: 8_000)  // ~0.5 MB
        let html = String(repeating: "<", count: 500_000) + "phishing"
        let yamlish = String(repeating: "x: y\n", count: 20_000)
        for (type, body) in [("text/plain", prose), ("text/html", html), ("text/plain", yamlish)] {
            let message = "From: a@b.example.com\nMessage-ID: <big@b.example.com>\nContent-Type: \(type); charset=utf-8\n\n\(body)\n"
            let parsed = try MailParser.parse(Array(message.utf8))
            let time = try seconds { _ = try MailIntake().map(parsed, rawSHA256: fakeDigest) }
            #expect(time < 10, "\(type) took \(time) s")
        }
    }
}
