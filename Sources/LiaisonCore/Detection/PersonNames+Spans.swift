/// Where a name found starts and stops (sixteenth round of issue 11): a surname particle and the
/// word after it end the name ("Caspar von Hellfeld", "Tomás Ó Murchú", "Yousef al-Khatib", "Халид
/// ал-Масри"), and a given name the gazetteer lacks, opening a line before a name word and an office in
/// brackets, starts it ("Rhodri Bevan (Dyfed-Powys Police)"). Since the twentieth round a surname found
/// alone takes its initials ("Z. Patel (UK Finance)"), a name of two words the given name before it ("Edin
/// Nermin Hodžić,"), a given name found alone the surname in capitals opening a list's line before it
/// ("2. GJONBALAJ Fatbardha"), and a name stops before its first word again ("Ramazan Öztürk Ramazan
/// ayı"). All only extend or cut a name already found, so a particle, an initial or an unknown
/// word alone never opens one.
extension PersonNames {
    /// Particles written as a word of their own before a surname, as written: "von Hellfeld", "Ó Murchú",
    /// "bin Rashid", "ap Gruffydd". Not "da", "de", "di", "la", words of the region's languages.
    private static let particles: [[UInt8]] = ["von", "van", "bin", "ibn", "bint", "ap", "Ó", "Ní", "Nic", "Mac"].map { Array($0.utf8) }
    /// Articles after "von" and "van": "van der Berg", "von der Leyen".
    private static let articles: [[UInt8]] = ["der", "den", "de"].map { Array($0.utf8) }
    /// Particles written on to the surname with a hyphen: "al-Khatib", "el-Ahmed", "ал-Масри".
    private static let hyphenParticles: [[UInt8]] = ["al", "el", "Al", "El", "ал", "ел", "Ал", "Ел"].map { Array($0.utf8) }

    /// True for a particle or an article after one, as written ("van", "der", "ap"): a structured
    /// field's name is weighed without them (PersonalDataValidator+TitlesAndAffiliations.swift).
    static func isParticle(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        return particles.contains(bytes) || articles.contains(bytes)
    }

    /// Each name found takes a particle and the capitalised word after it, and, when it is one word
    /// found alone before an office in brackets, a given name the gazetteer lacks that opens its line
    /// before it; the other extensions of the file's header; a name of two or three words ending in an
    /// initial takes a surname after it. A name found inside the longer span gives way to it. Then two
    /// names one space apart become one (`joinAdjacentNames`).
    static func extendSpans(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        var grown: [Range<Int>] = []
        var held: Set<Int>? = nil  // the word starts of the names found, built when first asked (`holds`)
        for k in found.indices {
            if let (words, stem) = particleSurname(p, after: found[k].end, &reader) {
                found[k].words.append(contentsOf: words)
                found[k].stems.append(stem)
                grown.append(found[k].start..<found[k].end)
            }
            if found[k].words.count == 1, found[k].detector == "person-word" || found[k].detector == "person-again",
               let r = reader.unknownWordOpeningLine(before: found[k].start) {
                found[k].words.insert(r, at: 0)
            }
            // Before a surname found alone, its initials: "Z. Patel (UK Finance)".
            if found[k].words.count == 1, case let initials = initialsBefore(p, found[k].start), let first = initials.first,
               first.lowerBound == 0 || [0x20, 0x0A, 0x09, 0x28].contains(p[first.lowerBound - 1]),
               !initials.contains(where: { holds(found, $0, &held) }) {
                found[k].words.insert(contentsOf: initials, at: 0)
            }
            // A list's line written surname first, the surname in capitals: "2. NWACHUKWU Chidi", "MALOKU Fatbardha – Banka".
            if found[k].words.count == 1, let r = reader.surnameInCapitalsOpeningItem(before: found[k].start, nameEnd: found[k].end), !holds(found, r, &held) {
                found[k].words.insert(r, at: 0)
            }
            // Before a name of two words, a given name: "Anel Sabahudin Kapetanović"; one that is also a
            // common word only opening a list's line before a given name ("Edin Sabahudin Kapetanović,").
            if found[k].words.count == 2, p.at(found[k].start - 1) == 0x20, reader.capitalisedBefore(found[k].start),
               let first = reader.word(at: found[k].start)?.evidence, first.isUnknown || first.given == 2,
               let r = reader.givenName(before: found[k].start, common: first.given == 2 && [0x2C, 0x0A].contains(p.at(found[k].end))),
               !holds(found, r, &held), PersonCues.end(p, at: r.lowerBound) == nil {
                found[k].words.insert(r, at: 0)
            }
            // A third word that is the first again opens the next phrase: "Zanlı Ramazan Öztürk Ramazan ayı".
            if found[k].words.count == 3, p[found[k].words[0]].elementsEqual(p[found[k].words[2]]) {
                found[k].words.removeLast()
            }
            // After its last initial, a surname no other name holds.
            if (2...3).contains(found[k].words.count), let w = reader.surnameAfterInitial(found[k].words), !holds(found, w.range, &held) {
                found[k].words.append(w.range)  // "ARTAN M. KOKONOZI"
                found[k].stems.append(w.stem)
            }
        }
        if !grown.isEmpty { let index = RangeIndex(grown); found.removeAll { index.holdsFromBefore($0.range) } }
        joinAdjacentNames(p, &found)
    }

