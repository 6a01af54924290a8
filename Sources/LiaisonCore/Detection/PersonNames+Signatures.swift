/// Names where letters and lists put them (fifteenth round of issue 11): a name signed under a
/// closing formula ("Kind regards,⏎Iolo Gruffydd", "Faleminderit,⏎Vlorjana"), and a surname in
/// capitals before a comma and a given name ("KOWALSKI, Tomasz", "DEMİR, Eren", "Sanık: KOCAMAN, Tolga").
extension PersonNames {
    /// Closing formulas of a letter in the seven languages, in lower case, without the comma.
    static let closings: Set<String> = [
        "regards", "kind regards", "best regards", "warm regards", "best wishes", "with best wishes", "many thanks",
        "thanks", "thank you", "cheers", "sincerely", "yours sincerely", "yours faithfully", "all the best",
        "pozdrav", "pozdravi", "srdačan pozdrav", "srdačno", "lijep pozdrav", "lep pozdrav", "s poštovanjem",
        "sa poštovanjem", "hvala", "unaprijed hvala", "unapred hvala",
        "поздрав", "поздрави", "срдачан поздрав", "с поштовањем", "са поштовањем", "хвала", "унапред хвала",
        "со почит", "со почитување", "благодарам", "срдечен поздрав",
        "me respekt", "me nderime", "me nderim", "faleminderit", "të fala", "me konsideratë",
        "saygılarımla", "saygılar", "teşekkürler", "iyi çalışmalar", "selamlar", "sevgiler",
    ]

    /// Names signed under a closing formula: a line that holds only the formula ("Kind regards,",
    /// "S poštovanjem,", "Со почит,", "Me respekt,", "Saygılarımla,"), then a line of one to three
    /// capitalised words and nothing else ("Carys", "Iolo Gruffydd"), which need no gazetteer
    /// evidence. None may be an organisation, institution, place or honorific word, nor a word the
    /// text also writes in lower case ("Support Team"); a line a name found already overlaps from its
    /// first word on is left ("Mirela⏎Hoxholli"), and a name found starting inside the line gives way
    /// to it ("Mrika Pepa", not "Pepa⏎Sekretaria e Prokurorisë").
    static func signedNames(_ p: Bytes, _ reader: inout NameReader, _ found: [FoundName]) -> [FoundName] {
        var names: [FoundName] = []
        var lowerCase: Set<UInt64>? = nil
        var lineStart = 0
        var b = p.firstIndex(of: 0x0A, 0x0A, 0x0A, from: 0)
        var foundAt: RangeIndex? = nil  // the names found, read once a signature is
        while b < p.count {
            defer { lineStart = b + 1; b = p.firstIndex(of: 0x0A, 0x0A, 0x0A, from: b + 1) }
            guard b - lineStart >= 5, b - lineStart <= 40, b + 1 < p.count, p[b + 1] >= 0x80 || isUpperASCII(p[b + 1]),
                  isClosing(p, lineStart..<b), let name = signature(p, at: b + 1, &reader, &lowerCase) else { continue }
            if foundAt == nil { foundAt = RangeIndex(found.map(\.range)) }
            // No name found holds its first word.
            guard !foundAt!.overlaps(name.start..<(name.start + 1)) else { continue }
            names.append(name)
        }
        return names
    }

    /// The line in `r`, less spaces and a final ',', '.' or '!', is a closing formula.
    static func isClosing(_ p: Bytes, _ r: Range<Int>) -> Bool {
        var e = r.upperBound
        while e > r.lowerBound, p[e - 1] == 0x20 || p[e - 1] == 0x0D || p[e - 1] == 0x2C || p[e - 1] == 0x2E || p[e - 1] == 0x21 { e -= 1 }
        var s = r.lowerBound
        while s < e, p[s] == 0x20 || p[s] == 0x09 { s += 1 }
        guard s < e else { return false }
        return closings.contains(String(decoding: p[s..<e], as: UTF8.self).lowercased())
    }

