import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

/// The bytes one IntelMQ event leaves behind, pinned: its natural key (the SHA-256 of the
/// event's RFC 8785 form, which makes a re-sent event a duplicate), and the custody details,
/// observables and redactions as stored. The expected values were worked out apart from
/// Liaison's code (RFC 8785 by hand: members sorted, strings escaped as §3.2.2.2 asks), so a
/// change in how the reader or the canonical writer puts them together that moves one byte
/// fails here, and would otherwise make every event already stored look new.
@Suite struct IntelMQPinnedBytesTests {
    static let line = #"""
        {"classification.taxonomy": "fraud", "classification.type": "phishing", "classification.identifier": "bank-phishing", \#
        "source.ip": "198.18.0.7", "source.fqdn": "login-7.bank-phish.example", "source.url": "https://login-7.bank-phish.example/signin", \#
        "source.asn": 64507, "source.geolocation.cc": "NL", "destination.ip": "192.0.2.8", "time.source": "2026-11-28T09:15:00+00:00", \#
        "time.observation": "2026-11-28T09:20:00+00:00", "feed.name": "Bench \"phishing\" feed\\ with\ta tab and\u001f", \#
        "feed.provider": "CERT Ω, Београд", \#
        "raw": "NyxodHRwczovL2xvZ2luLTcuYmFuay1waGlzaC5leGFtcGxlL3NpZ25pbix2aWN0aW0tN0BleGFtcGxlLm9yZw=="}
        """#

    @Test("An IntelMQ event's natural key, custody details, observables and redactions are the same bytes as before")
    func pinned() throws {
        let drafts = try EventBatchParser().parse(Array((Self.line + "\n").utf8), format: .ndjson, schema: .intelmq)
        let draft = try #require(drafts.first)
        #expect(draft.naturalKey == "intelmq-sha256:7cb0211f51b3250dbca9037e13a2ef60de724f583daa082fde0b78879f8c6a22")
        let result = IncidentProtector().protect(
            draft, id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, producer: "cert-a", receivedAt: Date(timeIntervalSince1970: 0),
            makeTokenID: { "00000000000000a1" })
        let custody = #"""
            {"intelmq.classification.identifier":"bank-phishing","intelmq.classification.taxonomy":"fraud",\#
            "intelmq.classification.type":"phishing","intelmq.feed.name":"Bench \"phishing\" feed\\ with\ta tab and\u001f",\#
            "intelmq.feed.provider":"CERT Ω, Београд",\#
            "intelmq.raw_sha256":"sha256:b67ee1bddadf9ee8f8bd4642efbdc0f2183313438f6276c25cb3e19286a499e1",\#
            "intelmq.source.geolocation.cc":"NL","intelmq.time.observation":"2026-11-28T09:20:00+00:00"}
            """#
        #expect(String(decoding: result.custodyJSON, as: UTF8.self) == custody)
        #expect(result.incident.custody.canonicalJSON == result.custodyJSON)
        let observables = #"""
            [{"kind":"ipv4","role":"victim","value":"[[pd:ipv4:00000000000000a1]]"},{"kind":"asn","role":"offender","value":"64507"},\#
            {"kind":"domain","role":"offender","value":"login-7.bank-phish.example"},\#
            {"kind":"ipv4","role":"offender","value":"198.18.0.7"},\#
            {"kind":"url","role":"offender","value":"https://login-7.bank-phish.example/signin"}]
            """#
        #expect(String(decoding: result.incident.observables.canonicalJSON, as: UTF8.self) == observables)
        let redactions = #"""
            [{"detector":"structured","field":"/observables/0/value","kind":"ipv4","role":"victim","token":"[[pd:ipv4:00000000000000a1]]"}]
            """#
        #expect(String(decoding: result.incident.redactions.canonicalJSON, as: UTF8.self) == redactions)
        #expect(result.vault == [VaultItem(token: Token(kind: .ipv4, id: "00000000000000a1"), role: .victim, plaintext: "192.0.2.8")])
    }
}
