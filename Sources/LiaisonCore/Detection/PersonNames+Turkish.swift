/// Turkish names as chat and letters write them: a case suffix written on without the apostrophe
/// ("ezginin", "melikeye"), in a text that writes Turkish with or without its letters, and an
/// honorific after the name ("Setenay Hanım", "serdar abi").
extension NameReader {
    /// Turkish case suffixes as chat writes them, straight after a given name without the apostrophe,
    /// folded: genitive ("ezginin", "gokhanin"), dative ("melikeye", "sevdaya"), with ("selinle"),
    /// locative and ablative ("emrede", "aliden"), accusative after a vowel ("ezgiyi").
    private static let turkishCaseSuffixes: [[UInt8]] = ["nin", "nun", "in", "un", "ye", "ya", "yle", "yla", "le", "la",
                                                         "de", "da", "den", "dan", "yi", "yu"].map { Array($0.utf8) }

    /// True when the lower-case word in `r` is a given name of four letters or more with a Turkish case
    /// suffix written on without an apostrophe (rule 9 only: a text typed in lower case): "ezginin
    /// hesabından", "tuğçeye söyle": the word is `unknown` (no name as written, at most a declined reading
    /// of one: "gokhanin" reads as an Albanian case of Gokhan) and the name no common word, or the text
    /// named the name before (`named` holds its stem): "ezgi tıklamış … ezginin hesabından".
    mutating func isTurkishCaseOfGivenName(_ r: Range<Int>, unknown: Bool, named: (UInt64) -> Bool) -> Bool {
        folded.removeAll(keepingCapacity: true)
        guard r.count <= 40, NameGazetteer.fold(p, r, into: &folded) else { return false }
        for suffix in Self.turkishCaseSuffixes where folded.count >= suffix.count + 4 && folded.suffix(suffix.count).elementsEqual(suffix) {
            let base = folded.count - suffix.count
            let flags = table(folded.fnv1a(prefix: base))
            guard flags.contains(.given), flags.isDisjoint(with: [.place, .organisation]) else { continue }
            if (unknown && flags.isDisjoint(with: [.ambiguous, .declinedNoun])) || named(NameEvidence.stem(Array(folded[..<base]))) { return true }
        }
        return false
    }

    /// Honorifics written after a name: "Setenay Hanım", "Hakan Bey", "Elif Hoca", "serdar abi".
    static let honorifics = HashedWords("hanim bey efendi hanimefendi hoca hocam abi abla")

    /// True when `w` is a capitalised word, no place or institution, before the honorific `next`: a name
    /// though the gazetteer lacks it ("Setenay Hanım"). An office before one is a cue ("Komiser Bey").
    func honoured(_ w: Word, before next: Word) -> Bool {
        w.shape == .capitalised && !w.evidence.place && !w.evidence.institution && isHonorific(at: next.range.lowerBound, capitalised: true)
    }

    /// True when the word at `i` is an honorific of `honorifics`, written as `capitalised` says.
    func isHonorific(at i: Int, capitalised: Bool) -> Bool {
        var word = FoldedWordHash()
        guard i < p.count, PersonNames.isUpper(p.scalar(at: i).value) == capitalised,
              NameGazetteer.fold(p, i..<PersonNames.lettersEnd(p, from: i), into: &word) else { return false }
        return Self.honorifics.contains(word.hash)
    }
}

extension PersonNames {
    /// Words of Turkish chat that no other language of the region writes, as chat types them without
    /// Turkish letters ("abi emreye de ayni mesaj gelmis … diye").
    private static let turkishWords = HashedWords("bir bi diye icin gibi degil cok abi abla lutfen simdi hemen yok bu ve ama sonra tamam")

    /// True when `p` writes Turkish: a letter of Turkish alone (ı, ş, ğ), or two different words of
    /// `turkishWords`. The other languages' words would read as a name and a suffix ("stigla" as Stig + -la).
    static func writesTurkish(_ p: Bytes) -> Bool {
        if p.indices.dropLast().contains(where: { (p[$0] == 0xC4 && (p[$0 + 1] == 0xB1 || p[$0 + 1] == 0x9F)) || (p[$0] == 0xC5 && p[$0 + 1] == 0x9F) }) {
            return true
        }
        var seen: UInt64 = 0
        var i = 0
        while i < p.count {
            guard isLowerASCII(p[i]), i == 0 || !isAlpha(p[i - 1]) else { i += 1; continue }
            let e = p.asciiLettersEnd(from: i)
            if e - i <= 6, e == p.count || p[e] < 0x80 {
                let h = fnv1a(p, i..<e)
                if turkishWords.contains(h) {
                    if seen != 0 && seen != h { return true }
                    seen = h
                }
            }
            i = e
        }
        return false
    }
}
