import Foundation
import Testing
@testable import LiaisonCore

/// People's names in free text, in each of the region's languages, with and without cues.
@Suite("PersonNames")
struct PersonNameTests {
    static func persons(_ text: String) -> [String] {
        PersonalDataScanner().scan(text).filter { $0.kind == .person }.map { covered(text, $0) }
    }

    /// (text, the names in it as written, endings included)
    static let declined: [(String, [String])] = [
        // Serbian, Bosnian, Croatian, Montenegrin: the case ending is part of the span
        ("Novac je stigao od Marka Petrovića iz Niša.", ["Marka Petrovića"]),
        ("Razgovarali smo sa Jelenom Nikolić o prijavi.", ["Jelenom Nikolić"]),
        ("Poruka je poslata Ani Jovanović na adresu.", ["Ani Jovanović"]),
        ("Telefon je pripadao Petru Stojanoviću.", ["Petru Stojanoviću"]),
        ("Lozinka Aleksandra Markovića je promijenjena.", ["Aleksandra Markovića"]),
        ("Račun je otvoren dje Ajše Hodžić u Sarajevu.", ["Ajše Hodžić"]),
        ("Новац је стигао од Марка Петровића из Ниша.", ["Марка Петровића"]),
        // Macedonian
        ("Пријавата ја поднесе Благоја Стојановски од Скопје.", ["Благоја Стојановски"]),
        ("Сметката на Елена Николовска беше блокирана.", ["Елена Николовска"]),
        // Albanian: definite and case forms, with or without a hyphen
        ("Llogaria e Arbenit Krasniqi u bllokua.", ["Arbenit Krasniqi"]),
        ("Fjalëkalimi i Ardit Krasniqi-t u ndryshua.", ["Ardit Krasniqi-t"]),
        ("Mesazhi iu dërgua Vjosës Gashi nga sulmuesi.", ["Vjosës Gashi"]),
        // Turkish: suffixes after an apostrophe
        ("Para Elif Yıldız'ın hesabından çekildi.", ["Elif Yıldız'ın"]),
        ("Şifre Ahmet Yılmaz'a gönderildi.", ["Ahmet Yılmaz'a"]),
        ("Mehmet Ali Kaya'nın kartı kopyalandı.", ["Mehmet Ali Kaya'nın"]),
        // English
        ("The funds were moved by John Smith to a mule account.", ["John Smith"]),
        ("Marko Petrović from Niš called the hotline.", ["Marko Petrović"]),
    ]

