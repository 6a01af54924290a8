import Testing
@testable import LiaisonCore

/// The thirty-fourth round of issue 11: "dear" before "my" or "your" is an endearment, and Ramadan or
/// Bajram after a preposition of time is the feast (PersonNames+Endearments.swift).
@Suite("PersonNameEndearment")
struct PersonNameEndearmentTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let endearments: [(String, [String])] = [
        // a chat typed in lower case whose speakers are named Draga and Mila
        ("Viber grupa\ndraga: drage moje, da li je nekoj stigla poruka od pošte\nmila: jesam draga moja, i upisala karticu",
         ["draga", "mila"]),
        ("мића: ево ме код бабе. дала му је све, мила моја баба, мисли да су сви добри", []),
        ("zeka: jesam, skinuli mi 38.000. dragi moji ne klikćite ništa\nnena: pozovite banku", ["nena"]),
    ]

    @Test("'Dear' before 'my' is an endearment", arguments: endearments)
    func endearment(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let people: [(String, [String])] = [
        // a name stays a person before "my", and "dear" before a name addresses that name
        ("Vesna moja, javi se kad stigneš.", ["Vesna"]),
        ("vera: ana moja je kliknula na link\nana: jesam", ["vera", "ana", "ana"]),
        ("Dragi Marko, hvala na poruci.", ["Marko"]),
        ("Zvala me Mila Petrović iz banke.", ["Mila Petrović"]),
    ]

    @Test("A name before 'my', and a name after 'dear', stay people", arguments: people)
    func person(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let feasts: [(String, [String])] = [
        ("Ramadan Hoxha kishte marrë një telefonatë gjatë Ramazanit nga dikush.", ["Ramadan Hoxha"]),
        ("I biri i kishte shkruar një ditë para Bajramit, se ishte mirë.", []),
        ("Lažne humanitarne akcije se šire tokom Ramazana.", []),
        // the man named Bajram, Ramazan or Bajrami stays a person
        ("Bajram je platio 200 KM preko linka.", ["Bajram"]),
        ("Paratë i dërgoi Bajrami, jo Ramazani.", ["Bajrami", "Ramazani"]),
    ]

    @Test("Ramadan or Bajram after a preposition of time is the feast", arguments: feasts)
    func feast(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
