import Testing
@testable import LiaisonCore

/// The thirty-sixth round of issue 11: a Turkish naming word after a name (PersonNames+NamedAfter.swift),
/// a speaker after a line's time (PersonNames+LoggedSpeakers.swift), "mr"/"mrs" typed in lower case
/// with a surname the gazetteer lacks after an English title (NameReader+UnknownWords.swift), and a
/// time's minutes that are no day of the month (NameReader+Sentences.swift).
@Suite("PersonNames: naming words after a name, logged speakers, lower-case English titles")
struct PersonNameRoundThirtySixTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    /// (text, the names in it)
    static let found: [(String, [String])] = [
        // "named" after the name, before a word for a person: unknown, common-word and quoted names, capitals
        ("KENDİNİ SAVCI OLARAK TANITAN KADİR ERKUŞ ADLI ŞAHSA 280.000 TL DEĞERİNDE ALTIN TESLİM ETTİ.", ["KADİR ERKUŞ"]),
        ("Hesabını 5.000 TL karşılığında \"Oğuz\" adlı birine kiraladığını söyledi.", ["Oğuz"]),
        ("Alıcı olarak İstanbul'dan Agop Kasapyan adında bir kuyumcuyu göstermiştir.", ["Agop Kasapyan"]),
        ("Dün Umut isimli bir kişi aradı.", ["Umut"]),
        ("Kerem adlı 17 yaşındaki genç gözaltına alındı.", ["Kerem"]),
        ("Güneş adlı kızımın hesabından kredi çekilmiş.", ["Güneş"]),
        // a name found already that holds the words stays whole
        ("Ayşe Nur Gül Yılmaz adlı şahıs adına sahte kimlik düzenlenmiş.", ["Ayşe Nur Gül Yılmaz"]),
        // a speaker after a line's time: an unknown word and a surname, lower case, a given name and an initial
        ("[08:04] Hollie Brennan: ok, pulling the network now\n[08:05] Marcus Ilett: understood", ["Hollie Brennan", "Marcus Ilett"]),
        ("06 Jun 09:40 – dev patel: rule removed, 14 recipients clicked", ["dev patel"]),
        ("[09/05, 07:55] mandy p: yes and i paid it\n[09/05, 07:56] shaz: ring ur bank hun", ["mandy p"]),
        ("15.6. 10:20 goran b.: poslužitelj je vraćen", ["goran b."]),
        ("Mon 03 Jun 09:00:12 | Hollie Brennan: ok", ["Hollie Brennan"]),
        // "mr" and "mrs" typed in lower case, a surname the gazetteer lacks after an English title
        ("shaz: ring ur bank hun. mrs okoro put on the school app that its a scam", ["okoro"]),
        ("um this message is for mr trevor fairbairn we're calling about an overpayment", ["trevor fairbairn"]),
        ("if you can't get through ask for my colleague darren mcnulty thank you bye", ["darren mcnulty"]),
        // the minutes of a time are no day of the month, whose next word would be a month
        ("10:25 Đoko iz poslovnice u Herceg Novom kaže da je kartica blokirana.", ["Đoko"]),
        ("08.20 Grace confirmed the refund.", ["Grace"]),
    ]

    @Test("Names before a Turkish naming word, after a line's time, after lower-case English titles", arguments: found)
    func names(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [(String, [String])] = [
        // a thing named: the word after the naming word is no person's, or only qualifies a thing
        ("Papara adlı uygulama üzerinden para gönderdi.", []),
        ("\"Kripto Kazanç\" adlı siteye 20.000 TL yatırdı.", []),
        ("Mor Çatı adlı kadın sığınağına başvurdu.", []),
        ("Gazi adlı polis karakoluna gitti.", []),
        ("Umut adlı gençlik derneği yardım topluyor.", []),
        ("Atasay adlı kuyumcudan bilezik aldık.", []),
        // the tail of a title, an office before the name, "adli" as "judicial"
        ("Arka Sokaklar adlı polisiye dizide oynadı.", []),
        ("Emniyet Müdürü Kadir Erkuş adlı kişi aradı.", ["Kadir Erkuş"]),
        ("Kadıköy adli yetkilileri dosyayı inceledi.", []),
        // a post, room, zone or place before a log's colon
        ("[08:00] Night Porter: keys returned\n[08:05] Head Porter: ok", []),
        ("[10:01] Zone A: clear\n[10:02] Zone B: clear", []),
        ("08:15 Kings Cross: delays on the northern line", []),
        // the region's "dr" and "mr" before a given name and a word of its own language
        ("javi mi se. dr marko nije tu danas", ["marko"]),
        ("ms teams is down again", []),
        // a day before a month stays a date; a common word after a time before a preposition stays a word
        ("Sastanak je zakazan za 14 Maj.", []),
        ("Rok je 05 Maj.", []),
        ("11:52 Nada u brzu zaradu je glavni motiv ovih prevara.", []),
        ("10:36 Barış görüşmeleri yeniden başladı.", []),
    ]

    @Test("Things named, offices, posts, places and the region's titles are no names", arguments: notFound)
    func notNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
