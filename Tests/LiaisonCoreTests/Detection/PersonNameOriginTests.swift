import Testing
@testable import LiaisonCore

/// The nineteenth round of issue 11: two capitalised words no rule took, after a preposition of
/// origin and a place, are a newcomer's name (PersonNames+Origin.swift), and the person is then
/// found again by either word. The texts are written for these tests.
@Suite("PersonNameOrigin")
struct PersonNameOriginTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        ("Sezonski radnik iz Nepala Sunil Rai prijavio je da mu je agencija uzela pasoš. Sunil je platio 3.000 eura.",
         ["Sunil Rai", "Sunil"]),
        ("Студенткиња из Кине Вен Хаоју пријавила је да јој је неко узео лозинку.", ["Вен Хаоју"]),
        ("A care worker from Ghana Kwabena Owusu reported the fake recruiter to us on Monday.", ["Kwabena Owusu"]),
    ]

    @Test("Two capitalised words after a preposition of origin and a place are a name", arguments: found)
    func afterOrigin(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notPersons: [String] = [
        // a firm: a capitalised word or a company form follows
        "Roba je stigla iz Nemačke Holz Richter GmbH preko špeditera.",
        // no place before the two words
        "Poruka je stigla iz banke Coinvault Markets sa lažnim logom.",
        // a place word, not a name, second
        "Poziv je došao iz Srbije Novi Sad je naveden kao adresa.",
    ]

    @Test("Not after a place, or followed by a firm's word, is no name", arguments: notPersons)
    func notAfterOrigin(text: String) {
        #expect(Self.persons(text) == [])
    }
}
