/// Prepositions of place before a name (fourteenth round of issue 11): a capitalised word right after
/// "u", "iz", "in", "at", "near", "у", "из", "во" or "në" names a town, a district, a street or a firm,
/// not a person ("u Beču", "iz Graca", "in Kent", "at Lloyds", "во Охрид", "në Athinë"); after the
/// Latin "na" (on, at), a single word does ("na Limanu", "na Paliću"; not "glasi na Marcusa
/// Lindberga", an account in a person's name). The Macedonian "на" is left out, as it also marks the
/// genitive and dative ("на Феим"), and so are the prepositions that take people as often as places
/// ("od", "from", "to", "kod", "nga"). A possessive adjective of a name before its noun still names the
/// person ("u Ranisavljevićevom stanu", "у Вељковићевој кући").
///
/// The prepositions are a small closed grammatical list, written by hand.
extension NameReader {
    /// What a preposition of place before a name rules out: any name, or a name of one word.
    enum PlacePreposition { case anyName, oneWord }

    /// The preposition of place, written in lower case, one space before the word at `i`, or nil.
    func placePreposition(before i: Int) -> PlacePreposition? {
        guard let r = shortWord(before: i) else { return nil }
        let s = r.lowerBound
        switch r.count {
        case 1: return p[s] == 0x75 ? .anyName : nil                                                  // u
        case 2:
            let a = p[s], b = p[s + 1]
            if (a == 0x69 && (b == 0x7A || b == 0x6E)) || (a == 0x61 && b == 0x74) { return .anyName }  // iz, in, at
            if a == 0xD1 && b == 0x83 { return .anyName }                                              // у
            return a == 0x6E && b == 0x61 ? .oneWord : nil                                             // na
        case 3: return p[s] == 0x6E && p[s + 1] == 0xC3 && p[s + 2] == 0xAB ? .anyName : nil           // në
        case 4:
            let w = (UInt32(p[s]) << 24) | (UInt32(p[s + 1]) << 16) | (UInt32(p[s + 2]) << 8) | UInt32(p[s + 3])
            // near, из, во
            return w == 0x6E65_6172 || w == 0xD0B8_D0B7 || w == 0xD0B2_D0BE ? .anyName : nil
        default: return nil
        }
    }

    /// The word of at most six bytes one space before `i`, opening the text or after a space, line
    /// break, tab or '(': where a preposition, article or determiner stands.
    func shortWord(before i: Int) -> Range<Int>? {
        guard i >= 3, p[i - 1] == 0x20 else { return nil }
        let e = i - 1
        var s = e
        while s > 0, e - s < 6, p[s - 1] != 0x20, p[s - 1] != 0x0A, p[s - 1] != 0x09, p[s - 1] != 0x28 { s -= 1 }
        guard s == 0 || p[s - 1] == 0x20 || p[s - 1] == 0x0A || p[s - 1] == 0x09 || p[s - 1] == 0x28 else { return nil }
        return s..<e
    }

    /// True when a preposition of place rules out the name of `count` words starting with `first`:
    /// not a possessive adjective before a lower-case noun ("u Ranisavljevićevom stanu").
    mutating func afterPlacePreposition(_ first: Word, count: Int) -> Bool {
        guard let preposition = placePreposition(before: first.range.lowerBound) else { return false }
        if preposition == .oneWord && count > 1 { return false }
        let e = first.evidence
        return !((e.possessive || (e.regionalShape && !first.suffixed && isPossessiveOfSurname(first.range)))
            && lowerCaseFollows(first.range.upperBound))
    }

    /// The word in `r` is a possessive adjective of a surname of regional shape: "-ićev", "-ovićevom",
    /// "-ićevoj" (folded "-icev…").
    private mutating func isPossessiveOfSurname(_ r: Range<Int>) -> Bool {
        folded.removeAll(keepingCapacity: true)
        guard r.count <= 64, NameGazetteer.fold(p, r, into: &folded), folded.count >= 6 else { return false }
        let n = folded.count
        for k in max(0, n - 7)..<(n - 3) where folded[k] == 0x69 && folded[k + 1] == 0x63 && folded[k + 2] == 0x65 && folded[k + 3] == 0x76 {
            return true
        }
        return false
    }
}

