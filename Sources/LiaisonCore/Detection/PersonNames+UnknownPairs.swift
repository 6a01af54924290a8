/// Rule 18, two words no list knows inside a sentence (twenty-fifth round of issue 11): "The
/// assistant, Keeley Brannigan, made…", "(user Pritam Sandhu)", "Van'da yaşayan Rojbin Özer,". The
/// names the region's gazetteer lacks are foreign ones, and a report writes them as it writes any
/// name: two capitalised words after a lower-case word, neither of them opening a sentence. Two
/// such words are a person when the first is unknown to the gazetteer, the second is unknown or a
/// name, neither is an organisation, place, institution, honorific or common word, and nothing
/// around them argues for a thing: no preposition of place or "the" before them, no capitalised or
/// organisation word after them.
extension PersonNames {
    /// The unknown pairs among `capitalised` (words no rule took, in text order); the words taken
    /// leave `capitalised`.
    static func unknownPairs(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        guard capitalised.count >= 2 else { return }
        var taken: [Int] = []
        var k = 0
        while k < capitalised.count - 1 {
            let a = capitalised[k], b = capitalised[k + 1]
            k += 1
            // By the bytes first: one space before each word, a comma or a lower-case letter before the pair.
            guard p.at(a - 1) == 0x20, b - a <= 48, p[b - 1] == 0x20, p.at(a - 2) == 0x2C || isLowerWordEnd(p, a - 2), !afterThe(p, a),
                  adjacent(p, a, b), !reader.opensSentence(a),
                  let w0 = reader.word(at: a), let w1 = reader.word(at: b), w0.shape == .capitalised, w1.shape == .capitalised,
                  !w0.suffixed, w1.range.lowerBound == w0.range.upperBound + 1, w0.evidence.isUnknown, !w1.evidence.isUnknown, !w1.evidence.surnameWord,
                  plain(w0, &reader), plain(w1, &reader), !reader.capitalisedFollows(w1),
                  reader.placePreposition(before: a) == nil, !reader.placeBefore(a), reader.institutionBefore(a) == nil else { continue }
            if let after = reader.gapEnd(w1.range.upperBound), !after.crossedBreak, reader.organisationFollows(after.index) { continue }
            found.append(FoundName(words: [w0.range, w1.range], stems: [w0.stem, w1.stem], detector: "person-unknown-pair"))
            taken.append(contentsOf: [a, b])
            k += 1
        }
        if !taken.isEmpty { capitalised.removeAll { taken.contains($0) } }
    }

    /// The word before `a` is the English article: "the Citizens Advice line" names a thing.
    private static func afterThe(_ p: Bytes, _ a: Int) -> Bool {
        a >= 5 && p[a - 4] == 0x74 && p[a - 3] == 0x68 && p[a - 2] == 0x65 && (p[a - 5] == 0x20 || p[a - 5] == 0x0A)
    }

    /// The byte at `k` ends a word in lower case (ASCII, or a letter beyond it that is no capital).
    private static func isLowerWordEnd(_ p: Bytes, _ k: Int) -> Bool {
        guard k >= 0 else { return false }
        let c = p[k]
        if c < 0x80 { return isLowerASCII(c) }
        let v = p.scalar(at: p.leadByte(k)).value
        return isLetter(v) && !isUpper(v)
    }
}
