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
            guard isDigit(p[line]) || p[line] == 0x5B, let s = afterLineTime(p, line), let name = speakerBefore(s, p, &reader) else { continue }
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
    /// separators ("[12/05, 21:14] ", "06 Jun 09:40 – ", "15.6. 10:20 "); nil when no time ("H:MM")
    /// comes before the first word, or the prefix is longer than 32 bytes. Before the time a date may
    /// hold words of three letters ("Jun", "Sat"); after it only brackets, dashes and spaces.
    private static func afterLineTime(_ p: Bytes, _ line: Int) -> Int? {
        var k = line
        var letters = 0
        var time = false
        while k < min(p.count, line + 32) {
            let b = p[k]
            if !time, isDigit(b), p.at(k + 1) == 0x3A, isDigit(p.at(k + 2)), isDigit(p.at(k + 3)) { time = true; k += 4; continue }
            if isAlpha(b) {
                if time { return p[k - 1] == 0x20 ? k : nil }
                letters += 1
                guard letters <= 3 else { return nil }
            } else {
                letters = 0
                let separator = b == 0x20 || b == 0x5B || b == 0x5D || b == 0x2F || b == 0x2E || b == 0x2C || b == 0x2D || b == 0x3A
                let dash = b == 0xE2 && p.at(k + 1) == 0x80 && p.at(k + 2) == 0x93
                guard separator || dash || (isDigit(b) && !time) else { return nil }
                if dash { k += 3; continue }
            }
            k += 1
        }
        return nil
    }

    /// The speaker's name at `s`: two words one space apart before ": " (a dot may end an initial),
    /// written alike (capitalised, in capitals or in lower case), the first a given name or a word
    /// the gazetteer lacks and the second a surname, or the first a given name and the second an initial.
    private static func speakerBefore(_ s: Int, _ p: Bytes, _ reader: inout NameReader) -> FoundName? {
        guard let first = reader.word(at: s), first.range.upperBound < p.count, p[first.range.upperBound] == 0x20,
              plainWord(first, p) else { return nil }
        let t = first.range.upperBound + 1
        // An initial: one ASCII letter, a dot or not ("mandy p", "goran b.", "Tom W").
        if isAlpha(p.at(t)), !isAlpha(p.at(t + 1)), first.evidence.given > 0 {
            let end = p.at(t + 1) == 0x2E ? t + 2 : t + 1
            guard p.at(end) == 0x3A, colonEndsSpeaker(p, end) else { return nil }
            return FoundName(words: [first.range, t..<end], stems: [first.stem, 0], detector: "person-speaker")
        }
        guard let second = reader.word(at: t), case let end = second.range.upperBound, p.at(end) == 0x3A, colonEndsSpeaker(p, end),
              plainWord(second, p), second.shape == first.shape else { return nil }
        let a = first.evidence, b = second.evidence
        guard b.surname > 0 && !b.ambiguous && (a.given > 0 || a.isUnknown) else { return nil }
        return FoundName(words: [first.range, second.range], stems: [first.stem, second.stem], detector: "person-speaker")
    }

    /// The colon at `k` closes a speaker's name: a space, a line break or the text's end follows.
    private static func colonEndsSpeaker(_ p: Bytes, _ k: Int) -> Bool { k + 1 == p.count || p[k + 1] == 0x20 || p[k + 1] == 0x0A }

    /// A word of a name with no case suffix, organisation, office, institution, place or cue.
    private static func plainWord(_ w: NameReader.Word, _ p: Bytes) -> Bool {
        let v = w.evidence
        return !w.suffixed && w.shape != .initial && !v.organisation && !v.institution && !v.postTitle && !v.place
            && PersonCues.end(p, at: w.range.lowerBound) == nil
    }
}
