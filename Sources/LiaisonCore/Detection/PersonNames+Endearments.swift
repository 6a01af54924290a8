/// Words that read as a given name but are the adjective "dear" or a feast (thirty-fourth round).
extension PersonNames {
    /// Drops from `found` a one-word name that is
    /// - the adjective "dear" before a possessive pronoun of the first or second person, in lower case
    ///   or as a vocative (a comma, full stop or line's end after the pronoun): an endearment ("draga
    ///   moja", "dragi moji ne klikćite", "мила моја баба", "Draga moja,"). "Draga", "Dragi" and "Mila"
    ///   are given so often that the gazetteer does not mark them as words; "Mila moja komšinica"
    ///   stays a person, as does any other name before "my" ("Ana moja sestra");
    /// - Ramadan or Bajram after a preposition of time, in the case that preposition governs ("gjatë
    ///   Ramazanit", "tokom Ramazana", "za Bajram", "during Ramadan"): the feast. A man named so takes
    ///   another case there ("za Bajrama", "tokom Ramazanove posjete" is no feast's form).
    ///   `NameEvidence.calendarWords` leaves them out, as the Albanian surnames Ramadani and Bajrami
    ///   would read as their declined forms.
    static func dropEndearmentsAndFeasts(_ p: Bytes, _ reader: NameReader, _ found: inout [FoundName]) {
        var k = found.count
        while k > 0 {
            k -= 1
            let name = found[k]
            guard name.words.count == 1, let (word, _, _) = reader.foldedWord(at: name.start) else { continue }
            if dear.contains(word.hash), p.at(name.end) == 0x20, let (after, end, _) = reader.foldedWord(at: name.end + 1),
               possessives.contains(after.hash), !isUpper(p.scalar(at: name.start).value) || endsPhrase(p, end) {
                found.remove(at: k)
            } else if let before = precedingWord(p, name.start), let (w, _, _) = reader.foldedWord(at: before),
                      let ending = timePrepositions[w.hash], isFeast(word, ending: ending) {
                found.remove(at: k)
            }
        }
    }

    /// "my" and "your" in Bosnian, Croatian, Serbian, Montenegrin and Macedonian.
    private static let possessives = foldedKeys(["moj", "moja", "moje", "moji", "mojot", "mojata", "мои",
                                                 "tvoj", "tvoja", "tvoje", "tvoji", "tvojot", "tvojata", "твои"])

    /// The adjective "dear" in those languages ("draga", "драги", "mila"); not "Mile" or "Drago",
    /// given names first.
    private static let dear = foldedKeys(["drag", "draga", "drage", "dragi", "mila", "mili"])

    /// A comma, full stop, exclamation mark or line's end at `i`.
    private static func endsPhrase(_ p: Bytes, _ i: Int) -> Bool {
        let b = p.at(i)
        return i >= p.count || b == 0x2C || b == 0x2E || b == 0x21 || b == 0x0A
    }

    /// Prepositions of time and the ending the feast takes after each: none ("za Bajram", "пред
    /// Бајрам", "during Ramadan"), the genitive's "-a" ("tokom Ramazana", "uoči Bajrama"), or Albanian
    /// "-it" ("gjatë Ramazanit", "para Bajramit"). Not Turkish, whose postpositions follow the noun.
    private static let timePrepositions: [UInt64: String] = {
        var table: [UInt64: String] = [:]
        for (words, ending) in [(["za", "pred", "за", "пред", "during"], ""), (["tokom", "tijekom", "uoči", "nakon", "током"], "a"),
                                (["gjatë", "para", "pas"], "it")] {
            for key in foldedKeys(words) { table[key] = ending }
        }
        return table
    }()

    /// Ramadan or Bajram with exactly `ending` after it ("Ramazanit", "Bajrama", "Рамазан").
    private static func isFeast(_ word: FoldedWordHash, ending: String) -> Bool {
        let n = ending.utf8.count
        guard word.count >= 6 + n, word.count <= 7 + n, zip(ending.utf8.reversed(), 1...).allSatisfy({ word.byte(fromEnd: $1) == $0 }) else { return false }
        let stem = word.hash(droppingLast: n)
        return feastStems.contains(stem)
    }

    private static let feastStems = foldedKeys(["ramazan", "ramadan", "bajram", "bayram"])

    /// The start of the word one space before `i`, on the same line.
    private static func precedingWord(_ p: Bytes, _ i: Int) -> Int? {
        guard i >= 2, p[i - 1] == 0x20 else { return nil }
        let s = lettersStart(p, endingAt: i - 1)
        return s < i - 1 ? s : nil
    }
}
