import Testing
@testable import LiaisonCore

/// The fourteenth round of issue 11: a name after a preposition of place is a place
/// (NameReader+Places.swift), a name beside things in a list or beside "&" is a thing
/// (PersonNames+Lists.swift), and days, feasts and shops named after people are not persons.
@Suite("PersonNamePlace")
struct PersonNamePlaceTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let places: [(String, [String])] = [
        ("Milica Jovanović radi u Beču. Jovanović je uplatila 500 evra.", ["Milica Jovanović", "Jovanović"]),
        ("Buyers in Kent and Essex complained to Ruth Hale.", ["Ruth Hale"]),
        ("A man in Bradford lost £300; Ruth Hale took the call.", ["Ruth Hale"]),
        ("Karte za utakmice Veleža u Mostaru i Borca u Banjoj Luci prodavao je Edin Hodžić.", ["Edin Hodžić"]),
        ("Ovo je stiglo u ime Stefana Lorenzija iz tvrtke Cantieri Lorenzi. Lorenzi kaže da račun nije mijenjao.",
         ["Stefana Lorenzija", "Lorenzi"]),
        ("Faktura stiže od Klausa Richtera iz Holz Richter GmbH. Richter je potvrdio da nije ništa slao.",
         ["Klausa Richtera", "Richter"]),
        ("gagi jel ti stigla poruka iz milana da si dobio nagradu? milica kaže da nije", ["milica"]),
    ]

    @Test("A name after a preposition of place is a place", arguments: places)
    func placeAfterPreposition(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A possessive adjective of a name before its noun still names the person; after "na" only one word is ruled
    /// out, as an account is held "na" a person's name.
    static let kept: [(String, [String])] = [
        ("Kamera je bila u Ranisavljevićevom stanu na Limanu.", ["Ranisavljevićevom"]),
        ("Račun glasi na Marcusa Lindberga iz Graca.", ["Marcusa Lindberga"]),
    ]

    @Test("A possessive after a preposition, or a full name after 'na', is still a person", arguments: kept)
    func personAfterPreposition(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let things: [(String, [String])] = [
        ("Eleven accounts at Barclays, Lloyds and Starling were used by Ruth Hale.", ["Ruth Hale"]),
        ("The invoice from Hartley & Sons looked fake to Ruth Hale.", ["Ruth Hale"]),
        ("DDoS: Kartal ve Sinop belediyeleri, Salı günü.", []),
        ("DDoS: Çankaya ve Nilüfer belediyeleri, Salı ve Perşembe. Şikâyet eden Ayşe Kaya.", ["Ayşe Kaya"]),
        ("Lažne prodavnice za Božić i Novu godinu: 33", []),
        ("Ksenija je zvala iz apoteke „Ksenija Farm“ u Kraljevu.", ["Ksenija"]),
        ("The shop sold Ted Baker, Jimmy Choo and Tommy Hilfiger bags to Ruth Hale.", ["Ruth Hale"]),
    ]

    @Test("A name beside things in a list, beside '&', a day, a feast or a shop is not a person", arguments: things)
    func thingsAreNotPersons(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// Beside a name found, a greeting, a sentence's first word, the same person again or an unknown word before a
    /// name word, a name in a list stays a person.
    static let lists: [(String, [String])] = [
        ("Saslušani su Goranka Babić, Rade i Bosa Lukač.", ["Goranka Babić", "Rade"]),
        ("Javio se brat Adis.\nPozdrav, Amer", ["Adis", "Amer"]),
        ("Wang Lei, Oleksandr Kravets ve Kravets'in ortağı adına açıldı.", ["Wang Lei", "Oleksandr Kravets", "Kravets'in"]),
        ("Caspar von Hellfeld and Orla Quigley saw it. Quigley called the bank.", ["Caspar von Hellfeld", "Orla Quigley", "Quigley"]),
        ("Jelena i Marko Petrović su uplatili novac u Nišu.", ["Jelena", "Marko Petrović"]),
        ("Marko Petrović, MUP Srbije, primio je prijavu.", ["Marko Petrović"]),
        // A place a preposition governs belongs to the person before; the full name after "i" is the next one.
        ("Prijavili su Jovana Ilić iz Valjeva i Dragan Stojković iz Kraljeva.", ["Jovana Ilić", "Dragan Stojković"]),
        // A word the gazetteer lacks before "i" and a full name is the partner's given name, no brand;
        // one after another capitalised word is a list's ("Jimmy Choo and Tommy Hilfiger").
        ("Prevaru su prijavili supružnici, Oleh i Olena Kovalenko, iz Kijeva.", ["Olena Kovalenko"]),
    ]

    @Test("Names in a list beside people or their own words stay persons", arguments: lists)
    func namesInListsStay(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
