import Testing
@testable import LiaisonCore

/// Two names joined by "and", "i", "и", "dhe", "ve": the second is a name written as the first is, although
/// the gazetteer knows only one of its words (PersonNames+Coordinated.swift); not a firm or a title after "and".
@Suite("People's names: a name joined to a name by 'and'")
struct PersonNameCoordinatedTests {
    static let joined: [(String, [String])] = [
        ("T20251188  R v MWANGI Peter and RUTHERFORD Leanne  Conspiracy to defraud", ["MWANGI Peter", "RUTHERFORD Leanne"]),
        ("обвинети ЛЕВЕНТ ОСМАН и ЌЕМАЛ ОСМАН  перење пари", ["ЛЕВЕНТ ОСМАН", "ЌЕМАЛ ОСМАН"]),
        ("OKRIVLJENI: LULGJURAJ GJERGJ I IVEZAJ PRENDA   PRANJE NOVCA", ["LULGJURAJ GJERGJ", "IVEZAJ PRENDA"]),
        // not a firm, nor a title in capitals
        ("Uplatu su primili Marko Petrović i Ana Trade d.o.o. iz Niša.", ["Marko Petrović"]),
        ("The page copied Marko Petrović and The Guardian yesterday.", ["Marko Petrović"]),
    ]

    @Test("A name joined to a name is written as it is", arguments: joined)
    func coordinated(text: String, names: [String]) {
        #expect(PersonNameTests.persons(text) == names)
    }
}
