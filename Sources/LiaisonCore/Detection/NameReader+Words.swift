/// Reading one word for ``NameReader``: its extent and shape as written (initials, suffixes after
/// an apostrophe or hyphen, double-barrelled parts), folded and weighed against the gazetteer; and
/// the words read beside a name: an unknown word before a name word,
/// what follows the word on a name's next line.
extension NameReader {
    enum Shape { case capitalised, allCaps, lower, initial }

    /// One word as written (suffixes included) and what speaks for and against a person.
    struct Word {
        var range: Range<Int>
        var shape: Shape
        var evidence = NameEvidence()
        /// Ends in a suffix after an apostrophe or hyphen ("Yılmaz'ın", "Krasniqi-t", "Jovana's"):
        /// the last word of a name.
        var suffixed = false
        /// The folded last part with its case ending taken off, to find the same person again.
        var stem: UInt64 = 0
        /// Only spaces and one line break separate it from the word before.
        var afterBreak = false
    }

    /// The plain word of letters at `i`, folded and hashed, its end, and whether it is written in
    /// capitals; nil when `read` must decide: an initial, a hyphen or apostrophe inside, a letter
    /// without a fold.
    func foldedWord(at i: Int) -> (FoldedWordHash, Int, Bool)? {
        var word = FoldedWordHash()
        var e = i
        var lowers = false
        while e < p.count {
            let b = p[e]
            if b < 0x80 {
                guard isAlpha(b) else { break }
                lowers = lowers || isLowerASCII(b)
                word.append(b | 0x20)
                e += 1
                continue
            }
            let (v, l) = p.scalar(at: e)
            guard PersonNames.isLetter(v) else { break }
            lowers = lowers || !PersonNames.isUpper(v)
            guard NameGazetteer.fold(v, into: &word) else { return nil }
            e += l
        }
        let after = p.at(e)
        if after == 0x2D && isDigit(p.at(e + 1)) { return (word, e, !lowers) }
        if word.count < 2 || (after == 0x2E && p.scalar(at: i).length == e - i) || after == 0x2D || after == 0x27 || after == 0xE2 {
            return nil
        }
        return (word, e, !lowers)
    }

    /// The word at `i`: letters, with an apostrophe suffix ("Yılmaz'ın", "O'Neill"), hyphenated
    /// parts ("Kaya-Demir") and Albanian hyphenated endings ("Krasniqi-t") inside it; an initial
    /// is one capital and a dot.
    /// `weighLowerCase: false` skips the gazetteer for a lower-case word, which no rule without a
    /// cue needs.
    mutating func word(at i: Int, weighLowerCase: Bool = true) -> Word? {
        if let last, last.word.range.lowerBound == i, last.weighed || !weighLowerCase {
            var word = last.word
            word.afterBreak = false
            return word
        }
        guard let word = read(at: i, weighLowerCase: weighLowerCase) else { return nil }
        last = (word, weighLowerCase || word.shape != .lower)
        return word
    }

    /// The length of the second letter of a letter written with two, after the capital `first`
    /// ("Lj", "Nj", "Dž", "Dj", "Gj", "Xh", "Sh", "Zh", "Th", "Dh", "Ll", "Rr", "Ch"), or nil.
    private func digraphSecond(_ first: UInt32, at k: Int) -> Int? {
        let (v, l) = p.scalar(at: k)
        switch (first, v) {
        case (0x4C, 0x6A), (0x4E, 0x6A), (0x44, 0x6A), (0x47, 0x6A), (0x44, 0x17E), (0x58, 0x68), (0x53, 0x68),
             (0x5A, 0x68), (0x54, 0x68), (0x44, 0x68), (0x43, 0x68), (0x4C, 0x6C), (0x52, 0x72):
            return l
        default:
            return nil
        }
    }

