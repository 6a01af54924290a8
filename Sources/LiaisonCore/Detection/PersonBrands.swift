/// Firms and brands named after people (issue 11): "Ted Baker", "Morgan Stanley", "Jimmy Choo",
/// "Massimo Dutti" are a given name and a surname to every other reading of the words, so a
/// structured person field's value, and a name found in free text (`PersonNames+Brands.swift`), is
/// checked against the first two words of the company, bank and manufacturer names of a maintained
/// list, and against the labels of much-visited sites registered in two countries or more
/// ("jimmychoo.com", "jimmychoo.jp"): `PersonBrands+Data.swift`, written by
/// `Benchmarks/NameModel/generate-brands.py` from the PyPI packages mimesis and pymispwarninglists.
/// A key is two words folded as the gazetteer folds (`NameGazetteer.fold`: lower case, no
/// diacritics, Cyrillic transliterated, letters only) and written together, as a site's label
/// writes them; keys are looked up by their FNV-1a hashes.
enum PersonBrands {
    static let keys: HashedWords = {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(49_152)
        var hash = FNV1a()
        for b in keyList.utf8 {
            if b == 0x2C { hashes.append(hash.value); hash = FNV1a() } else { hash.add(b) }
        }
        hashes.append(hash.value)
        return HashedWords(hashes: hashes)
    }()

    /// The key of the first two words in `words` of `p`, folded and joined ("Jimmy Choo" →
    /// "jimmychoo"), when it is one of `keys`; nil otherwise and for "Marko Petrović".
    static func brandKey(_ p: Bytes, _ words: [Range<Int>]) -> UInt64? {
        guard words.count >= 2 else { return nil }
        var hash = FNV1a()
        guard NameGazetteer.fold(p, words[0], into: &hash), NameGazetteer.fold(p, words[1], into: &hash) else { return nil }
        return keys.contains(hash.value) ? hash.value : nil
    }

    /// True when the first two words of `name` (words joined by single spaces) are those of a
    /// listed company's name: "Ted Baker", "LOUIS VUITTON Outlet"; not "Marko Petrović".
    static func opensBrandName(_ name: String) -> Bool {
        let words = name.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count >= 2, let first = folded(words[0]), let second = folded(words[1]) else { return false }
        return keys.contains(fnv1a(first + second))
    }

    /// True for a title and one word that is no initial: "Dr. Oetker", "Mr Proper". The labelled
    /// values write a person with a title in full ("Dr. Tariq Mahmood", "Mrs Iris Fairweather");
    /// a title before a lone word is how brands are named.
    static func isTitledWord(_ words: [Substring]) -> Bool {
        guard words.count == 2, isTitle(words[0]) else { return false }
        let second = words[1].unicodeScalars
        return !(second.count == 2 && second.last == ".")
    }

    /// An honorific or academic title of `titles`, in any case.
    static func isTitle(_ word: Substring) -> Bool { titles.contains(word.lowercased()) }

    /// Honorifics and academic titles of the seven languages, lower case, as written before a name.
    private static let titles: Set<String> = [
        "dipl.", "inž.", "ing.", "prof.", "prof", "mag.", "av.", "doc.", "akad.", "mgr.", "dipl.ing.", "инж.", "проф.",
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dr", "dr.", "herr", "frau", "g-din", "gđa", "gđa.",
        "gospodin", "gospođa", "г-дин", "г-ђа", "г-ѓа", "господин", "госпођа", "госпоѓа", "др", "др.", "znj.",
        "zoti", "zonja", "bay", "bayan", "sayın",
    ]

    /// The letters of `word` folded, or nil when one has no fold or fewer than two remain.
    static func folded(_ word: Substring) -> String? {
        var letters = String(String.UnicodeScalarView(word.unicodeScalars.filter { PersonNames.isLetter($0.value) }))
        var out: [UInt8] = []
        let ok = letters.withUTF8 { p in NameGazetteer.fold(p, 0..<p.count, into: &out) }
        guard ok, out.count >= 2 else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}
