import Foundation
import LiaisonCore
import MailCorpus
import Testing
@testable import LiaisonMail

/// One of our synthetic XARF v4 documents (`Fixtures/xarf-v4/`), each valid against the
/// specification's JSON Schemas (see `XARF4SchemaTests`).
func xarf4Document(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/xarf-v4/\(name)", withExtension: "json"))
    return try String(contentsOf: url, encoding: .utf8)
}

/// XARF v4 (`xarf_version` 4.x.y; the xarf/xarf-spec repository), sent as the body or as an attachment.
@Suite(.timeLimit(.minutes(5))) struct XARF4MappingTests {
    enum Placement: String, CaseIterable, Sendable { case body, textBody, attachment, gzipAttachment }

    static func message(_ json: String, _ placement: Placement, id: String) -> [UInt8] {
        switch placement {
        case .body:
            MailCorpus.bytes("From: reports@isp.example\nMessage-ID: <\(id)@isp.example>\nSubject: XARF\nContent-Type: application/json\n\n\(json)\n")
        case .textBody:
            MailCorpus.bytes("From: reports@isp.example\nMessage-ID: <\(id)@isp.example>\nSubject: XARF\nContent-Type: text/plain; charset=utf-8\n\n\(json)\n")
        case .attachment:
            MailCorpus.multipart(subject: "XARF report", id: id, boundary: "x4", parts: [
                ("Content-Type: text/plain; charset=utf-8", "Automated XARF report, see the attachment."),
                ("Content-Type: application/json; name=\"report.json\"\nContent-Disposition: attachment; filename=\"report.json\"\n"
                    + "Content-Transfer-Encoding: base64", MailCorpus.base64(Array(json.utf8))),
            ])
        case .gzipAttachment:
            MailCorpus.withArchives([("report.json.gz", "application/gzip", MailCorpus.gzip(.bytes(Array(json.utf8))))], id: id)
        }
    }

    @Test("An XARF v4 document is read as the body, a text body or an attachment, plain or gzip'd", arguments: Placement.allCases)
    func placements(_ placement: Placement) throws {
        let report = try mapped(Self.message(try xarf4Document("spam"), placement, id: "x4-\(placement.rawValue)"))
        let path = switch placement {
        case .body, .textBody: "<root>"
        case .attachment: "/1"
        case .gzipAttachment: "/1/archive:0"
        }
        #expect(outcomes(report).contains("\(path) accepted (xarf-v4)"), "\(outcomes(report))")
        let draft = try #require(report.drafts.first)
        #expect(report.drafts.count == 1)
        #expect(draft.classification == rsit("abusive-content", "spam"))
        #expect(draft.title == "XARF v4 messaging/spam report")
        #expect(draft.firstSeen == date("2026-11-20T08:15:00Z"))
        #expect(draft.observables == [
            Observable(kind: .ipv4, value: "192.0.2.55", role: .offender),
            Observable(kind: .email, value: "winner@lottery-prize.example", role: .offender),
            Observable(kind: .email, value: "jelena.markovic@posta.example", role: .victim),
            Observable(kind: .email, value: "abuse-team@mailbox.example", role: .unknown),
            Observable(kind: .email, value: "xarf-reports@mailbox.example", role: .unknown),
        ])
        #expect(draft.description.contains("Report id: 6f0c2b1e-4a57-4f5b-9a0e-1c2d3e4f5a61"))
        #expect(draft.description.contains("Reporter: Example Mailbox Provider (mailbox.example)"))
        #expect(draft.description.contains("Evidence: 1 item(s), text/plain"))
        #expect(!draft.description.contains("UmVjZWl2ZWQ6"), "evidence payloads are not copied")
    }

    @Test("Each category's fields become observables with their roles", arguments: [
        ("login-attack", "intrusion-attempts", "brute-force", [
            Observable(kind: .ipv4, value: "203.0.113.77", role: .offender),
            Observable(kind: .ipv4, value: "198.51.100.10", role: .victim),
            Observable(kind: .email, value: "soc@hosting.gmbh", role: .unknown),
        ]),
        ("phishing", "fraud", "phishing", [
            Observable(kind: .domain, value: "login-bank.example.net", role: .offender),
            Observable(kind: .url, value: "https://login-bank.example.net/rs/prijava", role: .offender),
            Observable(kind: .email, value: "security@bank.example", role: .unknown),
            Observable(kind: .email, value: "takedown@brandwatch.ninja", role: .unknown),
        ]),
        ("botnet", "malicious-code", "infected-system", [
            Observable(kind: .ipv6, value: "2001:db8::44", role: .offender),
            Observable(kind: .domain, value: "c2.evil.example", role: .offender),
            Observable(kind: .email, value: "sinkhole@research.example", role: .unknown),
        ]),
        ("cve", "vulnerable", "vulnerable-system", [
            Observable(kind: .ipv4, value: "198.51.100.200", role: .offender),
            Observable(kind: .email, value: "scans@scanner.internal", role: .unknown),
            Observable(kind: .email, value: "scans@scanner.example", role: .unknown),
        ]),
    ])
    func categories(name: String, taxonomy: String, type: String, observables: [Observable]) throws {
        let report = try mapped(Self.message(try xarf4Document(name), .attachment, id: "x4-\(name)"))
        let draft = try #require(report.drafts.first)
        #expect(draft.classification == rsit(taxonomy, type))
        #expect(draft.observables == observables)
    }

    @Test("The older JSON layout (what v4 calls v3: Version 3, ReporterInfo, Report) is still read")
    func v3Layout() throws {
        let json = #"{"Version":"3","ReporterInfo":{"ReporterOrg":"Example ISP","ReporterOrgEmail":"abuse@isp.example"},"#
            + #""Report":{"ReportClass":"Activity","ReportType":"Login-Attack","Date":"2026-11-20T08:00:00Z","#
            + #""Source":{"IP":"192.0.2.66"},"DestinationIp":"198.51.100.3"}}"#
        let report = try mapped(Self.message(json, .attachment, id: "x3"))
        #expect(outcomes(report).contains("/1 accepted (xarf-v3-json)"), "\(outcomes(report))")
        let draft = try #require(report.drafts.first)
        #expect(draft.classification == rsit("intrusion-attempts", "brute-force"))
        #expect(draft.observables.contains(Observable(kind: .ipv4, value: "192.0.2.66", role: .offender)))
    }

    @Test("A JSON attachment that claims XARF but breaks v4's rules is rejected, naming the rule", arguments: [
        (#"{"xarf_version":"4.0.0","category":"messaging"}"#, "xarf-v4-required-member-missing"),
        (#"{"xarf_version":"5.0.0","category":"messaging"}"#, "xarf-version-unsupported"),
        (#"{"xarf_version":"4.0","category":"messaging"}"#, "xarf-version-unsupported"),
        (#"{"xarf_version":"4.0.0","report_id":"r","timestamp":"2026-11-20T08:15:00Z","reporter":{},"sender":{},"#
            + #""source_identifier":"192.0.2.1","category":"mail","type":"spam"}"#, "xarf-v4-category-unknown"),
    ])
    func brokenV4(json: String, reason: String) throws {
        let report = try mapped(Self.message(json, .attachment, id: "x4-bad"))
        #expect(report.parts.contains(PartOutcome(path: "/1", status: .rejected, reason: reason)), "\(outcomes(report))")
        #expect(!report.drafts.contains { $0.title.hasPrefix("XARF v4") }, "no XARF draft from a broken document")
    }
}
