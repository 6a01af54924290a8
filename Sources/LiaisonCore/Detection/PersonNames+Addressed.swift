/// Names that chat and letters address or label (sixteenth round of issue 11): a speaker's label at
/// a line's start ("jordan: morning, did anyone…", "бојана: видела"), the word after a greeting
/// that opens a line ("Hi Fen,", "hiya Dafydd,", "bok luce,", "ћао влада,"), the word after "tell"
/// in a text typed in lower case ("reci dženi da…", "ti thuaj enit", "реци ружици"), and each other
/// occurrence of a word so found ("kwabena are u sure" before "kwabena: it is legit"). None of
/// them needs the gazetteer: the grammar of the line says who is meant.
extension PersonNames {
    /// Greetings that open a line, in the seven languages, folded: the addressee follows.
    static let greetings = foldedKeys([
        "hi", "hiya", "hello", "hey", "dear", "bok", "zdravo", "ćao", "čao", "cao", "poz", "hej", "ej",
        "здраво", "ћао", "чао", "еј", "хеј", "драга", "драги", "dragi", "draga",
        "përshëndetje", "pershendetje", "tung", "selam", "merhaba", "sevgili", "ciao", "hallo",
        "günaydın", "mirëdita", "mirëmbrëma",  // twenty-seventh round
    ])

    /// Addressees after a greeting that are no name: "Hi team,", "Dear partner,", "Драги сви,".
    private static let addressees = foldedKeys([
        "team", "all", "everyone", "everybody", "there", "guys", "folks", "partner", "partners", "sir", "madam",
        "colleague", "colleagues", "friend", "friends", "customer", "customers", "neighbour", "neighbours", "mate",
        "both", "you", "svi", "sve", "svima", "ekipa", "kolege", "društvo", "ljudi", "komšije", "сви", "свима",
        "екипа", "колеге", "сите", "колеги", "луѓе", "shokë", "kolegë", "miq", "herkes", "arkadaşlar", "hocam",
        "abi", "abla", "kanka", "canım", "hepiniz", "taxpayer", "user", "member", "applicant", "citizen",
        "mum", "mom", "dad", "mama", "tata", "beneficiary", "winner", "client", "operator", "welt", "bella", "tutti",
        "cure", "curo", "dečki", "momci", "deco", "djeco", "narode", "žene",  // "ej cure, jel vam…"
        "efendim", "again", "anyone", "sorry", "caller",
    ])

    /// "Tell" in the seven languages, folded; the name follows ("reći ću anti": `ću` after `reći`).
    private static let tells = foldedKeys(["tell", "reci", "recite", "kaži", "кажи", "реци", "thuaj", "thuaji", "kazhi"])

    /// "Call", "let … know", "greet", "ask" in Serbo-Croatian, folded, so in either script (thirty-fifth
    /// round): a name follows as often as a bank or the police ("zovi banku"), so only a word with a
    /// name's evidence counts ("javite stanku iz policije", "поздрави мирзу").
    private static let calls = foldedKeys(["zovi", "zovite", "pozovi", "pozovite", "javi", "javite", "pozdravi", "pozdravite",
                                           "pitaj", "pitajte"])

    /// Words after "tell" that are no name: pronouns, "i" (also), kin words.
    private static let told = foldedKeys([
        "her", "him", "me", "them", "us", "you", "everyone", "mu", "joj", "im", "mi", "ti", "svima", "svojoj", "svom",
        "nam", "vam", "njoj", "njemu", "njima", "mami", "tati", "bratu", "sestri", "му", "ѝ", "им", "ми", "ти", "на",
        "њој", "њему", "њима", "мами", "тати", "брату", "сестри", "ću", "atij", "asaj", "atyre", "nenës", "babait",
        // twenty-seventh round: "tell the league", "tell your mum"
        "the", "your", "his", "our", "their", "this", "that", "all", "anyone", "someone", "nobody", "people", "mum", "mom",
        "dad", "she", "they",
        // thirty-fifth round, after "call", "greet", "ask": kin and people by role whose cases read as names
        // (folded, so "шефа", "сина" too)
        "šefa", "šefu", "ženu", "ženi", "baku", "baki", "sina", "dedu", "djeda", "djedu", "malu", "malog", "mladića",
        "momka", "curu", "sreću", "sreći", "mirno", "slobodno",
    ])

