import Testing
@testable import LiaisonCore

/// Two names joined by "and", "i", "и", "dhe", "ve": the second is a name written as the first is, with a
/// given name the gazetteer knows, although it lacks the other word (PersonNames+Coordinated.swift); not a
/// firm, a place or a title after "and".
@Suite("People's names: a name joined to a name by 'and'")
struct PersonNameCoordinatedTests {
    static let joined: [(String, [String])] = [
        ("T20251188  R v MWANGI Peter and RUTHERFORD Leanne  Conspiracy to defraud", ["MWANGI Peter", "RUTHERFORD Leanne"]),
        ("обвинети ЛЕВЕНТ ОСМАН и ЌЕМАЛ ОСМАН  перење пари", ["ЛЕВЕНТ ОСМАН", "ЌЕМАЛ ОСМАН"]),
        // not a firm, a place, a title in capitals, nor a title before a name (found as a name of its own)
        ("Uplatu su primili Marko Petrović i Ana Trade d.o.o. iz Niša.", ["Marko Petrović"]),
        ("The page copied Marko Petrović and The Guardian yesterday.", ["Marko Petrović"]),
        ("He called Marko Petrović and New York later.", ["Marko Petrović"]),
        ("Marko Petrović and Banja Luka were named.", ["Marko Petrović"]),
        ("Ana Kovač and Dr Patel met.", ["Ana Kovač", "Patel"]),
    ]

    @Test("A name joined to a name is written as it is", arguments: joined)
    func coordinated(text: String, names: [String]) {
        #expect(PersonNameTests.persons(text) == names)
    }
}
