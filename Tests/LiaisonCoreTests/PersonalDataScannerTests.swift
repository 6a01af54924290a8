import LiaisonCore
import Testing

@Suite struct PersonalDataScannerTests {
    let scanner = PersonalDataScanner()

    @Test("Finds e-mail addresses with their exact UTF-8 span", arguments: [
        ("Пријавио je marko.jovanovic+banka@Example.RS јуче", "marko.jovanovic+banka@example.rs"),
        ("contact: abuse@hosting.co.uk.", "abuse@hosting.co.uk"),
        ("<ayse.yilmaz@ornek.com.tr>", "ayse.yilmaz@ornek.com.tr"),
    ])
    func findsEmail(text: String, normalised: String) throws {
        let spans = scanner.scan(text)
        let span = try #require(spans.first)
        #expect(spans.count == 1)
        #expect(span.kind == .email)
        #expect(span.normalised == normalised)
        let bytes = Array(text.utf8)[span.utf8Range]
        #expect(String(decoding: bytes, as: UTF8.self).lowercased() == normalised.lowercased())
    }

    @Test("Finds international phone numbers in the region's formats", arguments: [
        ("Pozvao ga je +381 64 123 4567 juče", "+381641234567"),
        ("tel. +90 (532) 123-45-67", "+905321234567"),
        ("+355.69.123.4567", "+355691234567"),
        ("call +38970123456.", "+38970123456"),
    ])
    func findsPhone(text: String, normalised: String) throws {
        let span = try #require(scanner.scan(text).first)
        #expect(span.kind == .phone)
        #expect(span.normalised == normalised)
    }

    @Test("A host name that spells out an address is that address, dashed, dotted or reversed", arguments: [
        ("from cpe-89-216-77-45.dynamic.example-isp.rs (", "cpe-89-216-77-45.dynamic.example-isp.rs", PersonalDataKind.ipv4, "89.216.77.45"),
        ("host 89-216-77-45.static.isp.rs", "89-216-77-45.static.isp.rs", .ipv4, "89.216.77.45"),
        ("by ip89-216-77-45.adsl.isp.com.tr with", "ip89-216-77-45.adsl.isp.com.tr", .ipv4, "89.216.77.45"),
        ("89.216.77.45.dsl.example.net", "89.216.77.45.dsl.example.net", .ipv4, "89.216.77.45"),
        ("45.77.216.89.in-addr.arpa.", "45.77.216.89.in-addr.arpa", .ipv4, "89.216.77.45"),
        ("from 2001-db8--7.pool.example.org", "2001-db8--7.pool.example.org", .ipv6, "2001:db8::7"),
        ("ipv6-2001-db8-0-0-0-0-0-7.example.org", "ipv6-2001-db8-0-0-0-0-0-7.example.org", .ipv6, "2001:db8::7"),
        ("7.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "7.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
         .ipv6, "2001:db8::7"),
    ])
    func addressInHostName(text: String, hostname: String, kind: PersonalDataKind, address: String) throws {
        let span = try #require(scanner.scan(text).first)
        #expect(span.kind == kind)
        #expect(span.normalised == address)
        #expect(String(decoding: Array(text.utf8)[span.utf8Range], as: UTF8.self) == hostname)
    }

    @Test("A host name with numbers that are not an address stays a domain", arguments: [
        "mx1.mail-2.example.org", "web-01-02.example.com", "cpe-89-216-77.isp.rs", "a-300-1-2-3.example.net", "dead-beef.example.org",
        "xn--80ak6aa92e.example.com",
    ])
    func hostNameWithoutAddress(text: String) {
        #expect(scanner.scan(text).map(\.kind) == [.domain])
    }

    @Test("Leaves alone what only looks like personal data", arguments: [
        "user@localhost", "@handle on social media", "version 1.2.3 released", "build +5",
        "sum +1234567", "a@b.c", "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "2026-11-29T01:00:00+01:00", "trailing@",
    ])
    func ignores(text: String) {
        #expect(scanner.scan(text).isEmpty)
    }

    @Test("Stays linear on hostile input")
    func linear() {
        let hostile = String(repeating: "a@", count: 200_000) + String(repeating: "+1 ", count: 200_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = scanner.scan(hostile) }
        #expect(elapsed < .seconds(20))  // quadratic work would take minutes; a busy debug build needs room
    }
}
