import Testing
@testable import LiaisonCore

/// The twentieth round of issue 11: neighbours, flatmates, translators and a name someone gave
/// themselves ("se predstavio kao", "quhej") are cues (`PersonCues`), and one word in
/// lower case after a role or naming word needs a given name's evidence. The texts are written for
/// these tests.
@Suite("PersonNameNamingCue")
struct PersonNameNamingCueTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let named: [(String, [String])] = [
        ("Пакет је донео курир који се представио као Џон Мејсон из Лондона.", ["Џон Мејсон"]),
        ("Ajo u njoh me një burrë që quhej Ah Kow dhe punonte në bankë.", ["Ah Kow"]),
        ("Kupac se predstavio kao Szabó Ákos iz Subotice.", ["Szabó Ákos"]),
        ("My flatmate Kwabena Mensah got the same text.", ["Kwabena Mensah"]),
        ("Prijavu je pomogla napisati komšinica Ebere Okafor.", ["Ebere Okafor"]),
    ]

    @Test("A name after a neighbour, translator or a name given is a person", arguments: named)
    func namedAfterCue(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notNamed: [String] = [
        "Парите ги зеде лице што се претстави како банкарски службеник.",
        "Pozvao ga je čovjek koji se predstavio kao službenik banke.",
        "My flatmate said nothing about the van.",
    ]

    @Test("A role or occupation after a naming word is no person", arguments: notNamed)
    func notNamedAfterCue(text: String) {
        #expect(Self.persons(text) == [])
    }
}