    /// Whether a name of `found` holds the word `r`: a set of their words' starts, built on first use
    /// and kept in `held`, so that a text of a million names is not searched once per name.
    private static func holds(_ found: [FoundName], _ r: Range<Int>, _ held: inout Set<Int>?) -> Bool {
        if held == nil { held = Set(found.lazy.flatMap { $0.words.lazy.map(\.lowerBound) }) }
        return held!.contains(r.lowerBound)
    }

    /// Two names found one space apart on a line are one person's name of up to four words, read in
    /// two pieces because a word in the middle is weak or unknown: "Trinh Van Khoa", "Ahmad Zia Noori".
    private static func joinAdjacentNames(_ p: Bytes, _ found: inout [FoundName]) {
        guard found.count > 1 else { return }
        found.sort { $0.start < $1.start }
        var last = 0  // the names kept are compacted in place, not removed one by one: linear on a million names
        for k in 1..<found.count {
            let a = found[last], b = found[k]
            // Not the first word again: "Ramazan Öztürk Ramazan ayı".
            if b.start == a.end + 1, p[a.end] == 0x20, a.words.count + b.words.count <= 4, !p[a.words[0]].elementsEqual(p[b.words[0]]) {
                found[last].words += b.words
                found[last].stems += b.stems
            } else {
                last += 1
                if last != k { found[last] = b }
            }
        }
        found.removeLast(found.count - last - 1)
    }

    /// The particle and surname right after `e` (one space between): "von Hellfeld", "van der Berg",
    /// "al-Khatib" as one word, with the surname's stem. The surname is capitalised, no organisation,
    /// place or institution word, and ends the name.
    private static func particleSurname(_ p: Bytes, after e: Int, _ reader: inout NameReader) -> ([Range<Int>], UInt64)? {
        guard p.at(e) == 0x20, e + 1 < p.count else { return nil }
        let s = e + 1
        let end = lettersEnd(p, from: s)
        guard end > s, end - s <= 4 else { return nil }
        let token = p[s..<end]
        var words: [Range<Int>] = []
        var k: Int
        if p.at(end) == 0x2D, hyphenParticles.contains(where: { $0.elementsEqual(token) }) {
            k = end + 1
        } else if p.at(end) == 0x20, particles.contains(where: { $0.elementsEqual(token) }) {
            words.append(s..<end)
            k = end + 1
            let a = lettersEnd(p, from: k)
            if p.at(a) == 0x20, token.first == 0x76, articles.contains(where: { $0.elementsEqual(p[k..<a]) }) {
                words.append(k..<a)
                k = a + 1
            }
        } else {
            return nil
        }
        guard k < p.count, isUpper(p.scalar(at: k).value), let w = reader.word(at: k), w.shape == .capitalised,
              !w.evidence.organisation, !w.evidence.postTitle, !w.evidence.place, !w.evidence.institution,
              reader.endsName(after: w) else { return nil }
        if words.isEmpty { return ([s..<w.range.upperBound], w.stem) }
        words.append(w.range)
        return (words, w.stem)
    }

