/// Names among things (fourteenth round of issue 11): the items of one list are of one kind, so a
/// name found beside a thing that is no person across "and" or its equivalents ("i", "ve", "dhe",
/// "и") is a thing too: a brand, a club, a town ("Michael Kors dhe Guess", "Zara,
/// Massimo Dutti и Lacoste", "Kartal ve Sinop", "Vardar, Škendija, Rabotnički i Akademija Pandev").
/// Across a comma only a name of one word counts, beside an unknown word or an organisation
/// ("Barclays, Lloyds and Starling"; not "Bayram Koçak, Erzurum", a person and the town).
/// A word beside "&" is a firm's ("Hartley & Sons", "Marks & Spencer").
/// A thing here is a capitalised word that is no part of a name found, and is unknown to the
/// gazetteer, a place or an organisation word, or a word of a place a preposition ruled out or of a
/// brand named after a person (`thingWords`).
extension PersonNames {
    static func dropNamesAmongThings(_ p: Bytes, _ found: inout [FoundName], thingWords: Set<Int>, _ reader: inout NameReader) {
        guard !found.isEmpty else { return }
        // The starts of the names' words, sorted, for a binary search; the names' stems when first needed.
        var named: [Int] = []
        named.reserveCapacity(found.count * 2)
        for name in found { for word in name.words { named.append(word.lowerBound) } }
        named.sort()
        var stems: Set<UInt64>? = nil
        var kept = 0
        for k in found.indices {
            let name = found[k]
            if name.detector != "person-cue", name.detector != "person-title", name.detector != "person-lower-case" {
                let single = name.words.count == 1
                if let (start, link) = wordBefore(p, name.start),
                   !(link == .conjunction && !single && !thingWords.contains(start) && partner(p, start, &reader)),
                   isThing(start, link, single: single, named, found, &stems, thingWords, &reader) { continue }
                if let (start, link) = wordAfter(p, name.end),
                   isThing(start, link, single: single, named, found, &stems, thingWords, &reader) { continue }
            }
            found[kept] = name
            kept += 1
        }
        found.removeLast(found.count - kept)
    }

    /// The word at `start`, beside a name across `link`, is a thing (see above).
    private static func isThing(_ start: Int, _ link: Link, single: Bool, _ named: [Int], _ found: [FoundName],
                                _ stems: inout Set<UInt64>?, _ thingWords: Set<Int>, _ reader: inout NameReader) -> Bool {
        if link == .ampersand { return true }
        if isNamed(start, named) { return false }
        if thingWords.contains(start) { return true }
        // A greeting or the sentence's first word before a comma or "i" ("Pozdrav, Amer", "Vëllai i
        // Gazmendit", where Albanian "i" is "of"), and the same person again ("Kravets ve Kravets'in").
        guard !reader.opensSentence(start), let w = reader.word(at: start), w.shape == .capitalised || w.shape == .allCaps else { return false }
        if stems == nil { stems = Set(found.flatMap(\.stems)) }
        guard !stems!.contains(w.stem) else { return false }
        let e = w.evidence
        if link == .comma && !single { return false }
        // A place that a preposition governs says where the person before came from, and the full name
        // after it is the next person: "Ljubica Mirković iz Valjeva i Srećko Bjelanović iz Loznice", "Илбер
        // Касами од Тетово и Невзат Реџепи".
        if e.organisation || (link == .conjunction && e.place && (single || (reader.placePreposition(before: start) == nil
            && !reader.originPreposition(before: start)))) { return true }
        guard e.isUnknown else { return false }
        // An unknown word beside another capitalised word may be a name the gazetteer lacks ("Rade i
        // Bosa Lukač"), and one a word or two after a name found is part of it ("Caspar von Hellfeld
        // and Orla Quigley").
        if let n = reader.next(after: w), !n.afterBreak, n.shape == .capitalised || n.shape == .allCaps {
            return n.evidence.organisation || n.evidence.place
        }
        var k = start
        for _ in 0..<2 {
            guard let s = previousWord(reader.p, k) else { break }
            if isNamed(s, named) { return false }
            k = s
        }
        return true
    }

