/// Words the gazetteer lacks beside a name it knows (fifteenth round of issue 11): a surname after
/// an initial ("N. Šoć", "Ф. Речи", "T. Akinyemi") and a third word after a given name and surname
/// ("Marina Ivković Bulat", "Ahmad Zia Noori", "A. Tuba Karaman"). Each is taken only where the name
/// ends with it: no capitalised word follows on the same line.
extension NameReader {
    /// An initial and one capitalised word the gazetteer lacks, which ends the name: "N. Šoć",
    /// "Г. Шупут (Телеком Србија)", "M. Oduya." Not a place, organisation, institution word or
    /// honorific ("S. Arabia" only when the gazetteer knows the place), not a word in capitals, not
    /// after a sentence's end ("… was updated. C. The analyst": a letter and a full stop before the
    /// initial; "6. E. Bushati" still counts), not before a lower-case word in the same clause ("T.
    /// Olay, kurumun", "A. According to"; "M. Oduya. The" still counts). `PersonNames.dropInitialsBeforeWords` then drops a
    /// word the text also writes in lower case ("A. The").
    mutating func initialAndUnknownWord(_ w0: Word, _ w1: Word) -> FoundName? {
        guard w0.shape == .initial, w1.shape == .capitalised, !w1.afterBreak, !afterSentenceEnd(w0.range.lowerBound),
              !lowerCaseWordAfter(w1.range.upperBound),
              w1.evidence.isUnknown, !w1.evidence.organisation, !w1.evidence.postTitle, !w1.evidence.place,
              !w1.evidence.institution, !isPlaceWord(w1.range), endsName(after: w1) else { return nil }
        return FoundName(words: [w0.range, w1.range], stems: [w1.stem], detector: "person-initial")
    }

    /// A capitalised word the gazetteer lacks, or knows only weakly or as a declined reading, after
    /// `w1` that ends the name begun by `w0`: "Marina Ivković Bulat", "Dang Minh Tuan", "Ахмад Шах
    /// Рахими". Not a given name or surname as written (the rules before weigh those), not the first
    /// two words again ("Ramazan Ateş Ramazan ayında"), not a place, organisation or institution word.
    mutating func unknownLastWord(after w1: Word, first w0: Word) -> Word? {
        guard !w1.suffixed, let w2 = next(after: w1), !w2.afterBreak, w2.shape == w1.shape,
              w2.shape == .capitalised, w2.evidence.given < 2 || w2.evidence.declined, w2.evidence.surname < 2,
              !w2.evidence.organisation, !w2.evidence.postTitle, !w2.evidence.place, !w2.evidence.institution,
              w2.stem != w0.stem, w2.stem != w1.stem, !isPlaceWord(w2.range), endsName(after: w2) else { return nil }
        return w2
    }

    /// True when `words` are a given name in lower case and a word the gazetteer lacks, no English
    /// word, after an English title or "colleague" ending at `cue` (thirty-sixth round): chat and
    /// voicemail transcripts type the surname in lower case too ("mr trevor fairbairn", "my colleague
    /// darren mcnulty"), where a second word the gazetteer lacks otherwise ends the name ("mr john
    /// said"). The word has four letters or more and is no English word of Debian's list, written
    /// without its apostrophe or final "g" ("didnt", "ringin") or chat's shorthand ("tomoz", "abeg");
    /// and an English word of that list stands among the three words after it or the two before
    /// the title, as "dr" and "mr" are also the region's titles ("dr marko nije tu").
    mutating func surnameAfterEnglishTitle(_ words: [Word], cue: Int) -> Bool {
        let titleStart = PersonNames.lettersStart(p, endingAt: cue - 1, above: max(0, cue - 12))
        guard words.count >= 2, words[0].shape == .lower, words[0].evidence.given == 2, !words[0].evidence.ambiguous,
              words[1].evidence.isUnknown, !words[1].suffixed, words[1].range.count >= 4,
              let (title, _, _) = foldedWord(at: titleStart), Self.englishTitles.contains(title.hash),
              let (second, _, _) = foldedWord(at: words[1].range.lowerBound), !Self.chatShorthand.contains(second.hash),
              !NameGazetteer.englishWords.contains(second.hash) else { return false }
        if second.byte(fromEnd: 2) == 0x69 && second.byte(fromEnd: 1) == 0x6E {  // "ringin" for "ringing"
            var g = second
            g.append(0x67)
            if NameGazetteer.englishWords.contains(g.hash) { return false }
        }
        return englishAround(titleStart, words[1].range.upperBound)
    }

