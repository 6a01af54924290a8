import Testing
@testable import LiaisonCore

/// The seventeenth round of issue 11: two names found one space apart on a line are one name of up
/// to four words, read in two pieces because a word in the middle is weak or unknown
/// (PersonNames+Spans.swift, `joinAdjacentNames`). Names apart by a comma, a conjunction or a line
/// break stay two. The eighteenth round: a surname after a middle initial.
@Suite("PersonNameAdjacent")
struct PersonNameAdjacentTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let joined: [(String, [String])] = [
        ("Jedan od njih, Trinh Van Khoa, prijavio je da mu je skinut novac.", ["Trinh Van Khoa"]),
        ("Afgan Ahmad Zia Noori, göçmen danışmanı olduğunu söyleyen birine para gönderdi.", ["Ahmad Zia Noori"]),
    ]

    @Test("Two pieces of one name, one space apart, are one span", arguments: joined)
    func join(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let apart: [(String, [String])] = [
        ("Prisutni: Marko Petrović, Ana Jovanović i Zoran Ilić.", ["Marko Petrović", "Ana Jovanović", "Zoran Ilić"]),
        ("Svjedoci su Marko Petrović i Ana Jovanović.", ["Marko Petrović", "Ana Jovanović"]),
        ("Marko Petrović\nAna Jovanović\nSektor za visokotehnološki kriminal", ["Marko Petrović", "Ana Jovanović"]),
    ]

    @Test("Names apart by a comma, a conjunction or a line break stay two", arguments: apart)
    func twoNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A name read up to a middle initial takes the surname after it (`surnameAfterInitial`): one
    /// of regional shape, or one in capitals the gazetteer lacks in a name in capitals; not a place.
    static let afterInitial: [(String, [String])] = [
        ("Të pranishëm: GENTIAN R. KOPALLI (i pandehur) dhe avokati i tij.", ["GENTIAN R. KOPALLI"]),
        ("Zapisnik je potpisala Snežana D. Obradović, referent.", ["Snežana D. Obradović"]),
        ("IZJAVU JE DAO DRAGAN P. BEOGRAD, 12. MART", ["DRAGAN P."]),
    ]

    @Test("A name read up to a middle initial takes the surname after it", arguments: afterInitial)
    func surnameAfterInitial(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
