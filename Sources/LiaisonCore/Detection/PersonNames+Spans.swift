/// Where a name found starts and stops (sixteenth round of issue 11): a surname particle and the
/// word after it end the name ("Caspar von Hellfeld", "Tomás Ó Murchú", "Yousef al-Khatib", "Халид
/// ал-Масри"), and a given name the gazetteer lacks, opening a line before a name word and an office in
/// brackets, starts it ("Rhodri Bevan (Dyfed-Powys Police)"). Both only extend a name already found, so a
/// particle or an unknown word alone never opens one.
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
    /// before it; a name of two or three words ending in an initial takes a surname after it. A name
    /// found inside the longer span gives way to it. Then two names one space apart become one
    /// (`joinAdjacentNames`).
    static func extendSpans(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        var grown: [Range<Int>] = []
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
            // After its last initial, a surname no other name holds.
            if (2...3).contains(found[k].words.count), let w = reader.surnameAfterInitial(found[k].words), !taken(w, found) {
                found[k].words.append(w.range)  // "ARTAN M. KOKONOZI"
                found[k].stems.append(w.stem)
            }
        }
        if !grown.isEmpty { found.removeAll { name in grown.contains { $0.lowerBound < name.start && name.end <= $0.upperBound } } }
        joinAdjacentNames(p, &found)
    }

    private static func taken(_ w: NameReader.Word, _ found: [FoundName]) -> Bool {
        found.contains { $0.start < w.range.upperBound && w.range.lowerBound < $0.end }
    }

    /// Two names found one space apart on a line are one person's name of up to four words, read in
    /// two pieces because a word in the middle is weak or unknown: "Trinh Van Khoa", "Ahmad Zia Noori".
    private static func joinAdjacentNames(_ p: Bytes, _ found: inout [FoundName]) {
        guard found.count > 1 else { return }
        found.sort { $0.start < $1.start }
        var k = 0
        while k + 1 < found.count {
            let a = found[k], b = found[k + 1]
            if b.start == a.end + 1, p[a.end] == 0x20, a.words.count + b.words.count <= 4 {
                found[k].words += b.words
                found[k].stems += b.stems
                found.remove(at: k + 1)
            } else {
                k += 1
            }
        }
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
