import Testing
@testable import LiaisonCore

/// The twenty-seventh round of issue 11, from the eighth training part: police duty logs and court
/// lists in capitals, a quoted mail's wrapped lines, greetings after a chat's speaker, and places
/// and institutions whose head noun follows a person's name a word later.
@Suite("PersonNameLog")
struct PersonNameLogTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        // a surname and one or two given names in capitals before a year of birth; a role word before
        // them is no surname
        ("09:10 | СТОЈАНОСКА ВАЛЕНТИНА МАРИЈА (1988), ОХРИД – ЛАЖЕН КУРИР", ["СТОЈАНОСКА ВАЛЕНТИНА МАРИЈА"]),
        ("14:20  ŞİKAYETÇİ ÖZTÜRK AYŞE (1975) – SAHTE İLAN", ["ÖZTÜRK AYŞE"]),
        // two given names before the surname: the whole name, not its last two words
        ("09:15  PRIJAVA: ANA MARIJA PETROVIĆ (1990), ZEMUN – LAŽNI OGLAS", ["ANA MARIJA PETROVIĆ"]),
        // a court's list of hearings, its accused in an aligned column
        ("ORA    NR.      I PANDEHURI          VEPRA\n09:00  2026/77  HOXHA BLERINA        MASHTRIM", ["HOXHA BLERINA"]),
        // a Scottish surname in a court list's capitals
        ("REF        ACCUSED                   DOB\nEF26/0099  McCALLUM, Stuart Angus    11/03/1990", ["McCALLUM, Stuart Angus"]),
        // a quoted mail's next line goes on with the name, its '>' inside the span; not from a line
        // that is not quoted
        ("> Please call my colleague Milica\n> Stojanović before Friday.", ["Milica\n> Stojanović"]),
        ("Regards, Milica\n> Stojanović wrote on Monday:", ["Milica", "Stojanović"]),
        // a greeting after a chat's speaker: the greeted name without it
        ("Ana Kovač: Zdravo Dragutine! Kako ste?", ["Ana Kovač", "Dragutine"]),
    ]

    @Test("Names in duty logs, court lists, quoted mail and greetings after a speaker", arguments: found)
    func logNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [String] = [
        // a school and a hospital named after a person, their head noun a word after the name
        "Olay Mehmet Akif Ersoy Anadolu Lisesi'nde yaşandı.",
        "Kayıp kimlik Cemil Taşcıoğlu Şehir Hastanesi'nin önünde bulundu.",
        // a letting named after its owner
        "Rezervaciju je potvrdio Apartmani Vuković iz Makarske.",
        // two words before a year that are no given name and surname
        "REPORT OF THE BOARD (2020) – ANNUAL FIGURES",
        // a car's make and model before its year, in a listing fraud
        "OGLAS: ALFA ROMEO (2016), CIJENA 9.500 EUR – LAŽNI PRODAVAC",
        // aligned columns under a bare "Name" are a file's, not people
        "Name        Type    Size\nInvoice     PDF     24 KB\nStatement   XLSX    12 KB",
        // a greeting before a lower-case word that is no name, after a speaker or before '?'
        "OPERATOR: Hello caller. Which bank is it?",
        "hey what? the link is fake",
    ]

    @Test("No person in places named after one, a headline's year, a car's model, a file list or a greeting's common word", arguments: notFound)
    func notNames(text: String) {
        #expect(Self.persons(text).isEmpty)
    }

    @Test("'Tell' before an article names nobody in a chat typed in lower case")
    func tellTheLeague() {
        #expect(!Self.persons("gaz: mikey can you tell the league we're down to five").contains("the"))
    }
}