    /// One to three capitalised words filling the line at `i`, as a name.
    private static func signature(_ p: Bytes, at i: Int, _ reader: inout NameReader, _ lowerCase: inout Set<UInt64>?) -> FoundName? {
        var words: [Range<Int>] = [], stems: [UInt64] = []
        var k = i
        while true {
            while k < p.count, p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0D { k += 1 }
            guard k < p.count, p[k] != 0x0A else { break }
            guard words.count < 3, let w = reader.word(at: k), w.shape == .capitalised else { return nil }
            let e = w.evidence
            guard !e.organisation, !e.postTitle, !e.institution, !e.place, !reader.isPlaceWord(w.range),
                  !e.isUnknown || !writtenLowerCase(p, k, &reader, &lowerCase) else { return nil }
            words.append(w.range)
            stems.append(w.stem)
            k = w.range.upperBound
        }
        return words.isEmpty ? nil : FoundName(words: words, stems: stems, detector: "person-signature")
    }

    /// "KOWALSKI, Tomasz", "DEMİR, Eren", "O'DONNELL, Siobhan": a word of four letters or more in
    /// capitals (or a surname of the gazetteer opening its line, "Hughes, Geraint"), a comma and one
    /// space before a given name found alone (as written; also a common word when the surname is a
    /// listed one, "DEMİR, Eren") is the surname of a list's or a court record's "Surname, Given"; a
    /// given name in capitals too needs the surname known to the gazetteer (one in capitals is not
    /// found alone, so "KARATEPE, AYŞEGÜL" is missed). Not an organisation, institution,
    /// place or honorific word ("HMRC, Amazon", "MUP, Odeljenje"). A name found on the surname alone
    /// is dropped.
    static func surnamesBeforeComma(_ p: Bytes, _ reader: inout NameReader, _ found: inout [FoundName]) {
        var dropped: [Int] = []
        var alone: [Int: [Int]]? = nil  // the names of one word by start, read once a surname is found
        for k in found.indices where found[k].words.count == 1 {
            let s = found[k].start
            guard s >= 6, p[s - 1] == 0x20, p[s - 2] == 0x2C else { continue }
            var a = lettersStart(p, endingAt: s - 2, above: max(0, s - 42))
            // "O'DONNELL", "O’DONNELL": one capital and an apostrophe before the surname.
            let apostrophe = a >= 2 && p[a - 1] == 0x27 ? 1 : a >= 4 && p[a - 3] == 0xE2 && p[a - 2] == 0x80 && p[a - 1] == 0x99 ? 3 : 0
            if apostrophe > 0, case let o = a - apostrophe - 1, isUpperASCII(p[o]), o == 0 || !isLetter(p.scalar(at: p.leadByte(o - 1)).value) {
                a = o
            }
            guard a < s - 2, isNameStart(p, a), let surname = reader.word(at: a), surname.range.upperBound == s - 2,
                  p[surname.range].count(where: { $0 & 0xC0 != 0x80 }) >= 4 else { continue }
            let e = surname.evidence
            // A capitalised surname of the gazetteer opening its line, the item ending with the given name:
            // an attendance list's "Hughes, Geraint – TSB" (not "Simon, John called me").
            guard surname.shape == .allCaps
                || (surname.shape == .capitalised && e.surname == 2 && (a == 0 || p[a - 1] == 0x0A) && endsItem(p, found[k].end)) else { continue }
            guard !e.organisation, !e.postTitle, !e.institution, !e.place, !reader.isPlaceWord(surname.range),
                  let given = reader.word(at: s), given.range.upperBound == found[k].end, given.evidence.given == 2,
                  !given.evidence.ambiguous || e.surname > 0, !given.evidence.declined, !given.evidence.place,
                  given.shape == .capitalised || (given.shape == .allCaps && e.surname > 0) else { continue }
            found[k].words.insert(surname.range, at: 0)
            found[k].stems.append(surname.stem)
            found[k].detector = "person-comma"
            if alone == nil { alone = Dictionary(grouping: found.indices.filter { found[$0].words.count == 1 }, by: { found[$0].start }) }
            if let j = alone![surname.range.lowerBound]?.first(where: { found[$0].words == [surname.range] }) { dropped.append(j) }
        }
        // Looked up and removed in one pass each: a list of many names stays linear.
        if !dropped.isEmpty { let drop = Set(dropped); found = found.indices.filter { !drop.contains($0) }.map { found[$0] } }
    }

