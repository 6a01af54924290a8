/// Reads the words around a capitalised word and decides whether they name a person (the rules are
/// on `PersonNames`, reading one word in NameReader+Words.swift). One scratch buffer for folded words:
/// a scan allocates nothing per word. At most three words are read from any start: linear work.
struct NameReader {
    let p: Bytes
    var folded: [UInt8] = []  // scratch for folded words (see NameReader+Words.swift)
    let table = NameGazetteer.table
    /// The last word read, as the next start often reads it again (a name's second word is the
    /// next attempt's first), and whether its lower-case evidence was weighed.
    var last: (word: Word, weighed: Bool)? = nil
    var turkish: Bool? = nil  // whether the text writes Turkish, once asked (`writesTurkish()`)

    init(_ p: Bytes) {
        self.p = p
        folded.reserveCapacity(128)
    }

    /// A name starting with the capitalised word at `i`, found without a cue.
    mutating func name(at i: Int) -> FoundName? {
        guard let w0 = word(at: i) else { return nil }
        if w0.shape == .initial {
            // "M. Petrović", "E. Yılmaz"; two initials ("Р. А. Тодоровић", "A. J. Penhaligon", where one
            // more capitalised word is a name even when the gazetteer lacks it) or an initial before a
            // given name and a surname ("M. Cemil Arslan") are one name.
            guard let w1 = next(after: w0), !w1.afterBreak else { return nil }
            if w1.shape == .initial {
                // A third initial ends it cheaply, so a run of initials ("M. M. M. …") reads each word once.
                guard let (k, _) = gapEnd(w1.range.upperBound), p.at(k + p.scalar(at: k).length) != 0x2E,
                      let w2 = next(after: w1), !w2.afterBreak, w2.shape == .capitalised || w2.shape == .allCaps && !w2.evidence.isUnknown,
                      !w2.evidence.organisation, !w2.evidence.postTitle, !w2.evidence.place else { return nil }
                return accepted([w0, w1, w2], detector: "person-initial")
            }
            if w1.evidence.isUnknown { return initialAndUnknownWord(w0, w1) }  // "N. Šoć" (NameReader+UnknownWords.swift)
            guard w1.shape == .capitalised || w1.shape == .allCaps, !w1.evidence.organisation else { return nil }
            if !w1.suffixed, w1.evidence.given == 2, let w2 = next(after: w1), !w2.afterBreak, fits(w2),
               w2.shape == w1.shape, !w2.evidence.isUnknown, !w2.evidence.place {
                return accepted([w0, w1, w2], detector: "person-initial")
            }
            // "M. Emre Tatlıcı": a surname the gazetteer lacks after an initial and a given name, also one
            // that is a common word, which the initial before it makes a name.
            if w1.evidence.given == 2, let w2 = unknownLastWord(after: w1, first: w1) {
                return accepted([w0, w1, w2], detector: "person-initial")
            }
            return accepted([w0, w1], detector: "person-initial")
        }
        guard fits(w0) else { return nil }
        let e0 = w0.evidence
        let following = next(after: w0)
        if !w0.suffixed, let w1 = following, !w1.afterBreak || joinsAcrossBreak(w0, w1) {
            // "Ahmet Bey", "Nazlı Hanım'ın", "Setenay Hanım": the name without the honorific after it.
            if w1.evidence.postTitle {
                return e0.given > 0 ? accepted([w0], detector: "person-gazetteer") : honoured(w0, before: w1) ? accepted([w0], detector: "person-cue") : nil
            }
            if w1.evidence.organisation { return nil }
            if w1.shape == .initial && !w1.afterBreak {
                // A middle initial ("Zoran Đ. Pavlov") or an initial after a surname ("Lazić B.").
                if e0.given == 2, let w2 = next(after: w1), !w2.afterBreak, fits(w2) {
                    return accepted([w0, w1, w2], detector: "person-gazetteer")
                }
                // "Lazić B.", "Mustafa K."
                if e0.surname == 2 || e0.given == 2 { return accepted([w0, w1], detector: "person-gazetteer") }
            }
            if fits(w1), let words = pair(w0, w1) { return accepted(words, detector: "person-gazetteer") }
        }
        // One word alone: a given name, or a surname of regional shape. A name that is also a
        // common word counts only inside a sentence or alone on its line (a signature); not a place,
        // not a month, not when a capitalised word follows ("Kosovska Mitrovica", "Antić Građevina"),
        // not a declined reading opening a sentence ("Linkot", "Rastin").
        // Inside a sentence a short declined reading ("Agimi", "Genin") and a listed surname ("Kovač")
        // count too; a vocative opening a sentence ("Зоране,", "Dritoni,") counts as well.
        let opens = opensSentence(w0.range.lowerBound)
        let aloneOnLine = opens && endsLine(w0.range.upperBound)
        // After a form's label, a lower-case word after it makes it a phrase's first word, as at a
        // sentence's start: "Kanal: Çağrı merkezi", not "Tanık: Çağrı".
        let opensPhrase = opens || (e0.ambiguous && following.map({ !$0.afterBreak && $0.shape == .lower }) ?? false
            && labelsPhrase(w0.range.lowerBound))
        let vocative = opens && e0.declined && !e0.ambiguous && p.at(w0.range.upperBound) == 0x2C
        // A possessive adjective of a name before the noun it qualifies names the person, also opening a
        // sentence: "Dizdarov brat Adis", "Кристијановиот профил" (NameEvidence+Possessives.swift). Not a
        // Turkish genitive of a word: "Velinin notu" (PersonNames+Turkish.swift).
        let possessive = e0.possessive && !e0.ambiguous && !w0.suffixed
            && following.map({ !$0.afterBreak && $0.shape == .lower && $0.range.lowerBound == w0.range.upperBound + 1 }) ?? false
            && !isTurkishGenitiveOfWord(w0.range)
        // A pet name ("Sneki", "Đole") opens a sentence as its subject, a lower-case word one space after it:
        // "Sneki je poslala", "Đole i Sneki su".
        let petSubject = e0.petName && !e0.declined && opens && !w0.suffixed && p.at(w0.range.upperBound) == 0x20
            && PersonNames.startsLowerCase(p, w0.range.upperBound + 1)
        let known = (e0.given == 2 && (!e0.ambiguous || !opensPhrase || aloneOnLine)) || e0.regionalShape || possessive || petSubject
            || (!opens && !e0.ambiguous && (e0.given == 1 || e0.surname == 2 && !e0.surnameWord) && !capitalisedBefore(w0.range.lowerBound))
        if w0.shape == .capitalised, known, !e0.place, !e0.institution, !afterDayNumber(w0.range.lowerBound), !locative(w0),
           w0.suffixed || following.map({ $0.afterBreak || ($0.shape != .capitalised && $0.shape != .allCaps) }) ?? true,
           !(e0.declined && opens) || vocative || possessive,
           !(e0.ambiguous || e0.declined) || !commonWordAfterTime(w0.range.lowerBound, w0.range.upperBound) {  // "11:52 Nada u brzu…"
            return accepted([w0], detector: "person-word")
        }
        return nil
    }

