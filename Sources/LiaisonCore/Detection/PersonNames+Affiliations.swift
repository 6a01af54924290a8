/// A list of people with their offices in brackets (fifteenth round of issue 11): "Sami Pardo (BDDK),
/// Rojhat Demirkaya (Diyarbakır Cumhuriyet Başsavcılığı)", a meeting's attendees one a line. Once a
/// name found opens such an item, two capitalised words opening another item before " (" are a
/// name too, though the gazetteer lacks them; and a word alone in brackets after a name is no person.
extension PersonNames {
    /// Names of two capitalised words that open a list item (the text's or a line's start, or after
    /// ", " or ": ") right before " (", in a text where a name found opens such an item too. Neither
    /// word may be an organisation, institution, place, street or honorific word, nor, when the
    /// gazetteer lacks it, a word the text also writes in lower case. A name found inside the two
    /// words ("Bevan" of "Rhodri Bevan (…)") gives way to them.
    static func affiliatedNames(_ p: Bytes, _ capitalised: [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        dropBracketedWords(p, &reader, &found)
        guard found.contains(where: { opensItem(p, $0.start) && bracketFollows(p, $0.end) }) else { return }
        var lowerCase: Set<UInt64>? = nil
        var added: [FoundName] = []
        for i in capitalised where opensItem(p, i) {
            guard let w0 = reader.word(at: i), w0.shape == .capitalised, !w0.suffixed, let w1 = reader.next(after: w0), !w1.afterBreak,
                  w1.shape == .capitalised, w1.range.lowerBound == w0.range.upperBound + 1, bracketFollows(p, w1.range.upperBound),
                  fitsAffiliated(p, w0, &reader, &lowerCase), fitsAffiliated(p, w1, &reader, &lowerCase) else { continue }
            added.append(FoundName(words: [w0.range, w1.range], stems: [w0.stem, w1.stem], detector: "person-affiliation"))
        }
        guard !added.isEmpty else { return }
        let index = RangeIndex(added.map(\.range))  // looked up, not compared with each: linear
        found.removeAll { index.holds($0.range) }
        found.append(contentsOf: added)
    }

    /// A word alone in brackets right after a name found is that person's town or office, not another
    /// person (twenty-third round): "Amir Rahmani (Bolton)"; a given name stays ("Marko (Mare)").
    private static func dropBracketedWords(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        func bracketed(_ name: FoundName) -> Bool {
            name.words.count == 1 && name.start >= 3 && p[name.start - 1] == 0x28 && p[name.start - 2] == 0x20 && p.at(name.end) == 0x29
        }
        guard found.contains(where: bracketed) else { return }
        let ends = Set(found.map(\.end))
        found.removeAll { name in
            guard bracketed(name), ends.contains(name.start - 2), let w = reader.word(at: name.start) else { return false }
            return w.evidence.given == 0
        }
    }

    /// The word at `i` opens a list item: the text's or a line's start, or after ", " or ": ".
    private static func opensItem(_ p: Bytes, _ i: Int) -> Bool {
        i == 0 || p[i - 1] == 0x0A || (i >= 2 && p[i - 1] == 0x20 && (p[i - 2] == 0x2C || p[i - 2] == 0x3A))
    }

    /// " (" follows `e`.
    private static func bracketFollows(_ p: Bytes, _ e: Int) -> Bool {
        p.at(e) == 0x20 && p.at(e + 1) == 0x28
    }

    private static func fitsAffiliated(_ p: Bytes, _ w: NameReader.Word, _ reader: inout NameReader, _ lowerCase: inout Set<UInt64>?) -> Bool {
        let e = w.evidence
        return !e.organisation && !e.postTitle && !e.institution && !e.place && !reader.isPlaceWord(w.range)
            && (!e.isUnknown || !writtenLowerCase(p, w.range.lowerBound, &reader, &lowerCase))
    }
}
