import Testing
@testable import LiaisonCore

/// The sixteenth round of issue 11: where a name found starts and stops. A surname particle and the
/// word after it, a line's first word before a name word and an office in brackets
/// (PersonNames+Spans.swift), a given name that is also a place across a line break, a signature line
/// over a name found inside it, streets named after a person.
@Suite("PersonNameParticle")
struct PersonNameParticleTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        ("Prisutni su bili Marko Petrović i Caspar von Hellfeld iz Berlina.", ["Marko Petrović", "Caspar von Hellfeld"]),
        ("Prijavu je podnio Ahmed al-Rashidi, student iz Sarajeva.", ["Ahmed al-Rashidi"]),
        ("Пријаву је поднео Халид ал-Масри из Београда.", ["Халид ал-Масри"]),
        ("The report names Tomás Ó Murchú as the account holder.", ["Tomás Ó Murchú"]),
        ("The report names Pieter van der Berg as the account holder.", ["Pieter van der Berg"]),
        ("The call was logged.\nCadfael Bevan (Dyfed-Powys Police) took the statement.", ["Cadfael Bevan"]),
        ("Разговорот го водеше\nКатерина\nДимовска", ["Катерина\nДимовска"]),
        ("Faleminderit.\nMe nderime,\nMrika Pepa\nSekretaria e Prokurorisë", ["Mrika Pepa"]),
    ]

    @Test("A particle and surname end a name found; a line's first word before an office, a place that is a given name before a surname on the next line, and a signature line start it",
          arguments: found)
    func spans(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A particle before a word in lower case or an organisation word, or alone, adds nothing; a line's
    /// first word before a name with no office in brackets is a greeting or a noun as often; a given name
    /// that is also a place does not join a declined surname after a comma; a street word after a name
    /// makes a street.
    static let notFound: [(String, [String])] = [
        ("Marko Petrović von hier aus.", ["Marko Petrović"]),
        ("Prijavu je podnio Ahmed al-Jazeera Bank.", ["Ahmed"]),
        ("Здраво Милане,\nпровери ја сметката.", ["Милане"]),
        ("Девојчица Невена (12) играла је Роблокс.", ["Невена"]),
        ("The call was logged.\nCadfael Bevan (12) took the statement.", ["Bevan"]),
        ("Oštećeni: Sead Kurtović, Goražde\nKurtoviću je ponuđena investicija.", ["Sead Kurtović", "Kurtoviću"]),
        ("The invoice gave an office on Rosa Parks Way in Birmingham.", []),
        ("Kartu možete preuzeti u poslovnici na Marijin Dvoru.", []),
    ]

    @Test("Not part of a name: a particle before lower case or an organisation, a line's first word without an office, a place before a declined surname, a street",
          arguments: notFound)
    func spansLeftOut(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
