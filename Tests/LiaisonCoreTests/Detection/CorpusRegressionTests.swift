import Testing
@testable import LiaisonCore

/// One test per detector bug found by scoring the generated corpus (`DetectorsEval score`).
@Suite("Regressions found with the labelled corpus")
struct CorpusRegressionTests {
    static func persons(_ text: String) -> [String] {
        PersonalDataScanner().scan(text).filter { $0.kind == .person }.map { covered(text, $0) }
    }

    static let cuedNames: [(String, String)] = [
        ("Podnosilac prijave: ", "Mladen Kostić"),
        ("Подносилац пријаве: ", "Владимир Костадинов"),
        ("Подносител на пријавата: ", "Маја Спасова"),
        ("Osumnjičeni ", "Slobodan Pavlović"),
        ("Осумњичени ", "Душан Шарац"),
        ("Осомничениот ", "Кире Ристов"),
        ("I dyshuari ", "Shpend Zeqiri"),
        ("Ankuesi: ", "Teuta Rexhepi"),
        ("Ankesa u paraqit nga z. ", "Valon Kastrati"),
        ("Şüpheli ", "Elif Polat"),
        ("Başvuru sahibi: ", "Barış Çelik"),
        ("Şikayetçi Bay ", "Hüseyin Kurt"),          // role followed by an honorific
        ("The suspect, ", "Mehmet Ali Aksoy"),
        ("Complainant: ", "Aida Pirija"),
        ("Г-ѓа ", "Ивона Јанева"),
        ("Госпођа ", "Теодора Булат"),
        ("Име и презиме: ", "Трајко Митев"),          // Cyrillic label lost when the cue list was rebuilt
        ("Podnosilac prijave: ", "PIRIJA Tarik"),
    ]

    @Test("Role labels and honorifics of the region are person cues", arguments: cuedNames)
    func cued(cue: String, name: String) {
        #expect(Self.persons("Prijava. " + cue + name + ", e-mail x@example.com.") == [name])
    }

    @Test("A capitalised word after a cued name is not swallowed unless it completes the name",
          arguments: [("Şüpheli Elif Polat İstanbul'da yakalandı.", "Elif Polat"), ("Victim: Marko Petrović Beograd, Srbija", "Marko Petrović"),
                      ("Şüpheli Mehmet Ali Aksoy İzmir'de", "Mehmet Ali Aksoy"), ("Victim: Ana Marija Horvat", "Ana Marija Horvat"),
                      ("Emri dhe mbiemri: Valon Ilir Krasniqi", "Valon Ilir Krasniqi"),
                      ("Şüpheli AYDIN Ahmet Ankara'da yakalandı", "AYDIN Ahmet"), ("Adı Soyadı: YILMAZ Mehmet Ali", "YILMAZ Mehmet Ali")])
    func thirdWord(text: String, name: String) {
        #expect(Self.persons(text) == [name])
    }

    @Test("A cue must start a word: the 'Z.' of a timestamp is not the Albanian honorific")
    func cueWordBoundary() {
        #expect(Self.persons("Reported on 2023-03-23T19:34:33.776Z. The Albanian police identified the owner.").isEmpty)
        #expect(Self.persons("seen at 10:00Z. Microsoft Defender flagged it").isEmpty)
        #expect(Self.persons("block common tools, e.g. Microsoft Windows Script Host").isEmpty)
    }

    @Test("Short surnames with a regional suffix pair with a gazetteer given name", arguments: ["Ermal Ulaj", "Selma Alić", "Jelena Kostic", "Ana Vasic"])
    func shortSuffixedSurname(_ name: String) {
        #expect(Self.persons("Kontakt osoba u banci je \(name), e-mail office@example.com.") == [name])
    }

    @Test("A long Cyrillic double surname is one word")
    func longCyrillicDoubleSurname() {
        #expect(PersonalDataValidator.isValid("Маја Николовска-Георгиевска", as: .person))
        #expect(Self.persons("Име и презиме: Маја Николовска-Георгиевска, ЕМБГ") == ["Маја Николовска-Георгиевска"])
    }

    @Test("A dotted quad followed by a version word is a version", arguments: ["10.4.21.29 sürümü", "7.3.2.8 verzija", "10.0.8.40 version"])
    func versionAfter(_ text: String) {
        #expect(!PersonalDataScanner().scan("sahip " + text + " tespit edildi").contains { $0.kind == .ipv4 })
    }

    @Test("A '/' late in a digit chain is a case reference, not a phone number", arguments: ["01-3452/2025", "03-123/2024", "062-24-41/2026"])
    func caseReference(_ ref: String) {
        #expect(!PersonalDataScanner().scan("Predmet \(ref), otvoren danas").contains { $0.kind == .phone })
    }

    @Test("Phone numbers keep their '/' after the area code", arguments: ["064/123-4567", "011/345-6789", "+381 64/123-4567"])
    func slashAfterAreaCode(_ phone: String) {
        let text = "pozvati " + phone + " danas"
        #expect(PersonalDataScanner().scan(text).map { covered(text, $0) } == [phone])
    }

    @Test("No phone number or card from inside a mistyped IBAN's digit groups",
          arguments: ["RS83 8228 0462 0902 1023 17", "ME55 8295 9378 0416 4714 14", "ME23 3675 6160 4938 5788 56", "XK81 6455 3989 8616 5301"])
    func mistypedIBAN(_ iban: String) {
        let spans = PersonalDataScanner().scan("Novac je uplaćen na račun " + iban + " u dve rate.")
        #expect(spans.isEmpty, "spans: \(spans)")
    }

    @Test("Cyrillic and Turkish phone labels are cues for unformatted national numbers",
          arguments: [("Моб.: ", "0636687362"), ("Тел/факс: ", "067571802"), ("Tel/Faks: ", "05417947769"), ("Мобилен: ", "071818933")])
    func phoneCues(cue: String, phone: String) {
        let text = cue + phone + "; "
        #expect(PersonalDataScanner().scan(text).map { covered(text, $0) } == [phone])
    }

    static let plausible = ["Marko Petrović", "PETROVIĆ Marko", "Ana Petrović-Ilić", "Арбен Краснићи",
                            "Elif Kaya-Demir", "Seán O'Neill", "  Drita Leka ", "john smith"]
    static let implausible = ["N/A", "None", "nepoznato", "Beograd", "Ziraat Bankası", "Google LLC", "Halkbank AD Skopje",
                              "MUP Republike Srbije", "Emniyet Genel Müdürlüğü", "Hosting Solutions Ltd", "Telekom Srbija a.d.",
                              "Marko Petrović Jovanović Ilić Babić", "Marko P3trović", "Mарко Petrović", "DigitalOcean LLC", "Policia e Shtetit"]

    @Test("Structured person fields: 2–4 capitalised name words", arguments: plausible)
    func plausiblePerson(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
        #expect(PersonalDataValidator.isValid(value, as: .person))
    }

    @Test("Structured person fields: organisations, placeholders and odd shapes are rejected", arguments: implausible)
    func implausiblePerson(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
        #expect(!PersonalDataValidator.isValid(value, as: .person))
    }
}
