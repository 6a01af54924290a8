/// A given name that is also a common word, alone right before a possessive pronoun of the first or
/// second person, is that word: an endearment or a kin word, addressed or spoken of ("draga moja",
/// "dragi moji ne klikćite", "мила моја баба", "sine moj"). "Ana moja" stays a person: Ana is no
/// common word. "Draga", "Dragi", "Mila", "Mile" are names given so often that the gazetteer does
/// not mark them as words (`lowerCaseWord`); as the adjective "dear" they are read here by their forms.
extension PersonNames {
    static func dropEndearments(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        var k = found.count
        while k > 0 {
            k -= 1
            let name = found[k]
            let b = p.at(name.end + 1), c = p.at(name.end + 2)  // m, t, м, т: most names end the test here
            guard b == 0x6D || b == 0x74 || b == 0xD0 && c == 0xBC || b == 0xD1 && c == 0x82 else { continue }
            guard name.words.count == 1, p.at(name.end) == 0x20, let pronoun = foldedWord(p, at: name.end + 1),
                  possessivePronouns.contains(pronoun), let word = reader.word(at: name.start) else { continue }
            if word.evidence.ambiguous || foldedWord(p, at: name.start).map(dear.contains) == true {
                found.remove(at: k)
            }
        }
    }

    /// "my" and "your" in Bosnian, Croatian, Serbian, Montenegrin and Macedonian, folded (either script):
    /// "moja", "мојот", "мои", "tvoje".
    private static let possessivePronouns: Set<[UInt8]> = Set(["moj", "moja", "moje", "moji", "moju", "mojot", "mojata", "moi",
        "tvoj", "tvoja", "tvoje", "tvoji", "tvoju", "tvojot", "tvojata", "tvoi"].map { Array($0.utf8) })

    /// The adjective "dear" in those languages, folded: "draga", "драги", "mila", "мило".
    private static let dear: Set<[UInt8]> = Set(["drag", "draga", "drage", "dragi", "drago", "mila", "mile", "mili", "milo"].map { Array($0.utf8) })

    /// The folded word of at most eight letters at `i`, or nil (a longer word, a letter without a fold).
    private static func foldedWord(_ p: Bytes, at i: Int) -> [UInt8]? {
        let e = lettersEnd(p, from: i)
        guard e > i, e - i <= 16 else { return nil }
        var word: [UInt8] = []
        guard NameGazetteer.fold(p, i..<e, into: &word), word.count <= 8 else { return nil }
        return word
    }
}