extension NameReader {
    /// The word at `i` follows, one space apart, a capitalised word that a preposition of place or a
    /// place word leads: the last word of a place's or firm's name ("u Banjoj Luci", "stadion Pod
    /// Goricom", "iz tvrtke Cantieri Lorenzi").
    mutating func endsPlaceName(_ i: Int) -> Bool {
        guard i >= 3, p[i - 1] == 0x20, PersonNames.isLetter(p.scalar(at: p.leadByte(i - 2)).value) else { return false }
        let s = PersonNames.lettersStart(p, endingAt: p.leadByte(i - 2), above: max(0, i - 49))
        guard PersonNames.isUpper(p.scalar(at: s).value) else { return false }
        return placePreposition(before: s) == .anyName || placeBefore(s)
    }

    /// A capitalised company form or organisation word right after `w` on its line: "Holz Richter
    /// GmbH", where "Richter" alone is no later mention of the person "Klausa Richtera" (not a word
    /// in lower case: "Aldridge's bank", "Koç'un banka hesabı").
    mutating func organisationAfter(_ w: Word) -> Bool {
        guard let after = gapEnd(w.range.upperBound), !after.crossedBreak, PersonNames.isUpper(p.scalar(at: after.index).value) else { return false }
        return organisationFollows(after.index)
    }

    /// "Kod", "Kaj", "Te" or "Tek" (at someone's) capitalised right after an opening quote, whose folded word
    /// `placeBefore` has just left in `folded`: a shop's or restaurant's name („Kod Ljubiše“, „Кај
    /// Стојан“, "Te Fatlumi"), not a person. Lower-case "kod Marka" is at Marko's, a person.
    func shopPreposition(_ s: Int) -> Bool {
        guard s > 0, folded.count == 2 || folded.count == 3, PersonNames.isUpper(p.scalar(at: s).value),
              ["kod", "kaj", "te", "tek"].contains(where: { folded.elementsEqual($0.utf8) }) else { return false }
        let q = p.scalar(at: p.leadByte(s - 1)).value
        return q == 0x22 || q == 0x201E || q == 0x201C || q == 0xAB || q == 0x201A || q == 0x2018
    }

    /// A Turkish locative written on after an apostrophe ends `w`, which is no given name as written:
    /// "Bornova'da", "Karadağ'daki", "Kent'te". A word found alone so is a place where something is,
    /// not a person ("Para Ahmet'te kaldı" is one).
    func locative(_ w: Word) -> Bool {
        guard w.suffixed, w.evidence.given < 2 || w.evidence.declined else { return false }
        var end = w.range.upperBound
        if end - w.range.lowerBound > 4, p[end - 2] == 0x6B, p[end - 1] == 0x69 { end -= 2 }  // "-daki", "-teki"
        guard end - w.range.lowerBound > 3, p[end - 2] == 0x64 || p[end - 2] == 0x74, p[end - 1] == 0x61 || p[end - 1] == 0x65 else { return false }
        return p[end - 3] == 0x27 || (end >= 5 && p[end - 5] == 0xE2 && p[end - 4] == 0x80 && p[end - 3] == 0x99)
    }

    /// True when a street, school or airport word comes before the word at `i` ("Bulevar Zorana
    /// Đinđića", "OŠ „Vuk Karadžić“", "ул. Даме Груев"), also with a title in lower case between
    /// (thirty-fifth round: "Trgu bana Jelačića", "Bulevaru despota Stefana"): a place named after a person.
    mutating func placeBefore(_ i: Int) -> Bool {
        var end = i
        for step in 0..<2 {
            var k = end - 1
            while k >= 0, p[k] == 0x20 || p[k] == 0x22 || p[k] == 0x2E || p[k] >= 0x80 && !PersonNames.isLetter(p.scalar(at: p.leadByte(k)).value) {
                k = p.leadByte(k) - 1
            }
            end = k + 1
            k = PersonNames.lettersStart(p, endingAt: end) - 1
            guard end > k + 1, end - k <= 24 else { return false }
            if flags(of: (k + 1)..<end)?.contains(.placeWord) ?? false || shopPreposition(k + 1) { return true }
            guard step == 0, !PersonNames.isUpper(p.scalar(at: k + 1).value), Self.streetTitles.contains(folded.fnv1a(prefix: folded.count)) else { return false }
            end = k + 1
        }
        return false
    }

    /// Titles in lower case between a street's word and the person it is named after, folded: ban,
    /// despot, king, prince, tsar, duke, marshal, patriarch, bishop, queen, saint.
    private static let streetTitles = PersonNames.foldedKeys([
        "bana", "despota", "kralja", "kraljice", "kneza", "kneginje", "cara", "carice", "vojvode", "marsala", "patrijarha",
        "vladike", "svetog", "svete",
    ])

