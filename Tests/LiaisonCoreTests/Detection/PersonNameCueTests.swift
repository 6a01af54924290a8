import Testing
@testable import LiaisonCore

/// The fifth round of names: kin and naming words and form fields as cues, initials of letters
/// written with two, surname-first Hungarian names, shops named after a person, months and feasts,
/// closing quotes, and the common-word flag of the gazetteer.
@Suite("PersonNames: cues, initials, calendar words")
struct PersonNameCueTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    /// (text, the names in it)
    static let cued: [(String, [String])] = [
        // kin: a declined name that is also a common word, a lower-case name in a text written in capitals
        ("Igricu je platio za sina Vuka preko lažnog sajta.", ["Vuka"]),
        ("The caller told her brother stefan to pay the fee.", ["stefan"]),
        // a common word after a kin word is no name, nor is the kin word
        ("Her husband may have clicked the link.", []),
        ("Motra, Arta Gashi, e njoftoi policinë.", ["Arta Gashi"]),
        // naming, with an initial after the given name
        ("Prodavac se predstavio kao KENAN S. i nestao.", ["KENAN S."]),
        // a form's fields of one name part, the word unknown to the gazetteer
        ("Ad: Barış\nSoyad: Karadere\nAçıklama: sahte ilan", ["Barış", "Karadere"]),
        ("IME OCA: RADOMIR\nOPIS: lažni oglas", ["RADOMIR"]),
        // a form printed in capitals: labels with letters beyond ASCII, Turkish "ADI:" for the given name
        ("ИМЕ: ДРАГАН\nПРЕЗИМЕ: СТОЈКОСКИ\nОПИС: лажен оглас", ["ДРАГАН", "СТОЈКОСКИ"]),
        // Nineteenth round: roles in a headline's capitals, Turkish with a dotted "İ", and a label
        // whose capitals mix ASCII and other letters.
        ("ŞÜPHELİ SELÇUK ORAKÇI'NIN EVİNDE ARAMA YAPILDI.", ["SELÇUK ORAKÇI'NIN"]),
        ("OSUMNJIČENI GORAN ŠKORO JE PRIVEDEN U UTORAK.", ["GORAN ŠKORO"]),
        ("OŠTEĆENA: Ulla Moen", ["Ulla Moen"]),
        ("ADI: SEVGİ\nSOYADI: KARAÇAM\nKONU: sahte ilan", ["SEVGİ", "KARAÇAM"]),
        // a name with a case suffix owns the lower-case "banka" after it; it names no bank
        ("Yapılan incelemede, Levent Aksoy'un banka hesabına para yatırıldı.", ["Levent Aksoy'un"]),
        // the forms of address of mass mail after a title are no name; a name after the same title is
        ("Sayın Müşterimiz, hesabınız askıya alınmıştır.", []),
        ("Sayın Yetkili, ekteki faturayı inceleyiniz.", []),
        ("Dragi korisniče, vaš račun je privremeno blokiran.", []),
        ("Драги клиенти, вашата картичка е блокирана.", []),
        ("Sayın Ayten Kurt, başvurunuz alınmıştır.", ["Ayten Kurt"]),
        // a middle initial after a cue, and the initials of a later mention
        ("Name: GRACE N. OKONJO\nThe account was opened in May.\nSigned: G. N. Okonjo", ["GRACE N. OKONJO", "G. N. Okonjo"]),
        // Twenty-fourth round: after a kin word, one capitalised word the gazetteer lacks is a name,
        // also at a sentence's start; not after a naming or role word, nor a kin word capitalised
        // inside a sentence ("Деда Мраз")
        ("Thought it was her uncle Shahed. Sent £1,480 to his friend.", ["Shahed"]),
        ("Her niece Nazia speaks for her on calls.", ["Nazia"]),
        ("Setenay parayı göndermeden önce kızı Nafset ile konuştu.", ["Nafset"]),
        ("Amcaları Şêxmus 7.500 TL göndermiş.", ["Şêxmus"]),
        ("She downloaded an app called Revolut and paid.", []),
        // nor a place after a kin word, nor "son" (Turkish "last")
        ("Kızı Almanya'ya gitti, oğlu Almanya'da yaşıyor.", []),
        ("Son Dakika: sahte kargo mesajları yayılıyor.", []),
        ("Лажни сајтови продају поклоне „од Деда Мраза“ са доставом.", []),
        // Twenty-seventh round: British police ranks are titles, also after a role; a title may end
        // its line, and then a known given name follows, not a signature's unit
        ("The complainant, Detective Sergeant Colin Marsden, gave a statement.", ["Colin Marsden"]),
        ("The witness, Sergeant Paul Whitcombe, arrived at 10:40.", ["Paul Whitcombe"]),
        ("The complainant, Detective Sergeant\nColin Marsden, said it was forged.", ["Colin Marsden"]),
        ("Regards,\nColin Marsden\nDetective Sergeant\nEconomic Crime Unit", ["Colin Marsden"]),
    ]

    @Test("Kin and naming words and a form's name fields are cues in the seven languages", arguments: cued)
    func cues(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let initials: [(String, [String])] = [
        ("Sastanku je prisustvovala Jelena Nj. Kovačević iz banke.", ["Jelena Nj. Kovačević"]),
        ("Të pranishëm ishin Arben Xh. Krasniqi dhe të tjerë.", ["Arben Xh. Krasniqi"]),
    ]

    @Test("An initial of a letter written with two („Lj.“, „Nj.“, „Xh.“, „Sh.“) is part of the name", arguments: initials)
    func digraphInitials(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    @Test("Hungarian names written surname first, as in Vojvodina: „Szabó Katalin“")
    func surnameFirst() {
        #expect(Self.persons("Prijavu je predala Szabó Katalin iz Subotice.") == ["Szabó Katalin"])
    }

    static let lookalikes = [
        "Naručila je haljinu od prodavnice „Butik Milena“ na Instagramu.",
        "In May the victim met a man on a dating site.",
        "Hesap Eylül'de boşaltıldı, Cuma günü bildirildi.",
        "Samo jedan račun je blokiran.",
        "Radi se o lažnoj poruci banke.",
        "Kancelarija u Novom Sadu i Pošta Crne Gore su obaviještene.",
    ]

    @Test("Shops named after a person, places opening with a place word, months, days and common words opening a sentence are not people", arguments: lookalikes)
    func notPeople(text: String) {
        #expect(Self.persons(text) == [])
    }

    @Test("A month or feast that is also a given name is a name beside a surname")
    func calendarNames() {
        #expect(Self.persons("Kasım Yılmaz dün aradı.") == ["Kasım Yılmaz"])
    }

    @Test("A closing quote does not open a sentence: a common-word name after it counts")
    func closingQuote() {
        #expect(Self.persons("Para \"site yöneticisi\" Volkan isimli şahsa gönderildi.") == ["Volkan"])
    }

    @Test("A given name that one Serbo-Croatian word list alone has as a lemma opens a sentence as a name")
    func commonWordFlag() {
        #expect(Self.persons("Dejan, please call me back.") == ["Dejan"])
        #expect(Self.persons("Goran je poslao poruku.") == ["Goran"])
    }
}