    /// A cheap test before `name(at:)`, false for most capitalised words of a report ("Incident",
    /// "Malicious", "IBAN"): a plain word that cannot lead a name (see `NameEvidence.mayLead`),
    /// with no word of regional surname shape after it ("Dragoslav Petrović"). Without a cue such
    /// a word starts no name.
    func mayStartName(at i: Int) -> Bool {
        guard let (first, e, capitals) = foldedWord(at: i) else { return true }
        if p.at(e) == 0x2D && isDigit(p.at(e + 1)) { return false }  // "CVE-2024": a token
        if NameEvidence.mayLead(first, table: table) || NameEvidence.albanianEnding(first) { return true }
        if capitals { return false }  // an unknown word in capitals leads nothing
        var k = e
        while k < p.count, k - e < 8, isSpace(p[k]) { k += 1 }
        guard k > e, k < p.count, p[k] >= 0x80 || isUpperASCII(p[k]) else { return false }
        guard let (next, _, _) = foldedWord(at: k) else { return true }
        return NameEvidence.surnameShape(next) == 2 || Self.honorifics.contains(next.hash)
            || NameEvidence.albanianEnding(next)
    }

    /// A lower-case given name and surname, as typed in chat ("milica pejovic", "елизабета
    /// кузмановска"): the surname at `i` must have a regional ending, the word before it must be
    /// a given name that is not also a common word.
    mutating func lowerCaseName(surnameAt i: Int) -> FoundName? {
        guard let s = word(at: i), s.shape == .lower, s.evidence.regionalShape || s.evidence.surname == 2 else { return nil }
        var k = i - 1
        guard k > 0, p[k] == 0x20 else { return nil }
        k -= 1
        let end = k + 1
        k = PersonNames.lettersStart(p, endingAt: end) - 1
        guard end > k + 1, let g = word(at: k + 1), g.range.upperBound == end, g.shape == .lower,
              g.evidence.given == 2, !g.evidence.ambiguous, !g.evidence.declined else { return nil }
        return accepted([g, s], detector: "person-lower-case")
    }

