/// Where sentences, lines and a form's values begin and end, as the rules read them: a signature's
/// line end, a day before a month, a word that opens a sentence (after a full stop, a line break, a
/// dash or emoji, a quoted reply's marks or a transcript's speaker), a form's label before a phrase,
/// and a name that a hard-wrapped line splits after a cue.
extension NameReader {
    /// After a cue inside a sentence, a name that a hard-wrapped line splits: "her form tutor, Ms Carys⏎Heald,
    /// on Monday", "primio g-din Dragan⏎Petrović, koji". The cue makes the first word a name whether or not the
    /// gazetteer knows it (`joinsAcrossBreak` needs a known given name); the next line's capitalised word,
    /// nothing of an organisation, place or common word, is its last when the sentence goes on around them: a
    /// lower-case word or a comma before the cue's word, a comma and a lower-case word after the surname, and a
    /// line as long as a wrapped one (48 bytes) unless the gazetteer knows the surname. Not a letter's or an
    /// address's next line ("Dear Mr Smith⏎Thanks, I received", "by Mr Jones⏎Leeds, 4 May", "to Mr
    /// Smith⏎Manchester, UK", "sent to Mr Smith⏎Yesterday, we"), nor a form's next label or a chat's next
    /// speaker ("Bay Ahmet⏎Adres:", "Bay Ahmet⏎Yılmaz: …"), whose colon says that the line starts anew.
    func wrapsAfterCue(_ w0: Word, _ w1: Word) -> Bool {
        let e1 = w1.evidence
        guard w0.shape == .capitalised, w1.shape == .capitalised, !w0.suffixed, !w0.evidence.place, !e1.ambiguous,
              !e1.surnameWord, !e1.place, !e1.institution, !e1.organisation, w1.stem != w0.stem,
              p.at(w1.range.upperBound) == 0x2C, lowerCaseFollows(w1.range.upperBound + 1) else { return false }
        // The word right before the name (the cue's: "Mr", "g-din", "DC"), then what comes before it on its line.
        var k = w0.range.lowerBound - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        while k >= 0 && p[k] != 0x20 && p[k] != 0x09 && p[k] != 0x0A { k -= 1 }
        while k >= 0 && p[k] == 0x20 { k -= 1 }
        guard k >= 0, p[k] != 0x0A else { return false }
        if p[k] != 0x2C && p[k] != 0x3B {
            guard PersonNames.isLetter(p.scalar(at: p.leadByte(k)).value),
                  !PersonNames.isUpper(p.scalar(at: PersonNames.lettersStart(p, endingAt: k + 1)).value) else { return false }
        }
        // A line wrapped for its width, or a surname the gazetteer knows: not "sent to Mr Smith⏎Yesterday, we".
        guard e1.surname == 0 && !e1.regionalShape else { return true }
        while k >= 0 && p[k] != 0x0A { k -= 1 }
        return w0.range.upperBound - k > 48
    }

    /// Only spaces, then a line break or the end of the text, after `e`: a signature line.
    func endsLine(_ e: Int) -> Bool {
        var k = e
        while k < p.count && (p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0D) { k += 1 }
        return k == p.count || p[k] == 0x0A
    }

