import Testing
@testable import LiaisonCore

/// The thirty-seventh round of issue 11: a persona in quotation marks, the given name a caller gave
/// with the firm or desk he claimed (PersonNames+Personas.swift).
@Suite("PersonNames: quoted personas")
struct PersonNameRoundThirtySevenTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    /// (text, the names in it)
    static let found: [(String, [String])] = [
        // a desk's word, an acronym right after "from", a firm's word; given names that are also words
        ("He said he was \"Frank from Sky technical support\" and asked for remote access.", ["Frank"]),
        ("Caller (\"Lee from the fraud team\") then passed me to \"Sam from compliance\".", ["Lee", "Sam"]),
        ("The text read \"Mark from BT, your router is compromised\".", ["Mark"]),
        // capitals, and the region's languages in both scripts
        ("CALLER SAID HE WAS \"KEVIN FROM BARCLAYS FRAUD\", CARD AND PIN COLLECTED", ["KEVIN"]),
        ("U zapisniku stoji da je to bio \"DRAGAN IZ POLICIJE\" koji je tražio novac.", ["DRAGAN"]),
        ("Во пораката пишува \"ЗОРАН ОД БАНКАТА, ВЕДНАШ ЈАВЕТЕ СЕ\".", ["ЗОРАН"]),
        ("Mesazhi: \"Ana nga banka, konfirmoni kodin tani\".", ["Ana"]),
    ]

    @Test("A given name before 'from' and a firm or desk in a quotation is a name", arguments: found)
    func names(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [(String, [String])] = [
        // no firm or desk in the quotation: a slogan, a title, an advert
        ("The site's motto was \"Miles from Nowhere\".", []),
        ("Slogan on the fake site: \"Rob from the rich, invest with the brave\".", []),
        ("The ad said \"Mercedes from Germany, full documentation, 9500 EUR\".", []),
        ("Romance scam profile: \"Major from the US Army serving in Syria\".", []),
        ("Naslov oglasa: \"Nada iz pepela\".", []),
        // a greeting, a sign-off, a quotation that does not close on its line
        ("Subject: \"Greetings from Amazon customer service\"", []),
        ("The card said \"Love from all the team\".", []),
        ("On the phone he was \"Frank from Sky\nbroadband support\" and polite.", []),
    ]

    @Test("A quotation without a firm or desk, a greeting, a sign-off or an unclosed quote is no persona", arguments: notFound)
    func notNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