    /// Two or three words starting with `w0`, `w1` that make a name, or nil.
    private mutating func pair(_ w0: Word, _ w1: Word) -> [Word]? {
        let e0 = w0.evidence, e1 = w1.evidence
        var words = [w0, w1]
        let w2 = w1.suffixed ? nil : next(after: w1).flatMap { $0.afterBreak || !fits($0) ? nil : $0 }
        // A common word opening a sentence or a declined reading yields to a full name after it: "Danas
        // Marko Petrović"; not a double given name inside one ("…, Ana Marija Lekić (Centar…)").
        if e0.ambiguous && opensSentence(w0.range.lowerBound) || e0.declined, e1.given == 2, !e1.ambiguous, !e1.declined, let w2, w2.evidence.surname > 0 { return nil }
        if e0.given == 2 || (e0.given == 1 && e1.given < 2 && (e1.given > 0 || e1.surname > 0)) {
            // Given name first: a middle name or a surname may follow ("Mehmet Ali Kaya", "Ana Marija Horvat").
            if let w2, !w2.evidence.place, !w2.suffixed || !w2.evidence.isUnknown,
               e1.given == 2 || w2.evidence.surname == 2 || (e1.surname > 0 && w2.evidence.surname > 0) {
                words.append(w2)
            } else if e0.given == 2, !e0.declined, !e1.isUnknown || !e0.ambiguous, !e1.ambiguous, let w3 = unknownLastWord(after: w1, first: w0) {
                words.append(w3)  // "Marina Ivković Bulat" (NameReader+UnknownWords.swift)
            }
        } else if (e0.surname == 2 || albanianSurname(w0) && e1.given == 2 && !e1.declined) && e1.given > 0 {
            // Surname first, as forms write it: "PETROVIĆ Marko", "Yılmaz Mehmet Ali", "DEMAJ ARLINDA".
            if let w2, w2.evidence.given == 2 { words.append(w2) }
        } else if e0.isUnknown && (e1.surname == 2 && e1.regionalShape || albanianSurname(w1)) && w0.shape == .capitalised
                    && !opensSentence(w0.range.lowerBound, afterFullStop: true) {
            // A given name the gazetteer lacks before a surname of regional shape: "Dragoslav Petrović",
            // "Klajdi Hasanaj".
        } else {
            return nil
        }
        return words
    }