    /// `word` with the capitalised word joined to it by a hyphen before it: "Поп-Јорданова", "Mujanović-Begić".
    static func hyphenatedBefore(_ p: Bytes, _ word: Range<Int>) -> Range<Int> {
        let h = word.lowerBound - 1
        guard h >= 1, p[h] == 0x2D else { return word }
        let s = lettersStart(p, endingAt: h)
        guard s < h, isUpper(p.scalar(at: s).value), s == 0 || p[s - 1] != 0x2D else { return word }
        return s..<word.upperBound
    }

    /// The initials ("D. ", "Lj. ") right before `i`, at most three, as word ranges in text order.
    static func initialsBefore(_ p: Bytes, _ i: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var k = i
        while ranges.count < 3, k >= 3, p[k - 1] == 0x20, p[k - 2] == 0x2E {
            var s = k - 3
            while s > 0 && p[s] & 0xC0 == 0x80 { s -= 1 }  // the first byte of the letter before the dot
            guard isUpper(p.scalar(at: s).value), s == 0 || (p[s - 1] < 0x80 && !isAlnum(p[s - 1])) else { break }
            ranges.insert(s..<(k - 1), at: 0)
            k = s
        }
        return ranges
    }
}

extension NameReader {
    /// The capitalised word opening a line (or the text) right before `i`, one space between, when the
    /// word at `i` is followed by an office in brackets, the gazetteer has no given name or listed surname
    /// for it and nothing argues against a person: a given name it lacks before a name word found alone
    /// ("Rhodri Bevan (Dyfed-Powys Police)"). Not a place, street, firm, organisation or institution word.
    /// Without the brackets a line's first word is a greeting, an adverb or a noun as often ("Здраво
    /// Милане,", "Yesterday Jovana's", "Девојчица Невена (12)").
    mutating func unknownWordOpeningLine(before i: Int) -> Range<Int>? {
        guard affiliationFollows(i), let r = unknownWord(before: i), r.lowerBound == 0 || p[r.lowerBound - 1] == 0x0A else { return nil }
        return r
    }
}

extension NameReader {
    /// The surname after a name found that ends in an initial, one space between: "ARTAN M. KOKONOZI",
    /// "Jelena N. Vuković". A listed surname or one of regional shape, or, in a name written in capitals,
    /// a word in capitals the gazetteer lacks; the name ends after it. Not a capitalised word the
    /// gazetteer lacks, which opens the next sentence as often ("Marko P. Nakon toga…").
    mutating func surnameAfterInitial(_ words: [Range<Int>]) -> Word? {
        // An initial is a capital and a dot: look at the bytes before reading any word.
        guard let last = words.last, last.count <= 5, p.at(last.upperBound - 1) == 0x2E, p.at(last.upperBound) == 0x20,
              last.upperBound + 1 < p.count, PersonNames.isUpper(p.scalar(at: last.upperBound + 1).value),
              let first = word(at: words[0].lowerBound), let initial = word(at: last.lowerBound),
              initial.shape == .initial, let w = word(at: last.upperBound + 1),
              w.shape == first.shape, w.shape == .capitalised || w.shape == .allCaps else { return nil }
        let ev = w.evidence
        guard ev.surname > 0 || (w.shape == .allCaps && ev.isUnknown), ev.given < 2 || ev.surname == 2, !ev.organisation,
              !ev.postTitle, !ev.place, !ev.institution, !isPlaceWord(w.range), endsName(after: w) else { return nil }
        return w
    }

    /// A given name that is also a place, opening its line, before a surname of regional shape in the
    /// nominative on the next: "Катерина⏎Димовска" under a record; not "Sead Kurtović, Goražde⏎Kurtoviću".
    func placeNameBeforeSurname(_ w0: Word, _ w1: Word) -> Bool {
        w1.evidence.regionalShape && !w1.evidence.declined && opensLine(w0.range.lowerBound)
    }

