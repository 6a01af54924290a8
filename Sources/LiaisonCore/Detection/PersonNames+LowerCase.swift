/// Rule 9, names in a text typed in lower case (chat, forwarded messages): a lower-case given name
/// is a name on its own, and a common-word one when a past verb or a form of address follows it.
extension PersonNames {
    /// Rule 9: every lower-case word that is a given name as written, not also a common word
    /// ("luka", "sanja"), a place or a declined reading, and not inside a token ("goran_77",
    /// "ana@…", "/ana/"): "my mum ljubica got a call", "ja sam goran", "dafina ka marr mesazh".
    /// A declined reading counts once its name was found before ("uroš" … "urošu"), or with a Slavic
    /// ending outside Turkish ("sa mladenom"); a Turkish case suffix written on without an apostrophe
    /// at once, in a text that writes Turkish ("ezginin", "tuğçeye"; both PersonNames+Turkish.swift).
    /// With `collect`, every lower-case word with some evidence is also kept in `starts`, for `candidates`.
    static func lowerCaseGivenNames(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName], _ starts: inout [Int],
                                    collect: Bool) {
        var taken = found.map { $0.start..<$0.end }
        taken.sort { $0.lowerBound < $1.lowerBound }
        var stems = Set<UInt64>()
        for name in found { stems.formUnion(name.stems) }
        var t = 0
        var i = 0
        while i < p.count {
            let (v, l) = p.scalar(at: i)
            guard isLetter(v) else { i += l; continue }
            let start = i
            i = wordEnd(p, i)
            let before = p.at(start - 1)
            guard !isUpper(v), before != 0x40, before != 0x5F, before != 0x2F, before != 0x2E, before != 0x2D, before != 0x23,
                  !isDigit(before), let w = reader.word(at: start), w.shape == .lower,
                  reader.placePreposition(before: start) != .anyName else { continue }
            i = max(i, w.range.upperBound)
            let e = w.evidence
            if collect, !e.isUnknown, !e.organisation, !e.postTitle { starts.append(start) }
            let named = (e.given == 2 || (e.given > 0 && stems.contains(w.stem))) && !e.ambiguous
                && (!e.declined || stems.contains(w.stem) || reader.endsInSlavicCase(w.range))
                || (e.given == 2 && !e.declined && isChatSubject(w, &reader))  // "sanja kliknula" (PersonNames+Speakers.swift)
                || (reader.formOfAddressFollows(w.range.upperBound) && reader.isAddressable(w))  // "serdar abi" (PersonNames+Turkish.swift)
            let unread = e.isUnknown || (e.declined && !e.ambiguous)  // "gokhanin" reads as an Albanian case of Gokhan
            guard named || ((e.given < 2 || e.declined) && reader.writesTurkish()  // PersonNames+Turkish.swift
                            && reader.isTurkishCaseOfGivenName(w.range, unknown: unread, named: { stems.contains($0) })),
                  !e.place, !e.organisation, !e.postTitle, !(p.at(i) == 0x2E && isAlpha(p.at(i + 1))) else { continue }
            while t < taken.count && taken[t].upperBound <= start { t += 1 }
            if t < taken.count && taken[t].lowerBound < i { continue }
            stems.insert(w.stem)
            found.append(FoundName(words: [w.range], stems: [w.stem], detector: "person-lower-case"))
        }
    }
}