    /// Sixteenth round: speakers, addressees, people told and their other occurrences; Chinese names
    /// in pinyin. Their words leave `capitalised`, the words the later passes look at.
    static func namesOfChatAndPinyin(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName], _ capitalised: inout [Int],
                                     lowerCaseText: Bool) {
        var taken = pinyinNames(p, capitalised, &reader, &found)
        taken += addressedNames(p, &reader, &found, lowerCaseText: lowerCaseText)
        forget(taken, in: &capitalised)
    }

    /// The labels of mail headers and notes in lower case, which are no speakers.
    private static let headers = foldedKeys([
        "from", "to", "cc", "bcc", "subject", "sent", "date", "re", "fw", "fwd", "note", "notes", "status", "od", "za", "do",
        "tema", "predmet", "poslano", "poslato", "napomena", "nga", "për", "lënda", "kimden", "kime", "konu", "tarih", "not",
        "од", "до", "за", "тема", "предмет", "послато", "напомена",
    ])

    private static let cu = foldedKeys(["ću"]).first!
    private static let reci = foldedKeys(["reci"]).first!

    /// The names of speakers, addressees and people told, and their other occurrences, added to
    /// `found`; a word a name found already overlaps is left. A speaker's label is one word in lower
    /// case at a line's start before ": " and a lower-case word, not a form's field ("ime:",
    /// "prezime:", `PersonCues`, nor a mail header's), in a text that writes one of its labels' words
    /// more than once.
    static func addressedNames(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName], lowerCaseText: Bool) -> [Int] {
        var names: [[Range<Int>]] = []
        var labels: [Range<Int>] = []
        var greetingsAt: [Range<Int>] = []  // the names after a greeting
        var greetingWords: [Int] = []  // and the greetings, which no later pass takes for a name's first word
        var lineStart = 0
        while lineStart < p.count {
            // The line's first word decides which of the three it may be: before ":", " " or ",". In an
            // exported chat the speaker follows the message's time ("[09/05, 07:52] shaz: morning").
            let first = replyText(p, at: exportedChatTime(p, at: lineStart))
            if p.at(first) >= 0x80 || isAlpha(p.at(first)) {
                let e = lettersEnd(p, from: first)
                switch p.at(e) {
                case 0x3A: if let r = speakerLabel(p, first..<e) { labels.append(r) }
                case 0x20: if let r = greeted(p, at: first, &reader) { names.append([r]); greetingsAt.append(r); greetingWords.append(first) }
                case 0x2C: if let r = called(p, first..<e, &reader) { names.append([r]) }
                default: break
                }
            }
            let lineEnd = p.firstIndex(of: 0x0A, 0x0A, 0x0A, from: lineStart)
            // A greeting after a chat's or a transcript's speaker: "Nevena (HR tim): Zdravo Dimitrije!"
            // (looked for in the line's first 64 bytes only, not along the whole line)
            let colon = Bytes(rebasing: p[..<min(lineEnd, first + 64)]).firstIndex(of: 0x3A, from: first)
            if colon < min(lineEnd, first + 64), p.at(colon + 1) == 0x20,
               let r = greeted(p, at: colon + 2, &reader, afterSpeaker: true) {
                names.append([r]); greetingsAt.append(r); greetingWords.append(colon + 2)
            }
            if let words = thanked(p, lineStart..<lineEnd, &reader) { names.append(words) }
            lineStart = lineEnd + 1
        }
        if lowerCaseText { names += toldNames(p, &reader).map { [$0] } }
        if !labels.isEmpty {
            var keys: [UInt64] = []
            for r in labels { if let (w, _, _) = reader.foldedWord(at: r.lowerBound) { keys.append(w.hash) } else { keys.append(0) } }
            let counts = occurrences(p, of: Set(keys), &reader)
            // Labels count once one of them is written more than once ("kwabena are u sure" … "kwabena: it
            // is legit", then "efua: ok"); a form's fields ("napomena: …", "status: …") are written once each.
            let confirmed = keys.contains { !headers.contains($0) && counts[$0, default: 0] >= 2 }
            for (k, r) in labels.enumerated() where confirmed && !headers.contains(keys[k]) {
                guard let w = reader.word(at: r.lowerBound), w.range == r else { continue }
                let e = w.evidence
                guard !e.organisation, !e.postTitle, !e.institution || e.given > 0 else { continue }
                names.append([r])
            }
        }
        // A name read with the greeting before it as its first word is the greeted name: "Hello Hilary,".
        // (Each looked up, not compared with every other: a chat of many lines stays linear.)
        var greetingStarts: [Int: Int] = [:]  // the last start of a greeted name by its end
        for r in greetingsAt { greetingStarts[r.upperBound] = max(greetingStarts[r.upperBound] ?? r.lowerBound, r.lowerBound) }
        found.removeAll { name in greetingStarts[name.end].map { name.start < $0 } ?? false }
        var taken = RangeIndex(found.map(\.range))
        names.removeAll { words in taken.overlaps(words[0].lowerBound..<words[words.count - 1].upperBound) }
        guard !names.isEmpty else { return greetingWords }
        // Each other occurrence of a lower-case word so found is that person again ("kwabena are u
        // sure" … "kwabena: it is legit"); a capitalised one is found again by rule 8, by its stem.
        // So is a declined form of a name of four letters or more, by its stem, when it is no common
        // word nor the name's plural: "laki: …" … "i lakiju isto", "tolga: …" … "tolganın attığı"; not
        // "bill: …" … "the bills".
        var keys = Set<UInt64>(), nameStems = Set<UInt64>()
        var initials = [Bool](repeating: false, count: 256)
        var stemmed: [Range<Int>] = []
        for words in names where words.count == 1 && !isUpper(p.scalar(at: words[0].lowerBound).value) {
            guard let (w, _, _) = reader.foldedWord(at: words[0].lowerBound) else { continue }
            keys.insert(w.hash)
            if w.count >= 4, let s = reader.stem(at: words[0].lowerBound) {
                nameStems.insert(s.stem)
                initials[Int(p[words[0].lowerBound])] = true
                stemmed.append(words[0])
            }
        }
        if !keys.isEmpty {
            var again: [Range<Int>] = [], declined: [Range<Int>] = []
            eachWord(p, &reader) { r, hash in
                if keys.contains(hash) { again.append(r) } else if initials[Int(p[r.lowerBound])] && r.count >= 4 { declined.append(r) }
            }
            let stemmedBytes = Dictionary(grouping: stemmed, by: { fnv1a(p, $0) })
            for r in declined {
                guard let s = reader.stem(at: r.lowerBound), s.end == r.upperBound, nameStems.contains(s.stem),
                      let w = reader.word(at: r.lowerBound), w.range == r, w.shape == .lower, !w.evidence.ambiguous,
                      !w.evidence.organisation, !w.evidence.place, !plural(p, r, of: stemmedBytes) else { continue }
                again.append(r)
            }
            // `again` holds each word once, so the words added need no checking against each other.
            taken = RangeIndex(found.map(\.range) + names.map { $0[0].lowerBound..<$0[$0.count - 1].upperBound })
            for r in again where !taken.overlaps(r) { names.append([r]) }
        }
        for words in names {
            let stems = words.map { reader.stem(at: $0.lowerBound)?.stem ?? 0 }
            found.append(FoundName(words: words, stems: stems, detector: "person-addressed"))
        }
        return names.flatMap { $0.map(\.lowerBound) } + greetingWords
    }

    /// Where a line at `i` goes on after the time an exported chat writes before each message: "[09/05,
    /// 07:52] ", "[12.03.26, 21:04:10] ", "09/05/2026, 07:52 - "; `i` when there is none.
    static func exportedChatTime(_ p: Bytes, at i: Int) -> Int {
        var k = i + (p.at(i) == 0x5B ? 1 : 0)
        var digits = 0, colon = false, date = false, comma = false
        scan: while k < p.count, k - i < 32 {
            switch p[k] {
            case 0x30...0x39: digits += 1
            case 0x3A: colon = true
            case 0x2F, 0x2E: date = true
            case 0x2C: comma = true
            case 0x20: break
            default: break scan
            }
            k += 1
        }
        // a date and a time, as both exports write them; not a log's time alone ("[10:15:32] error:")
        guard digits >= 6, colon, date, comma else { return i }
        if p[i] == 0x5B { return p.at(k) == 0x5D && p.at(k + 1) == 0x20 ? k + 2 : i }
        return p.at(k) == 0x2D && p.at(k + 1) == 0x20 && p.at(k - 1) == 0x20 ? k + 2 : i
    }

    /// Where a line at `i` goes on after a quoted reply's marks ("> Ciao Hattie,", ">> Hi Fen,") or a
    /// transcript's speaker in capitals ("SECOND CALLER: Hello Hilary,"); `i` when there is none.
    static func replyText(_ p: Bytes, at i: Int) -> Int {
        var k = i
        while p.at(k) == 0x3E { k += 1; if p.at(k) == 0x20 { k += 1 } }
        return k > i ? k : transcriptSpeakerEnd(p, lineStart: i) ?? i
    }

    /// Where the text goes on after a transcript's speaker opening the line at `i`: one to three
    /// words in capitals, of any script, within 32 bytes, then ": " ("CEVAP: ", "SECOND CALLER: ",
    /// "ЈОКИЋ: "); nil when there is none.
    static func transcriptSpeakerEnd(_ p: Bytes, lineStart i: Int) -> Int? {
        var k = i, words = 0, letters = 0
        while k < p.count, k - i < 32 {
            let (v, l) = p.scalar(at: k)
            if isLetter(v) {
                guard isUpper(v) else { return nil }
                if k == i || p[k - 1] == 0x20 { words += 1 }
                letters += 1
            } else if v == 0x3A {
                return letters >= 2 && words <= 3 && p.at(k + 1) == 0x20 ? k + 2 : nil
            } else if v != 0x20 || p.at(k + 1) == 0x20 {
                return nil
            }
            k += l
        }
        return nil
    }

    /// One lower-case word at `i` before ": " and a lower-case letter: "jordan: morning", not a form's field.
    private static func speakerLabel(_ p: Bytes, _ word: Range<Int>) -> Range<Int>? {
        let i = word.lowerBound, e = word.upperBound
        guard p[i] >= 0x80 || isLowerASCII(p[i]), e > i + 1, p.at(e) == 0x3A, p.at(e + 1) == 0x20, e + 2 < p.count else { return nil }
        let first = p.scalar(at: i).value, next = p.scalar(at: e + 2).value
        guard isLetter(first), !isUpper(first), isLetter(next), !isUpper(next), PersonCues.end(p, at: i) == nil else { return nil }
        return i..<e
    }

    /// The word after a greeting at `i` (opening a line, or after a speaker's "…: "), before ',', '!',
    /// '.', '?', an emoji or the line's end: "Hi Fen,", "bok luce, jel…"; not "Hi team,", an
    /// organisation or honorific word.
    private static func greeted(_ p: Bytes, at i: Int, _ reader: inout NameReader, afterSpeaker: Bool = false) -> Range<Int>? {
        guard i < p.count, p[i] >= 0x80 || isAlpha(p[i]), let (g, e, _) = reader.foldedWord(at: i), g.count <= 13,
              greetings.contains(g.hash), p.at(e) == 0x20, e + 1 < p.count, let (a, f, _) = reader.foldedWord(at: e + 1),
              !addressees.contains(a.hash) else { return nil }
        let after = p.at(f)
        // before ',', '!', '.', '?', the line's end or an emoji ("Здраво Катерина 🌸")
        guard after == 0x2C || after == 0x21 || after == 0x2E || after == 0x3F || after == 0x0A || after == 0x0D || f == p.count
                || after == 0x20 && p.at(f + 1) >= 0xF0,
              let w = reader.word(at: e + 1), w.range == (e + 1)..<f, w.shape != .initial else { return nil }
        let v = w.evidence
        guard !v.organisation, !v.postTitle, !v.institution || v.given > 0, !v.place || v.given > 0 else { return nil }
        // After a speaker, or before '.', '?' or an emoji, the word needs a capital or a given name's
        // evidence: "OPERATOR: Hello caller.", "hey what?" greet nobody.
        if afterSpeaker || after == 0x2E || after == 0x3F || after == 0x20 {
            guard w.shape != .lower || v.given > 0 else { return nil }
        }
        return w.range
    }

    /// A given name of the gazetteer opening the line at `i` before a comma and the line's end or a
    /// lower-case word: a letter's or message's first word to its reader ("Bill,⏎the bill from…",
    /// "JOHN,⏎PLEASE CALL…", "Nebojša, pogledaj ovo"). Its evidence may be a declined or ambiguous reading.
    private static func called(_ p: Bytes, _ word: Range<Int>, _ reader: inout NameReader) -> Range<Int>? {
        let i = word.lowerBound, e = word.upperBound
        guard p[i] >= 0x80 || isUpperASCII(p[i]), isUpper(p.scalar(at: i).value), e > i + 1, p.at(e) == 0x2C else { return nil }
        let next = p.at(e + 1)
        guard next == 0x0A || next == 0x0D || e + 1 == p.count || (next == 0x20 && isLetter(p.scalar(at: e + 2).value) && !isUpper(p.scalar(at: e + 2).value)),
              let w = reader.word(at: i), w.range == i..<e, w.shape == .capitalised || w.shape == .allCaps else { return nil }
        let v = w.evidence
        guard v.given > 0, !v.organisation, !v.postTitle else { return nil }
        return w.range
    }

    /// One or two capitalised words after a closing formula and a comma at the end of the line at
    /// `i`: "THANKS, KEITH", "Hvala, Elma", "Поздрав, Соња." (the formulas of `signedNames`).
    private static func thanked(_ p: Bytes, _ line: Range<Int>, _ reader: inout NameReader) -> [Range<Int>]? {
        let i = line.lowerBound
        var end = line.upperBound
        while end > i, p[end - 1] == 0x20 || p[end - 1] == 0x0D || p[end - 1] == 0x2E || p[end - 1] == 0x21 { end -= 1 }
        guard end - i >= 6 else { return nil }
        // The line ends in one or two capitalised words after ", " (read back from its end: most lines
        // stop at their last word), and a closing formula opens the sentence, at most 32 bytes before.
        var c = end
        for _ in 0..<2 {
            let w = lettersStart(p, endingAt: c, above: max(i, c - 40))
            guard w < c, w > i + 1, isUpper(p.scalar(at: w).value), p[w - 1] == 0x20 else { return nil }
            c = w - 1
            if p[c - 1] == 0x2C { break }
        }
        c -= 1
        guard c > i, p[c] == 0x2C else { return nil }
        var s = c
        while s > max(i, c - 40), !((p[s - 1] == 0x20) && (p.at(s - 2) == 0x2E || p.at(s - 2) == 0x21 || p.at(s - 2) == 0x3F)) { s -= 1 }
        guard s == i || p[s - 1] == 0x20, c - s <= 32 else { return nil }  // the longest formula, "срдачан поздрав", is 29 bytes
        guard isClosing(p, s..<c) else { return nil }
        var words: [Range<Int>] = []
        var k = c + 2
        while k < end {
            guard words.count < 2, let w = reader.word(at: k), w.shape == .capitalised || w.shape == .allCaps else { return nil }
            let v = w.evidence
            guard !v.organisation, !v.postTitle, !v.institution, !v.place || v.given > 0,
                  w.shape == .capitalised || v.given > 0 || v.surname > 0 else { return nil }
            words.append(w.range)
            k = w.range.upperBound
            if k < end { guard p[k] == 0x20 else { return nil }; k += 1 }
        }
        return words.isEmpty ? nil : words
    }

    /// In a text typed in lower case, the lower-case word after "tell": "reci dženi da", "реци ружици",
    /// "ti thuaj enit", "reći ću anti"; not a pronoun, kin word or cue ("reci mu", "reci mami").
    private static func toldNames(_ p: Bytes, _ reader: inout NameReader) -> [Range<Int>] {
        var names: [(Range<Int>, call: Bool)] = []
        var next = 0
        while next < p.count {
            // Words open the text or follow a space or line break: from each to the next at a stride.
            let i = next
            next = p.firstIndex(of: 0x20, 0x0A, 0x0A, from: i) + 1
            // Only a word opening with "t", "r", "k", "z", "j", "p", "к", "р", "з", "ј" or "п" may be "tell" or "call".
            let b = p[i] < 0x80 ? p[i] | 0x20 : p[i]
            guard b == 0x74 || b == 0x72 || b == 0x6B || b == 0x7A || b == 0x6A || b == 0x70 || (b == 0xD0 && p.at(i + 1) | 0x20 == 0xBA)
                  || (b == 0xD1 && p.at(i + 1) == 0x80) || (b == 0xD0 && p.at(i + 1) == 0xA0) || (b == 0xD0 && p.at(i + 1) | 0x20 == 0xB7)
                  || (b == 0xD1 && p.at(i + 1) == 0x98) || (b == 0xD0 && p.at(i + 1) | 0x20 == 0xBF),
                  let (cue, e, _) = reader.foldedWord(at: i) else { continue }
            let call = calls.contains(cue.hash)
            guard call || tells.contains(cue.hash), p.at(e) == 0x20, var (w, f, _) = reader.foldedWord(at: e + 1) else { continue }
            var start = e + 1
            if w.hash == cu && cue.hash == reci {  // "reći ću anti"
                guard p.at(f) == 0x20, let following = reader.foldedWord(at: f + 1) else { continue }
                start = f + 1
                (w, f, _) = following
            }
            guard !told.contains(w.hash), f - start >= 3, !isUpper(p.scalar(at: start).value), PersonCues.end(p, at: start) == nil,
                  p.at(f) != 0x40, !(p.at(f) == 0x2E && isAlpha(p.at(f + 1))) else { continue }
            names.append((start..<f, call))
        }
        var kept: [Range<Int>] = []
        for (r, call) in names {
            guard let w = reader.word(at: r.lowerBound), w.range == r else { continue }
            let e = w.evidence
            if !e.organisation, !e.postTitle, !e.institution || e.given > 0, !e.place || e.given > 0,
               !call || (e.given > 0 || e.surname == 2) && !e.lowerCaseWord { kept.append(r) }
        }
        return kept
    }

    /// How often each folded word of `keys` stands as a word in `p`.
    private static func occurrences(_ p: Bytes, of keys: Set<UInt64>, _ reader: inout NameReader) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        eachWord(p, &reader) { _, hash in if keys.contains(hash) { counts[hash, default: 0] += 1 } }
        return counts
    }

    /// Every plain word of letters in `p` that is not part of a token ("ana@…", "/ana/", "goran_77",
    /// "x.ana"), with its folded hash.
    private static func eachWord(_ p: Bytes, _ reader: inout NameReader, _ visit: (Range<Int>, UInt64) -> Void) {
        var i = 0
        while i < p.count {
            let b = p[i]
            if b < 0x80 && !isAlpha(b) { i += 1; continue }
            let (v, l) = p.scalar(at: i)
            guard isLetter(v) else { i += l; continue }
            var e = lettersEnd(p, from: i)
            if e - i > 96 {  // no word: walked past whole, so that no part of it is read again
                while e < p.count, isLetter(p.scalar(at: e).value) { e += p.scalar(at: e).length }
                i = e
                continue
            }
            defer { i = max(e, i + l) }
            let before = p.at(i - 1), after = p.at(e)
            guard before != 0x40, before != 0x5F, before != 0x2F, before != 0x2E, before != 0x2D, !isDigit(before),
                  after != 0x40, after != 0x5F, after != 0x2F, !isDigit(after), !(after == 0x2E && isAlpha(p.at(e + 1))),
                  let (w, end, _) = reader.foldedWord(at: i), end == e else { continue }
            visit(i..<e, w.hash)
        }
    }

    /// `r` is one of `names` (by the hash of their bytes) written on with "s", "es", or "lar" or "ler" and
    /// more: a plural ("bills", "yıldızlar"), no case of a name. Each way to part `r` is looked up, not each name.
    private static func plural(_ p: Bytes, _ r: Range<Int>, of names: [UInt64: [Range<Int>]]) -> Bool {
        func named(_ e: Int) -> Bool {
            guard e > r.lowerBound, let same = names[fnv1a(p, r.lowerBound..<e)] else { return false }
            return same.contains { $0.count == e - r.lowerBound && p[$0].elementsEqual(p[r.lowerBound..<e]) }
        }
        let e = r.upperBound
        if p[e - 1] == 0x73 && named(e - 1) || e - r.lowerBound >= 2 && p[e - 2] == 0x65 && p[e - 1] == 0x73 && named(e - 2) { return true }
        var a = r.lowerBound + 1
        while a + 3 <= e {
            if p[a] == 0x6C && (p[a + 1] == 0x61 || p[a + 1] == 0x65) && p[a + 2] == 0x72 && named(a) { return true }
            a += 1
        }
        return false
    }

    /// The folded hashes of `words`, as `NameReader.foldedWord` reads them in text.
    static func foldedKeys(_ words: [String]) -> Set<UInt64> {
        var keys = Set<UInt64>()
        for word in words {
            var copy = word
            copy.withUTF8 { p in
                let reader = NameReader(p)
                if let (w, _, _) = reader.foldedWord(at: 0) { keys.insert(w.hash) }
            }
        }
        return keys
    }
}
