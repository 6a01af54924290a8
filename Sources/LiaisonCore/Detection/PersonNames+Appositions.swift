/// A name set off by commas after a kin or role word a few words before it (twenty-first round of
/// issue 11): "His sister in Slough, Kasia, asked", "Nipi i vërtetë, Kejdi, ishte", "Pravi unuk,
/// Nemanja Ilić, kaže". In train and dev, each of the 23 such pairs of commas after a kin word is a
/// name; the gazetteer need not know it, as the grammar says who is meant.
extension PersonNames {
    /// Finds, among the capitalised words no rule took, one or two between ", " and "," whose clause
    /// holds a cue (`PersonCues`: kin, role and naming words) at most four words before the first
    /// comma, with no organisation word between ("the victim's bank, Lloyds," is none), and where the
    /// clause goes on in lower case after the second comma ("Kasia, asked"; not a list's "Bradford,
    /// and York"). Not a place, an institution, an organisation or an honorific.
    static func appositions(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var taken: Set<Int>? = nil  // the word starts of the names found, built on first use
        var added: [FoundName] = []
        for s in capitalised where s >= 4 && p[s - 1] == 0x20 && p[s - 2] == 0x2C {
            // Bytes first: one or two words of letters, then a comma, a lower-case word and a cue before.
            var e = lettersEnd(p, from: s)
            var two = false
            if p.at(e) == 0x20, e + 1 < p.count, isUpper(p.scalar(at: e + 1).value) {
                e = lettersEnd(p, from: e + 1)
                two = true
            }
            guard p.at(e) == 0x2C, verbAfter(comma: e, p, reader), cueBefore(comma: s - 2, p, &reader),
                  let w0 = reader.word(at: s), fits(w0) else { continue }
            var words = [w0.range]
            var last = w0
            if two {
                guard let w1 = reader.next(after: w0), !w1.afterBreak, w1.range.lowerBound == w0.range.upperBound + 1, fits(w1),
                      w1.range.upperBound == e else { continue }
                if taken == nil { taken = Set(found.flatMap { $0.words.map(\.lowerBound) }) }
                guard !taken!.contains(w1.range.lowerBound) else { continue }
                words.append(w1.range)
                last = w1
            } else if w0.range.upperBound != e { continue }
            added.append(FoundName(words: words, stems: [w0.stem, last.stem], detector: "person-cue"))
        }
        guard !added.isEmpty else { return }
        let starts = Set(added.flatMap { $0.words.map(\.lowerBound) })
        capitalised.removeAll { starts.contains($0) }
        found.append(contentsOf: added)

        func fits(_ w: NameReader.Word) -> Bool {
            w.shape == .capitalised && !w.suffixed && !w.evidence.organisation && !w.evidence.place
                && !w.evidence.institution && !w.evidence.postTitle
        }
    }

    /// Conjunctions that go on a list after its item's comma ("Leeds, Bradford, and York").
    private static let conjunctions = HashedWords("and or i ili pa dhe ose ve veya ya и или")

    /// True when a lower-case word that is no conjunction follows the comma at `c` and one space: the
    /// clause goes on ("Kasia, asked"), where a list would name its next item.
    private static func verbAfter(comma c: Int, _ p: Bytes, _ reader: NameReader) -> Bool {
        guard p.at(c + 1) == 0x20, c + 2 < p.count, !isUpper(p.scalar(at: c + 2).value), isLetter(p.scalar(at: c + 2).value) else { return false }
        guard let (word, _, _) = reader.foldedWord(at: c + 2) else { return true }
        return !conjunctions.contains(word.hash)
    }

    /// True when one of the (at most four) words before the comma at `c`, back to the clause's start,
    /// starts a cue, and none of them is an organisation word. The cue is looked for first, by its
    /// first two bytes: most clauses have none, and their words are then not weighed.
    private static func cueBefore(comma c: Int, _ p: Bytes, _ reader: inout NameReader) -> Bool {
        func eachWord(_ visit: (Int) -> Void) {
            var k = c
            for _ in 0..<4 {
                while k > 0 && (p[k - 1] == 0x20 || p[k - 1] == 0x27) { k -= 1 }  // spaces, the "'" of "victim's"
                guard k > 0 else { return }
                let a = lettersStart(p, endingAt: k, above: max(0, k - 40))
                guard a < k else { return }  // a comma, a full stop, a line break: the clause starts here
                visit(a)
                k = a
            }
        }
        var cue = false
        eachWord { a in cue = cue || (PersonCues.startsCuePair.contains(Int(p[a]) << 8 | Int(p.at(a + 1))) && PersonCues.end(p, at: a) != nil) }
        guard cue else { return false }
        var organisation = false
        eachWord { a in organisation = organisation || (reader.word(at: a)?.evidence.organisation ?? false) }
        return !organisation
    }
}
