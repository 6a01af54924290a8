/// Possessive adjectives of names (eleventh round of issue 11): Serbo-Croatian and Macedonian make an
/// adjective of a person's name with -ov/-ev (after a consonant) or -in (after -a), declined like any
/// adjective, and Macedonian adds its definite article: "Dizdarov brat", "Lukačeva kći", "Благојеву
/// сестру", "Кристијановиот профил", "Мендевата сестра". Such a word names the person, and the span
/// rule keeps the ending inside the span. The word is read as a possessive when it is not itself a
/// given name or surname as written and its stem, with a nominative ending put back, is one.
extension NameEvidence {
    /// The adjective endings, folded, longest first within a last letter.
    private static let possessiveEndingList: [Suffix] = [
        "oviot", "ovata", "ovoto", "ovite", "eviot", "evata", "evoto", "evite", "iniot", "inata", "inoto", "inite",
        "ovog", "ovom", "ovoj", "ovim", "ovih", "evog", "evom", "evoj", "evim", "evih", "inog", "inom", "inoj", "inim", "inih",
        "ova", "ove", "ovu", "ovi", "ovo", "eva", "eve", "evu", "evi", "evo", "ina", "ine", "inu", "ino",
        "ov", "ev", "in",
    ].map(Suffix.init)

    private static let afterA: [UInt8] = [0x61]
    private static let afterConsonant: [UInt8] = [0, 0x6F, 0x65]

    private static let (possessiveEndings, possessiveBuckets): ([Suffix], [Range<Int>]) = bucketed(possessiveEndingList)

    /// The gazetteer's flags of the given name or surname that the folded word `w` is a possessive
    /// adjective of, or nil: a stem of three letters or more, as it is or with a nominative vowel put
    /// back ("dizdar", "blagoj" + e, "luk" + a), that is a given name or surname.
    static func possessiveLemma(_ w: FoldedWordHash, table: NameGazetteer.Table) -> NameGazetteer.Flags? {
        let n = w.count
        let bucket = possessiveBuckets[Int(w.last8 & 0x7F)]
        for e in bucket.lowerBound..<bucket.upperBound {
            let ending = possessiveEndings[e]
            guard n >= ending.length + 3 && w.last8 & ending.mask == ending.packed else { continue }
            let h = w.hash(droppingLast: ending.length)
            guard table.mayBeStem(h) else { continue }
            // -ov/-ev follow a consonant or take the place of a final -o/-e ("Trpe" → "Trpeviot"); -in that of an -a.
            for tail in ending.packed >> (8 * UInt64(ending.length - 1)) == 0x69 ? afterA : afterConsonant {
                let lemma = table(tail == 0 ? h : (h ^ UInt64(tail)) &* 0x0000_0100_0000_01B3)
                if !lemma.isDisjoint(with: [.given, .surname]), !lemma.contains(.place) { return lemma }
            }
        }
        return nil
    }
}

extension NameEvidence {
    /// The endings of a wife's name made of a surname in -ić ("Vujoševićka", "Ivkovićki", "Petrovićkom"),
    /// folded, after the surname's "ic".
    private static let wifeEndings: [[UInt8]] = ["kom", "koj", "ka", "ki", "ku", "ke"].map { Array($0.utf8) }

    /// The stems of the names the folded word `w` may be a possessive adjective ("Lukačeva" → lukac,
    /// "Срећкова" → sreck) or a wife's name of ("Vujoševićka" → vujosevic), each `NameEvidence.stem` of
    /// `w` without the ending; the caller looks them up among the stems of names already found, so no
    /// gazetteer entry is needed (twentieth round of issue 11). Three letters or more are kept.
    static func possessiveBaseStems(_ w: [UInt8], _ visit: (UInt64) -> Bool) -> Bool {
        for ending in possessiveEndingList where w.count >= ending.length + 3 && w.last8 & ending.mask == ending.packed {
            if visit(stem(w, count: w.count - ending.length)) { return true }
        }
        for ending in wifeEndings where w.count >= ending.count + 5 && w.suffix(ending.count).elementsEqual(ending) {
            let base = w.count - ending.count
            if w[base - 2] == 0x69 && w[base - 1] == 0x63, visit(stem(w, count: base)) { return true }  // "…ic" + "ka"
        }
        return false
    }
}
