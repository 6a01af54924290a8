/// Two names joined by "and" (thirtieth round of issue 11): "R v MWANGI Peter and RUTHERFORD Leanne",
/// "обвинети ЛЕВЕНТ ОСМАН и ЌЕМАЛ ОСМАН". The second is a name as the first is, although the gazetteer
/// knows only one of its words.
extension PersonNames {
    /// "and", "i", "и", "dhe", "ve" (any case) and "&", with a space on each side.
    private static let conjunctions: [[UInt8]] = ["and", "i", "и", "И", "dhe", "ve", "&"].map { Array($0.utf8) }

    /// The names joined to a name of two words or more in `found` by a conjunction, added to `found` in
    /// place of what was found inside them ("RUTHERFORD Leanne", not "Leanne"): two words written as the
    /// found name's first two are (capitalised, or in capitals), on its line, not after a title ("… and Dr
    /// Patel"), one of them a given name the gazetteer knows that is no common word, nothing in either of an
    /// organisation, place, street or institution, and no capitalised word or organisation word after them
    /// ("… and Banja Luka", "… and Orhan Kemal Roman Armağanı", "… i Marko Trade d.o.o."). Brands named after
    /// a person ("… and Louis Vuitton") are dropped after, with the other names (`dropBrandNames`).
    static func coordinatedNames(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        var names: [FoundName] = []
        var starts: Set<Int>? = nil  // of the names of two words or more found, read once a conjunction follows one
        for name in found where name.words.count >= 2 {
            guard let k = afterConjunction(p, name.end) else { continue }
            if starts == nil { starts = Set(found.lazy.filter { $0.words.count >= 2 }.map(\.start)) }
            guard !starts!.contains(k), PersonCues.end(p, at: k) == nil, let first = reader.word(at: name.words[0].lowerBound),
                  let second = reader.word(at: name.words[1].lowerBound), let w1 = reader.word(at: k), let w2 = reader.next(after: w1),
                  !w2.afterBreak, w1.shape == first.shape, w2.shape == second.shape, w1.shape == .capitalised || w1.shape == .allCaps,
                  w2.shape == .capitalised || w2.shape == .allCaps, !w1.suffixed, plainName(w1), plainName(w2),
                  given(w1) || given(w2), w1.stem != w2.stem, !reader.isPlaceWord(w1.range), !reader.isPlaceWord(w2.range),
                  reader.endsName(after: w2) else { continue }
            names.append(FoundName(words: [w1.range, w2.range], stems: [w1.stem, w2.stem], detector: "person-coordinated"))
        }
        guard !names.isEmpty else { return }
        // In text order, none overlapping the one before.
        names.sort { $0.start < $1.start }
        var kept: [FoundName] = []
        for name in names where name.start >= kept.last?.end ?? 0 { kept.append(name) }
        found.removeOverlapping(kept.map(\.range))
        found.append(contentsOf: kept)
    }

    /// The start of the word after " and " (or another conjunction) at `e`, or nil.
    private static func afterConjunction(_ p: Bytes, _ e: Int) -> Int? {
        guard p.at(e) == 0x20 else { return nil }
        for c in conjunctions where e + c.count + 2 < p.count && p.at(e + c.count + 1) == 0x20 {
            var same = true
            for (j, b) in c.enumerated() where lowerASCII(p[e + 1 + j]) != b { same = false; break }
            if same { return e + c.count + 2 }
        }
        return nil
    }

    private static func plainName(_ w: NameReader.Word) -> Bool {
        !w.evidence.organisation && !w.evidence.place && !w.evidence.institution && !w.evidence.postTitle
    }

    private static func given(_ w: NameReader.Word) -> Bool {
        w.evidence.given == 2 && !w.evidence.ambiguous && !w.evidence.declined
    }
}
