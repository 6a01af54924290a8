/// Rule 11 of `PersonNames`: two capitalised words that no other rule took are a name when the text
/// later (or earlier) names the person again by one of them alone, as its subject: "Tigist Haile, an
/// Ethiopian student … Tigist is treated as a victim", "Даглас Фримонт. Фримонт бараше пари",
/// "Ramesh Gurung … Rameshu je pomogao". The gazetteer knows neither word; the repetition is the evidence.
extension PersonNames {
    /// The pairs among `capitalised` (starts of capitalised words that were not part of a name, in
    /// text order) that a lone repetition confirms, as found names (the repetitions are then found
    /// by their stems, as rule 8 finds a person again).
    /// The repetition comes after the pair (a person is named in full, then by one word): "Faith in
    /// the caller's story … Faith Wanjiru" is no repetition of "Faith".
    /// A pair: two words written capitalised, one space apart, no capitalised word right before or
    /// after them on the line, neither a place, organisation, institution, honorific or street word,
    /// no company form or organisation word after. A repetition: one of the two words (its stem:
    /// case endings off) alone, no capitalised word beside it, opening a sentence or after a colon,
    /// with a lower-case word right after it ("Tigist is", "Фримонт бараше"), and the word never
    /// written in lower case in the text (so not "The", "This", a common word opening sentences).
    static func repeatedPairs(_ p: Bytes, _ capitalised: [Int], _ reader: inout NameReader) -> [FoundName] {
        guard capitalised.count >= 3 else { return [] }
        // Whether each entry and the next are neighbouring words on one line, read once for both loops.
        var nextAdjacent = [Bool](repeating: false, count: capitalised.count)
        for k in 0..<(capitalised.count - 1) { nextAdjacent[k] = adjacent(p, capitalised[k], capitalised[k + 1]) }
        func alongside(_ k: Int) -> Bool { (k > 0 && nextAdjacent[k - 1]) || nextAdjacent[k] }
        // Candidate pairs: consecutive entries that are neighbouring words on one line.
        var pairs: [(first: Int, second: Int)] = []
        for k in 0..<(capitalised.count - 1) {
            let a = capitalised[k], b = capitalised[k + 1]
            guard b - a <= 48, p[b - 1] == 0x20, b >= 2, isLetterByte(p, b - 2) else { continue }
            guard k == 0 || !nextAdjacent[k - 1] else { continue }
            guard k + 2 >= capitalised.count || !nextAdjacent[k + 1] else { continue }
            pairs.append((a, b))
        }
        guard let firstPair = pairs.first else { return [] }
        // Lone capitalised words with a lower-case word after them, by stem. Only a repetition after
        // some pair counts, so the words before the first pair's second word are not read.
        // A `Dictionary`, hashed with the process's random seed: the stems are FNV-1a hashes the text's
        // author can choose, and a table probed by their own bits can be flooded with one cluster.
        var alone: [UInt64: Int] = [:]  // the last start of each stem
        for k in capitalised.indices where capitalised[k] > firstPair.second && !alongside(k) {
            let s = capitalised[k]
            guard opensClause(p, s), case let e = lettersEnd(p, from: s), e < p.count - 1, p[e] == 0x20, startsLowerCase(p, e + 1),
                  let (stem, _) = reader.stem(at: s) else { continue }
            alone[stem] = s
        }
        guard !alone.isEmpty else { return [] }
        var found: [FoundName] = []
        var taken = Set<Int>()
        var lowerCase: Set<UInt64>? = nil
        for (a, b) in pairs where !taken.contains(a) && !taken.contains(b) {
            // The cheapest test first: one of the two words is repeated alone after the pair (no
            // repetition lies inside the second word, which no clause opens).
            let stems = (reader.stem(at: a)?.stem, reader.stem(at: b)?.stem)
            func repeated(_ stem: UInt64?) -> Bool { stem.flatMap { alone[$0] }.map { $0 > b } ?? false }
            guard repeated(stems.0) || repeated(stems.1) else { continue }
            guard let w0 = reader.word(at: a), let w1 = reader.word(at: b), w0.shape == .capitalised, w1.shape == .capitalised,
                  !w0.suffixed, w1.range.lowerBound == w0.range.upperBound + 1,
                  plain(w0, &reader), plain(w1, &reader), !reader.capitalisedBefore(a), !reader.capitalisedFollows(w1),
                  !reader.placeBefore(a), reader.institutionBefore(a) == nil, reader.placePreposition(before: a) == nil else { continue }
            if let after = reader.gapEnd(w1.range.upperBound), !after.crossedBreak, reader.organisationFollows(after.index) { continue }
            // A file's name ("Датотеката Пријава.pdf"), not a person's.
            if p.at(w1.range.upperBound) == 0x2E && isAlpha(p.at(w1.range.upperBound + 1)) { continue }
            // Only the stems of the words repeated after the pair let the person-again pass find them.
            var confirmed: [UInt64] = []
            for (w, stem) in [(w0, stems.0), (w1, stems.1)] where repeated(stem) && !writtenLowerCase(p, w.range.lowerBound, &reader, &lowerCase) {
                confirmed.append(w.stem)
            }
            guard !confirmed.isEmpty else { continue }
            found.append(FoundName(words: [w0.range, w1.range], stems: confirmed, detector: "person-repeated"))
            taken.formUnion([a, b])
        }
        return found
    }

