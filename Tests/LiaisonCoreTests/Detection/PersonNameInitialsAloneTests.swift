import Testing
@testable import LiaisonCore

/// The nineteenth round of issue 11: initials alone are a person after an age or a word for
/// initials, before an age in brackets (twenty-third round), or beside a name across "and"
/// (PersonNames+BareInitials.swift); without such a cue they are not. The texts are written for these tests.
@Suite("PersonNameInitialsAlone")
struct PersonNameInitialsAloneTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        ("U Nišu je uhapšen 41-godišnji M. R., osumnjičen za prevaru sa oglasima.", ["M. R."]),
        ("ВО БИТОЛА УАПСЕН 29-ГОДИШЕН В.С. ОСОМНИЧЕН ЗА ИЗМАМА.", ["В.С."]),
        ("Policia arrestoi një 35-vjeçar me inicialet G.H. në Elbasan.", ["G.H."]),
        ("An 82-year-old K. T. lost £3,000 to a caller posing as her bank.", ["K. T."]),
        ("Bursa'da 38 yaşındaki S. K. gözaltına alındı.", ["S. K."]),
        ("Dëmtuarit ishin E. M. dhe Arben Gashi nga Ferizaj.", ["E. M.", "Arben Gashi"]),
        // Twenty-third round: an age in brackets after them, and a word for initials before them
        // when the next sentence opens right after.
        ("Во Тетово приведени се Б. Т. (27) и Л. М. (31) од Гостивар.", ["Б. Т.", "Л. М."]),
        ("Policia e identifikoi me inicialet R.D. Hetimi vazhdon në Fier.", ["R.D."]),
    ]

    @Test("Initials after an age, a word for initials, or beside a name across 'and' are a person", arguments: found)
    func initialsAlone(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notPersons: [String] = [
        "The scam targeted U.S. customers of two banks in 2024.",
        "Firma je registrovana kao S.A. u Ženevi.",
        "P.S. Ne otvarajte prilog iz te poruke.",
        // an age, then a company form
        "Kompanija stara 30 godina, A.D. iz Beograda, prijavila je napad.",
        // a number in brackets that is no age
        "Prema članu 12. st. 3. (2024) zakona, E.U. (1234) propis važi.",
    ]

    @Test("Initials without such a cue are no person", arguments: notPersons)
    func noCue(text: String) {
        #expect(Self.persons(text) == [])
    }
}
