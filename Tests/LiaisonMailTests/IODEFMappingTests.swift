import Foundation
import LiaisonCore
import MailCorpus
import LiaisonMail
import Testing
@testable import LiaisonMail

/// IODEF 2.0 (RFC 7970) attachments, and the XML safety rules.
@Suite(.timeLimit(.minutes(5))) struct IODEFMappingTests {
    let expectedObservables = [
        Observable(kind: .person, value: "Example CSIRT", role: .unknown),
        Observable(kind: .email, value: "csirt@csirt.example.org", role: .unknown),
        Observable(kind: .person, value: "Ana Petrović", role: .unknown),
        Observable(kind: .email, value: "ana.petrovic@csirt.example.org", role: .unknown),
        Observable(kind: .ipv4, value: "203.0.113.66", role: .offender),
        Observable(kind: .url, value: "http://phish.example.com/login", role: .offender),
        Observable(kind: .domain, value: "phish.example.com", role: .offender),
        Observable(kind: .ipv6, value: "2001:db8::25", role: .victim),
        Observable(kind: .email, value: "victim@bank.example.net", role: .victim),
        Observable(kind: .ipv4, value: "198.51.100.99", role: .offender),
        Observable(kind: .domain, value: "login-bank.example.com", role: .offender),
        Observable(kind: .email, value: "support@login-bank.example.com", role: .offender),
        Observable(kind: .fileName, value: "invoice.pdf.exe", role: .offender),
        Observable(kind: .hashSHA256, value: MailCorpus.emptySHA256Hex, role: .offender),
    ]

    @Test func fullIncident() throws {
        let report = try mapped(MailCorpus.iodefMessage)
        #expect(outcomes(report) == ["/0 ignored (free-text-superseded-by-machine-readable)", "/1 accepted (iodef-2.0)"])
        try #require(report.drafts.count == 1)
        let draft = report.drafts[0]
        #expect(draft.naturalKey == "message-id:iodef-1@isp.example")
        #expect(draft.classification == rsit("intrusions", "unprivileged-account-compromise"))  // SystemImpact takeover-account
        #expect(draft.tlp == .red)  // restriction="red"
        #expect(draft.title == "Credential phishing site & account takeover")
        #expect(draft.firstSeen == date("2025-03-04T08:00:00Z"))  // StartTime
        #expect(draft.lastSeen == date("2025-03-04T09:45:00Z"))  // EndTime
        #expect(draft.observables == expectedObservables)
        #expect(draft.description == """
            IODEF incident csirt.example.org: INC-2025-0042
            Generation time: 2025-03-04T10:00:00Z
            Credential phishing site & account takeover
            Assessment SystemImpact: type=takeover-account, severity=high, completion=succeeded
              Customer accounts taken over
            Contact: role=creator, type=organization
            Contact: role=tech, type=person
            """)
    }

    @Test("An XML part with a DOCTYPE or entity declaration refuses the whole message, naming the part and the rule",
          arguments: [
            (MailCorpus.hostileXML, "/1", "xml-doctype-forbidden"),  // bomb and XXE before a valid IODEF
            (MailCorpus.withXMLAttachments([MailCorpus.billionLaughs], id: "bomb-2", text: "Phishing at http://x.example.com/"),
             "/1", "xml-doctype-forbidden"),
            (MailCorpus.withXMLAttachments([MailCorpus.iodefDocument, MailCorpus.externalEntity], id: "xxe-2"), "/2", "xml-doctype-forbidden"),
            (MailCorpus.withXMLAttachments([MailCorpus.plainDoctype], id: "dt"), "/1", "xml-doctype-forbidden"),
            (MailCorpus.withXMLAttachments(["<IODEF-Document>&xxe;</IODEF-Document>"], id: "undeclared"), "/1", "xml-undeclared-entity"),
          ])
    func hostileXMLRefusesTheMessage(message: [UInt8], path: String, rule: String) throws {
        #expect(throws: MailError.hostilePart(rule: rule, path: path)) { try mapped(message) }
    }

    @Test func depth64AcceptedDepth65Rejected() throws {
        let ok = try mapped(MailCorpus.withXMLAttachments([MailCorpus.deepIODEF(depth: 64)], id: "d64"))
        #expect(ok.parts.last == PartOutcome(path: "/1", status: .accepted, reason: "iodef-2.0"))
        #expect(ok.drafts.first?.title == "IODEF incident DEEP-64")
        #expect(ok.drafts.first?.classification == .undetermined)
        // Too deep is a bound of the reader, not an attack on it: the part is refused, the message kept.
        let deep = try mapped(MailCorpus.withXMLAttachments([MailCorpus.deepIODEF(depth: 65)], id: "d65"))
        #expect(deep.parts.last == PartOutcome(path: "/1", status: .rejected, reason: "xml-depth-exceeded"))
        #expect(deep.drafts.count == 1)  // the text part still makes a (free-text) draft
        #expect(deep.drafts.first?.title == "IODEF report")
    }

    @Test func twoIncidentsGetDistinctKeysAndOtherXMLIsIgnored() throws {
        let two = MailCorpus.iodefDocument.replacingOccurrences(
            of: "</IODEF-Document>",
            with: "<Incident purpose=\"reporting\"><IncidentID name=\"b.example.org\">B-2</IncidentID></Incident></IODEF-Document>")
        let report = try mapped(MailCorpus.withXMLAttachments([two, "<rss version=\"2.0\"/>"], id: "two"))
        #expect(report.drafts.map(\.naturalKey) == ["message-id:two@isp.example#/1/incident/0", "message-id:two@isp.example#/1/incident/1"])
        #expect(report.drafts[1].title == "IODEF incident B-2")
        #expect(report.drafts[1].tlp == .amber)
        #expect(report.parts.last == PartOutcome(path: "/2", status: .ignored, reason: "xml-not-iodef"))
    }

    @Test func wrongNamespaceRejected() throws {
        let v1 = MailCorpus.iodefDocument.replacingOccurrences(of: "iodef-2.0", with: "iodef-1.0")
        let report = try mapped(MailCorpus.withXMLAttachments([v1], id: "v1"))
        #expect(report.parts.last == PartOutcome(path: "/1", status: .rejected, reason: "iodef-namespace-unsupported"))
    }

    @Test(arguments: [
        ("<a>&xxe;</a>", XMLRejection.undeclaredEntity), ("<a><b></a>", .malformed), ("<a>", .malformed),
        ("<a/><b/>", .malformed), ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", .encodingUnsupported),
        ("<a><!ENTITY x \"y\"></a>", .doctypeForbidden), ("<!doctype a><a/>", .doctypeForbidden),
        ("<a x='1' x2=\"<\"/>", .malformed),
    ])
    func safeXMLRefuses(xml: String, rejection: XMLRejection) {
        #expect(throws: rejection) { try SafeXML.parse(Array(xml.utf8)) }
    }

    @Test func safeXMLReadsReferencesCDATAAndPrefixes() throws {
        let root = try SafeXML.parse(Array("<?xml version='1.0'?><!-- c --><p:a xmlns:p='u' k='&lt;&#65;&#x42;'>x<![CDATA[<y>]]>&amp;<b/></p:a>".utf8))
        #expect(root.localName == "a")
        #expect(root.prefix == "p")
        #expect(root.attribute("k") == "<AB")
        #expect(root.text == "x<y>&")
        #expect(root.children.map(\.name) == ["b"])
    }

    @Test func safeXMLIsLinearOnAWideDocument() throws {
        let wide = "<r>" + String(repeating: "<i a=\"1\">t</i>", count: 15_000) + "</r>"
        let clock = ContinuousClock()
        var count = 0
        let elapsed = try clock.measure { count = try SafeXML.parse(Array(wide.utf8)).children.count }
        #expect(count == 15_000)
        #expect(elapsed < .seconds(2))
        #expect(throws: XMLRejection.tooManyElements) {
            try SafeXML.parse(Array(("<r>" + String(repeating: "<i/>", count: 20_000) + "</r>").utf8))
        }
    }
}
