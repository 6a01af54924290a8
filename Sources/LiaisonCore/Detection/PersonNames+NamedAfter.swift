/// A name before the Turkish word that says it is one (thirty-sixth round of issue 11): Turkish
/// writes "named" after the name, and a word for a person after that: "Kadir Erkuş adlı şahsa",
/// "\"Oğuz\" adlı birine", "Agop Kasapyan adında bir kuyumcuyu", "KORAY ADLI GENCE", "Umut isimli
/// bir kişi", "Kerem adlı 17 yaşındaki genç". The words before the naming word, up to four, are a
/// name though the gazetteer lacks them or they are common words ("Umut", "Tuna").
///
/// Not before a thing ("Papara adlı uygulama", "\"Kripto Kazanç\" adlı siteye"): the word after
/// must be one for a person, whole or with a case ending ("şahsa", "kişinin"), not a longer word it
/// opens ("gençlik", "kişisel", "polisiye"). Words that also qualify a thing need their case ending
/// ("polise", not "polis karakoluna"; "kadına", not "kadın sığınağına"), and a jeweller or seller a
/// name of two words or a given name ("Atasay adlı kuyumcudan" is a shop). Nor the last words of a
/// longer title ("Arka Sokaklar adlı polisiye", "Küçük Prens adlı çocuk kitabı"), nor an office before
/// the name ("Emniyet Müdürü Kadir Erkuş adlı"), nor "X adını kullanan" ("using the name X"), which a
/// brand's name takes as often ("Türk Telekom adını kullanan dolandırıcılar"). A name found already
/// that holds the words ("Ayşe Nur Gül Yılmaz adlı") stays as it is.
extension PersonNames {
    /// "named", folded: "adlı", "adında", "adındaki", "isimli", "isminde", "ismindeki".
    private static let namingWords = HashedWords("adli adinda adindaki isimli isminde ismindeki")

    /// "a", as written and as chat writes it, folded.
    private static let indefinite = HashedWords("bir bi")

    /// "someone" in its cases, folded.
    private static let someone = HashedWords("biri birine birini birinin birisi birisine birisini birisinin biriyle birisiyle")

    /// How a word for a person may follow a naming word.
    private enum PersonWord {
        case noun      // whole or with a case ending: "şahıs", "avukata"
        case modifier  // with a case ending only, as it qualifies things too: "polise", not "polis karakolu"
        case trade     // a case ending, and a name of two words or a given name: "kuyumcuyu"
    }

    /// Turkish words for a person, folded, with the stems their case endings follow ("şahsa",
    /// "çocuğa", "sanığa", "gence").
    private static let personWords: [([UInt8], PersonWord)] = ([
        ("sahis", .noun), ("sahs", .modifier), ("kisi", .noun), ("adam", .noun), ("genc", .noun), ("arkadas", .noun),
        ("avukat", .noun), ("savci", .noun), ("komiser", .noun), ("temsilci", .noun), ("danisman", .noun),
        ("gorevli", .noun), ("calisan", .noun), ("dolandirici", .noun), ("zanli", .noun), ("sanik", .noun),
        ("sanig", .modifier), ("magdur", .noun), ("musteki", .noun), ("vatandas", .noun), ("ogretmen", .noun),
        ("hemsire", .noun), ("sofor", .noun), ("surucu", .noun), ("isci", .noun), ("delikanli", .noun),
        ("kadin", .modifier), ("erkek", .modifier), ("kiz", .modifier), ("cocug", .modifier), ("ogrenci", .modifier),
        ("polis", .modifier), ("musteri", .modifier), ("memur", .modifier), ("yetkili", .modifier), ("supheli", .modifier),
        ("bayan", .modifier), ("emekli", .modifier), ("kurye", .modifier),
        ("kuyumcu", .trade), ("satici", .trade),
    ] as [(String, PersonWord)]).map { (Array($0.0.utf8), $0.1) }

    /// Case endings after a word for a person, folded (vowel harmony folds away: "a" is also "e"),
    /// and "my" before them.
    private static let caseEndings: Set<[UInt8]> = Set([
        "a", "e", "ya", "ye", "i", "yi", "u", "yu", "in", "nin", "un", "nun", "de", "da", "te", "ta", "den", "dan",
        "ten", "tan", "le", "la", "yle", "yla", "ler", "lar", "leri", "lari", "lere", "lara", "lerin", "larin",
        "im", "imi", "ime", "ima", "imin", "imiz", "imizi", "imize", "imiza", "um", "umu", "uma", "umun",  // "arkadaşım", "kızımın"
    ].map { Array($0.utf8) })