    /// A capitalised word or one in capitals of five letters or more in "-aj", the Albanian surname ending ("Hasanaj",
    /// "Cakaj"), not "-uaj", the verbs' ("Paguaj"), nor a place ("Ferizaj"): weak alone, as "Zmaj" and
    /// "Kraj" end so too.
    mutating func albanianSurname(_ w: Word) -> Bool {
        guard w.shape == .capitalised || w.shape == .allCaps, !w.suffixed, !w.evidence.place, w.range.count <= 64 else { return false }
        folded.removeAll(keepingCapacity: true)
        guard NameGazetteer.fold(p, w.range, into: &folded) else { return false }
        var word = FoldedWordHash()
        for b in folded { word.append(b) }
        return NameEvidence.albanianEnding(word)
    }

    /// The word before `i`, on the same line, is capitalised ("Sunny Hill", "Стивен Паркер").
    func capitalisedBefore(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        guard k >= 0, k < i - 1, PersonNames.isLetter(p.scalar(at: p.leadByte(k)).value) else { return false }
        k = PersonNames.lettersStart(p, endingAt: p.leadByte(k))
        return PersonNames.isUpper(p.scalar(at: k).value)
    }

    /// A capitalised word follows on the same line: the word is part of a longer proper noun.
    mutating func capitalisedFollows(_ w: Word) -> Bool {
        guard let n = next(after: w), !n.afterBreak else { return false }
        return n.shape == .capitalised || n.shape == .allCaps
    }

    /// A name goes on across a line break only from a known given name to a known name word that
    /// is not a form's next label ("Milica⏎Stojanović", not "Pınar Ateş⏎Müşteki:", "İSMAİL⏎DOĞUM YERİ:"),
    /// nor the same word again ("Бесник⏎Бесник Рамадани": a signature, then the name in full), nor,
    /// after a given name alone on its line, a word that a lower-case word follows ("Олгица⏎Месна
    /// заједница": a signature, then the sender's office). A given name that is also a place joins only
    /// from a line's start to a surname of regional shape (`placeNameBeforeSurname`: "Катерина⏎Димовска").
    func joinsAcrossBreak(_ w0: Word, _ w1: Word) -> Bool {
        w0.evidence.given == 2 && (!w0.evidence.place || placeNameBeforeSurname(w0, w1)) && w1.shape == w0.shape && !labelFollows(w1.range.upperBound)
            && (!w0.evidence.declined || !w1.evidence.isUnknown) && w1.stem != w0.stem
            && !(opensLine(w0.range.lowerBound) && lowerCaseFollows(w1.range.upperBound))
    }

    /// A word that can be part of a name found without a cue: capitalised or in capitals, not an
    /// organisation word, and, in capitals, known to the gazetteer ("MARKO", not "URGENT").
    func fits(_ w: Word) -> Bool {
        (w.shape == .capitalised || (w.shape == .allCaps && !w.evidence.isUnknown)) && !w.evidence.organisation
            && !w.evidence.postTitle
    }