    /// A house number and a postcode follow the name `s..<e`: "Sestre Janjić 6, 34000 Kragujevac",
    /// "Kneza Miloša 12a, 11000": a street named after people, in an address. Since the thirty-fifth
    /// round also, after a surname in the genitive as a street names it and a person is not, a range of
    /// house numbers in parentheses ("u Beogradu (Save Maškovića 3–5)"), and a number and a dash after a
    /// log's name and year ("TRIPKOVIĆ LJUBOMIR (1949), BRAĆE JUGOVIĆA 14 – …"); not a shift's hours
    /// ("dr Petar Ilić 7-15"), a score, nor a hearing's number ("Saslušanje Marka Petrovića 2 – nastavak").
    func addressFollows(_ s: Int, _ e: Int) -> Bool {
        guard p.at(e) == 0x20 else { return false }
        var k = e + 1, digits = 0
        while isDigit(p.at(k)) && digits < 5 { k += 1; digits += 1 }
        guard (1...4).contains(digits) else { return false }
        if isAlpha(p.at(k)) && !isAlpha(p.at(k + 1)) { k += 1 }  // "12a"
        if p.at(k) == 0x2F { k += 1; while isDigit(p.at(k)) { k += 1 } }  // "12/3"
        let dash = p.at(k) == 0x2D ? 1 : (p.at(k) == 0xE2 && p.at(k + 1) == 0x80 && p.at(k + 2) == 0x93 ? 3 : 0)  // "-", "–"
        if digits <= 3 && dash > 0 && isDigit(p.at(k + dash)) && opensParenthesis(before: s) && endsInGenitiveOfIc(e) {  // "(… 3–5)"
            let from = k + dash
            k = from
            while isDigit(p.at(k)) && k - from < 4 { k += 1 }
            return k - from <= 3 && p.at(k) == 0x29
        }
        if digits <= 3 && p.at(k) == 0x20 && p.at(k + 1) == 0xE2 && p.at(k + 2) == 0x80 && p.at(k + 3) == 0x93,
           s >= 3 && p[s - 3] == 0x29 && p[s - 2] == 0x2C && p[s - 1] == 0x20, endsInGenitiveOfIc(e) {  // "(1949), … 14 –"
            return true
        }
        guard p.at(k) == 0x2C else { return false }
        k += 1
        while p.at(k) == 0x20 { k += 1 }
        var postcode = 0
        while isDigit(p.at(k)) && postcode < 6 { k += 1; postcode += 1 }
        // and the town after it, capitalised ("Mehmet Kaya 3, 1500 TL" is no address)
        guard (postcode == 4 || postcode == 5) && p.at(k) == 0x20, k + 1 < p.count else { return false }
        let first = p.scalar(at: k + 1), second = p.scalar(at: k + 1 + first.length).value
        return PersonNames.isUpper(first.value) && PersonNames.isLetter(second) && !PersonNames.isUpper(second)
    }

    /// An opening parenthesis before `s` with only letters and spaces between, 40 bytes at most: "(Save Maškovića".
    private func opensParenthesis(before s: Int) -> Bool {
        var k = s - 1
        while k >= 0, s - k <= 40, p[k] == 0x20 || p[k] >= 0x80 || isAlpha(p[k]) { k -= 1 }
        return k >= 0 && p[k] == 0x28
    }

    /// The word ending at `e` ends in "-ića" (either script, any case): a surname in the genitive.
    private func endsInGenitiveOfIc(_ e: Int) -> Bool {
        guard e >= 5, p[e - 1] | 0x20 == 0x61 || (p[e - 2] == 0xD0 && (p[e - 1] == 0xB0 || p[e - 1] == 0x90)) else { return false }
        let a = p[e - 1] < 0x80 ? 1 : 2
        let (c, l) = p.scalar(at: p.leadByte(e - a - 1))
        guard c == 0x107 || c == 0x106 || c == 0x45B || c == 0x40B else { return false }  // ć Ć ћ Ћ
        let i = p.scalar(at: p.leadByte(e - a - l - 1)).value
        return i == 0x69 || i == 0x49 || i == 0x438 || i == 0x418  // i I и И
    }

    /// "od", "од", "from" or "nga", written in lower case, one space before `i`: prepositions of origin,
    /// which take people as often as places, so that only a place after them says where someone is from.
    func originPreposition(before i: Int) -> Bool {
        guard let r = shortWord(before: i), (2...4).contains(r.count) else { return false }
        return ["od", "од", "from", "nga"].contains { p[r].elementsEqual($0.utf8) }
    }
}
