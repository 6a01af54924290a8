/// A speaker after a line's time (thirty-sixth round of issue 11): chat exports, service desks'
/// work notes and incident channels open each message with its time and the writer's name before
/// ": " ("[08:04] Hollie Brennan: ok", "06 Jun 09:40 – dev patel: rule removed", "[09/05, 07:55]
/// mandy p: yes", "15.6. 10:20 goran b.: direktor…"). There a given name or a word the gazetteer
/// lacks before a surname is a name, at a line's opening and in lower case too, where the other
/// rules need more; so is a given name before an initial. Not one word alone ("Agent:", "Val:"), nor
/// words of an organisation, office, place or cue ("[08:00] IT Support:", "10:20 Napomena:").
extension PersonNames {
    static func loggedSpeakers(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var names: [FoundName] = []
        var line = 0
        while line < p.count {
            defer { line = p.firstIndex(of: 0x0A, from: line) + 1 }
            let b = p[line]
            guard isDigit(b) || b == 0x5B || b == 0x28 || isAlpha(b) && dayOpensLine(p, line), let s = afterLineTime(p, line),
                  let name = speakerBefore(s, p, &reader) else { continue }
            names.append(name)
        }
        guard !names.isEmpty else { return }
        let held = RangeIndex(found.map(\.range))
        names.removeAll { held.holds($0.range) }
        found.removeOverlapping(names.map(\.range))
        found.append(contentsOf: names)
        forget(wordsOf: names, in: &capitalised)
    }

    /// Where the first word after a time that opens the line at `line` starts: a date, a time and
    /// separators ("[12/05, 21:14] ", "06 Jun 09:40 – ", "15.6. 10:20 ", "Mon 03 Jun 09:00:12 | ",
    /// "[8:04 AM] "); nil when no time ("H:MM") comes before the first word, or the prefix is longer
    /// than 40 bytes. Before the time a date may hold a day's and a month's name (nine letters at most);
    /// after it only seconds, AM or PM, brackets, dashes, bars, tabs and spaces.
    private static func afterLineTime(_ p: Bytes, _ line: Int) -> Int? {
        var k = line
        var letters = 0, runs = 0  // the letters of the word read, the words read
        var time = false
        while k < min(p.count, line + 40) {
            let b = p[k]
            if !time, isDigit(b), p.at(k + 1) == 0x3A, isDigit(p.at(k + 2)), isDigit(p.at(k + 3)) {
                time = true
                k += 4
                if p.at(k) == 0x3A, isDigit(p.at(k + 1)), isDigit(p.at(k + 2)) { k += 3 }  // seconds
                if p.at(k) == 0x20, p.at(k + 1) | 0x20 == 0x61 || p.at(k + 1) | 0x20 == 0x70, p.at(k + 2) | 0x20 == 0x6D,
                   !isAlpha(p.at(k + 3)) { k += 3 }  // AM, PM
                continue
            }
            if b >= 0x80 && !(b == 0xE2 && p.at(k + 1) == 0x80 && (p.at(k + 2) == 0x93 || p.at(k + 2) == 0x94)) || isAlpha(b) {
                if time { return p[k - 1] == 0x20 || p[k - 1] == 0x09 || p[k - 1] == 0x5D ? k : nil }
                if letters == 0 { runs += 1 }
                letters += 1
                guard letters <= 9, runs <= 2, isAlpha(b) else { return nil }
            } else {
                letters = 0
                guard separatorInTime(b) || (isDigit(b) && !time) || b == 0xE2 else { return nil }
                if b == 0xE2 { k += 3; continue }  // an en or em dash
            }
            k += 1
        }
        return nil
    }

    /// A word of three to nine ASCII letters opens the line at `line` before a space and a digit: a
    /// day's or month's name before a date or time ("Mon 03 Jun", "June 3", "Sat 16:20"). Most lines
    /// of prose fail here after their first word.
    private static func dayOpensLine(_ p: Bytes, _ line: Int) -> Bool {
        let e = p.asciiLettersEnd(from: line)
        return e - line >= 3 && e - line <= 9 && p.at(e) == 0x20 && isDigit(p.at(e + 1))
    }

