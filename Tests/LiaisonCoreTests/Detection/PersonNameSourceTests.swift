import Testing
@testable import LiaisonCore

/// The evidence the eighth round of issue 11 added to the gazetteer (Benchmarks/Gazetteer/README.md):
/// given names of Faker's English-speaking, Nigerian, Swiss and Austrian locales, surnames of
/// mimesis and more Faker locales, each left out when it is a common word or a place; and
/// informal salutations as titles.
@Suite("PersonNameSources")
struct PersonNameSourceTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    /// A given name alone inside a sentence is found only when the gazetteer knows it.
    static let newGivenNames: [(String, [String])] = [
        ("The caller said that Siobhan had already paid the courier.", ["Siobhan"]),
        ("Yesterday the bank phoned Chinedu about the second transfer.", ["Chinedu"]),
        ("Ndihmë kërkoi edhe Gzim për llogarinë e tij.", ["Gzim"]),
    ]

    @Test("Given names of the added locales are found alone inside a sentence", arguments: newGivenNames)
    func addedGivenNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A listed surname alone inside a sentence is a name; an unknown word there is not.
    static let newSurnames: [(String, [String])] = [
        ("Dün akşam Akbulut bankayı tekrar aradı.", ["Akbulut"]),
        ("The refund form was signed by Okafor on Monday.", ["Okafor"]),
        ("Uplatu je potvrdio Gruber telefonom.", ["Gruber"]),
    ]

    @Test("Surnames of mimesis and the added Faker locales are found alone inside a sentence", arguments: newSurnames)
    func addedSurnames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    @Test("An added name that is a common word or a place is left out of the gazetteer")
    func addedNamesYield() {
        // "Thea" (a common word with one letter more) would make "the" after "called" a name.
        #expect(Self.persons("Mr. Ivan Horvat called the hotline twice.") == ["Ivan Horvat"])
        // "Nisa" (Niš with one letter more) would make the genitive "Ниша" a person.
        #expect(Self.persons("Пријава је стигла из Ниша и Крагујевца.") == [])
        #expect(!PersonalDataValidator.isPlausiblePerson("Niš"))
    }

    @Test("An informal salutation is a title: the name after it is found, the salutation stays outside")
    func salutations() {
        #expect(Self.persons("Dragi Zorane,\nhvala ti na poruci o lažnom sajtu.") == ["Zorane"])
        #expect(Self.persons("Драга Милена,\nхвала на упозорењу.") == ["Милена"])
    }
}