    /// The name after a cue or title ending at `j`: one to three words. A lower-case word is
    /// weighed only where the words before it let it count.
    mutating func afterCue(_ j: Int, kind: PersonCues.Kind) -> FoundName? {
        let title = kind.isTitle
        guard let w0 = word(at: j), w0.shape != .initial || title, !w0.evidence.organisation, !w0.evidence.postTitle else { return nil }
        // In capitals the cue's verb may come first: "OŠTEĆENI JE NIKOLA JOVANOVIĆ" (thirty-fifth round).
        if continuesSentence(w0) {  // once: a name word follows, no such verb nor another cue ("JE KĆI DRAGANA")
            guard let w1 = next(after: w0), !w1.afterBreak, w1.shape == .allCaps, !w1.evidence.isUnknown, !continuesSentence(w1),
                  PersonCues.end(p, at: w1.range.lowerBound) == nil else { return nil }
            return afterCue(w1.range.lowerBound, kind: kind)
        }
        // "sin", "kći", "zet" are words too ("sin IVA", "СИН ГОЛФ": blue, "ZET BUS"): a name word follows them.
        if w0.evidence.given < 2 && w0.evidence.surname < 2, let s = PersonNames.previousWord(p, j),
           flags(of: s..<(j - 1)) != nil, Self.kinThatAreWords.contains(folded.fnv1a(prefix: folded.count)) { return nil }
        // After a title that ends its line, a known given name, no common word or place: a signature's
        // rank is followed by its unit as often ("Detective Sergeant⏎Economic Crime Unit").
        if p.at(j - 1) == 0x0A && (w0.evidence.given == 0 || w0.evidence.ambiguous || w0.evidence.place) { return nil }
        var words: [Word] = []
        words.reserveCapacity(3); words.append(w0)  // one allocation, where a literal's buffer grows
        if !w0.suffixed, let w1 = next(after: w0, weighLowerCase: w0.shape == .lower), !w1.afterBreak || joinsAcrossBreak(w0, w1) || wrapsAfterCue(w0, w1),
           w1.shape != .initial || w0.shape == .initial || (w0.evidence.given == 2 && w0.shape != .lower),
           !w1.evidence.organisation, !w1.evidence.postTitle, (w1.shape == .lower) == (w0.shape == .lower) {
            words.append(w1)
            // After a middle initial, a word written like the first ends the name: "DESMOND P. OYELARAN", "J. P. Lindqvist".
            if !w1.suffixed, let w2 = next(after: w1, weighLowerCase: w1.shape == .lower || w1.shape == .allCaps), !w2.afterBreak, w2.shape != .initial,
               case let middleInitial = w1.shape == .initial && (w2.shape == .capitalised || w2.shape == .allCaps)
                   && (w0.shape == .initial || w2.shape == w0.shape),
               w2.shape == w1.shape || w1.shape == .allCaps || middleInitial,
               !w2.evidence.organisation, !w2.evidence.postTitle, !w2.evidence.place, !w2.suffixed || !w2.evidence.isUnknown,
               // A third word in capitals needs evidence of its own: a headline goes on in capitals ("ŞÜPHELİ AYŞE YILMAZ HAKKINDA").
               w2.shape != .allCaps || !w2.evidence.isUnknown || middleInitial,
               w1.evidence.given == 2 || w2.evidence.surname == 2 || (w0.shape == .allCaps && w2.evidence.given == 2) || middleInitial {
                words.append(w2)
            } else if w0.shape == .capitalised, w1.shape == .capitalised, let w2 = unknownLastWord(after: w1, first: w0) {
                words.append(w2)  // "kolega Dang Minh Tuan" (NameReader+UnknownWords.swift)
            }
        }
        // In capitals after a kin or naming word (not a title or a form's label), a word that goes on the
        // sentence ends a known name ("CALLED KEVIN SAYS", "SNAJA VESELINKA JE"); a particle only when no
        // name word follows it ("MARIA DA SILVA").
        if words.count > 1, !title, w0.shape == .allCaps, !w0.evidence.isUnknown, !afterColon(j), continuesSentence(words[1]),
           words.count == 2 || !isParticle(words[1]) || words[2].evidence.isUnknown { words.removeSubrange(1...) }
        // After a title in capitals, a given name the gazetteer knows, no common word or place, or a
        // surname of regional shape: "MS PRIYA VENKATESAN", "DR MARKOVIĆ", not "MS OFFICE", "MS Teams
        // Chat", "BAY WAS LOCKED", "SAYIN MÜŞTERİMİZ".
        if kind == .titleInCapitals, case let e0 = w0.evidence,
           !(e0.given == 2 && !e0.ambiguous && !e0.place || e0.regionalShape) { return nil }
        // Lower-case words count only with gazetteer evidence each, and not when they are also common
        // words ("her husband may have…"); the name ends before the first that does not count
        // ("my brother stefan got…"). One word after a role label needs evidence too.
        if let k = words.firstIndex(where: { $0.shape == .lower && ($0.evidence.isUnknown || $0.evidence.ambiguous) }),
           !(k == 1 && title && surnameAfterEnglishTitle(words, cue: j)) {  // "mr trevor fairbairn" (NameReader+UnknownWords.swift)
            guard k > 0 else { return nil }
            words.removeSubrange(k...)
        }
        // One word the gazetteer lacks is a name after a kin word, capitalised ("her niece Nazia",
        // "kızı Nafset"), not after a role or naming word ("called Revolut", "Victim Support").
        if words.count == 1 && !title && w0.evidence.isUnknown
            && (kind == .role || w0.shape != .capitalised || w0.evidence.place || w0.evidence.institution) { return nil }
        // One lower-case word alone after a role or naming word needs a given name's evidence, not a
        // surname's shape ("се претстави како банкарски службеник"); a form's field for a surname does not.
        if words.count == 1 && !title && w0.shape == .lower && w0.evidence.given == 0 { return nil }
        if words.count == 1 && (w0.shape == .initial || locative(w0)) { return nil }
        return accepted(words, detector: title ? "person-title" : "person-cue")
    }