    /// After the word at `i`: " (" and a capital, an office in brackets ("Bevan (Dyfed-Powys Police)").
    func affiliationFollows(_ i: Int) -> Bool {
        let e = PersonNames.lettersEnd(p, from: i)
        return p.at(e) == 0x20 && p.at(e + 1) == 0x28 && e + 2 < p.count && PersonNames.isUpper(p.scalar(at: e + 2).value)
    }
}

extension NameReader {
    /// The capitalised given name right before `i`, one space between, on the same line: a given name
    /// as written, no place, organisation or institution word, and no common word unless `common` and
    /// it opens its line ("Edin" before "Sabahudin Kapetanović").
    mutating func givenName(before i: Int, common: Bool) -> Range<Int>? {
        guard i >= 3, p[i - 1] == 0x20 else { return nil }
        let e = i - 1
        let s = PersonNames.lettersStart(p, endingAt: e, above: max(0, e - 49))
        guard s < e, PersonNames.isUpper(p.scalar(at: s).value), let w = word(at: s), w.range.upperBound == e, w.shape == .capitalised, !w.suffixed else { return nil }
        let ev = w.evidence
        guard ev.given == 2, !ev.ambiguous || (common && opensLine(s)), !ev.declined, !ev.organisation, !ev.postTitle, !ev.place, !ev.institution,
              !isPlaceWord(w.range) else { return nil }
        return w.range
    }
}

extension NameReader {
    /// The word in capitals (three bytes or more) right before the given name at `i`, one space
    /// between, that opens a list's line ("2. ", "- ", "• ") ended by the given name (a line break or
    /// comma after it), or opens a line ended by an office ("MALOKU Fatbardha – Banka", "… (MUP)"),
    /// or is the whole text with it: a surname written first, in capitals, as lists of people write it
    /// ("2. NWACHUKWU Chidi"). A surname of the gazetteer or a word it lacks; not an organisation,
    /// title, place or institution word. Without a list's marker or an office, a line's first word in
    /// capitals is a heading as often ("HITNO Marko, javi se", "URGENT Sarah, call me").
    mutating func surnameInCapitalsOpeningItem(before i: Int, nameEnd e: Int) -> Range<Int>? {
        // The bytes first: a line's or list's start, a word in capitals, the item's end after the name.
        guard i >= 4, p[i - 1] == 0x20 else { return nil }
        let office = p.at(e) == 0x20 && (p.at(e + 1) == 0x28 || p.at(e + 1) == 0x2D || (p.at(e + 1) == 0xE2 && p.at(e + 2) == 0x80 && p.at(e + 3) == 0x93))
        let itemEnds = e >= p.count || p[e] == 0x0A || p[e] == 0x2C
        guard office || itemEnds else { return nil }
        let s = PersonNames.lettersStart(p, endingAt: i - 1, above: max(0, i - 50))
        guard s < i - 1, i - 1 - s >= 3, PersonNames.isUpper(p.scalar(at: s).value), let marked = listItemMarked(s), marked || office || (s == 0 && e >= p.count),
              let name = word(at: i), name.shape == .capitalised, name.evidence.given == 2, name.range.upperBound == e,
              let w = word(at: s), w.range.upperBound == i - 1, w.shape == .allCaps else { return nil }
        let ev = w.evidence
        guard ev.isUnknown || ev.surname > 0, ev.given < 2, !ev.organisation, !ev.postTitle, !ev.place, !ev.institution,
              !isPlaceWord(w.range) else { return nil }
        return w.range
    }

    /// When only a list's marker ("2.", "-", "*", "•") and spaces, or only spaces, are between the last
    /// line break (or the text's start) and `i`: whether there is a marker. Nil when anything else is.
    func listItemMarked(_ i: Int) -> Bool? {
        var k = i - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        let end = k
        if k >= 0 && (p[k] == 0x2D || p[k] == 0x2A) { k -= 1 } else if k >= 0 && p[k] == 0x2E {
            k -= 1
            guard k >= 0, isDigit(p[k]) else { return nil }
            while k >= 0 && isDigit(p[k]) { k -= 1 }
        } else if k >= 2 && p[k] == 0xA2 && p[k - 1] == 0x80 && p[k - 2] == 0xE2 { k -= 3 }
        let marked = k < end
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        return k < 0 || p[k] == 0x0A ? marked : nil
    }
}
