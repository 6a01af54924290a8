/// A mail header's display name before its address (thirtieth round of issue 11): "From: Giorgos Karalis
/// <g.karalis@karalis-wines.gr>", "Od: Takács Réka <reka.takacs@agrobacka.rs>". The address is redacted
/// as an e-mail; the name beside it is the same person's, and the gazetteer often lacks it.
extension PersonNames {
    /// The display names before an address in angle brackets, added to `found` in place of the names
    /// found inside them ("Takács Réka", not "Réka"), their words taken off `capitalised`. A display name
    /// is two or three words written capitalised or in capitals, alone between the line's start (or a
    /// header's "From: ", a quote's "> ", a quotation mark) and " <"; nothing in it of an organisation
    /// (an organisation, institution, place or street word, a company form), and one of its words written
    /// in the address's local part: as a part of it ("g.karalis", "reka.takacs", "dr.nathaniel.okoro"),
    /// after another word's initial ("jradenkovic"), or joined to the other word ("srdjangavrilovic").
    /// A role's or a firm's mailbox is not a person's: "Practice Manager <manager@…>", "Pešić Agrar d.o.o.
    /// <office@…>", "Vinted Team <no-reply@…>".
    static func displayNames(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName], _ capitalised: inout [Int]) {
        var names: [FoundName] = []
        var i = p.firstIndex(of: 0x3C, from: 0)
        while i < p.count {
            defer { i = p.firstIndex(of: 0x3C, from: i + 1) }
            guard i >= 2, p[i - 1] == 0x20, let local = localPart(p, after: i),
                  let words = displayWords(p, endingAt: i - 1), let name = displayName(p, words, local: local, &reader) else { continue }
            names.append(name)
        }
        guard !names.isEmpty else { return }
        found.removeOverlapping(names.map { $0.start..<$0.end })  // in text order, none overlapping another
        found.append(contentsOf: names)
        let starts = Set(names.flatMap { $0.words.map(\.lowerBound) })
        capitalised.removeAll { starts.contains($0) }
    }

    /// The runs of letters of the two or three words right before `e` (a space before " <"), one space
    /// apart, with only the line's start, a header's label and colon, a quote's '>' or a quotation mark
    /// before them, and a title before them left out; nil otherwise.
    private static func displayWords(_ p: Bytes, endingAt e: Int) -> [Range<Int>]? {
        var words: [Range<Int>] = []
        var end = e
        while words.count < 4 {
            let s = lettersStart(p, endingAt: end)
            guard s < end else { return nil }
            words.insert(s..<end, at: 0)
            guard s >= 2, p[s - 1] == 0x20, case let before = p[s - 2], before != 0x20 else { break }
            guard before >= 0x80 || isAlpha(before) else { break }
            end = s - 1
        }
        guard (2...4).contains(words.count) else { return nil }
        // What comes before the first word: the line's start, "From: ", "> ", a quotation mark.
        var k = words[0].lowerBound - 1
        while k >= 0 && p[k] == 0x20 { k -= 1 }
        guard k < 0 || p[k] == 0x0A || p[k] == 0x3A || p[k] == 0x3E || p[k] == 0x22 || p[k] == 0x09 else { return nil }
        // A title is outside the name: "Dr Nathaniel Okoro <dr.nathaniel.okoro@…>".
        if let cue = PersonCues.end(p, at: words[0].lowerBound), cue.index == words[1].lowerBound { words.removeFirst() }
        return (2...3).contains(words.count) ? words : nil
    }

    /// The address's local part after `i` ('<'), folded to lower-case ASCII, when an address in
    /// angle brackets follows: letters, digits, '.', '_', '-' and '+' before '@', then a '>' on the line.
    private static func localPart(_ p: Bytes, after i: Int) -> [UInt8]? {
        var local: [UInt8] = []
        var k = i + 1
        while k < p.count, k - i <= 64, case let b = p[k], isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x2D || b == 0x2B {
            local.append(b | (isAlpha(b) ? 0x20 : 0))
            k += 1
        }
        guard !local.isEmpty, p.at(k) == 0x40 else { return nil }
        // The '>' looked for in the next 256 bytes only: a text of many "<a@" is read once.
        let bound = min(p.count, k + 256)
        let close = Bytes(rebasing: p[..<bound]).firstIndex(of: 0x3E, from: k)
        guard close < bound, !p[k..<close].contains(0x0A) else { return nil }
        return local
    }

    /// `words` as a person's name, when each is a capitalised or capital word with nothing of an
    /// organisation and one of them is written in `local`.
    private static func displayName(_ p: Bytes, _ words: [Range<Int>], local: [UInt8], _ reader: inout NameReader) -> FoundName? {
        var folded: [[UInt8]] = []
        var stems: [UInt64] = []
        for r in words {
            guard let w = reader.word(at: r.lowerBound), w.range == r, w.shape == .capitalised || w.shape == .allCaps,
                  !w.evidence.organisation, !w.evidence.institution, !w.evidence.place, !w.evidence.postTitle,
                  reader.flags(of: r)?.isDisjoint(with: [.placeWord, .companyForm, .institution, .organisation]) ?? false
            else { return nil }
            folded.append(reader.folded)  // `flags(of:)` left the folded word there
            stems.append(w.stem)
        }
        let parts = local.split { !isAlpha($0) }.map(Array.init)
        let named = folded.indices.contains { k in
            let w = folded[k]
            guard w.count >= 3 else { return false }
            return parts.contains { part in
                (part == w && parts.count >= 2)
                    || folded.indices.contains { j in j != k && part.count == w.count + 1 && part.first == folded[j].first && part.dropFirst().elementsEqual(w) }
                    || folded.indices.contains { j in j != k && part == (j < k ? folded[j] + w : w + folded[j]) }
            }
        }
        return named ? FoundName(words: words, stems: stems, detector: "person-display-name") : nil
    }
}