    /// `words` as a name unless a company form or organisation word follows ("Marko Trade d.o.o.").
    private mutating func accepted(_ words: [Word], detector: String) -> FoundName? {
        let last = words[words.count - 1]
        // A name with a case suffix owns the lower-case noun after it ("Murat Koç'un banka hesabı",
        // "Jovana's bank account"); it does not name that organisation.
        if let after = gapEnd(last.range.upperBound), !after.crossedBreak, !(last.suffixed && !PersonNames.isUpper(p.scalar(at: after.index).value)) {
            if organisationFollows(after.index) { return nil }
            // …or, a capitalised word the gazetteer lacks later, the head noun of a school, hospital, mosque,
            // bridge or street, which the region names after people: "Mehmet Akif Ersoy Anadolu Lisesi",
            // "Cemil Taşcıoğlu Şehir Hastanesi"; not a bank's or police's ("Ayşe Kaya Ziraat Bankası"), nor a
            // firm's word ("Jelena Marić Zovko Trade")
            if !last.suffixed, let w = word(at: after.index), w.shape == .capitalised, !w.suffixed, w.evidence.isUnknown,
               let next = gapEnd(w.range.upperBound), !next.crossedBreak, PersonNames.isUpper(p.scalar(at: next.index).value),
               namedAfterPeople(at: next.index) { return nil }
        }
        if addressFollows(words[0].range.lowerBound, last.range.upperBound) { return nil }
        // Later mentions are found by the stems of words with evidence of their own, and of all
        // words of a name found after a cue or with a known given name ("Bekim Aliu" … "Aliu").
        let anchored = detector == "person-cue" || detector == "person-title" || words.contains { $0.evidence.given == 2 }
        var ranges: [Range<Int>] = [], stems: [UInt64] = []
        ranges.reserveCapacity(words.count)
        stems.reserveCapacity(words.count)
        for word in words {
            ranges.append(word.range)
            if anchored || !word.evidence.isUnknown { stems.append(word.stem) }
        }
        return FoundName(words: ranges, stems: stems, detector: detector)
    }

    /// The start of the next word and whether a line break was crossed, when only spaces and at
    /// most one line break separate it (and, from a quoted line, the next one's '>'); nil after a
    /// tab or three spaces, which part a table's columns ("Outgoing: Nadia Kerrigan    Incoming: Tom Ashgrove", "PAVLOV\tSLOBODANKA"), and
    /// after two spaces on a line that parts its columns so elsewhere too (a court list's "R v
    /// MWANGI Peter  Conspiracy to defraud", not a typo's "Marko  Petrović").
    func gapEnd(_ e: Int) -> (index: Int, crossedBreak: Bool)? {
        var k = e
        var breaks = 0, columns = false, spaces = 0
        while k < p.count, k - e < 8 {
            switch p[k] {
            case 0x20: spaces += 1; columns = columns || (p.at(k + 1) == 0x20 && p.at(k + 2) == 0x20); k += 1
            case 0x09: columns = true; k += 1
            case 0x0D: k += 1
            case 0x0A: breaks += 1; k += 1
            case 0x3E where breaks == 1 && quotedLine(e): k += 1  // a quoted mail's next line: "> Chloe⏎> Varnham"
            default:
                guard k > e && breaks <= 1 && !columns else { return nil }
                if breaks == 0 && spaces == 2 && anotherGapOnLine(e, k) { return nil }
                return (k, breaks == 1)
            }
        }
        return nil
    }

