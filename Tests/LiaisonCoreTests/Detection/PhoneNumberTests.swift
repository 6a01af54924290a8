import Testing
@testable import LiaisonCore

@Suite("Phone numbers in national form")
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
}