    private mutating func read(at i: Int, weighLowerCase: Bool) -> Word? {
        let (v0, l0) = p.scalar(at: i)
        guard i < p.count, PersonNames.isLetter(v0) else { return nil }
        let upper0 = PersonNames.isUpper(v0)
        if upper0, p.at(i + l0) == 0x2E, !PersonNames.isLetter(p.scalar(at: i + l0 + 1).value) {
            return Word(range: i..<(i + l0 + 1), shape: .initial)
        }
        // A letter written with two ("Lj.", "Nj.", "Dž.", "Gj.", "Xh.", "Sh.", "Zh.", "Th.", "Dh.", "Ll.",
        // "Rr."): an initial too.
        if upper0, p.at(i + l0 + 1) == 0x2E || p.at(i + l0 + 2) == 0x2E, let l1 = digraphSecond(v0, at: i + l0),
           p.at(i + l0 + l1) == 0x2E, !PersonNames.isLetter(p.scalar(at: i + l0 + l1 + 1).value) {
            return Word(range: i..<(i + l0 + l1 + 1), shape: .initial)
        }
        var parts = Parts()  // the stems looked up: before an apostrophe or a lower-case hyphen ending
        var partStart = i
        var stemmed = false
        var atStart = true
        var e = i
        var innerUppers = 0, lowers = 0, letters = 0
        while e < p.count, e - i <= 96 {
            if isAlpha(p[e]) {  // a run of ASCII letters, found eight bytes a step and counted without decoding
                let end = Bytes(rebasing: p[..<min(p.count, i + 97)]).asciiLettersEnd(from: e)  // no further than the bound
                if !stemmed {
                    var uppers = 0
                    for k in e..<end where isUpperASCII(p[k]) { uppers += 1 }
                    letters += end - e
                    lowers += end - e - uppers
                    innerUppers += atStart && isUpperASCII(p[e]) ? uppers - 1 : uppers
                }
                atStart = false
                e = end
                continue
            }
            let (v, l) = p.scalar(at: e)
            if PersonNames.isLetter(v) {
                if !stemmed {
                    letters += 1
                    if !PersonNames.isUpper(v) { lowers += 1 } else if !atStart { innerUppers += 1 }
                }
                atStart = false
                e += l
                continue
            }
            let apostrophe = v == 0x27 || v == 0x2019
            guard apostrophe || v == 0x2D else { break }
            let (nv, _) = p.scalar(at: e + l)
            guard PersonNames.isLetter(nv), !stemmed else { break }
            parts.append(partStart..<e)
            if v == 0x2D && PersonNames.isUpper(nv) && !isShortCapitalSuffix(e + l) {
                partStart = e + l  // a double-barrelled name: each part is looked up
                atStart = true
            } else if apostrophe && e - partStart == 1 && upper0 {
                parts.removeLast()  // "O'Neill", "D'Angelo": the part after the apostrophe is the name
                partStart = e + l
                atStart = true
            } else {
                stemmed = true      // a suffix: "Yılmaz'ın", "Krasniqi-t", "Ahmet'e"
            }
            e += l
        }
        // Letters run into a digit, '@', '_' or '/': a token ("AS12345", "RS35", "CVE-2024"), not a word.
        let after = p.at(e)
        guard e - i <= 96, letters >= 2, !isDigit(after), after != 0x40, after != 0x5F, after != 0x2F,
              !(after == 0x2D && isDigit(p.at(e + 1))) else { return nil }
        if !stemmed { parts.append(partStart..<e) }
        let shape: Shape
        if !upper0 {
            guard innerUppers == 0 else { return nil }
            shape = .lower
        } else if lowers == 0 {
            shape = .allCaps
        } else if innerUppers == 0 || (innerUppers == 1 && gaelicPrefix(i)) {
            shape = .capitalised  // "McTavish", "MacLeod" too
        } else if gaelicPrefix(i) && lowers == (p[i + 1] == 0x63 ? 1 : 2) && innerUppers >= 3 {  // not "MacOS"
            shape = .allCaps  // a court list's "McCALLUM", "MacDONALD"
        } else {
            return nil  // "DigitalOcean", "iPhone": brands, not people
        }
        var word = Word(range: i..<e, shape: shape, suffixed: stemmed)
        if shape == .lower && !weighLowerCase { return word }
        var last = FoldedWordHash()
        for k in 0..<parts.count {
            last = FoldedWordHash()
            guard NameGazetteer.fold(p, parts[k], into: &last) else { return word }
            word.evidence.add(NameEvidence(last, table: table))
        }
        // A name that is a Turkish word only is a name in a text that does not write Turkish: "Haris".
        if word.evidence.turkishWord && !writesTurkish() { word.evidence.ambiguous = false }
        word.stem = last.stem ?? foldedStem(parts[parts.count - 1])
        return word
    }

    /// "Mc" or "Mac" and a capital at `i`: the one capital inside a surname ("McTavish", "MacLeod").
    private func gaelicPrefix(_ i: Int) -> Bool {
        guard p.at(i) == 0x4D else { return false }
        let k = p.at(i + 1) == 0x63 ? i + 2 : p.at(i + 1) == 0x61 && p.at(i + 2) == 0x63 ? i + 3 : i
        return k > i && isUpperASCII(p.at(k))
    }

