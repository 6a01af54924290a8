/// Institutions before a name (tenth round of issue 11; the head nouns are in
/// NameEvidence+Institutions.swift): the capitalised words after an institution's head noun name it
/// ("Ministria e Arsimit"), and a name in quotes after one, after a school's or firm's word or an
/// acronym, or opening with a doctor's title, is an institution's named after a person ("Gimnazije
/// „Slobodan Škerović“", "KIC-a „Budo Tomović“", "Klinike za infektivne bolesti „Dr. Fran Mihaljević“").
extension NameReader {
    /// Whether the name starting at `i` belongs to an institution's name: an institution's head noun
    /// before it on the same line, with at most three capitalised words between, and since the
    /// thirty-fifth round linking particles besides, six words in all
    /// ("Ministria e Arsimit", "Drejtoria e Doganës", "Ministria e Punëve të Brendshme", "Vlade
    /// Republike Srbije"). A name in quotes is an institution's or a school's named after a person
    /// when such a head noun, a place word or an acronym, bare or with a case ending, leads it
    /// ("Gimnazije „Slobodan Škerović“", "ООУ „Гоце Делчев“", "Shkollës Fillore “Naim Frashëri”",
    /// "KIC-a „Budo Tomović“"), or when a doctor's title opens the quote and an institution's head
    /// noun, place word or organisation word stands at most eight words before it (twenty-third
    /// round: "Klinike za infektivne bolesti „Dr. Fran Mihaljević“"; not "a fake "Dr Alan
    /// Merriweather""). Nil when no head noun leads it, else whether the name is in quotes.
    mutating func institutionBefore(_ i: Int) -> Bool? {
        var k = i
        var quoted = false
        var doctor = false
        var words = 0  // words passed that are no linking particle: at most three
        for _ in 0..<6 {
            let quote = openingQuote(before: k)
            k -= quote
            if quote > 0 {
                quoted = true
                if doctor && institutionWordBefore(k) { return true }
            }
            guard k > 1, p[k - 1] == 0x20 else { return nil }
            // A doctor's title may end in a dot ("Dr."); a dot after any other word ends a sentence.
            let dotted = p[k - 2] == 0x2E
            let e = dotted ? k - 2 : k - 1
            let s = PersonNames.lettersStart(p, endingAt: e, above: max(0, e - 33))
            if !dotted && !quoted, let title = hyphenatedDoctor(s, e) {  // "Поликлиника „Д-р Нешковски“"
                doctor = true
                k = title
                words += 1
                continue
            }
            guard s < e, e - s <= 32, let flags = self.flags(of: s..<e), !dotted || folded == Self.doctor else { return nil }
            if flags.contains(.institution) { return quoted }
            if quoted && (!flags.isDisjoint(with: [.placeWord, .organisation])
                          || (quote > 0 && (isAcronym(s..<e) || acronymWithEnding(s, e)))) { return true }
            doctor = !quoted && folded == Self.doctor
            if !NameEvidence.isLinkingParticle(folded) {
                words += 1
                guard words < 4, PersonNames.isUpper(p.scalar(at: s).value) else { return nil }
            }
            k = s
        }
        return nil
    }

    /// True when a name found belongs to an institution's name (`institutionBefore`): "Ministria e
    /// Arsimit". A full name (a given name as written and more words) outside quotes is a person named
    /// after the institution, not its words: "direktor Uprave carina Marko Petrović".
    mutating func insideInstitution(_ name: FoundName) -> Bool {
        guard let quoted = institutionBefore(name.start) else { return false }
        guard !quoted, name.words.count >= 2, let first = word(at: name.start) else { return true }
        return first.evidence.given < 2 || first.evidence.declined
    }

