import Testing
@testable import LiaisonCore

/// The twenty-third round of issue 11: in a text typed in lower case, a declined given name that is no
/// common word is a person at once when it ends as a Slavic case may and the text does not write
/// Turkish (rule 9, `NameReader.endsInSlavicCase`). The texts are written for these tests.
@Suite("PersonNameLowerCaseDeclined")
struct PersonNameLowerCaseDeclinedTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let declined: [(String, [String])] = [
        ("idem sutra u banku sa gordanom, ona zna šta treba", ["gordanom"]),
        ("јуче сам причала са милошем, и њему стигла порука", ["милошем"]),
        // thirty-fourth round: a given name with the Macedonian article, as chat writes it
        ("дај му го на горанот тоа, тој знае", ["горанот"]),
    ]

    @Test("A declined given name in lower-case chat is a person", arguments: declined)
    func declinedNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notNames: [String] = [
        // An Albanian consonant ending: "linkun" (the link) reads as a declined name.
        "mos e hap linkun qe ma qove, se ka ik edhe paret",
        // Turkish chat without its letters ("lutfen", "zaten"): a Slavic ending reads "linke" as a name.
        "linke tiklama lutfen, zaten sifre istiyor",
        // Thirty-fourth round: the plural "-ovima", to which no one person is declined,
        "ne šalju poruke s linkovima, ne kliktaj ništa",
        "не шаљу поруке са линковима, не кликћи",
        // and a Macedonian noun's article "-от"
        "дали се пријави на стипендијата од линкот што ти го пратија",
    ]

    @Test("An Albanian consonant ending, a Slavic ending in Turkish chat, a plural or an article is no name", arguments: notNames)
    func noNames(text: String) {
        #expect(Self.persons(text) == [])
    }
}
