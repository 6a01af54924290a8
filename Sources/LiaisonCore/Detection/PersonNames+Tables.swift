/// Rule 19, a table's column of names (twenty-fifth round of issue 11). Reports paste lists of
/// victims and account holders as text, their cells parted by tabs, bars, semicolons, commas (CSV
/// without spaces: "ref,surname,forename") or two spaces and more (aligned columns), under a
/// header that says which column holds the names: "Р.бр.⇥Име и презиме⇥Место", "Nr. | Emri Mbiemri |
/// Institucioni", "prezime;ime;mesto". Each cell of such a column on the lines below is a person,
/// whatever the gazetteer knows of its words ("1⇥Шаип Мемедов⇥Штип", "2; Qosja, Erblin; Raiffeisen",
/// "PAVLOV;SLOBODANKA;Opovo": a surname's and a given name's column each give a name), when it
/// holds one to four words of letters (a comma after the first, an initial's full stop), one of
/// them capitalised or in capitals, and no organisation or institution word ("Agro Demaj sh.p.k."
/// has a full stop and is no name). A cell of a place's column is no person ("Bijelo Polje"). The
/// table ends at the first line without its separator. Names found inside such a cell give way to it.
extension PersonNames {
    /// Headers of a column of names (or of one name part), folded word by word: the seven languages.
    private static let nameHeaders = phraseKeys([
        "name", "full name", "name and surname", "surname", "first name", "account holder", "holder",
        "ime i prezime", "prezime i ime", "ime prezime", "prezime ime", "ime", "prezime", "ime i prezime zrtve",
        "име и презиме", "презиме и име", "име", "презиме", "emri mbiemri", "emri dhe mbiemri", "mbiemri emri",
        "mbiemri dhe emri", "emri", "mbiemri", "mbajtesi", "adi soyadi", "ad soyad", "adi", "soyadi", "ad", "soyad",
        "hesap sahibi", "forename", "forenames", "given name", "given names", "emer mbiemer", "emer", "soyadi adi",
        // the father's name, a person of its own: "ATËSIA", "BABA ADI", "ime oca"
        "atesia", "baba adi", "ime oca", "име оца", "татково име",
    ] + accused)

    /// Twenty-seventh round: a court's list of hearings names the accused ("I PANDEHURI", "SANIK(LAR)").
    private static let accused = [
        "accused", "defendant", "defendants", "i pandehuri", "te pandehurit", "sanık", "sanıklar", "sanık(lar)",
        "okrivljeni", "okrivljena", "optuženi", "optužena", "окривљени", "обвинет", "обвинети", "обвинетиот",
    ]

    /// The accused's headers which, like a name header of two words or more ("Ime i prezime"), name people
    /// and nothing else: one of them makes aligned columns a table; a bare "Name" or "Ad" heads a file's or a
    /// form's column as often.
    private static let accusedHeaders = phraseKeys(accused)

    /// A cell of a column of names that holds none: "NOT GIVEN", "Nepoznato", "НН лице".
    private static let blanks = phraseKeys([
        "not given", "unknown", "none", "nepoznato", "nepoznat", "непознато", "непознат", "nn lice", "нн лице",
        "i panjohur", "e panjohur", "bilinmiyor", "belirtilmemis",
    ])

    /// A table's line of totals, whose first cell is no name: "Total", "Ukupno", "Gjithsej", "Toplam".
    private static let totals = phraseKeys(["total", "totals", "sum", "ukupno", "svega", "укупно", "вкупно", "gjithsej", "toplam"])

    /// Headers of a column of places: town, place, city.
    private static let placeHeaders = phraseKeys([
        "place", "town", "city", "location", "mjesto", "mesto", "grad", "место", "град", "qyteti", "vendi",
        "vendbanimi", "sehir", "il", "yer", "dogum yeri", "mesto rodjenja", "mjesto rodjenja", "vendlindja",
    ])