    /// Bytes a line's date and time hold besides digits and letters: space, tab, brackets, '/', '.', ',', '-', ':', '|'.
    private static func separatorInTime(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x5B || b == 0x5D || b == 0x28 || b == 0x29 || b == 0x2F || b == 0x2E || b == 0x2C
            || b == 0x2D || b == 0x3A || b == 0x7C
    }

    /// The speaker's name at `s`: two words one space apart before ": " (a dot may end an initial),
    /// written alike (capitalised, in capitals or in lower case), the first a given name or a word
    /// the gazetteer lacks and the second a surname, or the first a given name and the second an
    /// initial. Not a word of English or of a post ("Night Porter:", "Threat Hunter:", "Glavni
    /// Kuhar:"), a room, zone or shift before a letter ("Zone A:", "Sala B:", "Turni B:"), nor a
    /// place's last word ("Kings Cross:", "Kosovo Polje:").
    private static func speakerBefore(_ s: Int, _ p: Bytes, _ reader: inout NameReader) -> FoundName? {
        guard let first = reader.word(at: s), first.range.upperBound < p.count, p[first.range.upperBound] == 0x20,
              plainWord(first, p), let (folded, _, _) = reader.foldedWord(at: s), !posts.contains(folded.hash) else { return nil }
        let a = first.evidence
        let t = first.range.upperBound + 1
        // An initial: one letter, a dot or not ("mandy p", "goran š.", "Tom W").
        let (v, l) = p.scalar(at: t)
        if isLetter(v), !isLetter(p.scalar(at: t + l).value) {
            let end = p.at(t + l) == 0x2E ? t + l + 1 : t + l
            guard a.given == 2, !NameGazetteer.englishWords.contains(folded.hash), p.at(end) == 0x3A,
                  colonEndsSpeaker(p, end) else { return nil }
            return FoundName(words: [first.range, t..<end], stems: [first.stem, 0], detector: "person-speaker")
        }
        guard let second = reader.word(at: t), case let end = second.range.upperBound, p.at(end) == 0x3A, colonEndsSpeaker(p, end),
              plainWord(second, p), second.shape == first.shape, let (last, _, _) = reader.foldedWord(at: t),
              !placeEnds.contains(last.hash) else { return nil }
        let b = second.evidence
        guard b.surname > 0 && !b.ambiguous && (a.given > 0 || a.isUnknown && !NameGazetteer.englishWords.contains(folded.hash)) else { return nil }
        return FoundName(words: [first.range, second.range], stems: [first.stem, second.stem], detector: "person-speaker")
    }

    /// Words of a post, a room or a shift that open a log's label, folded: English ones the word
    /// list lacks, and the region's ("Glavni Kuhar:", "Dežurni …", "Nöbetçi Amir:", "Sala B:").
    private static let posts = HashedWords("""
        head chief night day duty fire shop court doctor status threat zone room ward gate plan option shift team
        glavni dezurni nocni dnevni smjena smena sala salla turni blok bas nobetci
        """)

    /// Last words of places' names, folded: "Kings Cross", "Stanley Park", "Kosovo Polje", "Kadıköy Şube".
    private static let placeEnds = HashedWords("cross park hill station heights street road lane polje grad sube mahalle")

    /// The colon at `k` closes a speaker's name: a space, a line break or the text's end follows.
    private static func colonEndsSpeaker(_ p: Bytes, _ k: Int) -> Bool {
        k + 1 == p.count || p[k + 1] == 0x20 || p[k + 1] == 0x0A || p[k + 1] == 0x0D
    }

    /// A word of a name with no case suffix, organisation, office, institution, place or cue.
    private static func plainWord(_ w: NameReader.Word, _ p: Bytes) -> Bool {
        let v = w.evidence
        return !w.suffixed && w.shape != .initial && !v.organisation && !v.institution && !v.postTitle && !v.place
            && PersonCues.end(p, at: w.range.lowerBound) == nil
    }
}
