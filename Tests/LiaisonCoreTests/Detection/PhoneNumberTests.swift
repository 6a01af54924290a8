import Testing
@testable import LiaisonCore

@Suite("Phone numbers, national and international")
struct PhoneNumberTests {
    /// Each country's mobile numbers in national form, spaced as people write them and with no
    /// separator at all; both are found, as the same number, with no cue word before them.
    static let mobiles: [(country: String, spaced: String, unseparated: String)] = [
        ("AL", "067 123 4567", "0671234567"), ("AL", "068 123 4567", "0681234567"), ("AL", "069 123 4567", "0691234567"),
        ("BA", "061 123 456", "061123456"), ("BA", "065 123 456", "065123456"),
        ("XK", "044 123 456", "044123456"), ("XK", "049 123 456", "049123456"),
        ("ME", "067 123 456", "067123456"), ("ME", "069 123 456", "069123456"),
        ("MK", "070 123 456", "070123456"), ("MK", "078 123 456", "078123456"),
        ("RS", "064 123 4567", "0641234567"), ("RS", "063 123 456", "063123456"),
        ("TR", "0532 123 45 67", "05321234567"), ("TR", "0505 123 45 67", "05051234567"),
    ]

    @Test("A mobile number is found spaced and unseparated, without a cue", arguments: mobiles)
    func unseparatedMobile(country: String, spaced: String, unseparated: String) {
        let digits = spaced.filter { $0 != " " }
        #expect(digits == unseparated)
        for written in [spaced, unseparated] {
            let text = "Prijava: broj \(written) je zvao žrtvu."
            let spans = PersonalDataScanner().scan(text)
            #expect(spans.map(\.kind) == [.phone], "\(country) \(written): \(spans.map { ($0.kind, covered(text, $0)) })")
            #expect(spans.first?.normalised == unseparated, "\(country) \(written)")
        }
    }

    /// Unseparated digit runs that are not a mobile number of the region stay unreported without
    /// a cue: landlines (whose area codes collide with too many other numbers), wrong lengths.
    static let notMobiles = [
        "ref 0111234567 closed", "order 02121234567 shipped", "id 067123 ok", "case 06712345678901 open",
        "ticket #0671234567", "number 0871234567 here",
    ]

    @Test("Unseparated numbers that are not mobiles of the region are not reported without a cue", arguments: notMobiles)
    func notAMobile(_ text: String) {
        #expect(PersonalDataScanner(kinds: [.phone]).scan(text).isEmpty)
    }

    /// International forms, normalised to E.164 by the country's numbering plan: "(0)" and the
    /// trunk 0 dropped except for Italy, whose 0 belongs to the number; "00" only before a listed
    /// country code; "+" before an unlisted one when the whole has 8–15 digits.
    static let international: [(written: String, normalised: String?)] = [
        ("+381 64 123 4567", "+381641234567"), ("+44 (0) 20 7946 0958", "+442079460958"),
        ("+39 06 1234 5678", "+390612345678"), ("0049 30 1234567", "+49301234567"),
        ("+90 (532) 123 45 67", "+905321234567"), ("+7 912 345 6789", "+79123456789"),
        ("+355 69 123 4567", "+355691234567"), ("00355 69 123 4567", "+355691234567"),
        ("+389 70 123 4567", nil), ("0012 345 678 901", nil), ("+382 67 12 34", nil),
    ]

    @Test("An international number is normalised by its country's plan, or refused", arguments: international)
    func internationalForm(written: String, normalised: String?) {
        let spans = PersonalDataScanner(kinds: [.phone]).scan("Pozvao ga je broj \(written) juče.")
        #expect(spans.map(\.normalised) == (normalised.map { [$0] } ?? []), "\(written)")
    }

    @Test("Numbers after a longer one in the same text are read afresh")
    func severalNumbers() {
        let text = "Brojevi: +381 64 123 4567, 063 123 456, +39 06 1234 5678 i 0049 30 1234567."
        let spans = PersonalDataScanner(kinds: [.phone]).scan(text)
        #expect(spans.map(\.normalised) == ["+381641234567", "063123456", "+390612345678", "+49301234567"])
    }
}
