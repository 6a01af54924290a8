/// Rule 15, newcomers named after where they come from (nineteenth round of issue 11): "Student iz
/// Nigerije Ebere Nwosu prijavio je…", "Студенткиња из Кине Сју Јанфеј", "a nurse from Ghana Kwame
/// Mensah". Reports name a foreign victim or witness by origin first, and their names are the ones
/// no gazetteer of the region holds. After a preposition of origin and one word the gazetteer knows
/// as a place, two capitalised words that no rule took, one space apart on the line, are a person
/// when nothing argues against one: neither is an organisation, place, institution, honorific or
/// common word, and no capitalised or organisation word follows ("iz Beograda Holz Richter GmbH").
extension PersonNames {
    /// Prepositions of origin, folded (Cyrillic as Latin): Serbo-Croatian and Macedonian, Albanian, English.
    private static let originPrepositions = HashedWords("iz od nga prej from")

    /// The names after an origin among `capitalised` (words no rule took, in text order); the words
    /// taken leave `capitalised`.
    static func namesAfterOrigin(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        guard capitalised.count >= 3 else { return }
        var taken: [Int] = []
        var k = 1
        while k < capitalised.count - 1 {
            let place = capitalised[k - 1], a = capitalised[k], b = capitalised[k + 1]
            k += 1
            // By the bytes first: three words a space apart, close together, after a short word.
            guard b - place <= 96, p[a - 1] == 0x20, p[b - 1] == 0x20, followsOriginPreposition(p, place, &reader),
                  adjacent(p, place, a), adjacent(p, a, b),
                  reader.word(at: place)?.evidence.place == true,
                  let w0 = reader.word(at: a), let w1 = reader.word(at: b), w0.shape == .capitalised, w1.shape == .capitalised,
                  !w0.suffixed, w1.range.lowerBound == w0.range.upperBound + 1, plain(w0, &reader), plain(w1, &reader),
                  !reader.capitalisedFollows(w1) else { continue }
            if let after = reader.gapEnd(w1.range.upperBound), !after.crossedBreak, reader.organisationFollows(after.index) { continue }
            found.append(FoundName(words: [w0.range, w1.range], stems: [w0.stem, w1.stem], detector: "person-origin"))
            taken.append(contentsOf: [a, b])
            k += 1
        }
        forget(taken, in: &capitalised)
    }

    /// The word before the one at `i`, one space apart on the line, is a preposition of origin.
    private static func followsOriginPreposition(_ p: Bytes, _ i: Int, _ reader: inout NameReader) -> Bool {
        // By the bytes first: two to four of them after a space or a line's start, opening as one of
        // the prepositions does ("iz", "nga", "из").
        guard i >= 3, p[i - 1] == 0x20, p[i - 2] != 0x20 else { return false }
        var s = i - 2
        while s > 0, i - 1 - s < 5, p[s - 1] != 0x20, p[s - 1] != 0x0A { s -= 1 }
        guard i - 1 - s >= 2, i - 1 - s <= 4, s == 0 || p[s - 1] == 0x20 || p[s - 1] == 0x0A,
              case let c = p[s], c == 0x69 || c == 0x6F || c == 0x6E || c == 0x70 || c == 0x66 || c == 0xD0,  // i o n p f, Cyrillic
              let (word, end, _) = reader.foldedWord(at: s), end == i - 1 else { return false }
        return originPrepositions.contains(word.hash)
    }
}
