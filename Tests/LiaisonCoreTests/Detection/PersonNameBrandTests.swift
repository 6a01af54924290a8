import Testing
@testable import LiaisonCore

/// The nineteenth round of issue 11: brands named after a person, known as firms of mimesis' lists
/// or as much-visited sites in several countries (`PersonBrands`), are no people in free text
/// when their second word is no name of the gazetteer (PersonNames+Brands.swift), and a name listed
/// beside one is a brand too. The texts are written for these tests.
@Suite("PersonNameBrand")
struct PersonNameBrandTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let notPersons: [String] = [
        "Lažni webshop je nudio kapute Massimo Dutti po pola cijene.",
        "Sahte sitede Franck Provost şampuanları yarı fiyatına satılıyordu.",
        "Faqja e rreme shiste çanta Michael Kors dhe Calvin Klein me zbritje.",
    ]

    @Test("A brand whose second word is no name, and a name listed beside it, are no people", arguments: notPersons)
    func brandsDropped(text: String) {
        #expect(Self.persons(text) == [])
    }

    static let found: [(String, [String])] = [
        // A known surname second: a person's name as often as a firm's.
        ("Ted Baker called the bank on Monday about the transfer.", ["Ted Baker"]),
        ("Prijavu je podneo Paul Smith iz Novog Sada.", ["Paul Smith"]),
        // The grammar around the name says a person.
        ("Prevaru je prijavio gospodin Massimo Dutti iz Splita.", ["Massimo Dutti"]),
    ]

    @Test("A brand's words stay a person with a known surname or a title before them", arguments: found)
    func peopleKept(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A site under one domain is somebody's own ("fatmakilic.com.tr"), not a brand's: the generator
    /// takes a label only when it is under two domains or more.
    @Test("Structured fields: a brand's site in several countries is a brand; a common name's own site is not",
          arguments: [("Massimo Dutti", false), ("Franck Provost", false), ("Fatma Kılıç", true), ("Emine Aydın", true)])
    func structured(value: String, person: Bool) {
        #expect(PersonalDataValidator.isPlausiblePerson(value) == person)
    }
}
