/// Firms and brands named after people, for structured person fields (issue 11): "Ted Baker",
/// "Morgan Stanley", "Louis Vuitton" are a given name and a surname to every other reading of the
/// words, so a value is checked against the first two words of the company, bank and manufacturer
/// names of a maintained list (`PersonFieldBrands+Data.swift`, written by
/// `Benchmarks/NameModel/generate-brands.py` from the PyPI package mimesis). Keys are folded as the
/// gazetteer folds (`NameGazetteer.fold`): lower case, no diacritics, Cyrillic transliterated,
/// letters only. Free text does not use it.
enum PersonFieldBrands {
    static let keys: Set<String> = Set(keyLines.split(separator: "\n").map(String.init))

    /// True when the first two words of `name` (words joined by single spaces) are those of a
    /// listed company's name: "Ted Baker", "LOUIS VUITTON Outlet"; not "Marko Petrović".
    static func opensBrandName(_ name: String) -> Bool {
        let words = name.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count >= 2, let first = folded(words[0]), let second = folded(words[1]) else { return false }
        return keys.contains(first + " " + second)
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
