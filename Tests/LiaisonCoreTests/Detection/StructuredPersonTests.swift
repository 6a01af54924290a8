import Testing
@testable import LiaisonCore

/// Structured fields that should hold a person ("Victim name", "Emri dhe mbiemri"): what argues
/// for a person and what argues against one, beyond the cases of `CorpusRegressionTests`.
@Suite("Structured person fields")
struct StructuredPersonTests {
    /// Firms named after their owner, with the trade after the name, in the seven languages.
    static let firms = ["Hasani Ndërtimi", "Marković Trgovina", "Özkan Mobilya", "Petreski Trgovija", "Dragan Smith Enterprises",
                        "Erdem Yapı", "Jovanović Nekretnine", "Gashi Sherbime", "Kaya Elektrik", "Ilić Drvo"]
    /// A town after a name, an acronym beside a capitalised word.
    static let placesAndAcronyms = ["Kaya Antalya", "Ilir Prizren", "Erdem TAV", "Ilir ATK", "Darko BNK", "TKB Jovanović"]

    @Test("A trade or company word makes a firm, not a person", arguments: firms)
    func firmsAreNotPeople(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("A town of the gazetteer or an unknown acronym among the words rules a person out", arguments: placesAndAcronyms)
    func placesAndAcronymsAreNotPeople(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    /// Thirty-third round: a last word that is an English word and no name or place names a shop, a
    /// stock or an office (`PersonalDataValidator.endsInEnglishWord`), in the value or in its part
    /// before an affiliation.
    @Test("An English word that is no name, last of two to four words, makes a firm", arguments: [
        "Drita Mall", "Marko Warehouse", "Ilir Carpets", "Procurement Inbox", "Ana Kovač Clearance",
        "Treasury Operations – Customer Care",
    ])
    func englishWordLast(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    /// Not a surname the gazetteer or the 10,000 commonest US surnames hold, a word after a title or
    /// a comma, a word with a letter beyond ASCII or in "-ic" (surnames that fold to "music",
    /// "panic", "magic").
    @Test("An English surname the lists know, a title, a comma or a regional surname keeps a person", arguments: [
        "Emma Stone", "Tom Field", "Sarah Marsh", "Helen Forest", "Owen Tilbury, director", "Ms Ruth Meadow",
        "Sanela Mušić", "Dragan Panic", "Milena Magić",
    ])
    func englishSurnamesStay(_ value: String) {
        #expect(!PersonalDataValidator.endsInEnglishWord(value))
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("Initials count beside a known name", arguments: ["D. Marković", "Marković D.", "Nikola J. Perić", "Е. Стојановски"])
    func initials(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("Initials alone, or more than two, are a name, as in the labelled field values", arguments: ["D. M.", "A. B. C. Perić"])
    func initialsAlone(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("One word is a person when it is a given name as written", arguments: ["Milica", "Emine", "Дарко", "MEHMET"])
    func loneGivenNames(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("One word that is a common word, a place, a declined form or a brand is not", arguments: ["Skopje", "Turkcell", "Sanja"])
    func loneWordsThatAreNotNames(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    /// Firms and brands named after people (none in structured-train or -dev): the first two words
    /// of a company of `PersonBrands`' list, or a title before one word.
    @Test("A listed firm or brand, a title before one word, or a possessive at the end is not a person",
          arguments: ["Charles Schwab", "Eddie Bauer", "GIORGIO ARMANI", "Estée Lauder", "Mr Muscle", "Dr. Pepper", "Nonna Lucia's",
                      "Aunty Grace’s"])
    func brands(_ value: String) {
        #expect(PersonalDataValidator.personRule(value).rule == .brand)
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("A title before a given name and a surname stays a person", arguments: ["Dr. Ana Kovač"])
    func titledPeople(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    /// An organisation word decides before the other words' shape: an apostrophe, a legal form with
    /// full stops, a part between hyphens.
    @Test("An organisation word anywhere makes a firm", arguments: ["Marko's Bakery", "Aksoy Lokantası Ltd. Şti.", "CSIRT-MK",
                                                                  "Akalın Hukuk Bürosu"])
    func organisationWordAnywhere(_ value: String) {
        #expect(PersonalDataValidator.personRule(value).rule == .organisationWord)
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("A school, hospice, stadium, dormitory or team is no person (twenty-fifth round)",
          arguments: ["Lowther Bridge Academy", "Sue Holloway Hospice", "Osnovna škola Petar Kočić", "Stadion Rajko Mitić",
                      "Студентски дом Вера Благојевић", "Cyber Incident Response"])
    func institutionsNamedAfterPeople(_ value: String) {
        #expect(PersonalDataValidator.personRule(value).rule == .organisationWord)
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("A religious school named after a person is not a person", arguments: ["Gazi Husrev-begova medresa"])
    func schoolsNamedAfterPeople(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("A capitalised acronym-like surname in a value written all in capitals stays a name")
    func allCapitalValue() {
        #expect(PersonalDataValidator.isPlausiblePerson("MEHMET ILIĆ"))
        #expect(PersonalDataValidator.isPlausiblePerson("EMINE ÖZ"))
        // An acronym beside a name is a firm; a surname in capitals before the given name is no
        // acronym (the scorer weighs `BEKA Arben` below its threshold again since the sixteenth
        // round's refit: see the weak spots below).
        #expect(PersonalDataValidator.personRule("BEKA Arben").rule != .acronym)
        #expect(!PersonalDataValidator.isPlausiblePerson("Arben BKT"))
        #expect(!PersonalDataValidator.isPlausiblePerson("SÜR Banka"))
        #expect(!PersonalDataValidator.isPlausiblePerson("NLB Petrović"))
    }

    @Test("One weak surname ending beside an unknown word is not enough in a field; two are")
    func weakEvidenceAlone() {
        #expect(!PersonalDataValidator.isPlausiblePerson("Vrbska Pivnica"))
        #expect(PersonalDataValidator.isPlausiblePerson("Blerim Zorović"))
    }

    /// A surname in capitals before the given name, the whole value: the free-text rule that reads a
    /// list's line written surname first (PersonNames+Spans.swift) finds it since the twentieth round.
    @Test("A surname in capitals before the given name is a person", arguments: ["SÜR Elif", "BEKA Arben"])
    func surnameInCapitalsFirst(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    /// Values the structured-field scorer gets wrong (README, "Known weak spots"): a four-word
    /// Turkish name, a brand made from a given name;
    /// since the scorer was refitted on the third training part: a Turkish name whose surname is
    /// also a given name, a name of two weak surname endings; since the thirty-third round a
    /// surname that is a rarer English word (`englishWordLast`). Kept as known issues, so that each one
    /// shows and a fix makes its case fail until moved (the fifteenth round's refit moved `BEKA
    /// Arben` and `Sanja` out, the sixteenth's moved `Ayşe Nur Yılmaz Demir` out and `BEKA Arben`
    /// back in; the seventeenth round's wider given-name lists changed its features and moved
    /// `Ayşe Nur Yılmaz Demir` back in: its refit was measured and not kept, see the history; the
    /// twentieth round's surname-first list rule moved `SÜR Elif` and `BEKA Arben` out).
    @Test("Known weak spots of the structured-field scorer", arguments: [
        ("Milicom", false),
        ("Mehmet Ali Kaya", true), ("Tomislavska Zorova", true), ("Ayşe Nur Yılmaz Demir", true),
        ("Frank Ocean", true),
    ])
    func scorerWeakSpots(_ value: String, isPerson: Bool) {
        withKnownIssue("README, Known weak spots") {
            #expect(PersonalDataValidator.isPlausiblePerson(value) == isPerson)
        }
    }
}
