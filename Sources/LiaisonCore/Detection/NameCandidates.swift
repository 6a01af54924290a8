/// The spans that may be people's names, each with the facts a learned scorer would weigh
/// (`NameFeature`), for measuring one (`NameCandidateRows`, `Benchmarks/NameModel/`; round six of
/// issue 11 found that in free text a logistic regression over them does not pay for its cost, so
/// the scanner keeps the rules). Candidates are the names the rules of `PersonNames` found, and every run of
/// one to three capitalised, all-capital or initial words starting at a word that may lead a name
/// (`NameReader.mayStartName`), at the capitalised word before one ("Priya Raman"), or at a word of
/// a name the rules found; a surname in capitals with a comma and a given name ("KOWALSKI,
/// Tomasz"); in a text typed in lower case, a lower-case word the gazetteer knows, alone or with the
/// next word. A word with a suffix ("Yılmaz'ın", "Krasniqi-t"), an organisation word or an honorific
/// ends a run; a run crosses at most one line break. Besides the rules' names, at most four
/// candidates start at any word, so the work stays linear.
struct NameCandidates {
    /// One candidate: up to three words, in text order.
    struct Span {
        var words: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)
        var count = 0
        var start: Int { words.0.lowerBound }
        var end: Int { count == 1 ? words.0.upperBound : count == 2 ? words.1.upperBound : words.2.upperBound }

