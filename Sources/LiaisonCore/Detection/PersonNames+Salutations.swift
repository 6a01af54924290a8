/// Words that read as a given name but are the adjective "dear", "good" in a greeting, or a feast
/// (thirty-fourth round).
extension PersonNames {
    /// Drops from `found` a name of one word (two for a greeting) that is
    /// - the adjective "dear" before a possessive pronoun of the first or second person that agrees
    ///   with it, in lower case, or opening a sentence as a vocative (a comma or the line's end after
    ///   the pronoun): an endearment ("draga moja", "dragi moji ne klikćite", "мила моја баба",
    ///   "Draga moja,"). "Draga", "Dragi" and "Mila" are given so often that the gazetteer does not
    ///   mark them as words; "javila Mila moja." and "Mila moja drugarica" stay people, as does any
    ///   other name before "my" ("Ana moja sestra"), and Albanian "Mila moj," ("moj" addresses a woman);
    /// - that pronoun itself after "dear", which a greeting's rule takes for an addressee ("Dragi moji,");
    /// - "good" and a time of day, either word: a greeting ("Dobro veče", "Добро утро", "Dobar Dan";
    ///   "Dobro" reads as a declined given name, and after a chat's "Name: " it does not open a sentence;
    ///   "Dan" is a given name);
    /// - Ramadan or Bajram after a preposition of time, in the case that preposition governs ("gjatë
    ///   Ramazanit", "tokom Ramazana", "za Bajram", "during Ramadan"): the feast. A man named so takes
    ///   another case there ("za Bajrama"). Not after Albanian "para" or "pas" ("money" and "behind"
    ///   as well: "I dërgova para Bajramit"), nor Cyrillic "за" or "пред" (Macedonian has no cases), nor
    ///   "nakon" ("nakon Bajrama je došao"). `NameEvidence.calendarWords` leaves the feasts out, as the
    ///   Albanian surnames Ramadani and Bajrami would read as their declined forms.
    static func dropSalutationsAndFeasts(_ p: Bytes, _ reader: NameReader, _ found: inout [FoundName]) {
        var dropped: [Int] = []  // taken out in one pass at the end: linear however many a text repeats
        for (k, name) in found.enumerated() {
            // Every name these tests drop opens with d, m, r or b ("dobro", "Dan", "draga", "moji", "Ramazan",
            // "Bajram"): most names end here, before a word is folded.
            let c = initial(p, name.start)
            guard name.words.count <= 2, c == 0x64 || c == 0x6D || c == 0x72 || c == 0x62,
                  let (word, _, _) = reader.foldedWord(at: name.start) else { continue }
            let beforeStart = previousWord(p, name.start)  // PersonNames+Lists.swift
            let before = beforeStart.flatMap { reader.foldedWord(at: $0) }
            if greets(word, after: name.words[0].upperBound, p, reader) || before.map({ good[$0.0.hash]?.contains(word.hash) == true }) == true {
                dropped.append(k)  // "Dobro veče", "Dobar Dan", and "Dan" in "Dobar Dan, Ivane"
                continue
            }
            guard name.words.count == 1 else { continue }
            if let agreeing = dear[word.hash], p.at(name.end) == 0x20, let (after, end, _) = reader.foldedWord(at: name.end + 1),
               agreeing.contains(after.hash),
               !isUpper(p.scalar(at: name.start).value) || opensSentence(p, name.start) && endsVocative(p, end) {
                dropped.append(k)
            } else if let (w, _, _) = before, dear[w.hash]?.contains(word.hash) == true {
                dropped.append(k)
            } else if let (w, _, _) = before, let ending = timePrepositions[w.hash], isFeast(word, ending: ending),
                      ending != "" || p[beforeStart!] < 0x80 {  // no bare form after Cyrillic "за", "пред"
                dropped.append(k)
            }
        }
        guard !dropped.isEmpty else { return }
        let gone = Set(dropped)
        found = found.indices.filter { !gone.contains($0) }.map { found[$0] }
    }

    /// The adjective "dear" in those languages ("draga", "драги", "mila"; not "Mile" or "Drago", given
    /// names first), each with the possessives "my" and "your" that agree with it.
    private static let dear: [UInt64: Set<UInt64>] = {
        let feminine = foldedKeys(["moja", "tvoja", "mojata", "tvojata"])
        let masculine = foldedKeys(["moj", "moji", "mojot", "мои", "tvoj", "tvoji", "tvojot", "твои"])
        let plural = foldedKeys(["moje", "moji", "tvoje", "tvoji"])
        var table: [UInt64: Set<UInt64>] = [:]
        for (words, agreeing) in [(["draga", "mila"], feminine), (["drag", "dragi", "mili"], masculine), (["drage"], plural)] {
            for key in foldedKeys(words) { table[key] = agreeing }
        }
        return table
    }()

    /// "Good" in the greetings of those languages, each with the times of day it greets ("dobro jutro",
    /// "dobar dan", "добро вече", "добар ден").
    private static let good: [UInt64: Set<UInt64>] = {
        var table: [UInt64: Set<UInt64>] = [:]
        for (words, times) in [(["dobro", "добро"], ["jutro", "veče", "večer", "утро", "вече", "вечер"]),
                               (["dobar", "добар"], ["dan", "večer", "ден", "дан"])] {
            for key in foldedKeys(words) { table[key] = foldedKeys(times) }
        }
        return table
    }()

    /// The first letter at `i` in lower case, d, m, r or b also for its Cyrillic letter; 0 for another
    /// letter beyond ASCII.
    private static func initial(_ p: Bytes, _ i: Int) -> UInt8 {
        let b = p[i]
        if b < 0x80 { return b | 0x20 }
        switch (b, p.at(i + 1)) {
        case (0xD0, 0x94), (0xD0, 0xB4): return 0x64  // Д д
        case (0xD0, 0x9C), (0xD0, 0xBC): return 0x6D  // М м
        case (0xD0, 0xA0), (0xD1, 0x80): return 0x72  // Р р
        case (0xD0, 0x91), (0xD0, 0xB1): return 0x62  // Б б
        default: return 0
        }
    }

    /// `word` is "good" and a time of day it greets follows it at `e` after one space.
    private static func greets(_ word: FoldedWordHash, after e: Int, _ p: Bytes, _ reader: NameReader) -> Bool {
        guard let times = good[word.hash], p.at(e) == 0x20, let (after, _, _) = reader.foldedWord(at: e + 1) else { return false }
        return times.contains(after.hash)
    }

    /// A comma or the line's end at `i`.
    private static func endsVocative(_ p: Bytes, _ i: Int) -> Bool {
        let b = p.at(i)
        return i >= p.count || b == 0x2C || b == 0x0A || b == 0x0D
    }

    /// Prepositions of time and the ending the feast takes after each: none ("za Bajram", "during
    /// Ramadan"), the genitive's "-a" ("tokom Ramazana", "uoči Bajrama"), or Albanian "-it" ("gjatë
    /// Ramazanit"). Not Turkish, whose postpositions follow the noun.
    private static let timePrepositions: [UInt64: String] = {
        var table: [UInt64: String] = [:]
        for (words, ending) in [(["za", "pred", "during"], ""), (["tokom", "tijekom", "uoči", "током"], "a"), (["gjatë"], "it")] {
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
}