    /// `NameEvidence.stem` of the letters in `r`, which all fold, folded into the scratch buffer: for
    /// the words whose endings reach back further than `FoldedWordHash.stem` sees.
    private mutating func foldedStem(_ r: Range<Int>) -> UInt64 {
        folded.removeAll(keepingCapacity: true)
        _ = NameGazetteer.fold(p, r, into: &folded)
        return NameEvidence.stem(folded)
    }

    /// Up to three parts of a double-barrelled word, without allocating; more are not looked up.
    private struct Parts {
        private var first = 0..<0, second = 0..<0, third = 0..<0
        private(set) var count = 0

        mutating func append(_ r: Range<Int>) {
            switch count {
            case 0: first = r
            case 1: second = r
            case 2: third = r
            default: return
            }
            count += 1
        }

        mutating func removeLast() { count -= 1 }

        subscript(k: Int) -> Range<Int> { k == 0 ? first : k == 1 ? second : third }
    }

    /// The stem (see `NameEvidence.stem`) of the capitalised word at `i` and its end, without
    /// weighing it: the second pass looks for names found before.
    mutating func stem(at i: Int) -> (stem: UInt64, end: Int)? {
        stemAndHash(at: i).map { ($0.stem, $0.end) }
    }

    /// `stem(at:)` and the folded word's hash it was read from.
    mutating func stemAndHash(at i: Int) -> (stem: UInt64, end: Int, word: FoldedWordHash)? {
        let e = PersonNames.lettersEnd(p, from: i)
        var word = FoldedWordHash()
        guard e - i <= 96, NameGazetteer.fold(p, i..<e, into: &word), word.count >= 2 else { return nil }
        return (word.stem ?? foldedStem(i..<e), e, word)
    }

    /// An all-capital hyphen ending of up to three letters is a suffix: "KRASNIQI-T", "HOXHA-S".
    private func isShortCapitalSuffix(_ k: Int) -> Bool {
        var j = k
        var letters = 0
        while letters <= 3, PersonNames.isLetter(p.scalar(at: j).value) { j += p.scalar(at: j).length; letters += 1 }
        return letters <= 3 && k >= 2 && PersonNames.isUpper(p.scalar(at: k - 2).value)
    }
}

extension NameReader {
    /// The capitalised word right before `i` (one space between) when the gazetteer has no given name
    /// or listed surname for it and nothing argues against a person: a given name it lacks before a
    /// name word found alone ("Ivy Marsh", "Rojda Tekin"). Not opening a sentence or a line, where it is
    /// a greeting or an adverb as often ("Здраво Милане", "Yesterday Jovana's"), nor after another
    /// capitalised word, nor a place, street, firm, organisation or institution word, nor a greeting
    /// after a chat's speaker ("Nevena: Zdravo Dimitrije!").
    mutating func unknownWordBefore(_ i: Int) -> Range<Int>? {
        guard let r = unknownWord(before: i), !opensSentence(r.lowerBound), !capitalisedBefore(r.lowerBound),
              placePreposition(before: r.lowerBound) == nil, !placeBefore(r.lowerBound),
              !(foldedWord(at: r.lowerBound).map { PersonNames.greetings.contains($0.0.hash) } ?? false) else { return nil }
        return r
    }

    /// The capitalised word right before `i` (one space between, opening the text or after a space, tab,
    /// line break or "(") that the gazetteer has no given name or listed surname for and that no
    /// evidence rules out as a person's: no place, street, firm, organisation or institution word.
    /// `unknownWordBefore` and `unknownWordOpeningLine` add where it may stand.
    mutating func unknownWord(before i: Int) -> Range<Int>? {
        guard i >= 3, p[i - 1] == 0x20 else { return nil }
        let e = i - 1
        let s = PersonNames.lettersStart(p, endingAt: e, above: max(0, e - 49))
        guard s < e, e - s <= 48, s == 0 || p[s - 1] == 0x20 || p[s - 1] == 0x0A || p[s - 1] == 0x09 || p[s - 1] == 0x28,
              let w = word(at: s), w.range.upperBound == e, w.shape == .capitalised, !w.suffixed else { return nil }
        let ev = w.evidence
        guard ev.given == 0, ev.surname < 2, !ev.organisation, !ev.postTitle, !ev.place, !ev.institution,
              let flags = flags(of: s..<e), flags.isDisjoint(with: [.placeWord, .institution, .companyForm, .declinedNoun]) else { return nil }
        return s..<e
    }
}

