import Testing
@testable import LiaisonCore

/// The thirty-fifth round of issue 11: the strong surname shape "-ić" with a case ending counts its
/// diacritic only on the ending's own "c" (`NameEvidence.surnameShape`); in a text typed in lower case
/// such a surname joins the given name before it only in that name's case (`PersonNames.agreesAsSurname`);
/// and a Turkish genitive of a word is no possessive of a name. The texts are written for these tests.
@Suite("PersonNameSurnameShape")
struct PersonNameSurnameShapeTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static func shape(_ word: String) -> Int {
        var hash = FoldedWordHash()
        let bytes = Array(word.utf8)
        _ = bytes.withUnsafeBufferPointer { NameGazetteer.fold($0, 0..<bytes.count, into: &hash) }
        return NameEvidence.surnameShape(hash)
    }

    @Test("The diacritic makes a declined -ić strong only on the ending's own c")
    func accentOnTheEnding() {
        for surname in ["Petrovića", "Jovanoviću", "Ilićem", "Петровићем", "Kovačević", "Petrovic"] {
            #expect(Self.shape(surname) == 2, "\(surname)")
        }
        for word in ["Članica", "Čokoladicu", "Ćirilica", "Učenicu", "Mitrovica", "Kovačevica"] {
            #expect(Self.shape(word) < 2, "\(word)")
        }
    }

    /// Each capitalised word here was a surname before the round, its č or ć read as the ending's.
    static let accentedNouns: [(String, [String])] = [
        ("Članica komisije Vesna Ilić potvrdila je prijavu.", ["Vesna Ilić"]),
        ("Čokoladicu je kupila u prodavnici, a Milan Perić je platio.", ["Milan Perić"]),
        ("Ćirilica na obrascu nije bila čitljiva.", []),
    ]

    @Test("A capitalised noun with č or ć before its ending is no surname", arguments: accentedNouns)
    func accentedNoun(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let lowerCase: [(String, [String])] = [
        // a surname undeclined, or in the given name's case, joins it
        ("hitno!! neko je napravio lazni profil tijane markovic i trazi pare od svih", ["tijane markovic"]),
        ("poslao sam ivanu nikoliću pare juče, sad ne javlja", ["ivanu nikoliću"]),
        ("ovo je račun od vesne kovačević za struju", ["vesne kovačević"]),
        ("bio sam sa petrom nikolićem kod banke", ["petrom nikolićem"]),
        // not a verb's infinitive, a noun in another case, or a Turkish word in -oğlu
        ("neće jelena stići na vrijeme, kaže da je banka zvala", ["jelena"]),
        ("kupili smo ivani mačića za rođendan", ["ivani"]),
        ("jelena zečića čuva kod kuće", ["jelena"]),
        ("mehmet beyoğlu çok kalabalık bugün diyor", ["mehmet"]),
    ]

    @Test("In lower case a regional surname joins a given name in its case only", arguments: lowerCase)
    func lowerCaseSurname(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// In a text that writes Turkish a word in "-in" is a genitive, a person's only when the word before
    /// the ending is a given name no common word; "-ov", "-ev" stay surnames; Serbian keeps Selina's phone.
    static let genitives: [(String, [String])] = [
        ("Velinin notu: oğlum Yiğit Sarıkaya ve arkadaşı dolandırıldı.", ["Yiğit Sarıkaya"]),
        ("Selinin telefonu kapalı, ulaşamadım.", ["Selinin"]),
        ("Aliyev dün akşam karakola geldi ve şikayetçi oldu.", ["Aliyev"]),
        ("Selinin telefon je ukraden prošle nedelje.", ["Selinin"]),
        ("Selinin telefon je bio isključen, a Ayşe kaže da nije ništa znala.", ["Selinin", "Ayşe"]),
    ]

    @Test("A Turkish genitive of a word is no possessive of a name", arguments: genitives)
    func turkishGenitive(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