    /// The capitalised word at `start`, before "and" and a full name, is a partner's given name that
    /// shares the surname (twenty-third round: "bir aile, Oleh ve Natalia Bondar"): one word, with no
    /// capitalised word before it (across a space, a comma or "and": "Jimmy Choo and Tommy Hilfiger"),
    /// no organisation or place.
    private static func partner(_ p: Bytes, _ start: Int, _ reader: inout NameReader) -> Bool {
        guard wordBefore(p, start) == nil, previousWord(p, start).map({ !isUpper(p.scalar(at: $0).value) }) ?? true,
              let w = reader.word(at: start), w.shape == .capitalised, !w.suffixed else { return false }
        let e = w.evidence
        return !e.organisation && !e.place && !e.institution && !e.postTitle
    }

    /// `start` is in the sorted `named`.
    private static func isNamed(_ start: Int, _ named: [Int]) -> Bool {
        var (lo, hi) = (0, named.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if named[mid] < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < named.count && named[lo] == start
    }

    /// The start of the word before the one at `i`, on the same line, one space between.
    static func previousWord(_ p: Bytes, _ i: Int) -> Int? {
        guard i >= 2, p[i - 1] == 0x20, isLetter(p.scalar(at: p.leadByte(i - 2)).value) else { return nil }
        return lettersStart(p, endingAt: p.leadByte(i - 2))
    }

    enum Link { case comma, conjunction, ampersand }

    /// The start of the capitalised word before `i` across ", ", " & " or a conjunction, and the link.
    static func wordBefore(_ p: Bytes, _ i: Int) -> (Int, Link)? {
        guard i >= 3, p[i - 1] == 0x20 else { return nil }
        var e: Int
        let link: Link
        if p[i - 2] == 0x2C {
            e = i - 2
            link = .comma
        } else {
            var s = i - 1
            while s > 0, i - 1 - s < 4, p[s - 1] != 0x20 { s -= 1 }
            guard s >= 2, p[s - 1] == 0x20, let l = conjunction(p, s..<(i - 1)) else { return nil }
            e = s - 1
            link = l
        }
        guard e > 0, isLetter(p.scalar(at: p.leadByte(e - 1)).value) else { return nil }
        var s = p.leadByte(e - 1)
        while s > 0, isLetter(p.scalar(at: p.leadByte(s - 1)).value) || p[s - 1] == 0x2D || p[s - 1] == 0x27 { s = p.leadByte(s - 1) }
        guard isUpper(p.scalar(at: s).value) else { return nil }
        return (s, link)
    }

    /// The start of the capitalised word after `e` across ", ", " & " or a conjunction, and the link.
    static func wordAfter(_ p: Bytes, _ e: Int) -> (Int, Link)? {
        var k = e
        let link: Link
        if p.at(k) == 0x2C && p.at(k + 1) == 0x20 {
            k += 2
            link = .comma
        } else {
            guard p.at(k) == 0x20 else { return nil }
            var j = k + 1
            while j < p.count, j - k <= 4, p[j] != 0x20 { j += 1 }
            guard p.at(j) == 0x20, let l = conjunction(p, (k + 1)..<j) else { return nil }
            k = j + 1
            link = l
        }
        guard k < p.count, isUpper(p.scalar(at: k).value) else { return nil }
        return (k, link)
    }

    /// "and", "i", "ve", "dhe", "и" or "&" in `r`.
    private static func conjunction(_ p: Bytes, _ r: Range<Int>) -> Link? {
        let w = p[r]
        if w.elementsEqual([0x26]) { return .ampersand }
        let words: [[UInt8]] = [[0x61, 0x6E, 0x64], [0x69], [0x76, 0x65], [0x64, 0x68, 0x65], [0xD0, 0xB8]]
        return words.contains { w.elementsEqual($0) } ? .conjunction : nil
    }
}
