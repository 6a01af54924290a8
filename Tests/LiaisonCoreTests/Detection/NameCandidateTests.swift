import Testing
@testable import LiaisonCore

/// Round six of names: the candidate spans and their features that `liaison-bench candidates`
/// prints for `Benchmarks/NameModel/cross-validate.py` (see `NameCandidates`).
@Suite("NameCandidates: candidate spans and their features")
struct NameCandidateTests {
    /// The candidates of `text` as written, with the names of their features that are 1.
    static func candidates(_ text: String) -> [(String, Set<String>)] {
        let names = NameCandidateRows.featureNames
        let scalars = Array(text.utf8)
        return NameCandidateRows.rows(text).map { row in
            let covered = String(decoding: scalars[row.utf8Range], as: UTF8.self)
            return (covered, Set(row.features.indices.filter { row.features[$0] != 0 }.map { names[$0] }))
        }
    }

    @Test("A name the rules find has the gazetteer's evidence, its context and the rules' verdict as features")
    func featureVector() throws {
        let rows = Self.candidates("Juče je Marko Petrović prijavio prevaru.")
        let name = try #require(rows.first { $0.0 == "Marko Petrović" })
        #expect(name.1 == ["bias", "twoWords", "firstGiven", "lastSurname", "lastRegional", "givenThenSurname", "rule",
                           "ruleGazetteer", "lowerAfter", "lowerBefore", "allKnown", "slavicLetters"])
        // Its words alone are candidates too, overlapping the rules' name.
        let given = try #require(rows.first { $0.0 == "Marko" })
        #expect(given.1.isSuperset(of: ["oneWord", "firstGiven", "capitalisedAfter", "ruleOverlaps", "oneWordClean"]))
        #expect(!given.1.contains("rule"))
        let surname = try #require(rows.first { $0.0 == "Petrović" })
        #expect(surname.1.isSuperset(of: ["firstRegional", "capitalisedBefore", "stemSeen", "oneWordSurname"]))
    }

    @Test("Every feature has a name, and the names are those of NameFeature in its order")
    func featureNames() {
        #expect(NameCandidateRows.featureNames.count == NameFeature.allCases.count)
        #expect(NameCandidateRows.featureNames.first == "bias")
        #expect(Set(NameCandidateRows.featureNames).count == NameFeature.allCases.count)
        for row in NameCandidateRows.rows("Ardit Krasniqi-t e thirri Ayşe Yılmaz'ın avukatı.") {
            #expect(row.features.count == NameFeature.allCases.count)
            #expect(row.features.allSatisfy { $0 == 0 || $0 == 1 })
            #expect(row.features[NameFeature.bias.rawValue] == 1)
        }
    }

    /// (text, the scanner's names in it) in several languages
    static let sentences: [(String, [String])] = [
        ("Oštećeni: Sead Kurtović, Goražde. Kurtoviću je ponuđena investicija.", ["Sead Kurtović", "Kurtoviću"]),
        ("Ardit Krasniqi-t i erdhi një mesazh nga „banka“.", ["Ardit Krasniqi-t"]),
        ("Şikayetçi Bay Ahmet Kurt, Elif Yıldız'ın hesabından para çekildiğini bildirdi.", ["Ahmet Kurt", "Elif Yıldız'ın"]),
        ("Пријавувачот Марија Стојановска од Битола.", ["Марија Стојановска"]),
        ("The victim, M. Petrović, paid Komercijalna banka.", ["M. Petrović"]),
    ]

    @Test("The rules' names are candidates with the rules' verdict, and every candidate with it is a name of the scanner",
          arguments: sentences)
    func rulesAreCandidates(text: String, names: [String]) {
        #expect(PersonNameTests.persons(text) == names)
        let ruled = Self.candidates(text).filter { $0.1.contains("rule") }.map(\.0)
        #expect(ruled.sorted() == names.sorted())
    }

    @Test("Candidates the rules miss: a given name the gazetteer lacks, a surname in capitals before a comma, a lower-case chat name")
    func beyondTheRules() throws {
        // "Priya" is in the gazetteer since the eighth round (Faker's en_IN); "Oluwaseun" is not.
        let english = Self.candidates("Witness list\n1. KOWALSKI, Tomasz\nFrom: Oluwaseun Raman")
        #expect(english.contains { $0.0 == "KOWALSKI, Tomasz" && $0.1.isSuperset(of: ["commaInside", "firstAllCaps", "lastGiven"]) })
        let priya = try #require(english.first { $0.0 == "Oluwaseun Raman" })
        #expect(priya.1.isSuperset(of: ["firstUnknown", "colonBefore"]))
        #expect(!priya.1.contains("rule"))
        // Since the twentieth round "sanja kaže" is a person to the rules (a given name before a verb
        // of saying in chat); "ko sanja i traži" still is not, "sanja" (dreams) being a word of the
        // text's language ("haris", a Turkish word alone, is a name here since the twenty-third round).
        let chat = Self.candidates("hitno: neko se lažno predstavlja ko sanja i traži pare. javi se.")
        #expect(chat.contains { $0.0 == "sanja" && $0.1.isSuperset(of: ["firstLower", "lowerCaseText", "firstGiven", "firstAmbiguous"]) })
        #expect(chat.allSatisfy { !$0.1.contains("rule") })
    }

    @Test("Empty, word-less and organisation-only texts have no candidates")
    func nothing() {
        #expect(NameCandidateRows.rows("").isEmpty)
        #expect(NameCandidateRows.rows("12:30 -- ... !!! 00 42\n\n").isEmpty)
        #expect(Self.candidates("d.o.o. banka Telekom").isEmpty)
    }

    @Test("At most four candidates start at a word, so a long run of names stays linear")
    func bounded() {
        let words = 20_000
        let rows = NameCandidateRows.rows(String(repeating: "Marko Petrović ", count: words / 2))
        #expect(rows.count <= 4 * words)
        #expect(rows.allSatisfy { $0.utf8Range.count <= 3 * "Petrović".utf8.count + 2 })
    }
}
