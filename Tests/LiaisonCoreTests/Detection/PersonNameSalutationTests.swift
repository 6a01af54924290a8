import Testing
@testable import LiaisonCore

/// The thirty-fourth round of issue 11: "dear" before "my" or "your" is an endearment, "good" before a
/// time of day a greeting, and Ramadan or Bajram after a preposition of time the feast
/// (PersonNames+Salutations.swift).
@Suite("PersonNameSalutation")
struct PersonNameSalutationTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let endearments: [(String, [String])] = [
        // a chat typed in lower case whose speakers are named Draga and Mila
        ("Viber grupa\ndraga: drage moje, da li je nekoj stigla poruka od pošte\nmila: jesam draga moja, i upisala karticu",
         ["draga", "mila"]),
        ("мића: ево ме код бабе. дала му је све, мила моја баба, мисли да су сви добри", []),
        ("zeka: jesam, skinuli mi 38.000. dragi moji ne klikćite ništa\nnena: pozovite banku", ["nena"]),
        // a vocative opening a letter, and "my" after it, which a greeting's rule took for an addressee
        ("Draga moja,\npišem ti zbog poruke iz banke.", []),
        ("Dragi moji, ne klikćite na link iz poruke.", []),
        // "good" before a time of day after a chat's speaker
        ("Zvezdana Radić: Dobro veče, apartman je slobodan.\nMarko Ilić: Hvala.", ["Zvezdana Radić", "Marko Ilić"]),
        ("Dobar Dan, Ivane, pišem zbog računa.", ["Ivane"]),
    ]

    @Test("'Dear' before 'my' is an endearment, 'good' before a time of day a greeting", arguments: endearments)
    func endearment(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let people: [(String, [String])] = [
        // a name stays a person before "my", also Mila inside a sentence or before Albanian "moj";
        // and "dear" before a name addresses that name
        ("Vesna moja, javi se kad stigneš.", ["Vesna"]),
        ("vera: ana moja je kliknula na link\nana: jesam", ["vera", "ana", "ana"]),
        ("To mi je javila Mila moja.", ["Mila"]),
        ("Mila moj, a e hape linkun nga banka?", ["Mila"]),
        ("Dragi Marko, hvala na poruci.", ["Marko"]),
        ("Zvala me Mila Petrović iz banke.", ["Mila Petrović"]),
    ]

    @Test("A name before 'my', and a name after 'dear', stay people", arguments: people)
    func person(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let feasts: [(String, [String])] = [
        ("Ramadan Hoxha kishte marrë një telefonatë gjatë Ramazanit nga dikush.", ["Ramadan Hoxha"]),
        ("Lažne humanitarne akcije se šire tokom Ramazana i za Bajram.", []),
        ("Fake charities ask for donations during Ramadan.", []),
        // the man named Bajram or Ramazan stays a person: in another case, after "para" ("money" too),
        // after Cyrillic "за" (Macedonian has no cases), or alone
        ("Udala se za Bajrama iz Tuzle.", ["Bajrama"]),
        ("I dërgova para Bajramit 200 euro.", ["Bajramit"]),
        ("За Рамазан го префрлив долгот.", ["Рамазан"]),
        ("Bajram je platio 200 KM preko linka.", ["Bajram"]),
        ("Paratë i dërgoi Bajrami, jo Ramazani.", ["Bajrami", "Ramazani"]),
    ]

    @Test("Ramadan or Bajram after a preposition of time, in the case it governs, is the feast", arguments: feasts)
    func feast(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
