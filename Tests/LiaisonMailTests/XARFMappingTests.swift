import Foundation
import LiaisonCore
import MailCorpus
import LiaisonMail
import Testing
@testable import LiaisonMail

/// The older X-ARF JSON layout (what v4 calls v3) and X-ARF 0.2 (flat YAML), field by field;
/// XARF v4 itself is in `XARF4MappingTests`.
@Suite(.timeLimit(.minutes(5))) struct XARFMappingTests {
    @Test func olderJSONLayoutAttachment() throws {
        let report = try mapped(MailCorpus.xarf)
        #expect(outcomes(report) == ["/0 ignored (free-text-superseded-by-machine-readable)", "/1 accepted (xarf-v3-json)"])
        let draft = try #require(report.drafts.first)
        #expect(report.drafts.count == 1)
        #expect(draft.naturalKey == "message-id:xarf-1@isp.example")
        #expect(draft.classification == rsit("intrusion-attempts", "brute-force"))
        #expect(draft.tlp == .amber)
        #expect(draft.title == "X-ARF Activity/LoginAttack report")
        #expect(draft.firstSeen == date("2025-03-04T10:00:00Z"))
        #expect(draft.observables == [
            Observable(kind: .ipv4, value: "192.0.2.44", role: .offender),
            Observable(kind: .ipv4, value: "198.51.100.1", role: .victim),
            Observable(kind: .email, value: "cert@cert.example", role: .unknown),
        ])
        #expect(draft.description == """
            X-ARF report (older JSON layout, Version 4): class Activity, type LoginAttack
            Reporter organisation: Example CERT
            Date: 2025-03-04T10:00:00Z
            Service: ssh
            SourcePort: 2222
            """)
    }

    @Test(arguments: [("Activity", "Spam", "abusive-content", "spam"), ("Abuse", "Phishing", "fraud", "phishing"),
                      ("Activity", "Login-Attack", "intrusion-attempts", "brute-force"),
                      ("Activity", "PortScan", "information-gathering", "scanner"), ("Activity", "DDoS", "availability", "ddos"),
                      ("Content", "Malware", "malicious-code", "malware-distribution"),
                      ("Vulnerability", "OpenService", "vulnerable", "potentially-unwanted-accessible"),
                      ("Copyright", "Whatever", "fraud", "copyright"), ("Activity", "Mystery", "other", "undetermined")])
    func olderLayoutTable(reportClass: String, reportType: String, taxonomy: String, type: String) throws {
        let json = #"{"Version":4,"Report":{"ReportClass":"\#(reportClass)","ReportType":"\#(reportType)","SourceIp":"2001:db8::7","SourceType":"ipv6"}}"#
        let text = "From: a@b.example.com\nMessage-ID: <t@b.example.com>\nContent-Type: text/plain\n\n" + json + "\n"
        let report = try mapped(Array(text.utf8))
        #expect(outcomes(report) == ["<root> accepted (xarf-v3-json)"])
        let draft = try #require(report.drafts.first)
        #expect(draft.classification == rsit(taxonomy, type))
        #expect(draft.observables == [Observable(kind: .ipv6, value: "2001:db8::7", role: .offender)])
    }

    @Test func malformedJSONAttachmentIsRejectedAndTextStillUsed() throws {
        let bytes = MailCorpus.multipart(subject: "spam report", id: "bad-json", boundary: "j", parts: [
            ("Content-Type: text/plain", "We received spam from 192.0.2.9."),
            ("Content-Type: application/json", "{\"Version\": \"4\", "),
        ])
        let report = try mapped(bytes)
        #expect(outcomes(report) == ["/0 accepted (free-text-description)", "/1 rejected (json-malformed)"])
        #expect(report.drafts.first?.classification == rsit("abusive-content", "spam"))
    }

    @Test func v02ThreePartYAML() throws {
        let report = try mapped(MailCorpus.xarf02)
        #expect(outcomes(report) == ["/0 accepted (xarf-human-readable)", "/1 accepted (xarf-0.2-yaml)", "/2 ignored (xarf-evidence)"])
        let draft = try #require(report.drafts.first)
        #expect(draft.naturalKey == "message-id:xarf02-1@isp.example")
        #expect(draft.classification == rsit("intrusion-attempts", "brute-force"))
        #expect(draft.title == "Login attacks against our SSH service from 192.0.2.201.")
        #expect(draft.firstSeen == date("2025-03-04T10:20:00Z"))
        #expect(draft.observables == [
            Observable(kind: .ipv4, value: "192.0.2.201", role: .offender),
            Observable(kind: .email, value: "reports@honeypot.example.org", role: .unknown),
        ])
        #expect(draft.description == """
            Login attacks against our SSH service from 192.0.2.201.

            X-ARF 0.2 report: category abuse, type login-attack
            Service: ssh
            User-Agent: HoneypotReporter 1.0
            Date: Tue, 04 Mar 2025 11:20:00 +0100
            Source-Type: ipv4
            Port: 22
            Attachment: text/plain
            Schema-URL: http://www.x-arf.org/schema/abuse_login-attack_0.1.2.json
            """)
    }

    @Test(arguments: [("Source:\n  nested: 1", "yaml-nested-or-sequence"), ("Source: &a 192.0.2.1", "yaml-anchor-or-alias"),
                      ("Source: *a", "yaml-anchor-or-alias"), ("Source: !!str x", "yaml-tag"),
                      ("Source: [1, 2]", "yaml-nested-or-sequence"), ("Source: |", "yaml-block-scalar"),
                      ("Source: 1\nSource: 2", "yaml-duplicate-key"), ("Source: 1\n---\nX: 2", "yaml-multiple-documents")])
    func v02HostileYAMLIsRejected(fragment: String, reason: String) throws {
        let yaml = "Report-Type: login-attack\nVersion: 0.2\n" + fragment
        let bytes = MailCorpus.multipart(subject: "x", id: "yaml-bad", boundary: "y", extraHeaders: "X-XARF: PLAIN\n", parts: [
            ("Content-Type: text/plain", "Report."), ("Content-Type: text/plain", yaml), ("Content-Type: text/plain", "log"),
        ])
        let report = try mapped(bytes)
        #expect(report.drafts.isEmpty)
        #expect(report.parts.contains(PartOutcome(path: "/1", status: .rejected, reason: reason)))
    }

    @Test func flatYAMLScalars() throws {
        let pairs = try FlatYAML.parse("---\n# c\nA: 'it''s'\nB: \"q\\\"x\"\nC: plain # comment\n...\n")
        #expect(pairs.map(\.key) == ["A", "B", "C"])
        #expect(pairs.map(\.value) == ["it's", "q\"x", "plain"])
    }
}
