/// Chinese names written in pinyin (sixteenth round of issue 11): "Liang Xiaoyu", "Qin Haoran",
/// "WU Jiahui", "Jiahui Wu". The gazetteer has no Chinese given names, and there is no list of them
/// to have, as they are made freely of syllables; but a romanized Chinese surname (Faker's, see
/// `generate-names.py`) beside a word made of two or three pinyin syllables is a name in either order.
extension PersonNames {
    /// The hashes of the folded romanized Chinese surnames of the gazetteer's own list, sorted.
    private static let chineseSurnames = wordHashes(NameGazetteer.chineseSurnameKeys).sorted()

    /// Pinyin's initials and finals (tones not written), as Mandarin's spelling rules make them.
    private static let initials = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
                                   "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"]
    private static let finals = ["a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
                                 "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui",
                                 "uan", "un", "uang", "ue"]

    /// Every syllable an initial and a final spell, packed into an integer: "j", "q", "x" take only
    /// finals that open with "i" or "u" (ü), no initial only finals that open with "a", "o" or "e".
    private static let syllables: Set<UInt64> = {
        var set = Set<UInt64>()
        for i in initials {
            for f in finals {
                if ["j", "q", "x"].contains(i) && !(f.hasPrefix("i") || f.hasPrefix("u")) { continue }
                if i.isEmpty && !(f.hasPrefix("a") || f.hasPrefix("o") || f.hasPrefix("e")) { continue }
                set.insert(pack((i + f).utf8))
            }
        }
        return set
    }()

    private static func pack<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Two capitalised words no rule took, one space apart, neither an organisation, place or
    /// honorific word nor after a preposition of place: one a Chinese surname of the list, the other
    /// two or three pinyin syllables of five letters or more.
    static func pinyinNames(_ p: Bytes, _ capitalised: [Int], _ reader: inout NameReader, _ found: inout [FoundName]) -> [Int] {
        var taken: [Int] = []
        var folded: [UInt8] = []
        var k = 0
        var foundAt: RangeIndex? = nil
        while k + 1 < capitalised.count {
            defer { k += 1 }
            let a = capitalised[k], b = capitalised[k + 1]
            // Bytes alone first, without weighing the words: most pairs end here. Pinyin is ASCII.
            guard b - a <= 20, p[b - 1] == 0x20, p[a] < 0x80, p[b] < 0x80 else { continue }
            let ea = lettersEnd(p, from: a)
            guard ea + 1 == b, p[ea] == 0x20, ea - a <= 18 else { continue }
            let eb = lettersEnd(p, from: b)
            guard isChineseSurname(p, a..<ea, &folded) ? isPinyinName(p, b..<eb, &folded)
                                                      : isChineseSurname(p, b..<eb, &folded) && isPinyinName(p, a..<ea, &folded),
                  let first = reader.word(at: a), first.range == a..<ea, first.shape == .capitalised || first.shape == .allCaps,
                  let second = reader.word(at: b), second.range == b..<eb, second.shape == .capitalised,
                  first.shape == .capitalised || isChineseSurname(p, a..<ea, &folded),
                  ![first, second].contains(where: { $0.evidence.organisation || $0.evidence.postTitle || $0.evidence.place || $0.evidence.institution }),
                  reader.placePreposition(before: a) == nil, !reader.organisationAfter(second) else { continue }
            // No name found overlaps the pair (the pairs found here lie after each other, so the index is read once).
            if foundAt == nil { foundAt = RangeIndex(found.map(\.range)) }
            guard !foundAt!.overlaps(a..<second.range.upperBound) else { continue }
            found.append(FoundName(words: [first.range, second.range], stems: [first.stem, second.stem], detector: "person-pinyin"))
            taken += [a, b]
            k += 1
        }
        return taken
    }

    private static func isChineseSurname(_ p: Bytes, _ r: Range<Int>, _ folded: inout [UInt8]) -> Bool {
        guard r.count <= 6 else { return false }
        var hash = FNV1a()
        if p.asciiLettersEnd(from: r.lowerBound) >= r.upperBound {
            for k in r { hash.add(p[k] | 0x20) }  // ASCII letters fold to lower case
        } else {
            folded.removeAll(keepingCapacity: true)
            guard NameGazetteer.fold(p, r, into: &folded) else { return false }
            for b in folded { hash.add(b) }
        }
        // A binary search of the sorted hashes: cheaper than a `Set`'s seeded hashing, for words most of which are no surname.
        var (low, high) = (0, chineseSurnames.count)
        while low < high {
            let mid = (low + high) / 2
            if chineseSurnames[mid] < hash.value { low = mid + 1 } else { high = mid }
        }
        return low < chineseSurnames.count && chineseSurnames[low] == hash.value
    }

    /// The word in `r` is two or three pinyin syllables and five letters or more: "Xiaoyu", "Haoran".
    private static func isPinyinName(_ p: Bytes, _ r: Range<Int>, _ folded: inout [UInt8]) -> Bool {
        guard r.count >= 5, r.count <= 18 else { return false }
        folded.removeAll(keepingCapacity: true)
        guard NameGazetteer.fold(p, r, into: &folded), folded.count == r.count else { return false }
        // The fewest syllables that spell the word from its start to each letter (0 for none).
        var fewest = [Int](repeating: 0, count: folded.count + 1)
        fewest[0] = 0
        var reached = [Bool](repeating: false, count: folded.count + 1)
        reached[0] = true
        for s in 0..<folded.count where reached[s] {
            for e in (s + 1)...min(folded.count, s + 6) where syllables.contains(pack(folded[s..<e])) {
                if !reached[e] || fewest[s] + 1 < fewest[e] { fewest[e] = fewest[s] + 1; reached[e] = true }
            }
        }
        return reached[folded.count] && fewest[folded.count] >= 2 && fewest[folded.count] <= 3
    }
}