    /// Offices before a name, folded, which end the walk back over its words: "Emniyet Müdürü Kadir Erkuş".
    private static let offices = HashedWords("""
        mudur muduru yardimcisi baskan baskani sef sefi amir amiri uzman uzmani sorumlusu komiser komiseri vali
        kaymakam savci savcisi hakim hakimi avukat avukati muavini mufettis mufettisi
        """)

    /// Words that open a sentence in capitals before a name and are none: "Bana Emre adlı…", "Yine Hasan…".
    private static let openers = HashedWords("bana beni ben sen seni sana yine gene hani yani su kim kimse galiba selam lutfen eski")

    /// The cheap test the main pass makes after each word or name it reads, ending at `e`: one space,
    /// after a closing quotation mark or not, and "ad", "isi", "ism" or "İS" in any case.
    @inline(__always) static func namingWordMayFollow(_ p: Bytes, _ e: Int) -> Bool {
        // A quotation mark is told by its first byte only; `namedBefore` reads it whole.
        var k = e
        let c = p.at(k)
        if c != 0x20 {
            guard c == 0x22 || c == 0xC2 || c == 0xE2 else { return false }
            k += c == 0x22 ? 1 : c == 0xC2 ? 2 : 3
            guard p.at(k) == 0x20 else { return false }
        }
        let a = p.at(k + 1) | 0x20, b = p.at(k + 2) | 0x20, t = p.at(k + 3) | 0x20
        return (a == 0x61 && b == 0x64) || (a == 0x69 && b == 0x73 && (t == 0x69 || t == 0x6D)) || (p.at(k + 1) == 0xC4 && p.at(k + 2) == 0xB0)
    }

    /// Adds each name ending at one of `ends` before a naming word and a word for a person; a name found
    /// inside it gives way, one found holding it stays, and its words leave `capitalised`.
    static func namesBeforeNamingWords(_ p: Bytes, _ ends: [Int], _ capitalised: inout [Int], _ reader: inout NameReader,
                                       _ found: inout [FoundName]) {
        guard !ends.isEmpty else { return }
        var names: [FoundName] = []
        var namingWordRanges: [Range<Int>] = []  // no name overlaps them ("adında" as a case of "Adin")
        var turkishLetters: Bool?  // whether the text writes a Turkish letter, read once when an "adli" asks
        for e in ends {
            guard let (name, naming) = namedBefore(e, p, &reader, &turkishLetters) else { continue }
            names.append(name)
            namingWordRanges.append(naming)
        }
        guard !names.isEmpty else { return }
        let held = RangeIndex(found.map(\.range))
        names.removeAll { held.holds($0.range) }
        found.removeOverlapping(names.map(\.range) + namingWordRanges)
        found.append(contentsOf: names)
        forget(wordsOf: names, in: &capitalised)
    }

