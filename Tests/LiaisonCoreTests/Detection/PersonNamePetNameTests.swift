import Testing
@testable import LiaisonCore

/// The thirty-second round of issue 11: pet names that the gazetteer makes from the opening of a name
/// given often in the South Slavic countries ("Đole", "Sneki", "Zoki";
/// `Benchmarks/Gazetteer/generate-names.py`, `hypocoristics`). They are weak given names
/// (`NameEvidence.petName`): a name alone in a text typed in lower case, inside a sentence, or opening
/// one with a lower-case word right after it; the generator leaves out every form that is a word of
/// Debian's lists of the region's languages, its neighbours' and those of the countries its people work in.
@Suite("PersonNamePetName")
struct PersonNamePetNameTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        // a chat typed in lower case; the declined form once the name was written
        ("tanja: ma znam, đole mi je pisao juče\nnešo: zvala sam đoleta, nije on slao ništa", ["tanja", "đole", "đoleta"]),
        // opening a sentence as its subject, a lower-case word one space after it, and inside one
        ("Sneki je poslala poruku sa nepoznatog broja.", ["Sneki"]),
        ("Ђоле и Зоки су продали украдене телефоне.", ["Ђоле", "Зоки"]),
        ("Prijavu je podneo Zoran Ilić, zvani Zoki, iz Niša.", ["Zoran Ilić", "Zoki"]),
        ("Poruka za Zokija je stigla.", ["Zokija"]),
    ]

    @Test("A pet name made from a regional name is a name", arguments: found)
    func petName(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [(String, [String])] = [
        // forms that Spanish, Italian and English lists have as words or names are no pet names
        ("Hace tres días me llamaron del banco.", []),
        ("Vaca Muerta es una formación de gas.", []),
        ("Sposa je rekla da nije primila poruku.", []),
        ("Cruise on the Nile was offered in a fake travel email.", []),
        // a weak name: not alone before another capitalised word, nor opening a sentence before a comma
        ("Ugostitelj: Sneki Bar, Novi Sad.", []),
        // a surname as written is not read as a declined pet name ("Džeko" is no case of Džeki)
        ("Reprezentacija: Ana Amra Džeko", ["Ana Amra Džeko"]),
    ]

    @Test("Words of other languages, a word before a capitalised one, a surname: no pet name", arguments: notFound)
    func notPetName(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
