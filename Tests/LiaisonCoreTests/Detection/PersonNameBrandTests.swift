import Testing
@testable import LiaisonCore

/// Issue 11, rounds nineteen and twenty: brands named after a person, known as firms of mimesis'
/// lists or as the labels of much-visited sites registered in two countries or more
/// (`PersonBrands`), are no people in free text unless the grammar around one of their mentions
/// says person (PersonNames+Brands.swift), and a name listed beside one is a brand too. The texts
/// are written for these tests.
@Suite("PersonNameBrand")
struct PersonNameBrandTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let notPersons: [String] = [
        "Lažni webshop je nudio kapute Massimo Dutti po pola cijene.",
        "Sahte sitede Franck Provost şampuanları yarı fiyatına satılıyordu.",
        "Faqja e rreme shiste çanta Michael Kors dhe Calvin Klein me zbritje.",
        // Second words that are names too ("Choo", "Madden"): the site's label decides.
        "Lažni oglasi za torbe Jimmy Choo i cipele Steve Madden kružili su Instagramom.",
        "Ted Baker and Paul Smith were told that their names were used by the fake shop.",
    ]

    @Test("A brand, and a name listed beside it, are no people", arguments: notPersons)
    func brandsDropped(text: String) {
        #expect(Self.persons(text) == [])
    }

    static let found: [(String, [String])] = [
        // The grammar around the name says a person: a title, a role word, at this mention or another.
        ("Prevaru je prijavio gospodin Massimo Dutti iz Splita.", ["Massimo Dutti"]),
        ("Osumnjičeni David Jones je uhapšen u Baru. David Jones je priznao prevaru.", ["David Jones", "David Jones"]),
        // A common name of the region is nobody's brand.
        ("Prijavu je podneo Marko Petrović iz Novog Sada.", ["Marko Petrović"]),
    ]

    @Test("A brand's words stay a person when a title or role word names one of its mentions", arguments: found)
    func peopleKept(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A site registered in one country is somebody's own ("fatmakilic.com.tr"), not a brand's: the
    /// generator takes a label only when it is registered under two public suffixes or more.
    @Test("Structured fields: a brand's site in several countries is a brand; a common name's own site is not",
          arguments: [("Massimo Dutti", false), ("Franck Provost", false), ("Jimmy Choo", false), ("Steve Madden", false),
                      ("Fatma Kılıç", true), ("Emine Aydın", true)])
    func structured(value: String, person: Bool) {
        #expect(PersonalDataValidator.isPlausiblePerson(value) == person)
    }
}
