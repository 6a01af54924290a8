/// Names of the security trade (seventeenth round of issue 11): incident text names malware and
/// ransomware families, botnets, tools and threat actors ("Akira", "Black Basta", "Emotet",
/// "Lazarus", "Tor"), and some of them read as a person's name. `NameGazetteer.securityNameKeys`
/// holds the folded names of the MISP galaxy clusters (`Benchmarks/Gazetteer/generate-names.py`).
/// A name found whose whole span is such a name is dropped when
///   - a word of the trade (`tradeWords`) stands beside it, or beside the same name written within
///     a thousand bytes before or after it, or after a mention so linked to it (a report's paragraph
///     or two; a bound, so that a long text is read once per name, not once per mention), across a
///     quotation mark or bracket too ("Akira ransomware", "the Black Basta
///     affiliates", "grupa Lazarus", "рансомвером „Akira“", "Medusa fidye yazılımı", "a Tor exit
///     node"), or the name follows the label of a line that opens with one ("Ransomware: 2 (Akira, …)"), or
///   - none of its words is a given name of the gazetteer as written ("Black Basta", "Qakbot"), and
///     it was not found by the grammar around it (after a title, addressed, signed, named again).
/// A given name that is also a family's name ("Marina", "Karmen", "Petya") stays a person unless
/// the text sets such a word beside it. A later mention found by its stem ("Basta" after "Black
/// Basta") goes with the name.
extension PersonNames {
    static func dropSecurityNames(_ p: Bytes, _ found: inout [FoundName], _ reader: inout NameReader) {
        guard !found.isEmpty else { return }
        var dropped = Set<UInt64>()  // the stems of the names dropped
        var read: [UInt64: (end: Int, cued: Bool)] = [:]  // per name: how far its mentions were read, and whether one is cued
        var kept = 0
        for k in found.indices {
            let name = found[k]
            if let key = securityKey(p, name.words) {
                let near = max(0, name.start - reach), far = name.end + reach
                let last = read[key].flatMap { $0.end >= near ? $0 : nil }  // the mentions read reach this one
                let from = max(last?.end ?? near, near)
                let cued = (last?.cued ?? false) || (from < far && mentionsBesideTradeWord(p, name.words, in: from..<far))
                read[key] = (max(last?.end ?? 0, far), cued)
                if cued || (!anchoredDetectors.contains(name.detector) && !name.words.contains(where: { isPlainGivenName($0.lowerBound, &reader) })) {
                    for word in name.words { if let (stem, _) = reader.stem(at: word.lowerBound) { dropped.insert(stem) } }
                    continue
                }
            }
            found[kept] = name
            kept += 1
        }
        found.removeLast(found.count - kept)
        guard !dropped.isEmpty else { return }
        found.removeAll { name in
            name.detector == "person-again" && name.words.allSatisfy { reader.stem(at: $0.lowerBound).map { dropped.contains($0.stem) } ?? false }
        }
    }

    /// How far before and after a mention the same name is looked for: a thousand bytes.
    private static let reach = 1000

    /// The hash of the folded words of `words` joined by "_", when it is a key of `securityNameKeys`;
    /// nil for more than two words or a word with a letter that has no fold.
    private static func securityKey(_ p: Bytes, _ words: [Range<Int>]) -> UInt64? {
        guard words.count <= 2 else { return nil }
        var hash = FNV1a()
        for (k, word) in words.enumerated() {
            if k > 0 { hash.add(0x5F) }
            guard NameGazetteer.fold(p, word, into: &hash) else { return nil }
        }
        return NameGazetteer.securityNames.contains(hash.value) ? hash.value : nil
    }

    /// Names found by the grammar around them rather than by their words: after a role word or
    /// title ("Mr Hunter"), addressed, signed, or named again ("Anne Lambert … Lambert").
    private static let anchoredDetectors: Set<String> = ["person-cue", "person-title", "person-again", "person-addressed", "person-signature"]

    /// A given name of the gazetteer as written, also one that is a common word: "Karmen", "Marina".
    /// (Taking the common words out would drop "Tor" without a word of the trade beside it, and
    /// "Marina" inside a sentence with it.)
    private static func isPlainGivenName(_ i: Int, _ reader: inout NameReader) -> Bool {
        guard let e = reader.word(at: i)?.evidence else { return false }
        return e.given == 2 && !e.declined
    }

