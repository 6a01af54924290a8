import Testing
@testable import LiaisonCore

/// The evidence the ninth round of issue 11 added (Benchmarks/Gazetteer/README.md): the word forms
/// of the Serbo-Croatian and Albanian spelling lists' common nouns that read as a declined given
/// name are flagged, so such a word counts as a given name that is also a common word.
@Suite("PersonNameNouns")
struct PersonNameNounTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    /// Each capitalised word here was read as a declined given name before the round.
    static let declinedNouns: [String] = [
        "UPOZORENJE: Lažne poruke u ime pošte kruže od ponedeljka.",
        "Oštećeni je rekao da su ga zvali iz Beča i tražili uplatu.",
        "Prodavnica je nudila patike Nike po pola cene.",
        "Mashtruesi tha se punonte si mjek në Siri dhe kërkoi para.",
        "Страницата е хостирана во Русија од минатата година.",
    ]

    @Test("A declined common noun is not a person on its own", arguments: declinedNouns)
    func declinedNounAlone(text: String) {
        #expect(Self.persons(text) == [])
    }

    /// Twenty-third round: an Albanian function word or the currency that is also a given name is a
    /// common word ("Brenda", within; "bo", to do; "lek"); so are "Vašom" and "Mbiemri".
    static let albanianFunctionWords: [String] = [
        "Karta u bllokua pas kontrollit. Brenda një ore u tërhoqën 500 euro.",
        "mos u besoni, me bo like paguajne, po asnje lek nuk kthejne",
        // the polite "your" and the surname's column header of a list of people
        "U vezi sa Vašom prijavom od 3. maja, obaveštavamo Vas da je postupak u toku.",
        "Nr. | Emri Mbiemri | Institucioni",
    ]

    @Test("An Albanian function word, a polite 'your' or a list's header that is also a given name is not a person",
          arguments: albanianFunctionWords)
    func albanianFunctionWord(text: String) {
        #expect(Self.persons(text) == [])
    }

    static func evidence(_ word: String) -> NameEvidence {
        var folded: [UInt8] = []
        let bytes = Array(word.utf8)
        _ = bytes.withUnsafeBufferPointer { NameGazetteer.fold($0, 0..<bytes.count, into: &folded) }
        return NameEvidence(folded: folded)
    }

    @Test("The flag is on the noun's declined form, not on names as written or forms of names that are words")
    func flaggedForms() {
        let evidence = Self.evidence
        // "lažne" (false) reads as the given name Lazo with an ending: now a common word
        #expect(evidence("Lažne").given > 0 && evidence("Lažne").ambiguous)
        // "Agimit" reaches Agim, which is itself an Albanian word ("dawn"): the form may be the name's
        #expect(evidence("Agimit").given > 0 && !evidence("Agimit").ambiguous)
        #expect(evidence("Marko").given == 2 && !evidence("Marko").ambiguous)
    }

    /// Albanian's one-consonant endings (-s, -t, -n) follow a vowel, "y" or "j": "i Bledis", "Harryt". After a
    /// consonant the "s" is English ("Lloyds", once read as Lloyd declined) and a "t" or "n" ends
    /// the word itself ("list" was read as Lisa's form).
    @Test("A one-consonant ending is taken off after a vowel, y or j only")
    func oneConsonantEndings() {
        #expect(Self.evidence("Bledis").given == 2 && Self.evidence("Bledis").declined)
        #expect(Self.evidence("Lloyds").given == 0)
        #expect(Self.evidence("list").given == 0)
        #expect(Self.evidence("Harryt").given == 2 && Self.evidence("Harryt").declined)
        #expect(Self.persons("Telefoni i Bledis u fik dje.") == ["Bledis"])
        #expect(Self.persons("We have passed the details to Lloyds and to the police.") == [])
    }

    /// A name whose declined form is also a word of the lists is still found inside a sentence,
    /// after a title, and before a surname.
    static let namesThatAreWords: [(String, [String])] = [
        ("Razgovarali smo sa Markom o prijavi.", ["Markom"]),
        ("Marka Petrovića je banka pozvala juče.", ["Marka Petrovića"]),
        ("Novac je stigao od Marka Petrovića iz Niša.", ["Marka Petrovića"]),
        ("Prijavu je podnela g. Marku Jovanoviću nepoznata osoba.", ["Marku Jovanoviću"]),
    ]

    @Test("A given name whose declined form is also a common noun is still found with a cue or a surname",
          arguments: namesThatAreWords)
    func namesStillFound(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// Possessive adjectives of an -ić surname point at the person and are labelled as the name
    /// (Benchmarks/Evaluation/names/README.md, span rule 3); adjectives in -ički are not names.
    static let possessives: [(String, [String])] = [
        ("Jurkovićev tim je blokirao pristup domenu.", ["Jurkovićev"]),
        ("Dana 3. maja u Stankovićevom stanu pronađen je ruter.", ["Stankovićevom"]),
        ("Према изјави Петровићеве, позивалац је тражио шифру.", ["Петровићеве"]),
        ("Politički i tehnički razlozi su navedeni u izveštaju.", []),
    ]

    @Test("A possessive adjective of an -ić surname is a name", arguments: possessives)
    func possessiveAdjectives(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
