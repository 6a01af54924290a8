/// A name before the Turkish word that says it is one (thirty-sixth round of issue 11): Turkish
/// writes "named" after the name, and a word for a person after that: "Kadir Erkuş adlı şahsa",
/// "\"Oğuz\" adlı birine", "Agop Kasapyan adında bir kuyumcuyu", "KORAY ADLI GENCE", "Umut isimli
/// bir kişi". The words before the naming word are a name though the gazetteer lacks them or they
/// are common words ("Umut", "Tuna"). Not before a thing ("Papara adlı uygulama", "\"Kripto Kazanç\"
/// adlı siteye"): the word after must be one for a person. Nor "X adını kullanan" ("using the name
/// X"), which a brand's name takes as often ("Türk Telekom adını kullanan dolandırıcılar").
extension PersonNames {
    /// "named", folded: "adlı", "adında", "isimli", "ismindeki".
    private static let namingWords = HashedWords("adli adinda isimli ismindeki")

    /// "a", folded: "adlı bir kişi".
    private static let indefinite = HashedWords("bir")

    /// "someone" in its cases, folded.
    private static let someone = HashedWords("biri birine birini birinin birisi birisine birisini birisinin biriyle birisiyle")

    /// Openings of Turkish words for a person, folded: a person, man, woman, young man, girl, boy,
    /// suspect, customer, friend, child, pupil, and the trades a fraud's go-between claims ("avukat",
    /// "kuyumcu", "polis", "savcı", "görevli").
    private static let personWords: [[UInt8]] = [
        "sahis", "sahs", "kisi", "adam", "kadin", "erkek", "genc", "kiz", "oglan", "delikanli", "supheli", "musteri",
        "arkadas", "cocug", "cocuk", "ogrenci", "kuyumcu", "avukat", "memur", "polis", "savci", "doktor", "asker",
        "komiser", "gorevli", "temsilci", "yetkili", "danisman", "calisan", "satici", "kurye",
    ].map { Array($0.utf8) }

    /// Adds each name before a naming word and a word for a person; a name found inside it gives way,
    /// and its words leave `capitalised`.
    static func namesBeforeNamingWords(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var names: [FoundName] = []
        var taken: [Range<Int>] = []  // the names and their naming words, which no name overlaps ("adında" as a case of "Adin")
        for e in capitalised.map({ lettersEnd(p, from: $0) }) + found.map(\.end) {
            guard let (name, naming) = namedBefore(e, p, &reader) else { continue }
            names.append(name)
            taken += [name.range, naming]
        }
        guard !names.isEmpty else { return }
        found.removeOverlapping(taken)
        found.append(contentsOf: names)
        forget(wordsOf: names, in: &capitalised)
    }

    /// The name whose last word ends at `e`, and the naming word after it (after a closing quotation
    /// mark if the name is quoted), when a word for a person follows.
    private static func namedBefore(_ e: Int, _ p: Bytes, _ reader: inout NameReader) -> (FoundName, Range<Int>)? {
        let quote = closingQuoteLength(p, e)
        let space = e + quote
        // The cheap test first: one space and the letter a naming word opens with ("a", "i", "İ").
        guard p.at(space) == 0x20, case let c = p.at(space + 1), c | 0x20 == 0x61 || c | 0x20 == 0x69 || c == 0xC4,
              let (naming, namingEnd, _) = reader.foldedWord(at: space + 1), namingWords.contains(naming.hash),
              personFollows(namingEnd, p, &reader) else { return nil }
        let s = lettersStart(p, endingAt: e, above: max(0, e - 48))
        guard s < e, let last = reader.word(at: s), last.range.upperBound == e, isNamed(last, p) else { return nil }
        var words = [last]
        // Earlier words: inside the quotation marks, or capitalised as the last word is, with the
        // gazetteer's evidence (in capitals the words before a name go on: "TANITAN KADİR ERKUŞ"),
        // or the gazetteer lacks them but they open no sentence ("İstanbul'dan Agop Kasapyan").
        while words.count < 3, reader.openingQuote(before: words[0].range.lowerBound) == 0 {
            let first = words[0].range.lowerBound
            guard first >= 2, p[first - 1] == 0x20, case let b = lettersStart(p, endingAt: first - 1, above: max(0, first - 49)),
                  b < first - 1, let w = reader.word(at: b), w.range.upperBound == first - 1, w.shape == last.shape, !w.suffixed, isNamed(w, p),
                  quote > 0 || !w.evidence.isUnknown || (w.shape == .capitalised && !opensSentence(p, b)) else { break }
            words.insert(w, at: 0)
        }
        if quote > 0 && reader.openingQuote(before: words[0].range.lowerBound) == 0 { return nil }  // a quotation longer than a name
        return (FoundName(words: words.map(\.range), stems: words.map(\.stem), detector: "person-named"), (space + 1)..<namingEnd)
    }

    /// A word a name may hold: capitalised or in capitals, no case suffix, no organisation, office,
    /// institution, place (unless also a given name) or cue.
    private static func isNamed(_ w: NameReader.Word, _ p: Bytes) -> Bool {
        let v = w.evidence
        return (w.shape == .capitalised || w.shape == .allCaps) && !w.suffixed && !v.organisation && !v.institution
            && !v.postTitle && (!v.place || v.given > 0) && PersonCues.end(p, at: w.range.lowerBound) == nil
    }

    /// One space after `e` and a word for a person, or "bir" and one: "şahsa", "bir kişi", "birine".
    private static func personFollows(_ e: Int, _ p: Bytes, _ reader: inout NameReader) -> Bool {
        guard p.at(e) == 0x20, var (next, end, _) = reader.foldedWord(at: e + 1) else { return false }
        var start = e + 1
        if indefinite.contains(next.hash), p.at(end) == 0x20, let after = reader.foldedWord(at: end + 1) {
            start = end + 1
            (next, end, _) = after
        }
        if someone.contains(next.hash) { return true }
        var folded: [UInt8] = []
        guard NameGazetteer.fold(p, start..<end, into: &folded) else { return false }
        return personWords.contains { folded.starts(with: $0) }
    }

    /// The length of a closing quotation mark at `e`: '"', '”', '“' or '»'; 0 for none.
    private static func closingQuoteLength(_ p: Bytes, _ e: Int) -> Int {
        if p.at(e) == 0x22 { return 1 }
        if p.at(e) == 0xC2 && p.at(e + 1) == 0xBB { return 2 }
        return p.at(e) == 0xE2 && p.at(e + 1) == 0x80 && (p.at(e + 2) == 0x9C || p.at(e + 2) == 0x9D) ? 3 : 0
    }
}