    /// An English word of three letters or more of Debian's list among the three words after `e` or
    /// the two before `s`, each one space apart.
    private func englishAround(_ s: Int, _ e: Int) -> Bool {
        var k = e
        for _ in 0..<3 {
            guard p.at(k) == 0x20, let (w, end, _) = foldedWord(at: k + 1) else { break }
            if w.count >= 3 && NameGazetteer.englishWords.contains(w.hash) { return true }
            k = end
        }
        k = s
        for _ in 0..<2 {
            guard k >= 2, p[k - 1] == 0x20 else { break }
            let b = PersonNames.lettersStart(p, endingAt: k - 1, above: max(0, k - 41))
            guard b < k - 1, let (w, _, _) = foldedWord(at: b) else { break }
            if w.count >= 3 && NameGazetteer.englishWords.contains(w.hash) { return true }
            k = b
        }
        return false
    }

    private static let englishTitles = HashedWords("mr mrs ms miss dr colleague")
    /// Chat's shorthand and English without its apostrophe that no dictionary lists, folded; words of
    /// Nigerian Pidgin and South Asian English that English chat uses.
    private static let chatShorthand = HashedWords("""
        asap tmrw tmoz tomoz thnx thanx pls plz lol lmao btw tbh idk omg innit dunno hun babe tryna gunna gotta outta
        deffo hiya bruv nite tonite bcoz becoz yesss didnt doesnt isnt hasnt havent wasnt werent wouldnt couldnt
        shouldnt cant wont dont thats youre theyre whats lets abeg wahala biko bhai yaar aunty uncle sahab feckin doesnae
        """)

    /// No capitalised word, initial or organisation word follows `w` on its line: the name ends there.
    mutating func endsName(after w: Word) -> Bool {
        guard let (k, crossed) = gapEnd(w.range.upperBound), !crossed else { return true }
        if organisationFollows(k) { return false }
        guard let n = word(at: k, weighLowerCase: false) else { return true }
        return n.shape == .lower
    }
}

extension NameReader {
    /// A lower-case word after `e`, past spaces and at most one ',' or ';'.
    func lowerCaseWordAfter(_ e: Int) -> Bool {
        var k = e
        while k < p.count && p[k] == 0x20 { k += 1 }
        if k < p.count && (p[k] == 0x2C || p[k] == 0x3B) {
            k += 1
            while k < p.count && p[k] == 0x20 { k += 1 }
        }
        guard k < p.count else { return false }
        let v = p.scalar(at: k).value
        return PersonNames.isLetter(v) && !PersonNames.isUpper(v)
    }

    /// A letter, then '.', '!' or '?' and spaces, right before `i`: `i` opens a new sentence.
    func afterSentenceEnd(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && p[k] == 0x20 { k -= 1 }
        guard k >= 1, k < i - 1, p[k] == 0x2E || p[k] == 0x21 || p[k] == 0x3F else { return false }
        return PersonNames.isLetter(p.scalar(at: p.leadByte(k - 1)).value)
    }
}

extension PersonNames {
    /// Drops an initial and a word the gazetteer lacks (`NameReader.initialAndUnknownWord`) when the
    /// text also writes that word in lower case: "Section A. The attacker", "C. Further analysis".
    /// The text's lower-case words are hashed once, only when such a name was found.
    static func dropInitialsBeforeWords(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        var lowerCase: Set<UInt64>? = nil
        var dropped: [Int] = []
        for k in found.indices where found[k].detector == "person-initial" && found[k].words.count == 2 {
            let i = found[k].words[1].lowerBound
            guard reader.word(at: found[k].start)?.shape == .initial, let w = reader.word(at: i), w.evidence.isUnknown,
                  writtenLowerCase(p, i, &reader, &lowerCase) else { continue }
            dropped.append(k)
        }
        for k in dropped.reversed() { found.remove(at: k) }
    }
}
