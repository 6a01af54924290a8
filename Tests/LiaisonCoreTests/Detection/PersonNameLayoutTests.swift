import Testing
@testable import LiaisonCore

/// The twenty-fourth round of issue 11, from the fifth training part: the layout around a name
/// (an exported chat's times, a table's columns, a form's labels, a dash or an emoji before a
/// word), Albanian "-aj" surnames, a double given name inside a sentence, surnames that are
/// English words standing alone, shops, Turkish locatives and addresses.
@Suite("PersonNameLayout")
struct PersonNameLayoutTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        // a speaker after an exported chat's time, in both export formats, and found again
        ("[09/05, 07:52] shaz: morning, did u get a text from school?\n[09/05, 07:56] shaz: ring ur bank hun", ["shaz", "shaz"]),
        ("12/03/2026, 21:04 - vedad: jel ti stigla poruka od pošte?\n12/03/2026, 21:05 - vedad: ne klikaj", ["vedad", "vedad"]),
        // a table's columns: the name ends where three spaces or a tab part it from the next label
        ("Outgoing: Nadia Kerrigan    Incoming: Tom Ashgrove", ["Nadia Kerrigan", "Tom Ashgrove"]),
        ("Hughes, Geraint\tCardiff\t£2,400", ["Hughes, Geraint"]),
        // an unknown given name before an Albanian "-aj" surname, and such a surname first
        ("Numrat janë përdorur nga Klajdi Hasanaj dhe të tjerë.", ["Klajdi Hasanaj"]),
        ("Nga: \"Vlorjana Cakaj\" <v.cakaj@example.al>", ["Vlorjana Cakaj"]),
        ("Prezime i ime | Mjesto\nDushaj Marija | Tuzi\nDEMAJ ARLINDA | Ulcinj", ["Dushaj Marija", "DEMAJ ARLINDA"]),
        // a double given name inside a sentence stays whole, though its first name is also a word
        ("Prisutni: Svetlana Vojnović (PS Inđija), Ana Marija Lekić (Centar za socijalni rad)", ["Svetlana Vojnović", "Ana Marija Lekić"]),
        // after a form's label whose value is a sentence, a given name that is also a word is a name
        ("Opis: Umut tıkladı.", ["Umut"]),
        // a given name with a locative is a person ("the money stayed with Ahmet"); "kod" in lower
        // case is at someone's, a person
        ("Para Ahmet'te kaldı.", ["Ahmet'te"]),
        ("Marko je bio kod Ljubiše juče.", ["Marko", "Ljubiše"]),
    ]

    @Test("Names in exported chats, tables, forms, and Albanian surnames in '-aj'", arguments: found)
    func layoutNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [(String, [String])] = [
        // a form's value that is a phrase, not a sentence: its first word is no name
        ("Müşteri: Serpil Önder | Kanal: Çağrı merkezi | Öncelik: Yüksek", ["Serpil Önder"]),
        ("Предмет: Барање за податоци за сметка", []),
        // a word after a dash or an emoji opens a sentence
        ("Комерцијална банка АД Скопје – Тим за измами со картички", []),
        ("Çok geçmiş olsun 🙏 Sakın vermeyin, bankaya itiraz açın.", []),
        // a town in "-aj", a verb in "-uaj"
        ("Shënim zyrtar, Stacioni Policor Ferizaj", []),
        ("Klikoni Paguaj në fund të faqes.", []),
        // a surname that is an English word, alone: a brand, a town, a language
        ("She sent £7,950 to a Wise account in the name of Sarah Collins.", ["Sarah Collins"]),
        ("A 29-year-old from Hull, Kyle Mottram, was jailed.", ["Kyle Mottram"]),
        // a log's time alone is no exported chat's
        ("[10:15:32] error: timeout\n[10:15:40] error: timeout again", []),
        // a common noun in "-aj" is no surname, before or after a name
        ("Slučaj Marka Petrovića je prijavljen policiji.", ["Marka Petrovića"]),
        ("Godišnji Izvještaj\nStranica 2", []),
        // a shop "at someone's" in quotes, a shop word before a name, a word with a Turkish locative,
        // a street in an address, a federation
        ("Iz pekare „Kod Ljubiše“ traže da im fakturu platimo.", []),
        ("pronare e ëmbëltores \"Ëmbëltore Teuta\" në Gjilan", []),
        ("Gerçek Köfteci Yusuf hesabında mavi tik var.", []),
        ("Emekli öğretmen Bornova'da ikamet ediyor.", []),
        ("Univerzitet u Kragujevcu\nSestre Janjić 6, 34000 Kragujevac", []),
        ("Ödeme: Mehmet Kaya 3, 1500 TL gönderdi.", ["Mehmet Kaya"]),
        ("Ivan Sokolov, državljanin Ruske Federacije, programer", ["Ivan Sokolov"]),
        // thirty-fifth round: a street's title in lower case, a range of house numbers, a number and a dash
        // after a surname in the genitive; not an amount's range, a year's, or a person's age
        ("Novu karticu možete podići u poslovnici na Trgu bana Jelačića.", []),
        ("Поруке наводе пошту у Булевару деспота Стефана у Крушевцу.", []),
        ("Obratite se filijalama u Beogradu (Save Maškovića 3–5) i Nišu.", []),
        ("07:15  PRIJAVA: TRIPKOVIĆ LJUBOMIR (1949), BRAĆE JUGOVIĆA 14 – LAŽNI POZIV", ["TRIPKOVIĆ LJUBOMIR"]),
        ("Uplata od Ivana Jovanovića 12 – 15 eura mjesečno.", ["Ivana Jovanovića"]),
        ("U spomen: Marko Petrović 1950-2020", ["Marko Petrović"]),
        ("svjedok IVAN MARKOVIĆ 34 – prodavač", ["IVAN MARKOVIĆ"]),
        ("Dežurni: dr Petar Ilić 7-15, dr Ana Jović 15-23.", ["Petar Ilić", "Ana Jović"]),
        ("Saslušanje Marka Petrovića 2 – nastavak zakazan za ponedjeljak.", ["Marka Petrovića"]),
    ]

    @Test("Not a name: a form's phrase, a word after a dash or an emoji, a town or verb in '-aj', an English word alone, a shop, a place, a street",
          arguments: notFound)
    func layoutNonNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
