/// A SWIFT MT103 payment's ordering customer and beneficiary (twenty-sixth round of issue 11): the
/// line after the account in field 50K or 59 names the party, in capitals, whatever the gazetteer
/// knows of its words (":59:/GB09BUKB20201555019982⏎IKECHUKWU DANIEL OBI-NWOSU"). The line is a
/// person when it holds one to four words of letters and no organisation or institution word
/// ("HARTWELL PRECISION ENGINEERING LTD" is a firm). Names found inside it give way to it.
extension PersonNames {
    static func paymentParties(_ p: Bytes, _ capitalised: [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var parties: [FoundName] = [], lines: [Range<Int>] = []
        for i in capitalised where i >= 6 && p[i - 1] == 0x0A && followsPartyField(p, i - 1) {
            let end = p.firstIndex(of: 0x0A, 0x0D, 0x0D, from: i)
            var words: [Range<Int>] = [], stems: [UInt64] = []
            var k = i
            while k < end {
                guard let w = reader.word(at: k), w.range.upperBound <= end, w.shape != .lower, words.count < 4,
                      !w.evidence.organisation, !w.evidence.institution, !w.evidence.postTitle,
                      !w.evidence.place || w.evidence.given > 0 || w.evidence.surname > 0 else {  // "MARTIN", a town too
                    words = []
                    break
                }
                words.append(w.range)
                stems.append(w.stem)
                k = w.range.upperBound
                while k < end && p[k] == 0x20 { k += 1 }
            }
            guard !words.isEmpty else { continue }
            parties.append(FoundName(words: words, stems: stems, detector: "person-payment"))
            lines.append(i..<end)
        }
        found.removeOverlapping(lines)  // once: capitalised is in text order
        found.append(contentsOf: parties)
    }

    /// The line ending at `lineEnd` (its line break) opens field 50K or 59 of an MT103 with an account: ":59:/…", ":50K:/…".
    private static func followsPartyField(_ p: Bytes, _ lineEnd: Int) -> Bool {
        let s = p.lineStart(lineEnd, within: 48)
        guard s == 0 || p[s - 1] == 0x0A, p.at(s) == 0x3A, p.at(s + 1) == 0x35 else { return false }
        return p.matches(beneficiary, at: s) || p.matches(orderingCustomer, at: s)
    }

    private static let beneficiary = Array(":59:/".utf8), orderingCustomer = Array(":50K:/".utf8)
}
