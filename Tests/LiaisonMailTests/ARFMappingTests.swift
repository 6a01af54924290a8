import Foundation
import LiaisonCore
import MailCorpus
import LiaisonMail
import Testing
@testable import LiaisonMail

/// RFC 5965 ARF reports, field by field.
@Suite(.timeLimit(.minutes(5))) struct ARFMappingTests {
    let expectedObservables = [
        Observable(kind: .ipv6, value: "2001:db8::bad", role: .offender),
        Observable(kind: .domain, value: "bank-secure.example.net", role: .offender),
        Observable(kind: .url, value: "http://bank-secure.example.net/verify", role: .offender),
        Observable(kind: .email, value: "billing@bank-secure.example.net", role: .offender),
        Observable(kind: .email, value: "user7@mailbox.example.com", role: .victim),
        Observable(kind: .email, value: "security@bank-secure.example.net", role: .offender),
        Observable(kind: .email, value: "ivana.horvat@mailbox.example.com", role: .victim),
    ]

    @Test func mailboxProviderFraudReport() throws {
        let report = try mapped(MailCorpus.arfProvider)
        #expect(outcomes(report) == [
            "<root> accepted (arf-report)", "/0 accepted (arf-human-readable)", "/1 accepted (arf-feedback-fields)",
            "/2 accepted (arf-original-message)", "/2/0 ignored (arf-original-message-content)",
        ])
        try #require(report.drafts.count == 1)
        let draft = report.drafts[0]
        #expect(draft.naturalKey == "message-id:fbl-20250305-1@mailbox.example.com")
        #expect(draft.classification == rsit("fraud", "phishing"))
        #expect(draft.tlp == .amber)
        #expect(draft.title == "A user reported this message as fraudulent.")
        #expect(draft.firstSeen == date("2025-03-05T05:58:12Z"))  // Arrival-Date 06:58:12 +0100
        #expect(draft.lastSeen == nil)
        #expect(draft.observables == expectedObservables)
        #expect(draft.description == """
            A user reported this message as fraudulent.
            Please investigate the sender.

            Feedback-Type: fraud
            User-Agent: MailboxFBL/2.1
            Version: 1
            Incidents: 1
            Authentication-Results: mx.mailbox.example.com; spf=fail smtp.mailfrom=bank-secure.example.net; dkim=none
            """)
    }

    @Test func abuseReportFromParsingCorpus() throws {
        let report = try mapped(MailCorpus.arf)
        let draft = try #require(report.drafts.first)
        #expect(draft.classification == rsit("abusive-content", "spam"))
        #expect(draft.title == "This is an email abuse report for a message received from IP 192.0.2.1.")
        #expect(draft.firstSeen == date("2025-03-04T09:00:00Z"))
        // "spam.example" is under the RFC 2606 reserved TLD the scanner does not know: kept as declared.
        #expect(draft.observables == [
            Observable(kind: .ipv4, value: "192.0.2.1", role: .offender),
            Observable(kind: .domain, value: "spam.example", role: .offender),
            Observable(kind: .email, value: "promo@spam.example", role: .offender),
            Observable(kind: .email, value: "user@isp.example", role: .victim),
        ])
    }

    @Test func forwardedThreeLevelsFindsInnermostARF() throws {
        let report = try mapped(MailCorpus.forwardedARF(levels: 3))
        try #require(report.drafts.count == 1)
        let draft = report.drafts[0]
        // The key is the received (outermost) message's; the content is the innermost report's.
        #expect(draft.naturalKey == "message-id:fwd-arf-3@isp.example.net")
        #expect(draft.classification == rsit("fraud", "phishing"))
        #expect(draft.observables == expectedObservables)
        #expect(draft.firstSeen == date("2025-03-05T05:58:12Z"))
        #expect(outcomes(report) == [
            "/0 ignored (free-text-superseded-by-machine-readable)",
            "/1/0/0 ignored (free-text-superseded-by-machine-readable)",
            "/1/0/1/0/0 ignored (free-text-superseded-by-machine-readable)",
            "/1/0/1/0/1/0 accepted (arf-report)", "/1/0/1/0/1/0/0 accepted (arf-human-readable)",
            "/1/0/1/0/1/0/1 accepted (arf-feedback-fields)", "/1/0/1/0/1/0/2 accepted (arf-original-message)",
            "/1/0/1/0/1/0/2/0 ignored (arf-original-message-content)",
        ])
    }

    @Test func notSpamIsARetractionWithoutIncident() throws {
        let text = String(decoding: MailCorpus.arfProvider, as: UTF8.self)
            .replacingOccurrences(of: "Feedback-Type: fraud", with: "Feedback-Type: not-spam")
        let report = try mapped(Array(text.utf8))
        #expect(report.drafts.isEmpty)
        #expect(report.parts.first == PartOutcome(path: "", status: .ignored, reason: "arf-not-spam-retraction"))
        #expect(report.parts.allSatisfy { $0.status == .ignored })
    }

    @Test(arguments: [("abuse", "abusive-content", "spam"), ("fraud", "fraud", "phishing"),
                      ("virus", "malicious-code", "malware-distribution"), ("other", "other", "undetermined"),
                      ("auth-failure", "other", "undetermined"), ("made-up", "other", "undetermined")])
    func feedbackTypeTable(type: String, taxonomy: String, rsitType: String) throws {
        let text = String(decoding: MailCorpus.arfProvider, as: UTF8.self)
            .replacingOccurrences(of: "Feedback-Type: fraud", with: "Feedback-Type: \(type)")
        let draft = try #require(try mapped(Array(text.utf8)).drafts.first)
        #expect(draft.classification == rsit(taxonomy, rsitType))
    }

    @Test func rfc822HeadersOriginalAndMissingHumanPart() throws {
        let text = """
            From: fbl@mailbox.example.com
            Subject: report
            Content-Type: multipart/report; report-type=feedback-report; boundary="b"

            --b
            Content-Type: message/feedback-report

            Feedback-Type: virus
            Source-IP: 198.51.100.3

            --b
            Content-Type: text/rfc822-headers

            From: "Sender, X" <x@mal.example.com>
            To: a@mailbox.example.com, B <b@mailbox.example.com>

            --b--

            """
        let report = try mapped(Array(text.utf8))
        let draft = try #require(report.drafts.first)
        #expect(draft.naturalKey == "message-sha256:" + fakeDigest)
        #expect(draft.title == "ARF feedback report (virus)")
        #expect(draft.classification == rsit("malicious-code", "malware-distribution"))
        #expect(draft.observables == [
            Observable(kind: .ipv4, value: "198.51.100.3", role: .offender),
            Observable(kind: .email, value: "x@mal.example.com", role: .offender),
            Observable(kind: .email, value: "a@mailbox.example.com", role: .victim),
            Observable(kind: .email, value: "b@mailbox.example.com", role: .victim),
        ])
        #expect(draft.firstSeen == nil)
    }
}
