import Testing
@testable import LiaisonCore

/// The twenty-fifth round of issue 11, from the sixth training part: Turkish forms of address
/// after a name, an unknown first name inside a sentence, a court list's columns, greetings after a
/// reply's marks or a transcript's speaker, German titles, "SURNAME, Given" after a form's label,
/// a table's column of names, and institutions named after people.
@Suite("PersonNameFormOfAddress")
struct PersonNameFormOfAddressTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        // a given name that is also a word, before a Turkish form of address, capitalised or not
        ("Parayı \"Tarık abi\" diye bildiği birine yolladı.", ["Tarık"]),
        ("dün akşam volkan abi de aynı mesajı almış", ["volkan"]),
        // a lower-case name that is also a word is named by its verb, not again as the word ("hope")
        ("nada kliknula na link i unela karticu. naša jedina nada je policija", ["nada"]),
        // an unknown word before a name word inside a sentence
        ("Videoyu oğlum fark etti, Yağızhan Ilıcalı böyle bir reklam yapmamış.", ["Yağızhan Ilıcalı"]),
        // two spaces part a court list's columns
        ("T2026/118  R v DOBSON Harriet  Fraud by abuse of position", ["DOBSON Harriet"]),
        // a greeting after a quoted reply's marks and after a transcript's speaker in capitals
        ("> Ciao Gemma, il pacco non è mai arrivato.", ["Gemma"]),
        ("FIRST CALLER: Hello Maureen, this is the fraud team.", ["Maureen"]),
        // German titles in a forwarded letter
        ("Sehr geehrte Frau Brannigan, danke für Ihre Zahlung.", ["Brannigan"]),
        // after a form's label, "SURNAME, Given" that ends the field
        ("Şüpheli: KARAKAYA, Tolga  Suç: dolandırıcılık", ["KARAKAYA, Tolga"]),
        ("Account holder: PEMBERTHY, Lowenna   Sort code: 30-00-00", ["PEMBERTHY, Lowenna"]),
        // an English court list's defendant after "R v"
        ("T2026/0412  R v OKAFOR Chidi  Money laundering", ["OKAFOR Chidi"]),
        // after a transcript's speaker in capitals, a word opens a sentence and is no first name
        ("CEVAP: Kuzenim Dilara tanıştırdı.", ["Dilara"]),
        // a pupil named after the role word that opens the sentence
        ("Učenica Lejla Zukić rekla je da zna ko je otvorio profil.", ["Lejla Zukić"]),
        // a transcript's speaker in capitals of any script before a greeting
        ("ОПЕРАТЕР: Здраво Хети, како сте?", ["Хети"]),
        // a table's column of names under its header, in tabs, bars or CSV
        ("Р.бр.\tИме и презиме\tМесто\n1\tЏелал Реџепов\tШтип", ["Џелал Реџепов"]),
        ("prezime;ime;mesto\nPAUNOV;RADMILA;Kovin", ["PAUNOV", "RADMILA"]),
    ]

    @Test("Names before a form of address, after a greeting, a title or a form's label, and in columns", arguments: found)
    func formOfAddressNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [(String, [String])] = [
        // an organisation after "the", and a form's phrase in capitals before a comma
        ("Call the Citizens Advice consumer line.", []),
        ("Subject: URGENT, Action\nPlease read it.", []),
        ("City: HALIFAX, Grace", []),
        // a place's column, a line of totals
        ("Prezime i ime | Mjesto\nRakočević Vesna | Bijelo Polje", ["Rakočević Vesna"]),
        ("Name\tAge\nHarriet Moss\t40\nTotal\t\t", ["Harriet Moss"]),
        // "hala" is also "still"; "Liebe Grüße" closes a letter; a determiner or a capitalised word before a pair
        ("Deniz hala dalgalı, tekne çıkmadı.", []),
        ("Liebe Grüße, Anna", []),
        ("> Hi Mum, my phone broke", []),
        ("Keep the Crypto Ledger Nano wallet offline.", []),
        ("She visited a Citizens Advice stall.", []),
        // two spaces inside a name, on a line with no other column
        ("Marko  Petrović je prijavio prevaru.", ["Marko  Petrović"]),
        // a lower-case "merkezi" (the centre) after a name
        ("Dün Mehmet Yılmaz merkezi aradı.", ["Mehmet Yılmaz"]),
        // a greeting's addressee that is no name
        ("> Dear taxpayer, you are fined 120 euros.", []),
        // a stadium, a sports centre and a mosque named after a person; a Turkish school after its name
        ("Karte se prodaju ispred Stadiona „Rajko Mitić“ svakog dana.", []),
        ("Спортскиот центар „Ристо Шишков“ е затворен.", []),
        ("Tifozët u mblodhën para Stadiumit \"Agron Berisha\" të shtunën.", []),
        ("Lise öğrencileri Kemal Tahir Anadolu Lisesi önünde toplandı.", []),
    ]

    @Test("Not a name: an organisation after 'the', a headline in capitals, a greeting's non-name, institutions named after people",
          arguments: notFound)
    func formOfAddressNonNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
