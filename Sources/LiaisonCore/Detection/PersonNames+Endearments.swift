/// Words that read as a given name but are a term of endearment or a feast (thirty-fourth round).
extension PersonNames {
    /// Drops from `found` a one-word name that is
    /// - a given name that is also a common word, or the adjective "dear", right before a possessive
    ///   pronoun of the first or second person: an endearment or a kin word ("draga moja", "dragi moji
    ///   ne klikćite", "мила моја баба", "sine moj"). "Vesna moja" stays a person (no common word), and
    ///   so does "ana moja" (a word in Turkish only, `turkishWord`, which writes no "moja"). "Draga",
    ///   "Dragi", "Mila" are given so often that the gazetteer does not mark them as words, so "dear"
    ///   is read here by its forms;
    /// - Ramadan or Bajram after a preposition of time ("gjatë Ramazanit", "para Bajramit", "tokom
    ///   Ramazana"): the feast. `NameEvidence.calendarWords` leaves them out, as the Albanian surnames
    ///   Ramadani and Bajrami would read as their declined forms.
    static func dropEndearmentsAndFeasts(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        var k = found.count
        while k > 0 {
            k -= 1
            let name = found[k]
            guard name.words.count == 1, let (word, _, _) = reader.foldedWord(at: name.start) else { continue }
            if let (after, _, _) = p.at(name.end) == 0x20 ? reader.foldedWord(at: name.end + 1) : nil, possessives.contains(after.hash),
               dear.contains(word.hash) || reader.word(at: name.start).map({ $0.evidence.ambiguous && !$0.evidence.turkishWord }) == true {
                found.remove(at: k)
            } else if isFeast(word), let before = precedingWord(p, name.start), let (w, _, _) = reader.foldedWord(at: before),
                      timePrepositions.contains(w.hash) {
                found.remove(at: k)
            }
        }
    }

    /// "my" and "your" in Bosnian, Croatian, Serbian, Montenegrin and Macedonian.
    private static let possessives = foldedKeys(["moj", "moja", "moje", "moji", "moju", "mojot", "mojata", "мои",
                                                 "tvoj", "tvoja", "tvoje", "tvoji", "tvoju", "tvojot", "tvojata", "твои"])

    /// The adjective "dear" in those languages ("draga", "драги", "mila", "мило").
    private static let dear = foldedKeys(["drag", "draga", "drage", "dragi", "drago", "mila", "mile", "mili", "milo"])

    /// Prepositions of time ("during", "before", "after", "until", "for") in the seven languages.
    private static let timePrepositions = foldedKeys([
        "during", "before", "after", "until", "gjatë", "para", "pas", "deri", "tokom", "tijekom", "uoči", "nakon",
        "pred", "posle", "poslije", "do", "za", "за", "пред", "по", "после", "до", "током", "için", "önce", "sonra",
    ])

    /// Ramadan or Bajram, as written or with a case ending of at most three letters ("Ramazanit", "Bajrama").
    private static func isFeast(_ word: FoldedWordHash) -> Bool {
        for stem in feastStems where word.count >= stem.count && word.count <= stem.count + 3 {
            if word.hash(droppingLast: word.count - stem.count) == stem.hash { return true }
        }
        return false
    }

    private static let feastStems: [FoldedWordHash] = ["ramazan", "ramadan", "bajram", "bayram"].map { stem in
        var word = FoldedWordHash()
        for b in stem.utf8 { word.append(b) }
        return word
    }

    /// The start of the word one space before `i`, on the same line.
    private static func precedingWord(_ p: Bytes, _ i: Int) -> Int? {
        guard i >= 2, p[i - 1] == 0x20 else { return nil }
        let s = lettersStart(p, endingAt: i - 1)
        return s < i - 1 ? s : nil
    }
}
