import Testing
@testable import LiaisonCore

/// The evidence the eleventh round of issue 11 added (NameEvidence+Possessives.swift): a possessive
/// adjective of a given name or surname (-ov/-ev/-in, declined; Macedonian with its article) before
/// the noun it qualifies names the person, with its ending inside the span, even opening a sentence.
@Suite("PersonNamePossessives")
struct PersonNamePossessiveTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        // Serbian, Croatian, Bosnian, Montenegrin (Latin): -ov, -ova, -ovim, -in
        ("Dragutinov sin je platio 300 evra za lažni paket.", ["Dragutinov"]),
        ("Zvonimirova supruga primila je lažni SMS o dostavi.", ["Zvonimirova"]),
        ("Policija je razgovarala s Edinovim bratom o uplati.", ["Edinovim"]),
        ("Na Jelenin račun stiglo je 40 eura iz nepoznatog izvora.", ["Jelenin"]),
        // Serbian (Cyrillic)
        ("Душанова мајка је звала банку истог дана.", ["Душанова"]),
        // Macedonian: with the definite article
        ("Горановиот профил бил хакиран минатата недела.", ["Горановиот"]),
        ("Трајчевата ќерка ја пријави измамата.", ["Трајчевата"]),
    ]

    @Test("A possessive adjective of a name before its noun is the person", arguments: found)
    func possessiveFound(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// Not a person: the possessive of a given name that is also a common word ("vuk", wolf) opening a
    /// sentence, a word that is no possessive of a name.
    static let refused: [String] = [
        "Vukova ulica je zatvorena zbog radova.",
        "Ova poruka nije poslata iz banke.",
        "Novinov članak o prevari objavljen je juče.",
    ]

    @Test("The possessive of a name that is a common word, or a word that is no name's possessive, is no person", arguments: refused)
    func possessiveRefused(text: String) {
        #expect(Self.persons(text) == [])
    }

    @Test("The possessive reading is kept apart from names as written")
    func possessiveEvidence() {
        func evidence(_ word: String) -> NameEvidence {
            var folded: [UInt8] = []
            let bytes = Array(word.utf8)
            _ = bytes.withUnsafeBufferPointer { NameGazetteer.fold($0, 0..<bytes.count, into: &folded) }
            return NameEvidence(folded: folded)
        }
        #expect(evidence("Dragutinov").possessive && evidence("Dragutinov").given == 2)
        #expect(evidence("Горановиот").possessive)
        #expect(!evidence("Dragutin").possessive && !evidence("Marina").possessive)
    }
}

/// Turkish case suffixes written on a given name without the apostrophe, as lower-case chat writes
/// them (eleventh round): read only in a text typed in lower case that has a letter of Turkish alone,
/// and only on a given name that is not also a common word.
@Suite("PersonNameTurkishChat")
struct PersonNameTurkishChatTests {
    static let texts: [(String, [String])] = [
        ("selam, tuğçenin kartından 2 bin lira çekilmiş.\nbugün bankayı aradık.", ["tuğçenin"]),
        ("dün selinle konuştum, linke tıklamış.\nben de aldım o mesajı.", ["selinle"]),
        // a given name that is also a common word ("ezgi", a tune) is not read so, unless the word after it
        // is one only a person has (thirty-fifth round: her card)
        ("selam, ezginin sözleri çok güzel, dinledin mi.\nbugün bankayı aradık.", []),
        ("selam, ezginin kartından 2 bin lira çekilmiş.\nbugün bankayı aradık.", ["ezginin"]),
        // the same words in a chat without a Turkish letter, and a Slavic verb that would read as Stig + -la
        ("jel ti stigla poruka od pošte?\nmeni stigla juče.", []),
    ]

    @Test("A given name with a Turkish case suffix in lower-case Turkish chat", arguments: texts)
    func suffixedNames(text: String, names: [String]) {
        #expect(PersonNameTests.persons(text) == names)
    }
}
