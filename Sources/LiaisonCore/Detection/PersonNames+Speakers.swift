/// A speaker (eighteenth round of issue 11): a given name alone before a verb of saying is a person,
/// though it is also a common word or opens a sentence, where no other rule takes it alone: "Ivica
/// kaže da…", "Lulja thotë se…", "Ђоле ми је рекао", "Ellis said". The verb follows the name on the
/// same line, one space apart, after at most two clitics ("mi je", "ми је", "na"); the name is a
/// capitalised given name of the gazetteer as written, in the nominative (a declined form is no
/// subject), and nothing argues against a person. Not in chat typed in lower case, where common
/// words say things as often ("the guy says", "meni rekao", "mama kaže").
extension PersonNames {
    /// Verbs of saying, asking and reporting in the past and present, folded as the gazetteer folds
    /// (Cyrillic as Serbian Latin, no diacritics): Serbo-Croatian and Macedonian, Albanian, Turkish,
    /// English. Grammar of the rule, not data from a source.
    private static let sayingVerbs: Set<UInt64> = Set("""
        kaze kazala kazao kazu rekao rekla rekli rece pita pitao pitala tvrdi tvrdio tvrdila veli prica pricao
        pricala objasnio objasnila navodi naveo navela izjavio izjavila potvrdio potvrdila
        kaza kazuva prasa izjavi objasni raskaza
        tha thote thoshte pyeti tregoi tregon shkroi deklaroi shpjegoi pohoi
        dedi diyor soyledi anlatti sordu yazdi belirtti
        said says told asked explained claimed claims wrote replied
        """.split(whereSeparator: \.isWhitespace).map { fnv1a(String($0)) })

    /// Clitics between a subject and its verb, folded: "Ђоле ми је рекао", "Besa na tha".
    private static let clitics: Set<UInt64> = Set(
        "mi ti mu joj nam vam im je su se me te ga ju nas vas ih ni vi go ja gi na".split(separator: " ").map { fnv1a(String($0)) })

    /// Each capitalised word in `capitalised` (words no rule took) that is a speaker, as a name of one
    /// word; the words taken leave `capitalised`.
    static func speakers(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var taken: [Int] = []
        for i in capitalised {
            guard let w = reader.word(at: i), w.shape == .capitalised, isSpeaker(w, &reader), !reader.capitalisedBefore(i) else { continue }
            found.append(FoundName(words: [w.range], stems: [w.stem], detector: "person-speaker"))
            taken.append(i)
        }
        if !taken.isEmpty { capitalised.removeAll { taken.contains($0) } }
    }

    /// `w` is a given name as written, in the nominative, no place, organisation or institution word,
    /// and a verb of saying follows it.
    private static func isSpeaker(_ w: NameReader.Word, _ reader: inout NameReader) -> Bool {
        let e = w.evidence
        guard !w.suffixed, e.given == 2, !e.declined, !e.place, !e.organisation, !e.institution, !e.postTitle else { return false }
        return sayingVerbFollows(w.range.upperBound, &reader)
    }

    /// One space, at most two clitics each after one space, and a verb of saying in lower case after
    /// `e` (a word `foldedWord` reads ends before a letter).
    private static func sayingVerbFollows(_ e: Int, _ reader: inout NameReader) -> Bool {
        var k = e
        for _ in 0..<3 {
            guard reader.p.at(k) == 0x20, let (word, end, capitals) = reader.foldedWord(at: k + 1), !capitals,
                  !PersonNames.isUpper(reader.p.scalar(at: k + 1).value) else { return false }
            if sayingVerbs.contains(word.hash) { return true }
            guard clitics.contains(word.hash) else { return false }
            k = end
        }
        return false
    }
}