    /// True when a word of the trade stands right before or after the name written as in `words`
    /// at a start in `starts`.
    private static func mentionsBesideTradeWord(_ p: Bytes, _ words: [Range<Int>], in starts: Range<Int>) -> Bool {
        let first = words[0], last = words[words.count - 1]
        let spelling = Array(p[first.lowerBound..<last.upperBound])
        let upper = min(starts.upperBound, p.count - spelling.count + 1)
        guard starts.lowerBound < upper else { return false }
        for s in starts.lowerBound..<upper where p[s] == spelling[0] && p.matches(spelling, at: s) {
            let e = s + spelling.count
            let alone = (s == 0 || !isLetter(p.scalar(at: p.leadByte(s - 1)).value)) && (e == p.count || !isLetter(p.scalar(at: e).value))
            if alone && (isTradeWord(p, wordAfter: e) || isTradeWord(p, wordBefore: s) || opensTradeLine(p, before: s)) { return true }
        }
        return false
    }

    /// The word after `e` across one space or hyphen, after "'s" ("Akira's operators") or a closing
    /// quotation mark or bracket, is a word of the trade.
    private static func isTradeWord(_ p: Bytes, wordAfter e: Int) -> Bool {
        var k = e
        if p.at(k) == 0x27 && p.at(k + 1) == 0x73 { k += 2 }
        k += p.at(k) == 0x29 ? 1 : closingQuoteLength(p, at: k)  // a closing bracket or quotation mark
        guard p.at(k) == 0x20 || p.at(k) == 0x2D else { return false }
        k += 1
        let end = lettersEnd(p, from: k)
        return end > k && isTradeWord(p, k..<end)
    }

    /// The word before `s` across one space, and an opening quotation mark or bracket, is a word of the trade.
    private static func isTradeWord(_ p: Bytes, wordBefore s: Int) -> Bool {
        let q = s - openingQuoteLength(p, before: s)
        guard q >= 2, p[q - 1] == 0x20 else { return false }
        let start = lettersStart(p, endingAt: q - 1)
        return start < q - 1 && isTradeWord(p, start..<(q - 1))
    }

    /// The name at `s` stands after the label of a line that opens with a word of the trade:
    /// "Ransomware: 2 (Akira u jednoj firmi, Phobos …)", "Ransomware notifications: 2 (Akira, LockBit)".
    private static func opensTradeLine(_ p: Bytes, before s: Int) -> Bool {
        var k = s
        while k > 0, p[k - 1] != 0x0A, s - k < 200 { k -= 1 }
        guard k == 0 || p[k - 1] == 0x0A else { return false }
        let end = lettersEnd(p, from: k)
        guard end > k, end < s, isTradeWord(p, k..<end) else { return false }
        return p[end..<s].contains(0x3A)
    }

    /// The bytes of a quotation mark or bracket right before `s` that opens a name: `"`, `„`, `“`, `«`, `(`.
    private static func openingQuoteLength(_ p: Bytes, before s: Int) -> Int {
        let b = p.at(s - 1)
        if b == 0x22 || b == 0x28 { return 1 }
        if s >= 3 && p[s - 3] == 0xE2 && p[s - 2] == 0x80 && (b == 0x9E || b == 0x9C) { return 3 }
        return s >= 2 && p[s - 2] == 0xC2 && b == 0xAB ? 2 : 0
    }

    private static func isTradeWord(_ p: Bytes, _ r: Range<Int>) -> Bool {
        var hash = FNV1a()
        guard r.count <= 40, NameGazetteer.fold(p, r, into: &hash) else { return false }
        return tradeWords.contains(hash.value)
    }

    /// Words that name what a family or actor is, folded, in English and the region's languages,
    /// with the case and definite forms of the Slavic ones: "ransomware", "рансомвер", "grupa",
    /// "групата", "bandë", "fidye" (of "fidye yazılımı"), "botnet", "stealer", "trojan", "operators",
    /// "affiliates"; and the Tor network's words ("a Tor exit node", "the Tor browser").
    static let tradeWords = HashedWords("""
        ransomware ransomwarea ransomwareom ransomwareu ransomver ransomvera ransomverom ransomveru ransomverot \
        ransomueri ransomuerit fidye malware malver malvera malverom malveru malveri malverot zararli \
        group groups grupa grupe grupi grupu grupom grupit grupata grup grubu grubunun gruppa \
        gang gangs banda bande bandu bandom bandes bandata cete cetesi \
        family botnet botneta botnetom botnetu botnetot botnetit \
        stealer stealera infostealer trojan trojanac trojanca trojanec trojani trojanit loader wiper backdoor rat \
        operators operator affiliate affiliates actor actors crew variant variants strain payload encryptor \
        browser network node exit onion relay
        """)
}

extension FNV1a: FoldedLetters {
    mutating func append(_ b: UInt8) { add(b) }
    mutating func markAccented() {}
}
