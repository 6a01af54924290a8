/// Rule 16, a person named by initials alone (nineteenth round of issue 11): police and court
/// releases of the region name a suspect or victim so ("uhapšen 27-godišnji I. B.", "УАПСЕН
/// 32-ГОДИШНИОТ Д.Ј.", "me inicialet D.K."). Two or three initials with no name word after them
/// ("I. B.,", "Д.Ј. ОСОМНИЧЕН") are a person after an age ("27-godišnji", "32-годишниот",
/// "29-годишен", "24-vjeçar", "an 84-year-old", "45 yaşındaki") or a word for initials
/// ("inicijali", "иницијали", "inicialet", "initials"), or beside a name found across "and"
/// ("A. B. dhe Rinor Q. Bytyçi"), or before an age in brackets ("М. С. (29)"). Without such a cue
/// they stay what they more often are: "U.S.", "P.S.", "S.A.".
extension PersonNames {
    /// Folded prefixes of the words for a person's age and for initials.
    private static let ageWords: [[UInt8]] = ["godisn", "godise", "vjecar", "year", "yasinda", "yasli"].map { Array($0.utf8) }
    private static let initialsWords: [[UInt8]] = ["inicijal", "inicial", "initial"].map { Array($0.utf8) }

    static func bareInitials(_ p: Bytes, _ capitalised: inout [Int], _ found: inout [FoundName]) {
        var taken: [Int] = []
        var beside: Beside? = nil  // the names found, read once initials without a cue are
        var k = 0
        while k < capitalised.count {
            let i = capitalised[k]
            k += 1
            // By the bytes first: a letter and a full stop, then (after a space or none) another such.
            let dot = i + (p[i] < 0x80 ? 1 : 2)
            guard p.at(dot) == 0x2E, case let n = p.at(dot + 1) == 0x20 ? dot + 2 : dot + 1,
                  p.at(n + (p.at(n) < 0x80 ? 1 : 2)) == 0x2E else { continue }
            // After a word for initials, a capitalised word after them opens the next sentence ("me inicialet S.B. Sipas").
            let cue = cueBefore(p, i)
            guard let words = initials(p, at: i, sentenceAfter: cue == .initials) else { continue }
            let end = words[words.count - 1].upperBound
            if cue == nil && !ageAfter(p, end) {
                if beside == nil { beside = Beside(found) }
                guard besideFoundName(p, i, end, beside!) else { continue }
            }
            found.append(FoundName(words: words, stems: [], detector: "person-initials"))
            beside?.add(found[found.count - 1])
            taken.append(contentsOf: words.map(\.lowerBound))
        }
        forget(taken, in: &capitalised)
    }

    /// Two or three initials from `i` ("I. B.", "Д.Ј.", "A. K. M."), each a capital and a full stop,
    /// one space or none between, and no letter right after, nor a capitalised word unless the next
    /// sentence may open there (`sentenceAfter`): else nil.
    private static func initials(_ p: Bytes, at i: Int, sentenceAfter: Bool) -> [Range<Int>]? {
        guard i == 0 || !isLetter(p.scalar(at: p.leadByte(i - 1)).value) && p[i - 1] != 0x2E else { return nil }
        var words: [Range<Int>] = []
        var k = i
        while words.count < 4, k < p.count {
            let (v, l) = p.scalar(at: k)
            guard isUpper(v), p.at(k + l) == 0x2E else { break }
            words.append(k..<(k + l + 1))
            k += l + 1
            if p.at(k) == 0x20, k + 1 < p.count, isUpper(p.scalar(at: k + 1).value), p.at(k + 1 + p.scalar(at: k + 1).length) == 0x2E { k += 1 }
        }
        guard (2...3).contains(words.count) else { return nil }
        // Neither a letter right after the last full stop ("S.A.S") nor a capitalised word after a space ("D. J. Petrović").
        let e = words[words.count - 1].upperBound
        guard e >= p.count || !isLetter(p.scalar(at: e).value) else { return nil }
        if p.at(e) == 0x20, e + 1 < p.count, !sentenceAfter {
            let (v, l) = p.scalar(at: e + 1)
            if isUpper(v), e + 1 + l < p.count, case let w = p.scalar(at: e + 1 + l).value, isLetter(w), !isUpper(w) { return nil }
        }
        return words
    }

    private enum InitialsCue { case age, initials }

    /// The word before `i` (across one space) is an age ("27-godišnji", "84-year-old", "45 yaşındaki")
    /// or a word for initials ("24-vjeçar me inicialet"): which, or nil.
    private static func cueBefore(_ p: Bytes, _ i: Int) -> InitialsCue? {
        guard let (s, folded) = foldedWord(before: i, p) else { return nil }
        if initialsWords.contains(where: { folded.starts(with: $0) }) { return .initials }
        return isAge(p, s, folded) ? .age : nil
    }

    /// An age in brackets follows the initials ending at `e` (twenty-third round): "uhapsili su Д. П. (34)
    /// и М. С. (29)", "I. K. (52) iz Tuzle".
    private static func ageAfter(_ p: Bytes, _ e: Int) -> Bool {
        guard p.at(e) == 0x20, p.at(e + 1) == 0x28 else { return false }
        var k = e + 2
        while k < p.count, k - e - 2 < 3, isDigit(p[k]) { k += 1 }
        return k > e + 2 && p.at(k) == 0x29
    }

    /// The folded word starting at `s` is an age: digits and a hyphen or space before it, or (English)
    /// "old" after "<digits>-year-".
    private static func isAge(_ p: Bytes, _ s: Int, _ folded: [UInt8]) -> Bool {
        if folded == Array("old".utf8), s >= 7, p[s - 1] == 0x2D, let (y, year) = foldedWord(before: s, p, hyphen: true) {
            return year == Array("year".utf8) && y >= 2 && p[y - 1] == 0x2D && isDigit(p[y - 2])
        }
        guard s >= 2, p[s - 1] == 0x2D || p[s - 1] == 0x20, isDigit(p[s - 2]) else { return false }
        return ageWords.contains { folded.starts(with: $0) }
    }

    /// The start of the word before `i` across one space (or a hyphen, with `hyphen`) and its letters folded.
    private static func foldedWord(before i: Int, _ p: Bytes, hyphen: Bool = false) -> (Int, [UInt8])? {
        guard i >= 2, p[i - 1] == 0x20 || (hyphen && p[i - 1] == 0x2D) else { return nil }
        let s = lettersStart(p, endingAt: i - 1, above: max(0, i - 40))
        guard s < i - 1 else { return nil }
        var out: [UInt8] = []
        return NameGazetteer.fold(p, s..<(i - 1), into: &out) ? (s, out) : nil
    }

    /// A name found starts after "and" right after the initials, or ends before "and" right before
    /// them: the list's links of `PersonNames+Lists.swift` ("and", "i", "ve", "dhe", "и").
    private static func besideFoundName(_ p: Bytes, _ start: Int, _ end: Int, _ found: Beside) -> Bool {
        if let (s, link) = wordAfter(p, end), link == .conjunction, found.starts.contains(s) { return true }
        guard let (s, link) = wordBefore(p, start), link == .conjunction else { return false }
        return found.lastWords.contains(s)
    }

    /// Where the names found start and where their last words start, looked up in a set each.
    private struct Beside {
        var starts = Set<Int>(), lastWords = Set<Int>()
        init(_ found: [FoundName]) { for name in found { add(name) } }
        mutating func add(_ name: FoundName) {
            starts.insert(name.start)
            lastWords.insert(name.words[name.words.count - 1].lowerBound)
        }
    }
}
