/// Institutions before a name (tenth round of issue 11; the head nouns are NameEvidence+Institutions.swift):
/// the capitalised words after an institution's head noun name it ("Ministria e Arsimit"), and a
/// name in quotes after one, after a school's or firm's word or an acronym, or opening with a
/// doctor's title, is an institution's named after a person ("Gimnazije „Slobodan Škerović“", "KIC-a
/// „Budo Tomović“", "Klinike za infektivne bolesti „Dr. Fran Mihaljević“").
extension NameReader {
    /// Whether the name starting at `i` belongs to an institution's name: an institution's head noun
    /// before it on the same line, with at most three capitalised words or linking particles between ("Ministria e Arsimit", "Drejtoria e Doganës", "Ministria e Punëve
    /// të Brendshme", "Vlade Republike Srbije"). A name in quotes is an institution's or a school's
    /// named after a person when such a head noun, a place word or an acronym, bare or with a case
    /// ending, leads it ("Gimnazije „Slobodan Škerović“", "ООУ „Гоце Делчев“", "Shkollës Fillore “Naim
    /// Frashëri”", "KIC-a „Budo Tomović“"), or when a doctor's title opens the quote after a word that may end an
    /// institution's name (twenty-third round: "Doma zdravlja „Dr. Mustafa Šehović“", "majke i deteta
    /// „Др Вукан Чупић“"; not "se predstavio kao „dr. Markus“", "in the name of "Dr Alan Merriweather""). Nil when no head noun leads it, else whether the name
    /// is in quotes.
    mutating func institutionBefore(_ i: Int) -> Bool? {
        var k = i
        var quoted = false
        var doctor = false
        for _ in 0..<4 {
            let quote = openingQuote(before: k)
            k -= quote
            if quote > 0 {
                quoted = true
                if doctor { return nounBefore(k) ? true : nil }
            }
            guard k > 1, p[k - 1] == 0x20 else { return nil }
            // A doctor's title may end in a dot ("Dr."); a dot after any other word ends a sentence.
            let dotted = p[k - 2] == 0x2E
            let e = dotted ? k - 2 : k - 1
            let s = PersonNames.lettersStart(p, endingAt: e, above: max(0, e - 33))
            guard s < e, e - s <= 32, let flags = self.flags(of: s..<e), !dotted || folded == Self.doctor else { return nil }
            if flags.contains(.institution) { return quoted }
            if quoted && (!flags.isDisjoint(with: [.placeWord, .organisation]) || (quote > 0 && isAcronym(s..<e))) { return true }
            if quoted && quote > 0 && s > 1 && p[s - 1] == 0x2D {  // "KIC-a": an acronym and its case ending
                let a = PersonNames.lettersStart(p, endingAt: s - 1, above: max(0, s - 10))
                if a < s - 1 && isAcronym(a..<(s - 1)) { return true }
            }
            doctor = !quoted && folded == Self.doctor
            guard NameEvidence.isLinkingParticle(folded) || PersonNames.isUpper(p.scalar(at: s).value) else { return nil }
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

    /// "dr", folded: "Dr.", "dr", "Др".
    private static let doctor: [UInt8] = Array("dr".utf8)

    /// Words of four letters or more that give a name rather than an institution's before a quote.
    private static let namingWords = PersonNames.foldedKeys(["како", "olarak", "named", "called", "alias", "zvani", "звани"])

    /// True when a word of four letters or more that may end an institution's name ends one space
    /// before `q` ("zdravlja", "bolesti", "deteta"): not a preposition or naming word ("in the name of
    /// "Dr Alan Merriweather"", "kao „dr. Markus“", "named").
    private mutating func nounBefore(_ q: Int) -> Bool {
        guard q > 1, p[q - 1] == 0x20 else { return false }
        let s = PersonNames.lettersStart(p, endingAt: q - 1, above: max(0, q - 34))
        guard s < q - 1, let (w, _, _) = foldedWord(at: s), w.count >= 4 else { return false }
        return !Self.namingWords.contains(w.hash)
    }

    /// The length of an opening quote right before `i` („, “, ”, «, "), or 0.
    private func openingQuote(before i: Int) -> Int {
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