    /// The separators that may part a header's cells, in text order: a tab, bar or semicolon right
    /// before a capitalised word no rule took, or a space before it ("Р.бр.⇥Име и презиме⇥Место",
    /// "Nr. | Emri Mbiemri |": a header of two columns or more has one), a comma right before it, or
    /// the last of two spaces or more ("SURNAME   FORENAMES"); and the semicolons and commas the scan
    /// noted between lower-case words ("prezime;ime;mesto", "ref,surname"). Found from the words, not
    /// by reading every byte again.
    static func headerSeparators(_ p: Bytes, _ capitalised: [Int], _ separators: [Int]) -> [Int] {
        var out = separators
        for i in capitalised {
            if p.at(i - 1) == 0x2C || (p.at(i - 1) == 0x20 && p.at(i - 2) == 0x20) { out.append(i - 1); continue }
            var k = i - 1
            if p.at(k) == 0x20 { k -= 1 }
            if case let b = p.at(k), b == 0x09 || b == 0x7C || b == 0x3B { out.append(k) }
        }
        if !separators.isEmpty && out.count > separators.count { out.sort() }
        return out
    }

    /// Each table's column of names in `p`, under a header holding one of `separators` (in text
    /// order): its cells become names, replacing the names found inside them; names inside a cell
    /// of a place's column are dropped.
    static func tableColumns(_ p: Bytes, _ separators: [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var cellNames: [FoundName] = [], cleared: [Range<Int>] = []  // in text order: the cells read, whose names give way
        var k = 0
        while k < separators.count {
            // The line of the next separator, when short enough to be a header and free of digits:
            // a header is ("Р.бр.⇥Име и презиме⇥Место"), its rows are not ("1⇥Шаип Мемедов⇥Штип").
            let separator = separators[k]
            let s = p.lineStart(separator, within: 240)
            let e = p.firstIndex(of: 0x0A, 0x0A, 0x0A, from: separator)
            while k < separators.count && separators[k] < e { k += 1 }
            guard s == 0 || p[s - 1] == 0x0A, e - s <= 240, !(s..<e).contains(where: { isDigit(p[$0]) }),
                  let header = headerOf(p, s..<e, &reader) else { continue }
            // Its rows, to the first line without its separator.
            var lineStart = e + 1
            while lineStart < p.count {
                let lineEnd = p.firstIndex(of: 0x0A, 0x0A, 0x0A, from: lineStart)
                guard let cells = cells(p, lineStart..<lineEnd, header.separator) else { break }
                for column in header.names where column < cells.count {
                    if let name = nameCell(p, cells[column], &reader) { cellNames.append(name); cleared.append(cells[column]) }
                }
                for column in header.places where column < cells.count { cleared.append(cells[column]) }
                lineStart = lineEnd + 1
            }
            while k < separators.count && separators[k] < lineStart { k += 1 }
        }
        // Once, not per cell: a table of many rows would cost rows × names.
        cleared.sort { $0.lowerBound < $1.lowerBound }
        found.removeOverlapping(cleared)
        found.append(contentsOf: cellNames)
    }

    /// The separator and the columns of names and places when `line` is a table's header.
    private static func headerOf(_ p: Bytes, _ line: Range<Int>, _ reader: inout NameReader) -> (separator: UInt8, names: [Int], places: [Int])? {
        for separator: UInt8 in [0x09, 0x7C, 0x3B, 0x2C, 0x20] {
            guard let cells = cells(p, line, separator), cells.count >= 2 else { continue }
            var names: [Int] = [], places: [Int] = [], strong = false
            for (k, cell) in cells.enumerated() where cell.count <= 32 {
                var keys: [UInt64] = []
                guard runningKeys(p, cell, &reader, { keys.append($0) }), let key = keys.last else { continue }
                // a header of two words or more may say more after them: "prezime_ime_pretplatnika"
                if nameHeaders.contains(key) || keys.dropFirst().contains(where: nameHeaders.contains) {
                    names.append(k)
                    strong = strong || keys.count >= 2 || accusedHeaders.contains(key)
                } else if placeHeaders.contains(key) { places.append(k) }
            }
            // Commas and spaces part cells of prose and of a form's "Surname     SMITH" too: two headers
            // known, or for spaces three columns or more and a header that names people only
            // ("ORA  NR. ÇËSHTJES  I PANDEHURI  VEPRA"; not "Name  Type  Size").
            let known = separator == 0x2C || separator == 0x20 && (cells.count < 3 || !strong) ? 2 : 1
            if !names.isEmpty && names.count + places.count >= known { return (separator, names, places) }  // "S.NO  SOYADI, ADI": not its comma
        }
        return nil
    }

    /// The cells of `line` parted by `separator` (a space: two spaces or more), trimmed of spaces;
    /// nil when it holds no separator.
    private static func cells(_ p: Bytes, _ line: Range<Int>, _ separator: UInt8) -> [Range<Int>]? {
        var out: [Range<Int>] = []
        var s = line.lowerBound
        for k in line where p[k] == separator {
            if separator == 0x20 && (p.at(k + 1) == 0x20 || k == line.lowerBound || p[k - 1] != 0x20) { continue }
            out.append(trimmed(p, s..<k))
            s = k + 1
        }
        guard !out.isEmpty else { return nil }
        out.append(trimmed(p, s..<line.upperBound))
        return out
    }

    private static func trimmed(_ p: Bytes, _ r: Range<Int>) -> Range<Int> {
        var (a, b) = (r.lowerBound, r.upperBound)
        while a < b && (p[a] == 0x20 || p[a] == 0x0D) { a += 1 }
        while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x0D) { b -= 1 }
        return a..<b
    }

