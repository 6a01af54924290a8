/// A persona in quotation marks (thirty-seventh round of issue 11): the name a caller gave with the
/// firm or desk he claimed, quoted as the victim heard it ("\"Frank from Sky technical support\"",
/// "(\"Lee from the fraud team\")", "\"KEVIN FROM BARCLAYS FRAUD\"", "„Marko iz banke“", "\"Ana nga
/// banka\""). The quotation's first word is a given name of the gazetteer, also one that is a common
/// word ("Frank", "Mark"), "from" follows it in one of the region's languages, and before the quotation
/// closes on the line a firm or desk shows (`namesADesk`). Not a slogan, a title or a bill, where the
/// given name is a word ("\"Miles from Nowhere\"", "\"Nada iz pepela\"", "\"Bill from your provider\""),
/// nor a greeting or a sign-off ("\"Greetings from Amazon\"", "\"Love from all the team\"").
extension PersonNames {
    /// "from", folded (Cyrillic folds to Latin): English, Serbo-Croatian, Macedonian, Albanian.
    private static let fromWords = HashedWords("from iz od nga")

    /// Words of a firm's desk or trade, folded, in the forms a quoted persona names them.
    private static let deskWords = HashedWords("""
        bank banks banka banke banci banku bankes bankasi support team fraud security desk department dept
        billing claims compliance service services servis servisa servisi helpdesk customer customs
        police policija policije policiji policia policise polis polisi posta poste posti telekom kurir
        kurira courier tim tima ekip ekibi carina carine dogana doganes
        """)

    /// Given names that open a letter's sign-off rather than a persona, folded.
    private static let signOffs = HashedWords("love hope joy")

    static func quotedPersonas(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var taken: [Int] = []
        for i in capitalised where i > 0 && (p[i - 1] == 0x22 || p[i - 1] >= 0x80) && reader.openingQuote(before: i) > 0 {
            guard let w = reader.word(at: i), w.shape == .capitalised || w.shape == .allCaps, !w.suffixed, w.evidence.given > 0,
                  !w.evidence.place, !w.evidence.organisation, !w.evidence.institution, !w.evidence.postTitle,
                  case let e = w.range.upperBound, p.at(e) == 0x20, let (from, fromEnd, _) = reader.foldedWord(at: e + 1),
                  fromWords.contains(from.hash), p.at(fromEnd) == 0x20, isLetter(p.scalar(at: fromEnd + 1).value),
                  let (first, _, _) = reader.foldedWord(at: i), !signOffs.contains(first.hash),
                  namesADesk(p, after: fromEnd, capitals: w.shape == .allCaps, &reader) else { continue }
            found.append(FoundName(words: [w.range], stems: [w.stem], detector: "person-persona"))
            taken.append(i)
        }
        forget(taken, in: &capitalised)
    }

    /// Whether the quotation goes on from `k` to a closing mark on its line, within 80 bytes, and a
    /// firm or desk shows in it: a desk's word, a word of an organisation or institution not written
    /// in lower case ("Invest", not "invest with the brave"), or, right after "from" in a quotation
    /// not written in `capitals`, an acronym of two to five capitals ("BT", "HSBC"; not "\"Major from
    /// the US Army\"").
    private static func namesADesk(_ p: Bytes, after k: Int, capitals: Bool, _ reader: inout NameReader) -> Bool {
        var j = k
        var desk = false
        while j < min(p.count, k + 80), p[j] != 0x0A {
            if closingQuoteLength(p, at: j) > 0 { return desk }
            guard !desk, isLetter(p.scalar(at: j).value), !isLetter(p.scalar(at: p.leadByte(j - 1)).value) else {
                j += 1
                continue
            }
            let start = j
            j += 1
            if let (word, end, inCapitals) = reader.foldedWord(at: start) {
                desk = deskWords.contains(word.hash) || start == k + 1 && !capitals && inCapitals && end - start >= 2 && end - start <= 5
                j = end
            }
            if !desk, let w = reader.word(at: start), w.shape != .lower {
                desk = w.evidence.organisation || w.evidence.institution
                j = max(j, w.range.upperBound)
            }
        }
        return false
    }
}
