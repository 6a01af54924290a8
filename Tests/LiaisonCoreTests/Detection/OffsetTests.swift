import Testing
@testable import LiaisonCore

@Suite("Byte offsets with multi-byte text")
struct OffsetTests {
    static let cases: [(String, String, PersonalDataKind)] = [
        ("Пријава: жртва је примила поруку са адресе ", "napad@zlonamerni.rs", .email),
        ("Şikâyetçi İstanbul’dan aradı, numarası ", "+90 532 123 45 67", .phone),
        ("Уплатено на сметка ", "MK07 2501 2000 0058 984", .iban),
        ("Saldırgan IP adresi şöyle görünüyor: ", "203.0.113.45", .ipv4),
        ("Адреса на новчаникот е ", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", .cryptoWallet),
        ("Лице: ", "Марко Петровић", .person),
        ("ЈМБГ оштећеног: ", "0101990710008", .nationalID),
        ("Kartë e vjedhur — ", "4111 1111 1111 1111", .paymentCard),
        ("JMBG\u{00A0}", "0101990710008", .nationalID),
        ("IBAN:\u{00A0}", "RS35 2600 0560 1001 6113 79", .iban),
    ]

    @Test("The UTF-8 range points exactly at the value after Cyrillic/Turkish text", arguments: cases)
    func offsets(prefix: String, value: String, kind: PersonalDataKind) {
        let text = prefix + value + " — ћирилица ğüşöç"
        let spans = PersonalDataScanner().scan(text)
        let matching = spans.filter { $0.kind == kind }
        #expect(matching.count == 1, "spans: \(spans)")
        guard let span = matching.first else { return }
        #expect(span.utf8Range == prefix.utf8.count..<(prefix.utf8.count + value.utf8.count))
        #expect(covered(text, span) == value)
    }

    @Test("Offsets after a defanged marker earlier in the text still point at the right bytes")
    func offsetsAfterDefang() {
        let text = "Домен evil[.]example[.]com и телефон +381 64 123 4567"
        let spans = PersonalDataScanner().scan(text)
        #expect(spans.map { covered(text, $0) } == ["evil[.]example[.]com", "+381 64 123 4567"])
    }

    @Test("Restricting kinds reports only those kinds")
    func kindsFilter() {
        let text = "mail ana@example.org ip 10.0.0.1 card 4111 1111 1111 1111"
        let spans = PersonalDataScanner(kinds: [.ipv4]).scan(text)
        #expect(spans.map(\.kind) == [.ipv4])
    }
}