    /// The word at `i` opens the text, a line or a sentence, or follows a colon: where a person is the
    /// subject ("Tigist is", "Ltd: Drummond confirmed"), not a place after a preposition ("iz Mačvanskog").
    private static func opensClause(_ p: Bytes, _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        return k < 0 || p[k] == 0x0A || p[k] == 0x2E || p[k] == 0x21 || p[k] == 0x3F || p[k] == 0x3A
    }

    /// The word at `b` is the next word after the one at `a`, one space apart on the same line.
    static func adjacent(_ p: Bytes, _ a: Int, _ b: Int) -> Bool {
        guard b > a + 1, b - a <= 48, p[b - 1] == 0x20 else { return false }
        var k = a
        while k < b - 1 {
            let c = p[k]
            if c < 0x80 { guard isAlpha(c) else { return false }; k += 1; continue }
            let (v, l) = p.scalar(at: k)
            guard isLetter(v) else { return false }
            k += l
        }
        return true
    }

    /// The scalar at `k` (or the one `k` is inside) is a letter.
    private static func isLetterByte(_ p: Bytes, _ k: Int) -> Bool {
        if p[k] < 0x80 { return isAlpha(p[k]) }
        return isLetter(p.scalar(at: p.leadByte(k)).value)
    }

    /// A lower-case letter starts at `i`.
    static func startsLowerCase(_ p: Bytes, _ i: Int) -> Bool {
        let v = p.scalar(at: i).value
        return isLetter(v) && !isUpper(v)
    }

    /// Nothing argues against a person in the word: not an organisation, place, institution,
    /// honorific, street or place word, company form or declined common noun.
    static func plain(_ w: NameReader.Word, _ reader: inout NameReader) -> Bool {
        let e = w.evidence
        guard !e.organisation, !e.postTitle, !e.place, !e.institution, !e.ambiguous else { return false }
        guard let flags = reader.flags(of: w.range) else { return true }
        return flags.isDisjoint(with: [.placeWord, .institution, .companyForm, .declinedNoun, .place, .organisation])
    }

    /// The capitalised word at `i` (letters only) occurs written in lower case in `p` as a whole
    /// word; `lowerCase` holds the hashes of the text's lower-case words, read once when first needed,
    /// so a text of many pairs is still read a bounded number of times.
    static func writtenLowerCase(_ p: Bytes, _ i: Int, _ reader: inout NameReader, _ lowerCase: inout Set<UInt64>?) -> Bool {
        guard let w = reader.word(at: i) else { return false }
        let first = p.scalar(at: i)
        guard let lower = Unicode.Scalar(first.value)?.properties.lowercaseMapping.unicodeScalars.first,
              lower.value != first.value else { return false }
        var hash = FNV1a()
        for b in String(lower).utf8 { hash.add(b) }
        var k = i + first.length
        while k < w.range.upperBound {
            let (v, l) = p.scalar(at: k)
            guard isLetter(v) else { return false }  // "Kaya-Demir", "Krasniqi-t": not a plain word
            for j in k..<(k + l) { hash.add(p.at(j)) }
            k += l
        }
        if lowerCase == nil { lowerCase = lowerCaseWords(p) }
        return lowerCase!.contains(hash.value)
    }

    /// The hashes of every whole word of `p` that opens with a lower-case letter.
    private static func lowerCaseWords(_ p: Bytes) -> Set<UInt64> {
        var words = Set<UInt64>()
        var i = 0
        while i < p.count {
            var (v, l) = p.scalar(at: i)
            guard isLetter(v) else { i += l; continue }
            let lower = !isUpper(v), start = i
            while i < p.count && isLetter(v) {
                i += l
                (v, l) = p.scalar(at: i)
            }
            if lower { words.insert(fnv1a(p, start..<i)) }
        }
        return words
    }
}
