/// Brands named after a person (nineteenth round of issue 11): "облека Zara, Massimo Dutti и
/// Lacoste", "çanta Michael Kors dhe Guess". A name found whose first two words are a key of
/// `PersonBrands` (a firm of mimesis' lists, or a much-visited site in several countries whose
/// label is the two words: "massimodutti.com", "massimodutti.cn") is a thing, not a person, when its
/// second word is no name of the gazetteer as written, nor a long one's declined form: "Ted Baker",
/// "Paul Smith" or "William Hill" are also people's names, and a report names people far more
/// often than shops. The grammar around a name keeps it a person: after a role word or title
/// ("gospodin Massimo Dutti"), addressed, or signed. It runs before the later mentions are found
/// by their stems, so none is.
extension PersonNames {
    /// Drops the brands from `found` and adds their words' starts to `things`, so that the names
    /// listed beside them go too (`dropNamesAmongThings`: "Massimo Dutti и Lacoste").
    static func dropBrandNames(_ p: Bytes, _ found: inout [FoundName], into things: inout Set<Int>, _ reader: inout NameReader) {
        found.removeAll { name in
            guard name.words.count >= 2, PersonBrands.opensBrandName(p, name.words), !anchored.contains(name.detector),
                  let second = reader.word(at: name.words[1].lowerBound)?.evidence, second.given < 2, second.surname < 2 else { return false }
            for word in name.words { things.insert(word.lowerBound) }
            return true
        }
    }

    /// Names found by the grammar around them: after a role word or title, addressed, or signed.
    private static let anchored: Set<String> = ["person-cue", "person-title", "person-addressed", "person-signature"]
}
