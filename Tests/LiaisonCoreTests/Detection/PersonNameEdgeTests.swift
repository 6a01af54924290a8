import Testing
@testable import LiaisonCore

/// The twentieth round of issue 11: where a name found starts and stops (PersonNames+Spans.swift).
/// A surname found alone takes its initials, a name of two words the given name before it, a given
/// name found alone the surname in capitals opening a list's line, and a name stops before its first
/// word again. A short given name named again in another case shares its stem of three letters
/// (`NameEvidence.stem`), and a surname found is found again as a possessive adjective or a wife's
/// name (`NameEvidence.possessiveBaseStems`). The texts are written for these tests.
@Suite("PersonNameEdge")
struct PersonNameEdgeTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let extended: [(String, [String])] = [
        ("Present:\nCarys Lloyd (Gwent Police)\nZ. Patel (UK Finance)", ["Carys Lloyd", "Z. Patel"]),
        ("Prisutni na sastanku:\nEdin Nermin Hodžić, Lejla Hadžić", ["Edin Nermin Hodžić", "Lejla Hadžić"]),
        ("Dëshmitarët:\n1. GJONBALAJ Fatbardha\n2. Ardit Krasniqi", ["GJONBALAJ Fatbardha", "Ardit Krasniqi"]),
        ("Liridona Ajeti – KOS-CERT\nGJONBALAJ Fatbardha – Banka Qendrore", ["Liridona Ajeti", "GJONBALAJ Fatbardha"]),
    ]

    @Test("A name found takes its initials, a given name before it, or a surname in capitals opening a list's line", arguments: extended)
    func extendedNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notExtended: [(String, [String])] = [
        // A kin word before a name is a cue, not a given name ("Baki" is one in Turkish).
        ("Baki Milici Jovanović iz Pančeva javio se lažni unuk.", ["Milici Jovanović"]),
        // A line's first word in capitals, without a list's marker or an office after the name, is a heading.
        ("HITNO Marko, javi se odmah", ["Marko"]),
        ("URGENT Sarah, call me back", ["Sarah"]),
        // The first word again opens the next phrase: a name of a feast or month.
        ("Zanlı Ramazan Öztürk Ramazan ayı boyunca sahte kampanyalar yürüttü.", ["Ramazan Öztürk"]),
    ]

    @Test("A cue, a heading in capitals, or the first word again is not taken into the name", arguments: notExtended)
    func notExtendedNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let shortNamesAgain: [(String, [String])] = [
        ("Razgovarali smo sa Lukom Bečićem iz Kolašina. Luka je karticu odmah blokirao.", ["Lukom Bečićem", "Luka"]),
        ("Пријаву је поднела Вера Костић из Ниша. Вери је порука стигла у понедељак.", ["Вера Костић", "Вери"]),
        ("Ankesën e bëri Lule Berisha nga Prizreni. Lulja thotë se faqja dukej e vërtetë.", ["Lule Berisha", "Lulja"]),
    ]

    @Test("A short given name named again in another case is the person again", arguments: shortNamesAgain)
    func shortNameAgain(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    @Test("A word sharing only three letters and a consonant with a name is not that name again")
    func consonantAfterThreeLetters() {
        #expect(Self.persons("Şüpheli Ebru Sahin bu numarayı kullandı. Sahte sayfa kapatıldı.") == ["Ebru Sahin"])
    }

    static let possessivesAgain: [(String, [String])] = [
        ("Saslušan je Dragan Kostur iz Sombora. Kosturova supruga je platila 300 evra.", ["Dragan Kostur", "Kosturova"]),
        ("Prijavu je podnela Milena Stanković iz Valjeva. Stankovićka je uplatila novac preko pošte.", ["Milena Stanković", "Stankovićka"]),
        ("Пријаву је поднео Радослав Бркић из Чачка. Бркићка је касније позвала банку.", ["Радослав Бркић", "Бркићка"]),
    ]

    @Test("A surname found is found again as a possessive adjective or a wife's name", arguments: possessivesAgain)
    func possessiveAgain(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    @Test("A possessive of a surname no name found holds is not taken on its stem alone")
    func possessiveOfNobody() {
        #expect(Self.persons("Kosturova supruga je platila 300 evra.") == [])
    }
}
