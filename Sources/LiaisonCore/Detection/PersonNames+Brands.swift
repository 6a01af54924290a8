/// Brands named after a person (issue 11): "облека Zara, Massimo Dutti и Lacoste", "çanta Michael
/// Kors dhe Guess", "torbe Jimmy Choo i cipele Steve Madden". A name found whose first two words are
/// a key of `PersonBrands` (a firm of mimesis' lists, or the label of a much-visited site registered
/// in two countries or more: "jimmychoo.com", "jimmychoo.jp") is a thing, not a person, unless the
/// grammar around it says person: after a role word or title ("gospodin Massimo Dutti"), addressed,
/// or signed, there or at another mention of the same two words ("osumnjičeni David Jones … David
/// Jones je priznao"). It runs before the later mentions are found by their stems, so none is.
extension PersonNames {
    /// Drops the brands from `found` and adds their words' starts to `things`, so that the names
    /// listed beside them go too (`dropNamesAmongThings`: "Massimo Dutti и Lacoste").
    static func dropBrandNames(_ p: Bytes, _ found: inout [FoundName], into things: inout Set<Int>) {
        let brands = found.indices.compactMap { i in PersonBrands.brandKey(p, found[i].words).map { (i, $0) } }
        guard !brands.isEmpty else { return }
        let people = Set(brands.filter { [found] in anchored.contains(found[$0.0].detector) }.map(\.1))
        let drop = Set(brands.filter { !people.contains($0.1) }.map(\.0))
        guard !drop.isEmpty else { return }
        for i in drop { for word in found[i].words { things.insert(word.lowerBound) } }
        found = found.indices.filter { !drop.contains($0) }.map { found[$0] }
    }

    /// Names found by the grammar around them: after a role word or title, addressed, or signed.
    private static let anchored: Set<String> = ["person-cue", "person-title", "person-addressed", "person-signature"]
}
