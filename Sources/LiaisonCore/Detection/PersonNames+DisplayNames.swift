/// A mail header's display name before its address (thirtieth round of issue 11): "From: Giorgos Karalis
/// <g.karalis@karalis-wines.gr>", "Od: Takács Réka <reka.takacs@agrobacka.rs>". The address is redacted
/// as an e-mail; the name beside it is the same person's, and the gazetteer often lacks one of its words.
extension PersonNames {
    /// The display names before an address in angle brackets, added to `found` in place of the names
    /// found inside them ("Takács Réka", not "Réka"), their words taken off `capitalised`. A display name
    /// is two or three words written capitalised or in capitals, alone between the line's start (or a
    /// header's "From: ", a quote's "> ", quotation marks) and " <", a title before them left out; no
    /// common word, nothing in any of an organisation (an organisation, institution, place or street word,
    /// a company form); and the address's local part written with the name's words alone: each of its
    /// parts a word ("reka.takacs"), an initial, an initial and a word ("jradenkovic") or two words
    /// ("srdjangavrilovic"). Unless the local part writes an initial and a word, as people's addresses do
    /// ("g.karalis", "t.orrin"), one of the words must be a given name or surname the gazetteer knows: a
    /// role's, a department's or a firm's mailbox is no person's ("Practice Manager <practice.manager@…>",
    /// "Human Resources <human.resources@…>", "No Reply <noreply@…>", "Pešić Agrar d.o.o. <office@…>").
    static func displayNames(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName], _ capitalised: inout [Int]) {
        var names: [FoundName] = []
        var i = p.firstIndex(of: 0x3C, from: 0)
        while i < p.count {
            defer { i = p.firstIndex(of: 0x3C, from: i + 1) }
            guard i >= 2, p[i - 1] == 0x20, let local = localPart(p, after: i),
                  let words = displayWords(p, endingAt: closingQuoteStart(p, i - 1)),
                  let name = displayName(p, words, local: local, &reader) else { continue }
            names.append(name)
        }
        guard !names.isEmpty else { return }
        found.removeOverlapping(names.map(\.range))
        found.append(contentsOf: names)
        forget(wordsOf: names, in: &capitalised)
    }

    /// Where a closing quotation mark ('"', "'", "”", "“") that ends at `e` starts; `e` when there is none.
    private static func closingQuoteStart(_ p: Bytes, _ e: Int) -> Int {
        if p.at(e - 1) == 0x22 || p.at(e - 1) == 0x27 { return e - 1 }
        if e >= 3, p[e - 3] == 0xE2, p[e - 2] == 0x80, p[e - 1] == 0x9C || p[e - 1] == 0x9D { return e - 3 }
        return e
    }

    /// The runs of letters of the two or three words right before `e`, one space apart, with only the
    /// line's start, a header's label and colon, a quote's '>' or a quotation mark before them, and a
    /// title before them left out; nil otherwise.
    private static func displayWords(_ p: Bytes, endingAt e: Int) -> [Range<Int>]? {
        var words: [Range<Int>] = []
        var end = e
        while words.count < 4 {
            let s = lettersStart(p, endingAt: end)
            guard s < end else { return nil }
            words.insert(s..<end, at: 0)
            guard s >= 2, p[s - 1] == 0x20, case let before = p[s - 2], before >= 0x80 || isAlpha(before) else { break }
            end = s - 1
        }
        guard (2...4).contains(words.count) else { return nil }
        var k = words[0].lowerBound - 1
        // An opening quotation mark: '"', "'", "„" (E2 80 9E), "“" (E2 80 9C).
        if k >= 0 && (p[k] == 0x22 || p[k] == 0x27) {
            k -= 1
        } else if k >= 2, p[k - 2] == 0xE2, p[k - 1] == 0x80, p[k] == 0x9E || p[k] == 0x9C {
            k -= 3
        }
        while k >= 0 && p[k] == 0x20 { k -= 1 }
        guard k < 0 || p[k] == 0x0A || p[k] == 0x3A || p[k] == 0x3E || p[k] == 0x09 else { return nil }
        // A title is outside the name: "Dr Nathaniel Okoro <dr.nathaniel.okoro@…>".
        if let cue = PersonCues.end(p, at: words[0].lowerBound), cue.index == words[1].lowerBound { words.removeFirst() }
        return (2...3).contains(words.count) ? words : nil
    }

    /// The address's local part after `i` ('<'), in lower case, when an address in angle brackets
    /// follows: letters, digits, '.', '_', '-' and '+' before '@', then a host name's letters, digits,
    /// dots and hyphens right up to '>'.
    private static func localPart(_ p: Bytes, after i: Int) -> [UInt8]? {
        var local: [UInt8] = []
        var k = i + 1
        while k < p.count, k - i <= 64, case let b = p[k], isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x2D || b == 0x2B {
            local.append(lowerASCII(b))
            k += 1
        }
        guard !local.isEmpty, p.at(k) == 0x40 else { return nil }
        var j = k + 1
        while j < p.count, j - k <= 254, isAlnum(p[j]) || p[j] == 0x2E || p[j] == 0x2D { j += 1 }
        guard j > k + 1, p.at(j) == 0x3E else { return nil }
        return local
    }

    /// `words` as a person's name, when each is a capitalised or capital word with nothing of an
    /// organisation or common word, `local` is written with them, and, unless it writes an initial and a
    /// word, one of them is a name the gazetteer knows.
    private static func displayName(_ p: Bytes, _ words: [Range<Int>], local: [UInt8], _ reader: inout NameReader) -> FoundName? {
        var folded: [[UInt8]] = []
        var stems: [UInt64] = []
        var known = false
        for r in words {
            guard let w = reader.word(at: r.lowerBound), w.range == r, w.shape == .capitalised || w.shape == .allCaps,
                  !w.evidence.organisation, !w.evidence.institution, !w.evidence.place, !w.evidence.postTitle, !w.evidence.ambiguous,
                  reader.flags(of: r)?.isDisjoint(with: [.placeWord, .companyForm, .institution, .organisation]) ?? false
            else { return nil }
            known = known || w.evidence.given == 2 || w.evidence.surname > 0 || w.evidence.regionalShape
            folded.append(reader.folded)  // `flags(of:)` left the folded word there
            stems.append(w.stem)
        }
        guard let initial = writtenWith(folded, local), initial || known else { return nil }
        return FoundName(words: words, stems: stems, detector: "person-display-name")
    }

    /// Whether each part of `local` (its runs of letters; digits part them too) is one of `words`, a word's
    /// initial, an initial and another word, or two words, and one part holds a whole word of three letters or
    /// more: nil when not, else whether an initial is written with a word ("g.karalis", "jradenkovic").
    private static func writtenWith(_ words: [[UInt8]], _ local: [UInt8]) -> Bool? {
        let parts = local.split { !isAlpha($0) }
        var whole = false, initials = false, initialAndWord = false
        for part in parts {
            if part.count == 1 && words.contains(where: { $0.first == part.first }) { initials = true; continue }
            var matched = false
            for (k, w) in words.enumerated() where w.count >= 2 {
                if part.elementsEqual(w) { matched = true; break }
                for (j, v) in words.enumerated() where j != k {
                    if part.count == w.count + 1 && part.first == v.first && part.dropFirst().elementsEqual(w) {
                        matched = true
                        initialAndWord = true
                        break
                    }
                    if part.count == v.count + w.count && part.prefix(v.count).elementsEqual(v) && part.suffix(w.count).elementsEqual(w) {
                        matched = true
                        break
                    }
                }
                if matched { break }
            }
            guard matched else { return nil }
            whole = whole || part.count >= 3
        }
        return whole ? initialAndWord || initials : nil
    }
}
