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
    /// folded, with the surname's "ic" before them.
    private static let wifeEndings: [Suffix] = ["ickom", "ickoj", "icka", "icki", "icku", "icke"].map(Suffix.init)

    /// True when the folded word `w` is a possessive adjective ("Lukačeva" → lukac, "Срећкова" →
    /// sreck) or a wife's name ("Vujoševićka" → vujosevic) of a name whose stem `named` holds: the
    /// `NameEvidence.stem` of `w` without the ending, three letters or more kept. No gazetteer entry
    /// is needed, as the name was found before (twentieth round of issue 11).
    static func possessiveOfNamed(_ w: FoldedWordHash, _ named: (UInt64) -> Bool) -> Bool {
        let bucket = possessiveBuckets[Int(w.last8 & 0x7F)]
        for e in bucket.lowerBound..<bucket.upperBound {
            let ending = possessiveEndings[e]
            if w.count >= ending.length + 3, w.last8 & ending.mask == ending.packed, let stem = w.stem(droppingLast: ending.length), named(stem) {
                return true
            }
        }
        for ending in wifeEndings where w.count >= ending.length + 3 && w.last8 & ending.mask == ending.packed {
            if let stem = w.stem(droppingLast: ending.length - 2), named(stem) { return true }  // the surname keeps its "ic"
        }
        return false
    }
}