    /// The line of `i` opens with a quoted mail's '>' (after spaces), looked for at most 240 bytes back.
    private func quotedLine(_ i: Int) -> Bool {
        var s = p.lineStart(i, within: 240)
        while p.at(s) == 0x20 { s += 1 }
        return p.at(s) == 0x3E
    }

    /// Two spaces or a tab part words elsewhere on the line of the gap `gap..<end`.
    private func anotherGapOnLine(_ gap: Int, _ end: Int) -> Bool {
        let s = p.lineStart(gap, within: 240)
        var k = s
        while k < p.count, k - s < 480, p[k] != 0x0A {
            if k < gap || k >= end, p[k] == 0x09 || (p[k] == 0x20 && p.at(k + 1) == 0x20) { return true }
            k += 1
        }
        return false
    }

    mutating func next(after w: Word, weighLowerCase: Bool = false) -> Word? {
        guard let (k, crossed) = gapEnd(w.range.upperBound), var word = word(at: k, weighLowerCase: weighLowerCase) else { return nil }
        word.afterBreak = crossed
        return word
    }

    /// The gazetteer's flags of the word in `r`, folded (the folded word is left in `folded`); nil
    /// when it has a letter without a fold.
    mutating func flags(of r: Range<Int>) -> NameGazetteer.Flags? {
        folded.removeAll(keepingCapacity: true)
        guard NameGazetteer.fold(p, r, into: &folded) else { return nil }
        return table(folded.fnv1a(prefix: folded.count))
    }

    /// True when the word in `r` is a street, school or place word ("Novom Sadu", "Crne Gore") that
    /// is not also a given name as written ("Nova").
    mutating func isPlaceWord(_ r: Range<Int>) -> Bool {
        guard r.count <= 24 else { return false }
        guard let flags = self.flags(of: r) else { return false }
        return flags.contains(.placeWord) && !flags.contains(.given)
    }

    /// The end of the run of capitalised words starting at `i` (a place or firm named after a
    /// person, to be skipped whole), at most four words.
    mutating func properNounEnd(_ i: Int) -> Int? {
        guard placeBefore(i), var w = word(at: i) else { return nil }
        for _ in 0..<3 {
            guard let n = next(after: w), !n.afterBreak, n.shape == .capitalised || n.shape == .allCaps else { break }
            w = n
        }
        return w.range.upperBound
    }

    /// A company form ("d.o.o.", "A.Ş.", "Ltd", "sh.p.k.") or organisation word ("banka") at `i`.
    mutating func organisationFollows(_ i: Int) -> Bool {
        var k = i
        var dotted = false
        folded.removeAll(keepingCapacity: true)
        while k < p.count, k - i < 24 {
            if p[k] == 0x2E { dotted = true; k += 1; continue }
            let (v, l) = p.scalar(at: k)
            guard PersonNames.isLetter(v) else { break }
            guard NameGazetteer.fold(p, k..<(k + l), into: &folded) else { return false }
            k += l
        }
        guard !folded.isEmpty else { return false }
        let flags = table(folded.fnv1a(prefix: folded.count))
        // An institution's head noun after the words it heads, capitalised: "İçişleri Bakanlığı"
        // (not a person's "Aslı Ertürk'ün bankasına").
        if flags.contains(.organisation) || (flags.contains(.institution) && PersonNames.isUpper(p.scalar(at: i).value)) { return true }
        // Short company forms ("AD", "a.d.", "A.Ş.") count when dotted or in capitals, not as the words "ad", "as".
        let capitals = PersonNames.isUpper(p.scalar(at: i).value) && PersonNames.isUpper(p.scalar(at: i + 1).value)
        return (dotted || capitals) && flags.contains(.companyForm)
    }
}