        init(_ w: [Range<Int>]) {
            count = min(w.count, 3)
            words = (w[0], count > 1 ? w[1] : 0..<0, count > 2 ? w[2] : 0..<0)
        }
    }

    let p: Bytes
    /// The rules' names by (start, end), with their rule.
    private var rules: [Int: String] = [:]
    /// The rules' names, sorted by start, to tell a candidate that overlaps one.
    private var ruleRanges: [Range<Int>] = []
    /// Where a cue or title ends and a name may start (true: a title).
    private var cues: [Int: Bool] = [:]
    /// The earliest start of a name of the rules holding each stem.
    private var stems: [UInt64: Int] = [:]
    private let lowerCaseText: Bool

    init(_ p: Bytes, found: [FoundName], cues: [(index: Int, kind: PersonCues.Kind)], lowerCaseText: Bool) {
        self.p = p
        self.lowerCaseText = lowerCaseText
        for name in found {
            rules[name.start << 32 | name.end] = name.detector
            ruleRanges.append(name.start..<name.end)
            for stem in name.stems where (stems[stem] ?? Int.max) > name.start { stems[stem] = name.start }
        }
        ruleRanges.sort { $0.lowerBound < $1.lowerBound }
        for cue in cues { self.cues[cue.index] = cue.kind.isTitle }
    }

    /// Calls `visit` once for every candidate with its features (indexed by `NameFeature`).
    mutating func each(found: [FoundName], starts: [Int], reader: inout NameReader,
                       _ visit: (Span, UnsafeMutableBufferPointer<Double>) -> Void) {
        var f = [Double](repeating: 0, count: NameFeature.allCases.count)
        f.withUnsafeMutableBufferPointer { f in
            var seen = Set<Int>(minimumCapacity: found.count * 2)
            for name in found where seen.insert(name.start << 32 | name.end).inserted {
                var words: [NameReader.Word] = []
                for r in name.words {
                    guard let w = reader.word(at: r.lowerBound), w.range == r else { break }
                    words.append(w)
                }
                guard words.count == name.words.count, words.count <= 3 else { continue }
                for k in 1..<words.count { words[k].afterBreak = p[words[k - 1].range.upperBound..<words[k].range.lowerBound].contains(0x0A) }
                features(words, &reader, into: f)
                visit(Span(name.words), f)
            }
            var all = starts
            for name in found { for r in name.words { all.append(r.lowerBound) } }
            // The capitalised word before a start may be a given name the gazetteer lacks: "Priya Raman".
            for s in all where PersonNames.isUpper(p.scalar(at: s).value) {
                if let b = capitalisedWord(before: s) { all.append(b) }
            }
            all.sort()
            var previous = -1
            for s in all where s != previous {
                previous = s
                guard let w0 = reader.word(at: s), w0.shape != .initial || p.at(w0.range.upperBound) == 0x20 else { continue }
                var words = [w0]
                emit(words, &seen, &reader, f, visit)
                // A surname in capitals, a comma and the given name: "KOWALSKI, Tomasz", "DEMİR, Eren".
                if w0.shape == .allCaps, !w0.suffixed, p.at(w0.range.upperBound) == 0x2C, p.at(w0.range.upperBound + 1) == 0x20,
                   let w1 = reader.word(at: w0.range.upperBound + 2), w1.shape == .capitalised || w1.shape == .allCaps,
                   !w1.evidence.organisation, !w1.evidence.postTitle {
                    words.append(w1)
                    emit(words, &seen, &reader, f, visit)
                    words.removeLast()
                }
                guard !w0.suffixed, let w1 = reader.next(after: w0, weighLowerCase: true), extends(w0, w1) else { continue }
                words.append(w1)
                emit(words, &seen, &reader, f, visit)
                guard !w1.suffixed, w1.shape != .lower, let w2 = reader.next(after: w1, weighLowerCase: true), extends(w1, w2),
                      !(w1.afterBreak && w2.afterBreak) else { continue }
                words.append(w2)
                emit(words, &seen, &reader, f, visit)
            }
        }
    }

    private mutating func emit(_ words: [NameReader.Word], _ seen: inout Set<Int>, _ reader: inout NameReader,
                               _ f: UnsafeMutableBufferPointer<Double>, _ visit: (Span, UnsafeMutableBufferPointer<Double>) -> Void) {
        let start = words[0].range.lowerBound, end = words[words.count - 1].range.upperBound
        guard words[0].shape != .initial || words.count > 1, seen.insert(start << 32 | end).inserted else { return }
        features(words, &reader, into: f)
        visit(Span(words.map(\.range)), f)
    }

    /// `next` may follow `word` in a run: a capitalised, all-capital or initial word after one that
    /// is not lower case; after a lower-case word, a lower-case word on the same line.
    private func extends(_ word: NameReader.Word, _ next: NameReader.Word) -> Bool {
        guard !next.evidence.organisation, !next.evidence.postTitle else { return false }
        if word.shape == .lower { return next.shape == .lower && !next.afterBreak }
        return next.shape != .lower
    }

    /// The features of the span of `words` into `f`.
    private mutating func features(_ words: [NameReader.Word], _ reader: inout NameReader, into f: UnsafeMutableBufferPointer<Double>) {
        for k in 0..<f.count { f[k] = 0 }
        func set(_ feature: NameFeature, _ on: Bool = true) { if on { f[feature.rawValue] = 1 } }
        let first = words[0], last = words[words.count - 1]
        let start = first.range.lowerBound, end = last.range.upperBound
        let e0 = first.evidence, e1 = last.evidence
        set(.bias)
        set(words.count == 1 ? .oneWord : words.count == 2 ? .twoWords : .threeWords)
        set(.firstGiven, e0.given == 2); set(.firstGivenWeak, e0.given == 1)
        set(.firstSurname, e0.surname == 2); set(.firstSurnameWeak, e0.surname == 1)
        set(.firstRegional, e0.regionalShape); set(.firstAmbiguous, e0.ambiguous); set(.firstPlace, e0.place)
        set(.firstDeclined, e0.declined); set(.firstUnknown, e0.isUnknown && first.shape != .initial)
        if words.count > 1 {
            set(.lastGiven, e1.given == 2); set(.lastGivenWeak, e1.given == 1)
            set(.lastSurname, e1.surname == 2); set(.lastSurnameWeak, e1.surname == 1)
            set(.lastRegional, e1.regionalShape); set(.lastAmbiguous, e1.ambiguous); set(.lastPlace, e1.place)
            set(.lastDeclined, e1.declined); set(.lastUnknown, e1.isUnknown && last.shape != .initial)
            set(.givenThenSurname, e0.given == 2 && e1.surname > 0)
            set(.unknownThenRegional, e0.isUnknown && e1.regionalShape)
        }
        if words.count == 3 {
            set(.middleKnown, !words[1].evidence.isUnknown)
            set(.middleUnknown, words[1].evidence.isUnknown && words[1].shape != .initial)
        }
        set(.firstAllCaps, first.shape == .allCaps); set(.firstInitial, first.shape == .initial)
        set(.firstLower, first.shape == .lower); set(.lastInitial, words.count > 1 && last.shape == .initial)
        set(.lastSuffixed, last.suffixed)
        set(.shortWord, words.contains { $0.shape != .initial && $0.range.count <= 3 })
        set(.acrossBreak, words.contains { $0.afterBreak })
        let opens = reader.opensSentence(start)
        set(.opensSentence, opens)
        set(.afterFullStop, reader.opensSentence(start, afterFullStop: true))
        set(.aloneOnLine, opens && reader.endsLine(end))
        set(.oneWordOpening, opens && words.count == 1)
        set(.ambiguousOpening, opens && e0.ambiguous)
        set(.declinedOpening, opens && e0.declined)
        set(.capitalisedBefore, reader.capitalisedBefore(start))
        if let after = reader.gapEnd(end), !after.crossedBreak {
            set(.organisationAfter, reader.organisationFollows(after.index))
            if let n = reader.word(at: after.index) {
                set(.capitalisedAfter, n.shape == .capitalised || n.shape == .allCaps)
                set(.initialAfter, n.shape == .initial)
            }
        }
        set(.placeBefore, reader.placeBefore(start))
        set(.afterDayNumber, reader.afterDayNumber(start))
        let next = p.at(end)
        set(.commaAfter, next == 0x2C); set(.colonAfter, next == 0x3A)
        set(.colonBefore, previousByte(start) == 0x3A)
        set(.quoteBefore, quoteBefore(start))
        if let title = cues[start] { set(title ? .title : .cue) }
        set(.cyrillic, p[start] == 0xD0 || p[start] == 0xD1)
        set(.lowerCaseText, lowerCaseText)
        if let rule = rules[start << 32 | end] {
            set(.rule)
            switch rule {
            case "person-gazetteer": set(.ruleGazetteer)
            case "person-word": set(.ruleWord)
            case "person-cue": set(.ruleCue)
            case "person-title": set(.ruleTitle)
            case "person-initial": set(.ruleInitial)
            case "person-lower-case": set(.ruleLowerCase)
            default: set(.ruleAgain)
            }
        } else {
            set(.ruleOverlaps, overlapsRule(start..<end))
        }
        set(.stemSeen, words.contains { w in stems[w.stem].map { $0 < start } ?? false })
        set(.lastLower, words.count > 1 && last.shape == .lower)
        set(.oneWordClean, words.count == 1 && e0.given == 2 && !e0.ambiguous && !e0.declined && !e0.place)
        set(.oneWordSurname, words.count == 1 && e0.surname > 0 && e0.given == 0)
        set(.allCapsUnknown, words.contains { $0.shape == .allCaps && $0.evidence.isUnknown })
        set(.allKnown, words.allSatisfy { $0.shape == .initial || !$0.evidence.isUnknown })
        set(.givenThenGiven, words.count > 1 && e0.given == 2 && e1.given == 2 && e1.surname == 0)
        set(.insideRun, f[NameFeature.capitalisedBefore.rawValue] != 0 && f[NameFeature.capitalisedAfter.rawValue] != 0)
        set(.ruleOpening, f[NameFeature.rule.rawValue] != 0 && opens)
        set(.commaInside, words.count > 1 && p.at(first.range.upperBound) == 0x2C)
        set(.lowerAfter, lowerWord(after: end))
        set(.lowerBefore, lowerWord(before: start))
        var albanian = false, turkish = false, slavic = false
        var k = start
        while k + 1 < end {
            let a = p[k], b = p[k + 1]
            if a == 0xC3 && (b == 0xAB || b == 0x8B) { albanian = true }                                 // ë Ë
            if PersonNames.isTurkishLetter(a, b) { turkish = true }                                     // ı İ ğ Ğ ş Ş
            if (a == 0xC4 && (b == 0x87 || b == 0x86 || b == 0x8D || b == 0x8C || b == 0x91 || b == 0x90))
                || (a == 0xC5 && (b == 0xA1 || b == 0xA0 || b == 0xBE || b == 0xBD)) { slavic = true }    // ć č đ š ž
            k += 1
        }
        set(.albanianLetters, albanian); set(.turkishLetters, turkish); set(.slavicLetters, slavic)
    }

    /// A word starting with a lower-case letter right after `e`, on the same line.
    private func lowerWord(after e: Int) -> Bool {
        var k = e
        while k < p.count && p[k] == 0x20 { k += 1 }
        guard k > e, k < p.count else { return false }
        let v = p.scalar(at: k).value
        return PersonNames.isLetter(v) && !PersonNames.isUpper(v)
    }

    /// A word in lower case right before `i`, on the same line: inside a sentence.
    private func lowerWord(before i: Int) -> Bool {
        guard p.at(i - 2) != 0x2C, let start = wordStart(before: i) else { return false }
        return !PersonNames.isUpper(p.scalar(at: start).value)
    }

    /// The start of the word before `i` when only spaces, or a comma and a space, come between
    /// them: capitalised ("Priya Raman"), or in capitals before a comma ("KOWALSKI, Tomasz").
    private func capitalisedWord(before i: Int) -> Int? {
        guard let start = wordStart(before: i), PersonNames.isUpper(p.scalar(at: start).value) else { return nil }
        if p.at(i - 2) != 0x2C { return start }
        return PersonNames.isUpper(p.scalar(at: start + p.scalar(at: start).length).value) ? start : nil
    }

    /// The start of the word of letters before `i`, with spaces, or a comma and a space, between.
    private func wordStart(before i: Int) -> Int? {
        var k = i - 1
        guard k > 0, p[k] == 0x20 else { return nil }
        while k > 0 && p[k] == 0x20 { k -= 1 }
        if p[k] == 0x2C && k == i - 2 { k -= 1 }
        let end = k + 1
        var start = end
        while k >= 0 {
            var lead = k
            while lead > 0 && p[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard PersonNames.isLetter(p.scalar(at: lead).value), end - lead <= 96 else { break }
            start = lead
            k = lead - 1
        }
        guard start < end, start == 0 || (p[start - 1] < 0x80 && !isAlnum(p[start - 1])) else { return nil }
        return start
    }

    /// The last byte before `i` that is not a space or tab.
    private func previousByte(_ i: Int) -> UInt8 {
        var k = i - 1
        while k >= 0 && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        return p.at(k)
    }

    /// An opening quote right before `i`: '"', '„', '“', '«' ("u firmi „Antić Građevina“").
    private func quoteBefore(_ i: Int) -> Bool {
        let b = p.at(i - 1)
        if b == 0x22 { return true }
        if b == 0xAB && p.at(i - 2) == 0xC2 { return true }
        return p.at(i - 3) == 0xE2 && p.at(i - 2) == 0x80 && (b == 0x9E || b == 0x9C)
    }

    private func overlapsRule(_ r: Range<Int>) -> Bool {
        var lo = 0, hi = ruleRanges.count  // the first name of the rules ending after r's start
        while lo < hi {
            let mid = (lo + hi) / 2
            if ruleRanges[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < ruleRanges.count && ruleRanges[lo].lowerBound < r.upperBound
    }
}

/// What a learned scorer would weigh for a candidate; each is 0 or 1. Evidence of the first and last
/// word (as `NameEvidence` reads them: "given" and "surname" as written or as a lemma of five
/// letters or more, "weak" for a shorter lemma or weaker ending), shapes, the words around it,
/// cues, and the rules' own verdict, in the order of `NameCandidateRows.featureNames`.
enum NameFeature: Int, CaseIterable {
    case bias, oneWord, twoWords, threeWords
    case firstGiven, firstGivenWeak, firstSurname, firstSurnameWeak, firstRegional, firstAmbiguous, firstPlace
    case firstDeclined, firstUnknown
    case lastGiven, lastGivenWeak, lastSurname, lastSurnameWeak, lastRegional, lastAmbiguous, lastPlace
    case lastDeclined, lastUnknown
    case middleKnown, middleUnknown, givenThenSurname, unknownThenRegional
    case firstAllCaps, firstInitial, firstLower, lastInitial, lastSuffixed, shortWord, acrossBreak
    case opensSentence, afterFullStop, aloneOnLine, oneWordOpening, ambiguousOpening, declinedOpening
    case capitalisedBefore, capitalisedAfter, initialAfter, organisationAfter, placeBefore, afterDayNumber
    case commaAfter, colonAfter, colonBefore, quoteBefore, cue, title, cyrillic, lowerCaseText
    case rule, ruleGazetteer, ruleWord, ruleCue, ruleTitle, ruleInitial, ruleLowerCase, ruleAgain, ruleOverlaps
    case stemSeen
    case lastLower, lowerAfter, lowerBefore, oneWordClean, oneWordSurname, allCapsUnknown, allKnown, givenThenGiven
    case insideRun, ruleOpening, commaInside, albanianLetters, turkishLetters, slavicLetters
}