    /// The start of a doctor's title written with a hyphen ("Д-р", "д-р", "d-r") whose "р" is `s..<e`.
    private func hyphenatedDoctor(_ s: Int, _ e: Int) -> Int? {
        let (r, l) = p.scalar(at: s)
        guard s + l == e, r == 0x440 || r == 0x420 || r == 0x72 || r == 0x52, s >= 2, p[s - 1] == 0x2D else { return nil }
        let d = p[s - 2] == 0x64 || p[s - 2] == 0x44 ? s - 2 : (s >= 3 && p[s - 3] == 0xD0 && (p[s - 2] == 0xB4 || p[s - 2] == 0x94) ? s - 3 : nil)
        guard let d, d == 0 || !PersonNames.isLetter(p.scalar(at: p.leadByte(d - 1)).value) else { return nil }
        return d
    }

    /// "dr", folded: "Dr.", "dr", "Др".
    private static let doctor: [UInt8] = Array("dr".utf8)

    /// "KIC-a", "JZU-a": an acronym and a case ending of one to three lower-case letters in `s..<e`.
    private func acronymWithEnding(_ s: Int, _ e: Int) -> Bool {
        guard s > 1, p[s - 1] == 0x2D, e - s <= 6, !PersonNames.isUpper(p.scalar(at: s).value) else { return false }
        let a = PersonNames.lettersStart(p, endingAt: s - 1, above: max(0, s - 10))
        return a < s - 1 && isAcronym(a..<(s - 1))
    }

    /// True when an institution's head noun, a place word or an organisation word is one of the eight
    /// words before `q` on its line: "Klinike za infektivne bolesti „", "Doma zdravlja „".
    private mutating func institutionWordBefore(_ q: Int) -> Bool {
        var k = q
        for _ in 0..<8 {
            guard k > 1, p[k - 1] == 0x20 else { return false }
            let s = PersonNames.lettersStart(p, endingAt: k - 1, above: max(0, k - 34))
            guard s < k - 1, let flags = self.flags(of: s..<(k - 1)) else { return false }
            if !flags.isDisjoint(with: [.institution, .placeWord, .organisation]) { return true }
            k = s
        }
        return false
    }

    /// The length of an opening quote right before `i` („, “, ”, «, "), or 0.
    func openingQuote(before i: Int) -> Int {
        if i >= 3 && p[i - 3] == 0xE2 && p[i - 2] == 0x80 && (p[i - 1] == 0x9E || p[i - 1] == 0x9C || p[i - 1] == 0x9D) { return 3 }
        if i >= 2 && p[i - 2] == 0xC2 && p[i - 1] == 0xAB { return 2 }
        return i >= 1 && p[i - 1] == 0x22 ? 1 : 0
    }

    /// Two to four capitals, Latin or Cyrillic: "OŠ", "ООУ", "КБЦ".
    private func isAcronym(_ r: Range<Int>) -> Bool {
        var k = r.lowerBound, letters = 0
        while k < r.upperBound {
            let (v, l) = p.scalar(at: k)
            guard PersonNames.isUpper(v) else { return false }
            letters += 1
            k += l
        }
        return letters >= 2 && letters <= 4
    }
}

extension NameReader {
    /// Head nouns that follow the name of a person a school, hospital, mosque, bridge, street or
    /// award is named after, folded ("Mehmet Akif Ersoy Anadolu Lisesi", "Bradford Royal Infirmary").
    private static let namedAfterHeads = PersonNames.foldedKeys([
        "lisesi", "lisesine", "okulu", "ilkokulu", "ortaokulu", "hastanesi", "hastanesine", "camii", "camisi",
        "stadyumu", "köprüsü", "caddesi", "bulvarı", "sokağı", "parkı", "meydanı", "kütüphanesi", "müzesi", "vakfı",
        "armağanı", "ödülü", "infirmary", "hospice", "academy",
    ])

    /// The word at `i` (its letters up to an apostrophe: "Lisesi'nin") is such a head noun.
    mutating func namedAfterPeople(at i: Int) -> Bool {
        let e = PersonNames.lettersEnd(p, from: i)
        var word = FoldedWordHash()
        return e > i && e - i <= 32 && NameGazetteer.fold(p, i..<e, into: &word) && Self.namedAfterHeads.contains(word.hash)
    }
}