extension NameReader {
    /// Up to three capitalised words and a colon from `e` on, on the same line: a form's label
    /// (":", " YERİ:", " Adresa:").
    func labelFollows(_ e: Int) -> Bool {
        var k = e
        for _ in 0..<4 {
            while p.at(k) == 0x20 { k += 1 }
            if p.at(k) == 0x3A { return true }
            guard k > e, k < p.count, PersonNames.isUpper(p.scalar(at: k).value) else { return false }
            while k < p.count, PersonNames.isLetter(p.scalar(at: k).value) { k += p.scalar(at: k).length }
        }
        return false
    }

    /// Only spaces or tabs between the last line break (or the text's start) and `i`.
    func opensLine(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        return k < 0 || p[k] == 0x0A
    }

    /// One space and a lower-case letter after `e`.
    func lowerCaseFollows(_ e: Int) -> Bool {
        guard p.at(e) == 0x20, e + 1 < p.count else { return false }
        let v = p.scalar(at: e + 1).value
        return PersonNames.isLetter(v) && !PersonNames.isUpper(v)
    }

    /// A word in capitals that goes on a sentence after a name rather than naming anyone
    /// (`wordsAfterNames`), and that the gazetteer does not know as a name of its own ("SAYS", "JE"):
    /// "CALLED KEVIN SAYS", "SNAJA VESELINKA JE RAZGOVARALA".
    func continuesSentence(_ w: Word) -> Bool {
        guard w.shape == .allCaps, !w.suffixed, w.evidence.given < 2 && w.evidence.surname < 2 || w.evidence.ambiguous,
              let (word, end, _) = foldedWord(at: w.range.lowerBound), end == w.range.upperBound else { return false }
        return Self.wordsAfterNames.contains(word.hash)
    }

    /// Kin words that are also words elsewhere: Spanish and English "sin", Macedonian "син" (blue), "ZET"
    /// (Zagreb's trams); a name word must follow them (`afterCue`).
    static let kinThatAreWords = PersonNames.foldedKeys(["sin", "kći", "zet"])

    /// Auxiliaries, clitics, pronouns, conjunctions, prepositions and verbs of saying that follow a
    /// name as a sentence goes on, in the seven languages (thirty-fourth round): a closed class, so no
    /// surname, which an open test ("four letters or fewer", "an English word") took for one ("ZEC",
    /// "ER", "NG", "ORCHARD"). Not the words that are or fold to a name ("ali": Mehmet Ali; "su", "şu":
    /// Elif Su; "said": Emir Said; "вели": Veli; "сега": Šega; "on": Ön; "tek", "sada", "ile", "još", "will").
    static let wordsAfterNames = PersonNames.foldedKeys([
        "says", "told", "was", "is", "are", "were", "has", "had", "would", "did", "does", "got", "went",
        "rang", "came", "gave", "paid", "sent", "asked", "then", "also", "never", "always", "now", "and", "but", "who",
        "from", "my", "his", "her", "to", "at", "in", "of", "for", "with", "that", "called", "phoned", "took",
        "je", "se", "mi", "ti", "mu", "joj", "ga", "ih", "nam", "vam", "im", "nije", "nisu", "će", "bi", "ja",
        "pa", "ne", "kaže", "reče", "zvao", "zvala", "rekao", "rekla", "poslije", "posle", "onda", "sad", "već",
        "opet", "iz", "od", "sa", "kod", "na", "za",
        "е", "го", "ги", "ќе", "но", "потоа", "веќе", "уште", "ме",
        "ka", "kishte", "nuk", "tha", "thotë", "dha", "më", "ishte", "është", "pastaj", "edhe", "nga", "te", "në",
        "me", "dhe", "që",
        "da", "de", "bana", "beni", "hep", "dedi", "aradı", "ve", "bu", "çok", "hiç", "sonra", "şimdi",
    ])

    /// "DA" or "DE": a particle before a surname ("MARIA DA SILVA") as well as a function word ("AYŞE DE ARADI").
    func isParticle(_ w: Word) -> Bool {
        guard let (word, _, _) = foldedWord(at: w.range.lowerBound) else { return false }
        return Self.particles.contains(word.hash)
    }

    private static let particles = PersonNames.foldedKeys(["da", "de"])
}
