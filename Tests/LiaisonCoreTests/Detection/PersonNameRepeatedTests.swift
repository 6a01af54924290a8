import Testing
@testable import LiaisonCore

/// The thirteenth round of issue 11: two capitalised words the gazetteer does not know are a name
/// when the text names the person again by one of them alone, before a lower-case word (rule 11,
/// PersonNames+Repeated.swift).
@Suite("PersonNameRepeated")
struct PersonNameRepeatedTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        ("A caller rang Tendai Moyo in Leeds on Monday. Tendai sent £900 before she saw the warning.",
         ["Tendai Moyo", "Tendai"]),
        ("Собата ја изнајмил Кваме Осеи за 400 евра. Осеи подоцна сфатил дека огласот е лажен.",
         ["Кваме Осеи", "Осеи"]),
        ("Iz Nepala je stigao Bikash Tamang, koji je uplatio 2.000 eura. Tamang kaže da agencija ne odgovara.",
         ["Bikash Tamang", "Tamang"]),
        ("İzmir'de yaşayan Kwesi Boateng dün şikâyette bulundu. Boateng parayı havaleyle göndermişti.",
         ["Kwesi Boateng", "Boateng"]),
        ("Nga Gana erdhi Kwabena Owusu dhe pagoi 300 euro. Owusu nuk e mori kurrë banesën.",
         ["Kwabena Owusu", "Owusu"]),
    ]

    @Test("Two unknown capitalised words named again by one of them are a name", arguments: found)
    func repeatedPairIsName(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// Without a lone repetition after the pair before a lower-case word, with a word the text also writes in lower
    /// case (a function word), or with a street word, the pair is not a name.
    static let refused: [(String, [String])] = [
        // neither word in the gazetteer (with a surname it knows, rule 18 reads "Tendai Moyo")
        ("A caller rang Tendai Chinembiri in Leeds on Monday.", []),
        // the lone word comes before the pair only
        ("Harvest season brought the calls. Harvest Mlambo paid £300 that day.", []),
        ("The Guardian reported the fraud first. The paper said nothing more.", []),
        ("They met on Harbour Street in March. Harbour staff called the police.", []),
        ("Уплатата оди преку Вестерн Унион. Вестерн, Унион и банките не одговорија.", []),
    ]

    @Test("A pair without that repetition, or with a common or street word, is not a name", arguments: refused)
    func pairRefused(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
