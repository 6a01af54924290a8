import Testing
@testable import LiaisonCore

@Suite("Defanged indicators")
struct DefangTests {
    static let cases: [(String, PersonalDataKind, String)] = [
        ("user[at]example[.]com", .email, "user@example.com"),
        ("user (at) example (dot) com", .email, "user@example.com"),
        ("user[@]example(.)org", .email, "user@example.org"),
        ("hxxp://evil[.]example[.]com/x", .url, "http://evil.example.com/x"),
        ("hxxps[:]//evil[.]example[.]com/a?b=1", .url, "https://evil.example.com/a?b=1"),
        ("HXXPS://Evil{.}Example{.}Net", .url, "https://evil.example.net"),
        ("fxp://files[.]example[.]org/pub", .url, "ftp://files.example.org/pub"),
        ("198.51.100[.]7", .ipv4, "198.51.100.7"),
        ("198[.]51[.]100[.]7", .ipv4, "198.51.100.7"),
        ("evil[dot]example[dot]com", .domain, "evil.example.com"),
        ("evil(dot)example(dot)ru", .domain, "evil.example.ru"),
        ("2001:db8[:]:1", .ipv6, "2001:db8::1"),
    ]

    @Test("A defanged value is found, the span covers it as written, the normalised value is real", arguments: cases)
    func defanged(written: String, kind: PersonalDataKind, real: String) {
        let text = "IOC: \(written) (seen twice)"
        let spans = PersonalDataScanner().scan(text)
        let matching = spans.filter { $0.kind == kind }
        #expect(matching.count == 1, "spans: \(spans)")
        guard let span = matching.first else { return }
        #expect(covered(text, span) == written)
        #expect(span.normalised == real)
    }

    @Test("undefang restores single values", arguments: [
        ("hxxp://example[.]com", "http://example.com"),
        ("user[at]example[.]com", "user@example.com"),
        ("user (at) example (dot) com", "user@example.com"),
        ("10[.]0[.]0[.]1", "10.0.0.1"),
        ("hxxps[:]//a[.]b", "https://a.b"),
        ("plain text (see above)", "plain text (see above)"),
    ])
    func undefangValues(input: String, expected: String) {
        #expect(undefang(input) == expected)
    }

    @Test("An e-mail in a URL query is reported as an e-mail and the URL stops before it")
    func emailInsideURL() {
        let text = "link https://example.com/reset?user=ana@example.org now"
        let spans = PersonalDataScanner().scan(text)
        #expect(spans.map(\.kind) == [.url, .email])
        #expect(covered(text, spans[0]) == "https://example.com/reset")
        #expect(covered(text, spans[1]) == "ana@example.org")
    }

    @Test("A wallet address in a URL path is reported as a wallet and the URL stops before it")
    func walletInsideURL() {
        let text = "see https://blockchair.com/bitcoin/address/1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa for funds"
        let spans = PersonalDataScanner().scan(text)
        #expect(spans.map(\.kind) == [.url, .cryptoWallet])
        #expect(covered(text, spans[0]) == "https://blockchair.com/bitcoin/address")
    }

    @Test("A URL's host is not also reported as a domain, an e-mail's domain not either")
    func noNestedDomain() {
        let spans = PersonalDataScanner().scan("see https://evil.example.com/a and bob@evil.example.com")
        #expect(spans.map(\.kind) == [.url, .email])
    }
}