    @Test("Declined names are found with their endings inside the span", arguments: declined)
    func declinedForms(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let cued: [(String, [String])] = [
        ("Znj. Hasani dërgoi ankesën.", ["Hasani"]),
        ("Prijavu je podnio g. Dragosavac juče.", ["Dragosavac"]),
        ("Şikayetçi Bay Hüseyin Kurt ifade verdi.", ["Hüseyin Kurt"]),
        ("Victim: Teuta Rexhepi, e-mail withheld.", ["Teuta Rexhepi"]),
        ("Ime i prezime: Dragoljub Mićunović", ["Dragoljub Mićunović"]),
    ]

    @Test("After a cue or title, names the gazetteer lacks are found too", arguments: cued)
    func afterCues(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let initials: [(String, [String])] = [
        ("Uplatu je izvršio M. Petrović putem e-banking servisa.", ["M. Petrović"]),
        ("Kartela u përdor nga A. Ahmeti.", ["A. Ahmeti"]),
        ("Ödeme E. Yılmaz tarafından yapıldı.", ["E. Yılmaz"]),
    ]

    @Test("An initial before a surname is part of the name", arguments: initials)
    func initialsBeforeSurnames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let allCaps: [(String, [String])] = [
        ("FWD: PORUKA OD MARKO PETROVIĆ ZA BANKU", ["MARKO PETROVIĆ"]),
        ("Podnosilac: PETROVIĆ Marko, JMBG u prilogu", ["PETROVIĆ Marko"]),
        ("ŞÜPHELİ AYŞE YILMAZ HAKKINDA", ["AYŞE YILMAZ"]),
        ("URGENT SECURITY ALERT FROM CERT TEAM", []),
        ("Име и презиме: марко петровић", ["марко петровић"]),
    ]

    @Test("All-capital and lower-case names need gazetteer evidence on every word", arguments: allCaps)
    func capitals(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// (text typed in lower case, the names in it)
    static let chat: [(String, [String])] = [
        ("hi, my brother stefan got a weird sms from the bank", ["stefan"]),
        ("zdravo, javio mi se nikola, neko mu je ukrao profil. rekao sam nikoli da promeni lozinku.", ["nikola", "nikoli"]),
        ("tung, arben me tha se i kane marre llogarine. i thashe arbenit ta ndryshoje fjalekalimin.", ["arben", "arbenit"]),
        ("selam, ahmet dün akşam aradı. ahmet'in hesabı boşaltılmış.", ["ahmet", "ahmet'in"]),
        // Turkish pronouns and conjunctions that are also given names ("Sana", "Ile") are words here
        ("slm serkan abi, sana da o kargo mesajı geldi mi? ile ilgili bi şey yazmış.", ["serkan"]),
        ("The analyst told ahmet to wait. The report was closed.", []),  // written in capitals: not chat
    ]

    @Test("In a text typed in lower case, a lower-case given name is a name, and so are its later declined forms",
          arguments: chat)
    func lowerCaseChat(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    @Test("Spelled-out doctor titles are cues: „доктор Стивен Паркер“, „doktor Džon Smit“")
    func doctorTitles() {
        #expect(Self.persons("Predstavljao se kao „doktor Džon Smit“ iz UN misije.") == ["Džon Smit"])
        #expect(Self.persons("Се претставуваше како доктор Џон Смит.") == ["Џон Смит"])
    }

    @Test("A Turkish family plural is the family named before: „Serap Aydemir … Aydemirlerin“")
    func turkishFamilyPlural() {
        #expect(Self.persons("Başvuran Serap Aydemir aradı. Aydemirlerin bankası kartı iptal etti.") == ["Serap Aydemir", "Aydemirlerin"])
    }

    static let organisations = [
        "Komercijalna banka je blokirala transakciju.",
        "Türk Telekom müşterisi olan şirket saldırıya uğradı.",
        "Račun kod Marko Trade d.o.o. je kompromitovan.",
        "Ziraat Bankası ve Halkbank uyarı yayınladı.",
        "Kosovska Mitrovica i Novi Sad su prijavili incident.",
        "The report from Microsoft Defender and Google Chrome was attached.",
        "Republika Srpska CERT je obavješten.",
    ]

    @Test("Organisation names and places that look like names are not people", arguments: organisations)
    func organisationLookalikes(text: String) {
        #expect(Self.persons(text) == [])
    }

    /// Declined towns of the region that a declined reading takes for a name ("Pančeva" is also a
    /// surname); the gazetteer knows them from GeoNames' towns of 15,000 people or more.
    static let towns = [
        "Prijava je stigla iz Pančeva, a druga iz Zrenjanina.",
        "Oštećena firma ima sjedište u Goraždu i Bugojnu.",
        "Sulmi u raportua nga Gjilani dhe policia e Sarandës.",
        "Напад је пријављен из Краљева и Јагодине.",
    ]

    @Test("Declined towns are not people", arguments: towns)
    func townLookalikes(text: String) {
        #expect(Self.persons(text) == [])
    }

    @Test("A name split across a line break is one span, the break inside it")
    func lineBreak() {
        #expect(Self.persons("Prijavu je podnio Marko\nPetrović iz Beograda.") == ["Marko\nPetrović"])
        #expect(Self.persons("Ankuesi ishte Arben\r\nKrasniqi nga Prishtina.") == ["Arben\r\nKrasniqi"])
        #expect(Self.persons("Marko\n\nPetrović") == ["Marko", "Petrović"])  // two lines, two mentions
    }

    @Test("A capitalised word that opens a sentence is not taken for a given name; a bare surname is a name")
    func sentenceStart() {
        #expect(Self.persons("Incident closed. Yesterday Petrović called again.") == ["Petrović"])
        #expect(Self.persons("Danas Marko Petrović nije odgovorio.") == ["Marko Petrović"])
    }

    static let folds: [(String, String)] = [
        ("Đorđe", "Djordje"), ("Ђорђе", "DJORDJE"), ("Ѓорѓи", "Gjorgji"), ("Ayşe", "AYSE"), ("İbrahim", "ibrahim"),
        ("Hoxhës", "hoxhes"), ("Љубица", "Ljubica"),
    ]

    @Test("Folding maps scripts, diacritics and capitals to one gazetteer key", arguments: folds)
    func folding(a: String, b: String) {
        #expect(Self.key(a) == Self.key(b))
    }

    static func key(_ s: String) -> [UInt8] {
        var copy = s
        return copy.withUTF8 { p in
            var out: [UInt8] = []
            _ = NameGazetteer.fold(p, 0..<p.count, into: &out)
            return out
        }
    }

    @Test("The gazetteer knows the region's common names in both scripts",
          arguments: ["Marko", "Јелена", "Arben", "Vjosa", "Elif", "Mehmet", "Благоја", "Goce", "Amra", "Ajša"])
    func gazetteerGivenNames(_ name: String) {
        var copy = name
        let given = copy.withUTF8 { p in
            var reader = NameReader(p)
            return reader.word(at: 0)?.evidence.given
        }
        #expect(given == 2)
    }

    @Test("Names, declined names, capitalised words and initials are scanned in linear time",
          arguments: ["Marko Petrović ", "od Marka Petrovića i Ajše Hodžić ", "Alpha Bravo Charlie ", "MARKO PETROVIĆ URGENT ",
                      "M. ", "Victim: ", "From: Ana Kovač <a.kovac@mail.rs>\n", "MWANGI Peter and RUTHERFORD Leanne, "])
    func linear(_ unit: String) {
        // Four times the text may take about four times as long, never sixteen: compare 64 KB with 256 KB.
        func seconds(_ bytes: Int) -> Double {
            let text = String(repeating: unit, count: bytes / unit.utf8.count)
            let start = Date()
            _ = PersonalDataScanner().scan(text)
            return Date().timeIntervalSince(start)
        }
        _ = seconds(16_000)  // tables built
        // The fastest of three runs each: one run alone may be slowed by the tests beside it on two cores.
        let small = (0..<3).map { _ in seconds(64_000) }.min()!, large = (0..<3).map { _ in seconds(256_000) }.min()!
        #expect(large < 10 * small + 0.05, "64 KB: \(small) s, 256 KB: \(large) s")
    }
}
