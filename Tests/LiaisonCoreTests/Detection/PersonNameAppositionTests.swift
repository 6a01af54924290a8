import Testing
@testable import LiaisonCore

/// The twenty-first round of issue 11: a name set off by commas after a kin or role word a few words
/// before it (PersonNames+Appositions.swift). The texts are written for these tests.
@Suite("PersonNameApposition")
struct PersonNameAppositionTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let named: [(String, [String])] = [
        ("His sister in Slough, Kasia, asked us to pass the report on.", ["Kasia"]),
        ("Nipi i vërtetë, Kejdi, ishte në atë kohë në Bolonjë.", ["Kejdi"]),
        ("Her grandson in Leeds, Tobiah Quarm, never called her that week.", ["Tobiah Quarm"]),
    ]

    @Test("A name between commas after a kin or role word is a person, though no list holds it", arguments: named)
    func found(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notNamed: [String] = [
        // An organisation word between the cue and the comma.
        "The victim's bank, Monzo, froze the account on Monday.",
        // A list goes on after the comma.
        "His sister moved from Slough, Reading, and later to the coast.",
        // No cue in the clause.
        "The parcel came from Slough, Kasia, they said.",
    ]

    @Test("No cue before it, an organisation word between, or a list: no person", arguments: notNamed)
    func notFound(text: String) {
        #expect(Self.persons(text) == [])
    }
}