    /// The name whose last word ends at `e`, and the naming word after it (after a closing quotation
    /// mark if the name is quoted), when a word for a person follows.
    private static func namedBefore(_ e: Int, _ p: Bytes, _ reader: inout NameReader, _ turkishLetters: inout Bool?)
        -> (FoundName, Range<Int>)? {
        let quote = closingQuoteLength(p, at: e)
        let space = e + quote
        // The cheap test first: one space and the letter a naming word opens with ("a", "i", "İ").
        guard p.at(space) == 0x20, case let c = p.at(space + 1), c | 0x20 == 0x61 || c | 0x20 == 0x69 || c == 0xC4,
              let (naming, namingEnd, _) = reader.foldedWord(at: space + 1), namingWords.contains(naming.hash),
              let kind = personFollows(namingEnd, p, &reader), !isJudicial(space + 1, namingEnd, p, &turkishLetters) else { return nil }
        let s = lettersStart(p, endingAt: e, above: max(0, e - 48))
        guard s < e, let last = reader.word(at: s), last.range.upperBound == e, isNamed(last, p) else { return nil }
        var words = [last]
        // Earlier words: inside the quotation marks, or as the last word is written, with the
        // gazetteer's evidence (in capitals the words before a name go on: "TANITAN KADİR ERKUŞ"),
        // or the gazetteer lacks them but they open no sentence ("İstanbul'dan Agop Kasapyan"). At a
        // sentence's opening only a given name that is no common word.
        while words.count < 4, reader.openingQuote(before: words[0].range.lowerBound) == 0 {
            let first = words[0].range.lowerBound
            guard first >= 2, p[first - 1] == 0x20, case let b = lettersStart(p, endingAt: first - 1, above: max(0, first - 49)),
                  b < first - 1, let w = reader.word(at: b), w.range.upperBound == first - 1, w.shape == last.shape else { break }
            let folded = reader.foldedWord(at: b)?.0.hash ?? 0
            if offices.contains(folded) { break }
            let opening = opensSentence(p, b)
            if !w.suffixed, isNamed(w, p), quote > 0 || (opening ? w.evidence.given == 2 && !w.evidence.ambiguous && !openers.contains(folded)
                                                              : !w.evidence.isUnknown || w.shape == .capitalised) {
                words.insert(w, at: 0)
                continue
            }
            // A capitalised word inside a sentence that cannot join: the name is the tail of a title ("Arka Sokaklar").
            if w.shape == .capitalised && !opening { return nil }
            break
        }
        if quote > 0 && reader.openingQuote(before: words[0].range.lowerBound) == 0 { return nil }  // a quotation longer than a name
        if kind == .trade && words.count < 2 && last.evidence.given == 0 { return nil }  // "Atasay adlı kuyumcudan"
        return (FoundName(words: words.map(\.range), stems: words.map(\.stem), detector: "person-named"), (space + 1)..<namingEnd)
    }

    /// A word a name may hold: capitalised or in capitals, no case suffix, no organisation, office,
    /// institution, place (unless also a given name) or cue.
    private static func isNamed(_ w: NameReader.Word, _ p: Bytes) -> Bool {
        let v = w.evidence
        return (w.shape == .capitalised || w.shape == .allCaps) && !w.suffixed && !v.organisation && !v.institution
            && !v.postTitle && (!v.place || v.given > 0) && PersonCues.end(p, at: w.range.lowerBound) == nil
    }

    /// The kind of word for a person one space after `e`, after "bir" or an age ("17 yaşındaki"):
    /// "şahsa", "bir kişi", "birine".
    private static func personFollows(_ e: Int, _ p: Bytes, _ reader: inout NameReader) -> PersonWord? {
        guard p.at(e) == 0x20 else { return nil }
        var k = e
        if let (a, end, _) = reader.foldedWord(at: k + 1), indefinite.contains(a.hash), p.at(end) == 0x20 { k = end }
        var folded: [UInt8] = []
        if isDigit(p.at(k + 1)) {  // "17 yaşındaki genç"
            var d = k + 1
            while isDigit(p.at(d)) { d += 1 }
            let age = lettersEnd(p, from: d + 1)
            guard d - k <= 4, p.at(d) == 0x20, NameGazetteer.fold(p, (d + 1)..<age, into: &folded), folded.starts(with: "yasinda".utf8),
                  p.at(age) == 0x20 else { return nil }
            k = age
            folded.removeAll()
        }
        guard let (next, end, _) = reader.foldedWord(at: k + 1) else { return nil }
        if someone.contains(next.hash) { return .noun }
        guard NameGazetteer.fold(p, (k + 1)..<end, into: &folded) else { return nil }
        for (stem, kind) in personWords where folded.starts(with: stem) {
            let ending = folded[stem.count...]
            if ending.isEmpty ? kind == .noun : caseEndings.contains(Array(ending)) { return kind }
        }
        return nil
    }

    /// True when the word in `start..<end` is "adli" ("judicial": "Kadıköy adli yetkilileri") in a text
    /// that writes Turkish letters, and so would have written "adlı" for "named". `turkishLetters` keeps
    /// the answer for the text, which is read once however many "adli" it holds.
    private static func isJudicial(_ start: Int, _ end: Int, _ p: Bytes, _ turkishLetters: inout Bool?) -> Bool {
        guard end - start == 4 && p[start] == 0x61 && p[end - 1] == 0x69 else { return false }
        if turkishLetters == nil { turkishLetters = writesTurkishLetter(p) }
        return turkishLetters!
    }
}
