/// Rule 21, a name in capitals before a year of birth in brackets (twenty-seventh round of issue 11):
/// police duty logs and court lists of the region print a person surname first, in capitals, with
/// the year ("08:40  ANKESË NGA FLAMUR LAJÇI (1957)", "16:05 | ЛОЗАНОСКА ТЕОДОРА МАРИЈА (2004)",
/// "REPORT BY HALLIWELL JORDAN LEE (2001)"). Of the two or three words in capitals before the year
/// (one space apart, on its line), a given name the gazetteer knows stands beside a word that is no
/// given name but a listed surname or an unknown word of four letters or more: "ÖZTÜRK AYŞE",
/// "NIKÇI VJOLLCA", "FLAMUR LAJÇI", and a surname before or after two given names ("KILIÇ BETÜL
/// SENA", "ANA MARIJA PETROVIĆ"); not "BY TOBIAS", "NGA NIKÇI" or "ОД ТЕОДОРА". It runs before the
/// brands are dropped, so a car's make and model before its year is none ("ALFA ROMEO (2016)"). The
/// name replaces the shorter ones found inside it ("BETÜL SENA") and gives way to a longer one.
extension PersonNames {
    static func namesBeforeBirthYears(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        var names: [FoundName] = []
        var k = p.firstIndex(of: 0x28, from: 0)
        while k < p.count {
            defer { k = p.firstIndex(of: 0x28, from: k + 1) }
            // " (19xx)" or " (20xx)"
            let century = Int(p.at(k + 1)) << 8 | Int(p.at(k + 2))
            guard k >= 2, p[k - 1] == 0x20, century == 0x3139 || century == 0x3230, isDigit(p.at(k + 3)), isDigit(p.at(k + 4)),
                  p.at(k + 5) == 0x29 else { continue }
            var words: [NameReader.Word] = []
            var e = k - 1
            while words.count < 3 {
                let floor = max(0, e - 49), s = lettersStart(p, endingAt: e, above: floor)
                guard s < e, s > floor || s == 0, let w = reader.word(at: s), w.range.upperBound == e, w.shape == .allCaps else { break }
                words.insert(w, at: 0)
                guard s >= 2, p[s - 1] == 0x20, p[s - 2] != 0x20 else { break }
                e = s - 1
            }
            guard let name = birthYearName(words, p) else { continue }
            // every word's stem, as after a cue: the year anchors the name ("Lajçit", "Crabtree" later)
            names.append(FoundName(words: name.map(\.range), stems: name.map(\.stem), detector: "person-birth-year"))
        }
        guard !names.isEmpty else { return }
        let index = RangeIndex(found.map(\.range))  // looked up, not compared with each: linear
        names.removeAll { index.holdsLonger($0.range) }
        guard !names.isEmpty else { return }
        found.removeOverlapping(names.map(\.range))
        found.append(contentsOf: names)
    }

    /// The name among `words`, in capitals before a year: a surname and two given names, either way
    /// round, or a given name and a surname-like word, the surname first or second. A word with a surname's evidence of
    /// its own counts as a surname though a given name too ("ÖZTÜRK AYŞE"); a role word never does
    /// ("ŞİKAYETÇİ ÖZTÜRK AYŞE").
    private static func birthYearName(_ words: [NameReader.Word], _ p: Bytes) -> ArraySlice<NameReader.Word>? {
        let n = words.count
        guard n >= 2, words.allSatisfy({ !$0.evidence.organisation && !$0.evidence.postTitle && !$0.evidence.institution }) else { return nil }
        func given(_ w: NameReader.Word) -> Bool { w.evidence.given > 0 }
        func surnameLike(_ w: NameReader.Word) -> Bool {
            (!given(w) || w.evidence.surname == 2) && !w.evidence.place && PersonCues.end(p, at: w.range.lowerBound) == nil
                && (w.evidence.surname > 0 || w.evidence.isUnknown && p[w.range].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } >= 4)
        }
        let last = words[n - 1], before = words[n - 2]
        if n == 3 && (given(last) && given(before) && surnameLike(words[0]) || surnameLike(last) && given(before) && given(words[0])) {
            return words[0...]
        }
        if given(last) && surnameLike(before) || surnameLike(last) && given(before) { return words[(n - 2)...] }
        return nil
    }
}
