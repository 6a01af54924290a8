/// Where sentences, lines and a form's values begin and end, as the rules read them: a signature's
/// line end, a day before a month, a word that opens a sentence (after a full stop, a line break, a
/// dash or emoji, a quoted reply's marks or a transcript's speaker), a form's label before a phrase,
/// and a name that a hard-wrapped line splits after a cue.
extension NameReader {
    /// After a cue, a name that a hard-wrapped line splits: "Ms Carys⏎Heald, on Monday", "agent, Mr Kwabena⏎>
    /// Mensah, will collect". The cue makes the first word a name whether or not the gazetteer knows it
    /// (`joinsAcrossBreak` needs a known given name); the next line's capitalised word is its last when the
    /// sentence goes on around them: words before the cue on its line, a comma after the word. Not an address's
    /// or a signature's next line ("Mr Jones⏎Leeds, 4 May", "Mr Jones⏎Thank you"), nor a form's next label or a
    /// chat's next speaker ("Bay Ahmet⏎Adres:", "Bay Ahmet⏎Yılmaz: …"), whose colon says that the line starts anew.
    func wrapsAfterCue(_ w0: Word, _ w1: Word) -> Bool {
        guard w0.shape == .capitalised, w1.shape == .capitalised, !w0.suffixed, !w0.evidence.place, !w1.evidence.place,
              !w1.evidence.institution, w1.stem != w0.stem, p.at(w1.range.upperBound) == 0x2C else { return false }
        // The cue's word before the name ("Mr", "g-din", "DC"), then a word before it on the same line.
        var k = w0.range.lowerBound - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        while k >= 0 && p[k] != 0x20 && p[k] != 0x09 && p[k] != 0x0A { k -= 1 }
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x3E) { k -= 1 }
        return k >= 0 && p[k] != 0x0A
    }

    /// Only spaces, then a line break or the end of the text, after `e`: a signature line.
    func endsLine(_ e: Int) -> Bool {
        var k = e
        while k < p.count && (p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0D) { k += 1 }
        return k == p.count || p[k] == 0x0A
    }

    /// A day of the month before the word at `i` ("14 Kasım", "5. Maj"): the word is a month.
    func afterDayNumber(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x2E) { k -= 1 }
        return k >= 0 && k < i - 1 && isDigit(p[k]) && (k == 0 || !isAlnum(p[k - 1]) || isDigit(p[k - 1]))
    }

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
        var k = i - 1
        while k >= 0 && p[k] == 0x20 { k -= 1 }
        guard k >= 0 && p[k] == 0x3A else { return false }
        var j = i
        while j < p.count, j - i < 240, p[j] != 0x0A {
            if (p[j] == 0x2E || p[j] == 0x21 || p[j] == 0x3F) && j > i && (p[j - 1] >= 0x80 || isAlnum(p[j - 1])) && (j + 1 == p.count || isSpace(p[j + 1])) { return false }
            j += 1
        }
        return true
    }
}
