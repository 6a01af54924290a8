/// Rule 18, an unknown first word before a name word inside a sentence (twenty-fifth round of
/// issue 11): "oğlum fark etti, Acun Ilıcalı böyle…", "Van'da yaşayan Rojbin Özer,". Foreign and
/// rare given names are the ones the region's gazetteer lacks, and a report writes them as it
/// writes any name. Two capitalised words one space apart, after a lower-case word or a comma and
/// opening no sentence, are a person when the first is unknown to the gazetteer and the second is a
/// given name or surname of it (no English word: "Ivy Marsh" is left to rule 10), and nothing argues
/// for a thing: no organisation, place, institution, honorific or common word among them, no
/// capitalised word before or after them, no article, determiner or preposition of place before
/// them ("the Citizens Advice line", "a Citizens Advice stall"), no organisation word after them.
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
            // Then the words, then what is around them.
            guard p.at(a - 1) == 0x20, b - a <= 48, p[b - 1] == 0x20, p.at(a - 2) == 0x2C || isLowerWordEnd(p, a - 2),
                  adjacent(p, a, b), !reader.opensSentence(a),
                  let w0 = reader.word(at: a), w0.shape == .capitalised, w0.evidence.isUnknown, !w0.suffixed,
                  let w1 = reader.word(at: b), w1.shape == .capitalised, w1.range.lowerBound == w0.range.upperBound + 1,
                  !w1.evidence.isUnknown, !w1.evidence.surnameWord, !afterDeterminer(p, a, reader), !reader.capitalisedBefore(a),
                  plain(w0, &reader), plain(w1, &reader), !reader.capitalisedFollows(w1),
                  reader.placePreposition(before: a) == nil, !reader.placeBefore(a), reader.institutionBefore(a) == nil else { continue }
            if let after = reader.gapEnd(w1.range.upperBound), !after.crossedBreak, reader.organisationFollows(after.index) { continue }
            found.append(FoundName(words: [w0.range, w1.range], stems: [w0.stem, w1.stem], detector: "person-unknown-pair"))
            taken.append(contentsOf: [a, b])
            k += 1
        }
        forget(taken, in: &capitalised)
    }

    /// Articles and determiners before a thing's name: English, Turkish "bir", Albanian "një".
    private static let determiners: [[UInt8]] = ["the", "a", "an", "our", "your", "my", "his", "her", "their", "its", "this",
                                                 "that", "these", "those", "bir", "një"].map { Array($0.utf8) }

    /// The short word before `a` (`NameReader.shortWord`) is an article or determiner (`determiners`).
    private static func afterDeterminer(_ p: Bytes, _ a: Int, _ reader: NameReader) -> Bool {
        guard let r = reader.shortWord(before: a) else { return false }
        return determiners.contains { p[r].elementsEqual($0) }
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