    /// A day of the month before the word at `i` ("14 Kasım", "5. Maj", "05 Maj"): the word is a month.
    /// Not the minutes of a time ("10:25 Đoko iz poslovnice…", "14.30 Vera", thirty-sixth round), nor the
    /// month of a date ("25.06. Marko"), nor a number above 31 or of more than two digits.
    func afterDayNumber(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x2E) { k -= 1 }
        guard k >= 0 && k < i - 1 && isDigit(p[k]) && (k == 0 || !isAlnum(p[k - 1]) || isDigit(p[k - 1])) else { return false }
        let start = k >= 1 && isDigit(p[k - 1]) ? k - 1 : k
        let day = start < k ? Int(p[start] - 0x30) * 10 + Int(p[k] - 0x30) : Int(p[k] - 0x30)
        let before = p.at(start - 1)
        return day <= 31 && before != 0x3A && !isDigit(before) && !(before == 0x2E && isDigit(p.at(start - 2)))
    }

    /// True when a time opens the line before the word at `i` ("11:52 ", "14.30 ") and a preposition,
    /// particle or Turkish compound's or adjective's word follows the word ending at `e`: the word is a
    /// common word there, as at a sentence's opening ("11:52 Nada u brzu zaradu…", "10:40 Drita u
    /// ndërpre", "10:36 Barış görüşmeleri", "12:50 Deniz kenarındaki"; not "10:25 Nada je zvala").
    func commonWordAfterTime(_ i: Int, _ e: Int) -> Bool {
        var k = i - 1
        while k >= 0 && p[k] == 0x20 { k -= 1 }
        guard k >= 3, k < i - 1, isDigit(p[k]), isDigit(p[k - 1]), p[k - 2] == 0x3A || p[k - 2] == 0x2E, isDigit(p[k - 3]) else { return false }
        let s = isDigit(p.at(k - 4)) ? k - 4 : k - 3
        guard s == 0 || p[s - 1] == 0x0A, p.at(e) == 0x20 else { return false }
        // one letter: "u", "e", "i", Cyrillic "у", "и"
        let a = p.at(e + 1), b = p.at(e + 2)
        if (a == 0x75 || a == 0x65 || a == 0x69) && b == 0x20 || (a == 0xD1 && b == 0x83 || a == 0xD0 && b == 0xB8) && p.at(e + 3) == 0x20 { return true }
        guard let (next, _, _) = foldedWord(at: e + 1) else { return false }
        if Self.particles.contains(next.hash) { return true }
        let ending = next.last8 & 0xFFFF_FFFF  // the last four letters: "leri", "lari", "daki", "deki", "ici"
        return next.count >= 6 && (ending == 0x6C65_7269 || ending == 0x6C61_7269 || ending == 0x6461_6B69 || ending == 0x6465_6B69
                                   || ending & 0xFF_FFFF == 0x69_6369)
    }

    /// Prepositions, particles and conjunctions after a common word, folded: Serbo-Croatian, Albanian, English.
    private static let particles = HashedWords("na as of for")

    /// True when the word at `i` opens a sentence: text start, or only spaces after '.', '!', '?',
    /// a line break, a quoted reply's marks or a transcript's speaker in capitals, or right after an opening '"' ("\"Sale said…"; not the closing one of
    /// `"otel yetkilisi" Selim`, which a space follows).
    /// With `afterFullStop`, only after '.', '!' or '?': a line of a form or list starts with names.
    func opensSentence(_ i: Int, afterFullStop: Bool = false) -> Bool {
        var k = i - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        if k >= 0 && (p[k] == 0x2E || p[k] == 0x21 || p[k] == 0x3F) { return true }
        guard !afterFullStop else { return false }
        if k >= 5 && p[k] == 0x8F && p[k - 1] == 0xB8 && p[k - 2] == 0xEF { k -= 3 }  // an emoji's variation selector ("⚠️")
        if k >= 3 && p[k] >= 0x80 {
            // a dash ("Скопје – Тим за измами": E2 80 93/94), a symbol (E2 98…9F) or an emoji ("🙏 Sakın
            // vermeyin": F0 9F) before it, told by their bytes, as a letter of the word before is most often there
            return p[k - 2] == 0xE2 && ((p[k - 1] == 0x80 && (p[k] == 0x93 || p[k] == 0x94)) || (0x98...0x9F).contains(p[k - 1]))
                || (p[k - 3] == 0xF0 && p[k - 2] == 0x9F)
        }
        // a transcript's speaker in capitals at the line's start ("ODGOVOR: Niko mi nije dao", "CEVAP: Kuzenim Dilan")
        if k >= 2 && p[k] == 0x3A && k == i - 2 {
            if PersonNames.transcriptSpeakerEnd(p, lineStart: p.lineStart(k, within: 40)) == i { return true }
        }
        // a quoted reply's marks at the line's start ("> Ciao Hattie,", ">> Hi Fen,")
        if k >= 0 && p[k] == 0x3E {
            while k >= 0 && (p[k] == 0x3E || p[k] == 0x20) { k -= 1 }
            return k < 0 || p[k] == 0x0A
        }
        return k < 0 || p[k] == 0x0A || (p[k] == 0x22 && k == i - 1) || p[k] == 0x2D
    }

    /// A form's label ends right before `i` and its value is no sentence: no full stop, '!' or '?'
    /// ends a word before the line's end ("Konu: Bilgi ve belge talebi", "Kanal: Çağrı merkezi |";
    /// not "Napomena: Nada je platila 200 eura.").
    func labelsPhrase(_ i: Int) -> Bool {
        guard afterColon(i) else { return false }
        var j = i
        while j < p.count, j - i < 240, p[j] != 0x0A {
            if (p[j] == 0x2E || p[j] == 0x21 || p[j] == 0x3F) && j > i && (p[j - 1] >= 0x80 || isAlnum(p[j - 1])) && (j + 1 == p.count || isSpace(p[j + 1])) { return false }
            j += 1
        }
        return true
    }

    /// A colon, and only spaces after it, before `i`: a form's field holds what follows.
    func afterColon(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && p[k] == 0x20 { k -= 1 }
        return k >= 0 && p[k] == 0x3A
    }

    /// `capitalisedFollows`, except that in capitals a word the gazetteer does not know after a declined
    /// or suffixed one goes on the sentence, not the name, which a case ends: "ZENELIT IU SEKUESTRUAN",
    /// "TÜRKER'İN ARADIĞI" (thirty-fifth round). Not after a nominative ("ANDREI POPESCU"), a place
    /// ("AYDIN'DA"), an English possessive ("SMITH'S PLUMBING"), or a Turkish word declined without the
    /// apostrophe a name takes ("DEMİRİ KIRDI").
    mutating func nameWordMayFollow(_ w: Word) -> Bool {
        guard let n = next(after: w), !n.afterBreak else { return false }
        guard n.shape == .allCaps, w.shape == .allCaps, n.evidence.isUnknown, !w.evidence.place else { return n.shape == .capitalised || n.shape == .allCaps }
        let e = w.range.upperBound
        let englishPossessive = p[e - 1] | 0x20 == 0x73 && p[e - 2] == 0x27  // "'S"
        let caseEndsName = w.suffixed ? !englishPossessive : w.evidence.declined && !writesTurkish()
        return !caseEndsName
    }
}