    /// The cell `r` as a name, if it reads as one (see the extension's doc).
    private static func nameCell(_ p: Bytes, _ r: Range<Int>, _ reader: inout NameReader) -> FoundName? {
        guard r.count >= 2, r.count <= 64, phraseKey(p, r, &reader).map({ !totals.contains($0) && !blanks.contains($0) }) ?? true else { return nil }
        var words: [Range<Int>] = []
        var stems: [UInt64] = []
        var k = r.lowerBound
        var capital = false
        while k < r.upperBound {
            let start = k
            let e = lettersEnd(p, from: k)
            guard e > start, let w = reader.word(at: start), w.range.upperBound <= r.upperBound else { return nil }
            let v = w.evidence
            guard !v.organisation, !v.institution, !v.postTitle else { return nil }
            capital = capital || isUpper(p.scalar(at: start).value)
            k = w.range.upperBound
            // an initial's full stop, or one comma after the first word ("Qosja, Erblin")
            if k < r.upperBound && p[k] == 0x2E && w.shape == .initial { k += 1 }
            if k < r.upperBound && p[k] == 0x2C && words.isEmpty { k += 1 }
            words.append(w.range)
            stems.append(w.stem)
            while k < r.upperBound && p[k] == 0x20 { k += 1 }
            guard k == r.upperBound || isLetter(p.scalar(at: k).value), words.count <= 4 else { return nil }
        }
        guard capital, !words.isEmpty else { return nil }
        return FoundName(words: words, stems: stems, detector: "person-table")
    }

    /// The folded words of `r` hashed together, or nil when it holds something else than letters and spaces.
    static func phraseKey(_ p: Bytes, _ r: Range<Int>, _ reader: inout NameReader) -> UInt64? {
        var last: UInt64? = nil
        return runningKeys(p, r, &reader, { last = $0 }) ? last : nil
    }

    /// Gives `visit` the `phraseKey` of the first word of `r`, of its first two, and so on; false when `r`
    /// holds something else than letters and spaces, or underscores and brackets between words
    /// ("prezime_ime", "SANIK(LAR)"), or no word of two letters or more.
    private static func runningKeys(_ p: Bytes, _ r: Range<Int>, _ reader: inout NameReader, _ visit: (UInt64) -> Void) -> Bool {
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        var words = 0
        var k = r.lowerBound
        while k < r.upperBound {
            let e = lettersEnd(p, from: k)
            guard e > k, e <= r.upperBound else { return false }
            // a word of one letter ("ime i prezime", "име и презиме") is left out, on both sides
            if e - k > (p[k] < 0x80 ? 1 : 2) {
                guard let (word, _, _) = reader.foldedWord(at: k) else { return false }
                key = (key ^ word.hash) &* 0x100_0000_01b3
                words += 1
                visit(key)
            }
            k = e
            if k < r.upperBound && p[k] == 0x2C { k += 1 }  // "SOYADI, ADI"
            while k < r.upperBound && (p[k] == 0x20 || p[k] == 0x5F || p[k] == 0x28 || p[k] == 0x29) { k += 1 }
        }
        return k > r.lowerBound && words > 0
    }

    /// `phraseKey` of each phrase.
    static func phraseKeys(_ phrases: [String]) -> Set<UInt64> {
        var keys = Set<UInt64>()
        for phrase in phrases {
            var copy = phrase
            copy.withUTF8 { p in
                var reader = NameReader(p)
                if let key = phraseKey(p, 0..<p.count, &reader) { keys.insert(key) }
            }
        }
        return keys
    }
}
