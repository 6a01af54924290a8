import Testing
@testable import LiaisonCore

/// The evidence the tenth round of issue 11 added (NameEvidence+Institutions.swift): an
/// institution's head noun, in its case forms, opens an organisation phrase whose words are not a
/// person, and is an organisation word itself unless it is also a given name as written.
@Suite("PersonNameInstitutions")
struct PersonNameInstitutionTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    /// Each text names an institution and no person; a word in each was read as a name before the round.
    static let institutions: [String] = [
        // Albanian: the words after the head noun and its particle ("Arsim" is a given name)
        "Njoftimi i rremë u dërgua në emër të Ministria e Arsimit për bursat.",
        "Mesazhi thoshte se vinte nga Drejtoria e Doganës për një pako të bllokuar.",
        "Ankesa u dërgua te Drejtorinë e rajonit dhe askush nuk u përgjigj.",
        // Serbian, Croatian, Bosnian: the head noun's case forms
        "Poruka je navodno stigla iz kabineta Vlade Republike Srbije.",
        "Lažni mejl je poslat u ime Uprave carina sa zahtjevom za uplatu.",
        "Prevaranti su se predstavljali kao službenici Ministarstva finansija.",
        "Prijava je proslijeđena Vladi i policiji istog dana.",
        // Macedonian: the definite article
        "Лажната порака е испратена во име на Владата со линк за плаќање.",
        // Turkish: the head noun after its words
        "Sahte e-posta İçişleri Bakanlığı adına gönderilmişti.",
        // English
        "The message claimed to come from the Ministry of Education about grants.",
        // Twenty-third round: a name in quotes opened by a doctor's title after a word of the
        // institution's name, after an acronym with a case ending, or after a library's head noun.
        "Napad je pogodio server Opšte bolnice „Dr. Radivoj Simonović“ u Somboru.",
        "Порака стигна до Заводот за здравствена заштита на мајки и деца „Др Мирко Ѓорѓиевски“.",
        "Sajt JZU-a „Danilo Vujović“ bio je nedostupan dva dana.",
        "Napadnut je katalog Narodne biblioteke „Stefan Prvovenčani“ u Kraljevu.",
        "Сајтот на ООУ „Др Јован Цвијиќ“ беше недостапен.",
        // Thirty-fifth round: the doctor's title written with a hyphen, and five words between the head
        // noun and the quote
        "Извештај за инцидент – Поликлиника „Д-р Нешковски“, Тетово",
        "Shkolla e Mesme e Ulët \"Sami Frashëri\", Lipjan, njofton prindërit për mesazhet e rreme.",
    ]

    @Test("An institution's name is not a person", arguments: institutions)
    func institutionIsNoPerson(text: String) {
        #expect(Self.persons(text) == [])
    }

    /// A person with a title, or named after the institution, is still found.
    static let people: [(String, [String])] = [
        ("Izjavu je dao ministar Marko Petrović u Beogradu.", ["Marko Petrović"]),
        ("U Vladi je godinama radio Vlade Divac, kaže prijava.", ["Vlade Divac"]),
        ("Nga Ministria e Arsimit na shkroi Arben Krasniqi për llogarinë.", ["Arben Krasniqi"]),
        ("Direktor Uprave carina Marko Petrović nije potpisao dopis.", ["Marko Petrović"]),
        ("Писмото од Владата го потпиша Елена Николовска.", ["Елена Николовска"]),
        ("Emniyet Müdürlüğü'ne Ahmet Yılmaz başvurdu.", ["Ahmet Yılmaz"]),
        ("The Ministry of Interior said John Smith was not an employee.", ["John Smith"]),
        // A doctor's name in quotes that a naming word or a preposition leads is an alias, a person.
        ("He was paid by a profile in the name of \"Dr Simon Ashcroft\", a surgeon abroad.", ["Simon Ashcroft"]),
        ("She chatted for months with a fake \"Dr Simon Ashcroft\" on Instagram.", ["Simon Ashcroft"]),
        ("Во болницата ја прегледа д-р Ана Трајковска, а потоа се јави Д-р Марко Петровски.", ["Ана Трајковска", "Марко Петровски"]),
        // at most three words other than linking particles between the head noun and the quote
        ("IZ ŠKOLE JAVLJAJU DA JE UČENIK \"MARKO JOVIĆ\" NESTAO.", ["MARKO JOVIĆ"]),
    ]

    @Test("A person after an institution or with a title is still found", arguments: people)
    func personStillFound(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    @Test("A head noun that is also a given name stays a name word; other case forms are organisation words")
    func headNounEvidence() {
        func evidence(_ word: String) -> NameEvidence {
            var folded: [UInt8] = []
            let bytes = Array(word.utf8)
            _ = bytes.withUnsafeBufferPointer { NameGazetteer.fold($0, 0..<bytes.count, into: &folded) }
            return NameEvidence(folded: folded)
        }
        #expect(evidence("Vlade").given == 2 && evidence("Vlade").institution)
        for word in ["Vladi", "Uprave", "Ministarstva", "Владата", "Drejtorinë", "Doganës", "Bakanlığına"] {
            #expect(evidence(word).organisation, "\(word)")
        }
        #expect(!evidence("Marko").institution && !evidence("Marko").organisation)
    }
}
