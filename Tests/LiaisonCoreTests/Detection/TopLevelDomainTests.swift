import Foundation
import Testing
@testable import LiaisonCore

@Suite("Top-level domains")
struct TopLevelDomainTests {
    /// Addresses at delegated gTLDs outside the old fixed list, at RFC 2606 / RFC 6761 reserved
    /// names, and at IDN ccTLDs of the region.
    static let addresses = [
        "ana.petrovic@firma.gmbh", "marko@verein.berlin", "ops@host.ovh", "info@bank.swiss", "x@dev.ninja",
        "mama@our.family", "kontakt@shop.jetzt", "victim@bank.example", "user@exercise.test", "root@host.localhost",
        "nobody@mail.invalid", "ana@example.com", "ana@example.net", "ana@example.org", "ivana@пример.срб",
    ]

    @Test("An e-mail address at any delegated or reserved TLD is found in free text", arguments: addresses)
    func emailAtAnyTLD(_ address: String) {
        let text = "The victim wrote from \(address) yesterday."
        let spans = PersonalDataScanner().scan(text)
        #expect(spans.map(\.kind) == [.email], "spans: \(spans.map { ($0.kind, covered(text, $0)) })")
        #expect(spans.first.map { covered(text, $0) } == address)
    }

    @Test("A host name at a newer gTLD is found as a domain", arguments: ["login.bank.gmbh", "phish.shop.jetzt", "c2.example.test"])
    func domainAtNewTLD(_ host: String) {
        let text = "Redirects to \(host) now."
        #expect(PersonalDataScanner(kinds: [.domain]).scan(text).map { covered(text, $0) } == [host])
    }

    @Test("The compiled-in list is IANA's list as committed in tlds-alpha-by-domain.txt, plus the reserved names")
    func compiledListMatchesDataFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LiaisonCore/Detection/tlds-alpha-by-domain.txt")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.hasPrefix("# Version \(TopLevelDomains.ianaVersion)") == true)
        let listed = Set(lines.dropFirst().map { $0.lowercased() })
        #expect(listed.count > 1400)
        let compiledASCII = TopLevelDomains.all.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        #expect(compiledASCII == listed.union(TopLevelDomains.reserved))
        #expect(TopLevelDomains.all.isSuperset(of: ["срб", "мкд", "рф", "ελ", "ею"]))
    }

    @Test("In a field that holds addresses, an address at any TLD-shaped label counts; elsewhere only known TLDs",
          arguments: [("ops@host.corp", true), ("ana@firma.intranet", true), ("x@host.xn--p1ai", true), ("a@host.c0rp", false),
                      ("a@host.123", false), ("a@localhost", false)])
    func addressesUnderAnyTLD(address: String, valid: Bool) {
        let field = PersonalDataScanner(kinds: [.email], emailsUnderAnyTopLevelDomain: true).scan("mail: \(address) end")
        #expect(field.map(\.kind) == (valid ? [.email] : []))
        if !TopLevelDomains.all.contains(String(address.split(separator: ".").last ?? "")) {
            #expect(PersonalDataScanner(kinds: [.email]).scan("mail: \(address) end").isEmpty)
        }
    }

    @Test("File names whose extension is also a TLD are not domains", arguments: ["Main.java", "script.py", "invoice.zip"])
    func fileNames(_ name: String) {
        #expect(PersonalDataScanner(kinds: [.domain]).scan("see \(name) attached").isEmpty)
    }
}