    /// "Sanık: KOCAMAN, Tolga  Suç:", "Account holder: ARBUTHNOT, Callista   MSISDN:", "Abone: ERDOĞMUŞ,
    /// Hakan | GSM" (twenty-fifth round): after a form's label, a surname in capitals of four letters
    /// or more, a comma and one or two capitalised words that end the field are "Surname, Given" when
    /// the first of them is a given name of the gazetteer, though also a common word ("Tolga", "Hakan"),
    /// or the label is a role ("Account holder:"), and the label names no place or subject ("City:
    /// RICHMOND, Virginia"); not "Subject: URGENT, Action Required". None may be an organisation,
    /// institution, place or honorific word. The words taken leave `capitalised`.
    static func labelledSurnamesFirst(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var taken: [Int] = []
        var added: [FoundName] = [], givenStarts = Set<Int>()  // the given names found alone, removed once
        for a in capitalised where a >= 3 && p[a - 1] == 0x20 && p[a - 2] == 0x3A {
            guard let surname = reader.word(at: a), surname.shape == .allCaps, case let e = surname.range.upperBound,
                  p.at(e) == 0x2C, p.at(e + 1) == 0x20, p[surname.range].count(where: { $0 & 0xC0 != 0x80 }) >= 4,
                  let given = reader.word(at: e + 2), given.shape == .capitalised, !given.suffixed,
                  plainWord(surname.evidence), plainWord(given.evidence) else { continue }
            var words = [surname.range, given.range]
            if let second = reader.next(after: given), !second.afterBreak, second.shape == .capitalised, second.evidence.given > 0,
               plainWord(second.evidence) {
                words.append(second.range)
            }
            guard endsItem(p, words[words.count - 1].upperBound), given.evidence.given > 0 || labelIsRole(p, before: a),
                  !labelIsNoPerson(p, before: a, &reader) else { continue }
            givenStarts.insert(given.range.lowerBound)  // the given name found alone
            added.append(FoundName(words: words, stems: [surname.stem, given.stem], detector: "person-comma"))
            taken += words.map(\.lowerBound)
        }
        if !added.isEmpty {
            found.removeAll { givenStarts.contains($0.start) }
            found.append(contentsOf: added)
        }
        forget(taken, in: &capitalised)
    }

    /// Labels of a value that is no person: places, addresses, subjects ("City: RICHMOND, Virginia",
    /// "Subject: URGENT, Grace").
    private static let noPersonLabels = phraseKeys([
        "city", "town", "place", "location", "address", "destination", "country", "state", "subject", "title", "mjesto",
        "mesto", "grad", "adresa", "predmet", "место", "град", "адреса", "предмет", "qyteti", "vendi", "lenda",
        "sehir", "il", "ilce", "adres", "konu", "ulke",
    ])

    /// The label that opens the line and ends in ": " right before `a` names no person (`noPersonLabels`).
    private static func labelIsNoPerson(_ p: Bytes, before a: Int, _ reader: inout NameReader) -> Bool {
        guard let s = labelStart(p, before: a), let key = phraseKey(p, s..<(a - 2), &reader) else { return false }
        return noPersonLabels.contains(key)
    }

    /// No organisation, institution, place or honorific word.
    private static func plainWord(_ e: NameEvidence) -> Bool { !e.organisation && !e.institution && !e.place && !e.postTitle }

    /// The label that opens the line and ends in ": " right before `a` is a role cue ("Account holder:").
    private static func labelIsRole(_ p: Bytes, before a: Int) -> Bool {
        guard let s = labelStart(p, before: a), let cue = PersonCues.end(p, at: s) else { return false }
        return cue.index == a && cue.kind == .role
    }

    /// The start of the line whose label ends in ": " right before `a`, within 48 bytes.
    private static func labelStart(_ p: Bytes, before a: Int) -> Int? {
        var s = a - 2
        while s > 0, a - s < 48, p[s - 1] != 0x0A { s -= 1 }
        return s == 0 || p[s - 1] == 0x0A ? s : nil
    }

    /// A list item's name ends at `e`: the line ends, or a dash, bracket, comma, bar, tab or a second
    /// space (a table's column) follows.
    private static func endsItem(_ p: Bytes, _ e: Int) -> Bool {
        let b = p.at(e)
        if e >= p.count || b == 0x0A || b == 0x0D || b == 0x2C || b == 0x09 { return true }
        guard b == 0x20 else { return false }
        let c = p.at(e + 1)
        return c == 0x20 || c == 0x2D || c == 0x28 || c == 0x7C || (c == 0xE2 && p.at(e + 2) == 0x80 && (p.at(e + 3) == 0x93 || p.at(e + 3) == 0x94))
    }
}
