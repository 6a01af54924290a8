/// People's names in free text, in the region's seven languages, found by evidence rather than by
/// capitalisation alone. Each capitalised (or all-capital) word is read with its ending
/// (`NameWord`) and weighed: a given name or surname of the gazetteer, directly or once a case
/// ending is taken off ("Marka" → Marko, "Petrovića" → Petrović, "Arbenit" → Arben), a surname
/// shape (-ić, -vić, -oğlu…), or an organisation word that rules a person out. A person is then
///   1. a given name with one or two more name words ("Marko Petrović", "Mehmet Ali Kaya"),
///   2. a surname first and given names after it ("PETROVIĆ Marko"),
///   3. an unknown capitalised word before a surname of regional shape ("Dragoslav Petrović"),
///      unless the unknown word opens a sentence,
///   4. an initial before a surname or given name ("M. Petrović"),
///   5. one to three capitalised words after a cue ("Victim:", "Ime i prezime:", "Adı Soyadı:",
///      "Emri dhe mbiemri:") or a title ("g-din", "Znj.", "Bay", "Mr").
/// All-capital words need gazetteer evidence on every word ("MARKO PETROVIĆ"); lower-case names
/// are found after a cue only. A name followed by a company form ("d.o.o.", "A.Ş.", "Ltd") or an
/// organisation word ("banka", "Telekom") is not a person.
///
/// Span rule: a span covers the name's words as written, case endings and suffixes included
/// ("Marka Petrovića", "Yılmaz'ın", "Krasniqi-t"), the space or single line break between its
/// words included, a title or cue before it excluded.
enum PersonNames {
    static func propose(_ p: Bytes, into out: inout [Candidate]) {
        var reader = NameReader(p)
        var i = 0
        let n = p.count
        let startsCuePair = PersonCues.startsCuePair
        while i < n {
            let b = p[i]
            if b < 0x80 && !isAlpha(b) { i += 1; continue }
            let pair = Int(b) << 8 | Int(p.at(i + 1))
            // Fast path: a lower-case ASCII word with no cue starting with its first two bytes is skipped byte-wise.
            if isLowerASCII(b) && !startsCuePair[pair] {
                while i < n && isAlpha(p[i]) { i += 1 }
                continue
            }
            if startsCuePair[pair], let end = PersonCues.end(p, at: i) {
                if let name = reader.afterCue(end.index, title: end.title) {
                    out.append(name.candidate(p))
                    i = name.end
                    continue
                }
            }
            if isNameStart(p, i), let name = reader.name(at: i) {
                out.append(name.candidate(p))
                i = name.end
                continue
            }
            // Skip the rest of this word (or this one non-letter scalar).
            var (v, l) = p.scalar(at: i)
            if !isLetter(v) { i += l; continue }
            while i < n && isLetter(v) { i += l; (v, l) = p.scalar(at: i) }
        }
    }

    /// True when some word of `name` (words separated by single spaces) is a given name or
    /// surname by the gazetteer or a surname by its ending, and none is an organisation word.
    static func hasPersonEvidence(_ name: String) -> Bool {
        var copy = name
        return copy.withUTF8 { p in
            var reader = NameReader(p)
            var i = 0
            var evidence = false
            while i < p.count {
                if p[i] == 0x20 { i += 1; continue }
                guard let word = reader.word(at: i), !word.evidence.organisation else { return false }
                evidence = evidence || !word.evidence.isUnknown
                i = word.range.upperBound
            }
            return evidence
        }
    }

    /// An upper-case letter at a word start.
    @inline(__always) static func isNameStart(_ p: Bytes, _ i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return isUpperASCII(b) }
        return isUpper(p.scalar(at: i).value)
    }

    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return isAlpha(UInt8(v)) }
        if v == 0xD7 || v == 0xF7 { return false }
        if (0xC0...0x24F).contains(v) || (0x400...0x4FF).contains(v) { return true }
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return isUpperASCII(UInt8(v)) }
        if v >= 0x400 && v <= 0x45F { return v < 0x430 }            // Cyrillic
        if v >= 0xC0 && v <= 0xFF { return v <= 0xDE && v != 0xD7 } // Latin-1
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }
}

/// A name found: its byte range and the ranges of its words, for the normalised value.
struct FoundName {
    var words: [Range<Int>]
    var detector: String
    var start: Int { words[0].lowerBound }
    var end: Int { words[words.count - 1].upperBound }

    func candidate(_ p: Bytes) -> Candidate {
        Candidate(kind: .person, start: start, end: end, detector: detector,
                  normalised: words.map { p.string($0) }.joined(separator: " "))
    }
}
