import LiaisonCore

/// Languages of the generated reports.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case en, sr = "sr-Latn", srCyrl = "sr-Cyrl", sq, tr, mk, bs
}

/// Generators of valid (and deliberately invalid) values. Everything is synthetic: checksums are
/// computed here, names are combinations of common given names and surnames of the region.
struct Values {
    var r: SeededRandom

    // MARK: names

    struct NamePool: Sendable {
        var givenMale: [String], givenFemale: [String]   // common names (gazetteer-grade)
        var rareMale: [String], rareFemale: [String]     // less common given names (cue contexts only)
        var surnames: [String]                           // common surnames
        var suffixSurnames: [String]                     // regional-suffix surnames (-ić, -ski, -oğlu, -aj)
        var otherSurnames: [String]                      // surnames with no telling suffix
        var femaleSurname: (@Sendable (String) -> String)? = nil   // Macedonian -ски → -ска
    }

    static func words(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }

    static let serbianLatin = NamePool(
        givenMale: words("Marko Milan Nikola Stefan Luka Nemanja Dragan Zoran Goran Dejan Aleksandar Miloš Đorđe Ivan Petar"),
        givenFemale: words("Jovana Milica Ana Jelena Marija Ivana Dragana Tamara Snežana Vesna"),
        rareMale: words("Vladimir Slobodan Branislav Dušan Mladen Vukašin Ognjen Radovan"),
        rareFemale: words("Sanja Katarina Nevena Bojana Mirjana Teodora Ljiljana"),
        surnames: words("Petrović Jovanović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović Milošević Popović Kovačević Babić"),
        suffixSurnames: words("Živković Ristić Todorović Lazić Vasić Radovanović Obradović Simić Mitrović Tomić Janković Kostić"),
        otherSurnames: words("Kostadinov Šarac Bulat Vuksan Gajin Kolar"))
    static let bosnian = NamePool(
        givenMale: words("Emir Amir Adnan Haris Mirza Jasmin Dragan Marko Ivan"),
        givenFemale: words("Amra Lejla Selma Ana Jelena Vesna"),
        rareMale: words("Edin Kenan Nermin Samir Tarik Damir"),
        rareFemale: words("Alma Merima Dženana Aida Emina Lamija"),
        surnames: words("Hodžić Hadžić Begović Delić Mehmedović Šehić Babić Kovačević Popović"),
        suffixSurnames: words("Mujić Hasanović Alić Softić Karić Ibrahimović Čaušević Kapetanović Hadžiahmetović"),
        otherSurnames: words("Džeko Pirija Kurt Zukorlija Hota"))
    static let albanian = NamePool(
        givenMale: words("Arben Besnik Blerim Driton Agron Ilir Fatmir Gentian Ermal Erion"),
        givenFemale: words("Arta Blerina Drita Elira Jeta Vjosa Albana Valbona"),
        rareMale: words("Dritan Kushtrim Shpend Valon Egzon Florian Leutrim"),
        rareFemale: words("Liridona Teuta Fitore Besa Mimoza Rina"),
        surnames: words("Hoxha Krasniqi Berisha Gashi Shala Morina Kelmendi Hasani Dervishi Leka Rama Basha Bytyqi"),
        suffixSurnames: words("Gjonaj Lekaj Dedaj Ulaj Prelaj"),
        otherSurnames: words("Marku Thaçi Zeqiri Ahmeti Kastrati Rexhepi Beqiri Hysa Dema"))
    static let turkish = NamePool(
        givenMale: words("Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Yusuf Ömer"),
        givenFemale: words("Ayşe Fatma Emine Hatice Zeynep Elif Merve Özlem"),
        rareMale: words("Cem Kerem Tolga Serkan Gökhan Oğuz Barış"),
        rareFemale: words("Selin Ebru Deniz Gizem Buse Sibel"),
        surnames: words("Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Koç"),
        suffixSurnames: words("Karaoğlu Hacıoğlu Kocaoğlu Osmanoğlu Bayraktaroğlu"),
        otherSurnames: words("Kurt Aksoy Polat Erdem Güneş Korkmaz Tekin Bulut"))
    static let serbianCyrillic = NamePool(
        givenMale: words("Марко Милан Никола Стефан Лука Немања Драган Зоран Горан Дејан Александар Милош Ђорђе Петар Иван"),
        givenFemale: words("Јована Милица Ана Јелена Марија Ивана Снежана Весна"),
        rareMale: words("Владимир Слободан Душан Младен Огњен"),
        rareFemale: words("Сања Катарина Невена Бојана Теодора"),
        surnames: words("Петровић Јовановић Николић Марковић Ђорђевић Стојановић Илић Павловић"),
        suffixSurnames: words("Живковић Ристић Тодоровић Лазић Симић Митровић Јанковић"),
        otherSurnames: words("Костадинов Шарац Булат Вуксан"))
    static let macedonian = NamePool(
        givenMale: words("Гоце Бојан Благоја Трајко Горан Зоран Александар Никола Иван"),
        givenFemale: words("Билјана Елена Катерина Марија Снежана Весна"),
        rareMale: words("Ѓорѓи Кире Љупчо Дарко Филип Васко"),
        rareFemale: words("Маја Ивона Наташа Ана Сашка"),
        surnames: words("Стојановски Петровски Николовски Трајковски Димитровски Георгиевски"),
        suffixSurnames: words("Јовановски Ангеловски Ристовски Спасовски Велковски"),
        otherSurnames: words("Ристов Спасов Тодоров Јанев Митев"),
        femaleSurname: { s in s.hasSuffix("ски") ? String(s.dropLast()) + "а" : s.hasSuffix("ов") || s.hasSuffix("ев") ? s + "а" : s })

    static func pool(_ lang: ReportLanguage, _ r: inout SeededRandom) -> NamePool {
        switch lang {
        case .sr: return serbianLatin
        case .bs: return r.chance(0.2) ? serbianLatin : bosnian
        case .sq: return albanian
        case .tr: return turkish
        case .srCyrl: return serbianCyrillic
        case .mk: return macedonian
        case .en: return r.pick([serbianLatin, bosnian, albanian, turkish, turkish, albanian])
        }
    }

    static let asciiFold: [Character: String] = [
        "č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj", "Č": "C", "Ć": "C", "Š": "S", "Ž": "Z", "Đ": "Dj",
        "ş": "s", "ı": "i", "ğ": "g", "ö": "o", "ü": "u", "ç": "c", "ë": "e", "Ş": "S", "İ": "I", "Ö": "O", "Ü": "U", "Ç": "C",
    ]
    static func fold(_ s: String) -> String { String(s.flatMap { asciiFold[$0] ?? String($0) }) }

    /// A person name as written in running text. `cueless`: a common given name + common or
    /// suffixed surname (what a reader recognises without a label); otherwise any combination,
    /// sometimes with a second given name / father's name, a double surname, or surname-first capitals.
    mutating func personName(_ lang: ReportLanguage, cueless: Bool, female: Bool? = nil) -> String {
        let p = Self.pool(lang, &r)
        let female = female ?? r.chance(0.4)
        var given = female ? p.givenFemale : p.givenMale
        if !cueless && r.chance(0.35) { given = female ? p.rareFemale : p.rareMale }
        var surnamePool = p.surnames + p.suffixSurnames
        if !cueless && r.chance(0.3) { surnamePool = p.otherSurnames }
        func surname() -> String {
            let s = r.pick(surnamePool)
            return female ? (p.femaleSurname?(s) ?? s) : s
        }
        var first = r.pick(given)
        var last = surname()
        let folding = (lang == .en || lang == .sr || lang == .bs || lang == .tr || lang == .sq) && r.chance(0.08)
        if folding { first = Self.fold(first); last = Self.fold(last) }
        if cueless { return first + " " + last }
        switch r.int(100) {
        case 0..<8 where lang == .tr || lang == .sq || lang == .en: // second given name (TR) / father's name (AL)
            let middle = r.pick(female ? p.givenFemale : p.givenMale)
            return middle == first ? first + " " + last : first + " " + (folding ? Self.fold(middle) : middle) + " " + last
        case 8..<12 where female && lang != .tr && lang != .sq: // double surname after marriage
            let other = surname()
            return other == last ? first + " " + last : first + " " + last + "-" + (folding ? Self.fold(other) : other)
        case 12..<18: // police-form style: SURNAME Given
            return last.uppercased() + " " + first
        default:
            return first + " " + last
        }
    }

    // MARK: e-mail, domains, URLs

    static let providers = words("gmail.com yahoo.com hotmail.com outlook.com live.com protonmail.com mts.rs eunet.rs t-com.me yandex.ru abv.bg bih.net.ba gmx.de icloud.com")
    static let tlds = words("com com com net org info xyz top online site rs ba me mk al tr com.tr co.uk de eu shop live icu")
    static let idnDomains = words("пример.срб банка-безбедност.срб пошта.мкд örnek.com.tr güvenlik-bankası.com faturë.al plaćanje.ba čuvar.rs")
    static let hostWords = words("secure login verify account update banka bank posta pošta kargo track paket billing wallet support online auth portal servis hesap güvenli fatura llogari pagesa")

    mutating func hostLabel() -> String {
        let n = r.int(1...3)
        var parts: [String] = []
        for _ in 0..<n { parts.append(r.pick(Self.hostWords.map { Self.fold($0).lowercased() })) }
        var s = parts.joined(separator: r.chance(0.6) ? "-" : "")
        if r.chance(0.2) { s += String(r.int(1...99)) }
        return s
    }

    mutating func domainName() -> String {
        if r.chance(0.08) { return r.pick(Self.idnDomains) }
        let sub = r.chance(0.25) ? r.pick(["www.", "mail.", "login.", "secure.", "cdn.", "m."]) : ""
        return sub + hostLabel() + "." + r.pick(Self.tlds)
    }

    mutating func emailAddress(_ lang: ReportLanguage) -> String {
        var local: String
        switch r.int(10) {
        case 0..<5:
            let parts = personName(lang, cueless: true).split(separator: " ").map { Self.fold(String($0)).lowercased() }
            let translit = parts.map { $0.unicodeScalars.allSatisfy(\.isASCII) ? $0 : Self.cyrillicToLatin($0) }
            local = r.chance(0.5) ? translit.joined(separator: r.pick([".", "_", ""])) : String(translit[0].prefix(1)) + "." + translit[1]
            if r.chance(0.3) { local += String(r.int(1...99)) }
        case 5..<8:
            local = r.pick(["info", "support", "no-reply", "security", "billing", "helpdesk", "admin", "kontakt", "office", "noreply", "destek", "ndihme"])
        case 8:
            local = r.pick(["ана", "marko.петровић", "ayşe.yılmaz", "çağrı"]) // RFC 6531 local parts
        default:
            local = hostLabel()
        }
        if r.chance(0.12) { local += "+" + r.pick(["bank", "case42", "news", "promo", "cert", "2026"]) }
        let domain = r.chance(0.45) ? r.pick(Self.providers) : domainName()
        return local + "@" + domain
    }

    static func cyrillicToLatin(_ s: String) -> String {
        let map: [Character: String] = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "ѓ": "gj", "е": "e", "ж": "z", "з": "z", "ѕ": "dz", "и": "i",
            "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s",
            "т": "t", "ћ": "c", "ќ": "kj", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
        ]
        return String(s.lowercased().flatMap { map[$0] ?? String($0) })
    }

    mutating func urlPath() -> String {
        switch r.int(6) {
        case 0: return ""
        case 1: return "/"
        case 2: return "/" + r.pick(["login", "verify", "account/update", "secure/auth.php", "wp-content/uploads/2026/03/invoice.zip", "paket/track"])
        case 3: return "/" + r.pick(["index.php", "signin", "confirm"]) + "?id=" + r.digitString(r.int(3...8)) + (r.chance(0.5) ? "&ref=mail" : "")
        case 4: return "/" + r.pick(["download", "files", "payload"]) + "/" + r.pick(["update.exe", "doc.js", "Fatura.zip", "scan.iso"])
        default: return "/" + hostLabel() + "/" + r.pick(["login.html", "index.html", "", "step2"])
        }
    }

    // MARK: IP addresses

    mutating func ipv4Plain() -> String {
        let first = r.pick([r.int(1...223), 185, 91, 45, 77, 93, 194, 212, 31, 46, 78, 88, 109, 176, 188, 195, 203, 198, 192])
        return "\(first == 127 ? 128 : first).\(r.int(0...255)).\(r.int(0...255)).\(r.int(1...254))"
    }

    mutating func ipv6Plain() -> String {
        var groups: [UInt16] = [r.pick([0x2001, 0x2a02, 0x2a00, 0x2a01, 0x2a03, 0x2001, 0x2c0f, 0x2604, 0x2a0b])]
        for _ in 1..<8 {
            groups.append(r.chance(0.35) ? 0 : UInt16(r.chance(0.5) ? r.int(1...0xff) : r.int(1...0xffff)))
        }
        if r.chance(0.3) { groups[2] = 0; groups[3] = 0; groups[4] = 0 }
        let upper = r.chance(0.1)
        func hex(_ g: UInt16) -> String { let s = String(g, radix: 16); return upper ? s.uppercased() : s }
        if r.chance(0.2) { // uncompressed
            return groups.map { r.chance(0.5) ? String(repeating: "0", count: 4 - String($0, radix: 16).count) + hex($0) : hex($0) }.joined(separator: ":")
        }
        // compress the longest run of zero groups (length ≥ 2)
        var best = (start: -1, length: 0), run = (start: -1, length: 0)
        for (k, g) in groups.enumerated() {
            if g == 0 { run = run.start < 0 ? (k, 1) : (run.start, run.length + 1); if run.length > best.length { best = run } } else { run = (-1, 0) }
        }
        if best.length < 2 { return groups.map(hex).joined(separator: ":") }
        let head = groups[..<best.start].map(hex).joined(separator: ":")
        let tail = groups[(best.start + best.length)...].map(hex).joined(separator: ":")
        return head + "::" + tail
    }

    // MARK: phone numbers

    enum Country: String, CaseIterable { case AL, BA, XK, ME, MK, RS, TR, EU }

    static func countries(_ lang: ReportLanguage) -> [Country] {
        switch lang {
        case .sr, .srCyrl: return [.RS, .RS, .RS, .RS, .ME, .BA, .EU]
        case .bs: return [.BA, .BA, .BA, .RS, .ME, .EU]
        case .sq: return [.AL, .AL, .XK, .XK, .MK, .EU]
        case .tr: return [.TR, .TR, .TR, .TR, .EU]
        case .mk: return [.MK, .MK, .MK, .AL, .RS, .EU]
        case .en: return Country.allCases
        }
    }

    /// (country code, trunk-less national significant number split into written groups)
    mutating func nsnGroups(_ c: Country) -> (cc: String, groups: [String]) {
        func d(_ n: Int) -> String { r.digitString(n) }
        switch c {
        case .RS:
            if r.chance(0.7) { return ("381", [r.pick(["60", "61", "62", "63", "64", "65", "66", "69"]), r.chance(0.5) ? d(3) + " " + d(4) : d(r.pick([6, 7]))]) }
            return ("381", [r.pick(["11", "21", "18", "34"]), d(3) + " " + d(r.pick([3, 4]))])
        case .AL:
            if r.chance(0.75) { return ("355", [r.pick(["67", "68", "69"]), d(3) + " " + d(4)]) }
            return ("355", ["4", d(3) + " " + d(4)])
        case .BA:
            if r.chance(0.7) { return ("387", [r.pick(["61", "62", "63", "65", "66"]), d(3) + " " + d(3)]) }
            return ("387", [r.pick(["33", "51", "35", "36"]), d(3) + " " + d(3)])
        case .XK:
            if r.chance(0.8) { return ("383", [r.pick(["43", "44", "45", "48", "49"]), d(3) + " " + d(3)]) }
            return ("383", ["38", d(3) + " " + d(3)])
        case .ME:
            if r.chance(0.75) { return ("382", [r.pick(["67", "68", "69", "63"]), d(3) + " " + d(3)]) }
            return ("382", ["20", d(3) + " " + d(3)])
        case .MK:
            if r.chance(0.75) { return ("389", [r.pick(["70", "71", "72", "75", "76", "77", "78"]), d(3) + " " + d(3)]) }
            return ("389", ["2", d(4) + " " + d(3)])
        case .TR:
            if r.chance(0.8) { return ("90", [r.pick(["530", "532", "533", "535", "541", "542", "505", "555"]), d(3) + " " + d(2) + " " + d(2)]) }
            return ("90", [r.pick(["212", "216", "312", "232"]), d(3) + " " + d(2) + " " + d(2)])
        case .EU:
            return r.pick([
                ("49", ["30", d(4) + " " + d(4)]), ("49", ["151", d(4) + " " + d(4)]), ("43", ["1", d(3) + " " + d(4)]),
                ("385", ["91", d(3) + " " + d(4)]), ("386", ["41", d(3) + " " + d(3)]), ("359", ["88", d(3) + " " + d(4)]),
                ("30", ["210", d(3) + " " + d(4)]), ("39", ["06", d(4) + " " + d(4)]), ("33", ["6", d(2) + " " + d(2) + " " + d(2) + " " + d(2)]),
                ("44", ["20", d(4) + " " + d(4)]), ("36", ["1", d(3) + " " + d(4)]), ("40", ["21", d(3) + " " + d(4)]),
            ])
        }
    }

    /// A phone number as written; `hasCue` tells whether the template puts a phone cue right before it.
    mutating func phone(_ lang: ReportLanguage, hasCue: Bool) -> String {
        let c = r.pick(Self.countries(lang))
        let (cc, groups) = nsnGroups(c)
        let national = c != .EU && r.chance(0.45)
        let rest = groups[1]
        if national {
            let area = (cc == "39" ? "" : "0") + groups[0]
            switch r.int(10) {
            case 0..<5: return area + " " + rest
            case 5..<7: return area + "/" + rest.replacingOccurrences(of: " ", with: "-")
            case 7: return c == .TR ? "0 (" + groups[0] + ") " + rest : "(" + area + ") " + rest
            case 8: return area + "-" + rest.replacingOccurrences(of: " ", with: "-")
            default: return hasCue ? area + rest.replacingOccurrences(of: " ", with: "") : area + " " + rest
            }
        }
        switch r.int(10) {
        case 0..<6: return "+" + cc + " " + groups[0] + " " + rest
        case 6: return "+" + cc + groups[0] + rest.replacingOccurrences(of: " ", with: "")
        case 7: return "00" + cc + " " + groups[0] + " " + rest
        case 8: return c == .TR ? "+90 (" + groups[0] + ") " + rest : "+" + cc + " " + groups[0] + "-" + rest.replacingOccurrences(of: " ", with: "-")
        default: return cc == "39" ? "+39 " + groups[0] + " " + rest : "+" + cc + " (0)" + groups[0] + " " + rest
        }
    }

    // MARK: IBAN

    /// (country, total length, BBAN pattern: n digit, a upper letter, c alphanumeric)
    static let ibanSpecs: [(String, String)] = [
        ("RS", "18n"), ("BA", "16n"), ("ME", "18n"), ("MK", "3n10c2n"), ("AL", "8n16c"), ("XK", "16n"), ("TR", "5n1n16c"),
        ("DE", "18n"), ("AT", "16n"), ("HR", "17n"), ("SI", "15n"), ("BG", "4a6n8c"), ("GR", "7n16c"), ("IT", "1a10n12c"),
        ("FR", "10n11c2n"), ("NL", "4a10n"), ("GB", "4a14n"), ("CH", "5n12c"), ("HU", "24n"), ("RO", "4a16c"), ("LT", "16n"),
    ]
    static let regionalIBAN = ["RS", "BA", "ME", "MK", "AL", "XK", "TR"]

    mutating func iban(_ lang: ReportLanguage) -> String {
        let local: [String]
        switch lang {
        case .sr, .srCyrl: local = ["RS", "RS", "RS", "ME", "BA"]
        case .bs: local = ["BA", "BA", "BA", "RS", "HR"]
        case .sq: local = ["AL", "AL", "XK", "XK", "MK"]
        case .tr: local = ["TR", "TR", "TR", "TR", "DE"]
        case .mk: local = ["MK", "MK", "MK", "AL", "RS"]
        case .en: local = Self.regionalIBAN
        }
        let code = r.chance(0.75) ? r.pick(local) : r.pick(Self.ibanSpecs.map(\.0))
        let pattern = Self.ibanSpecs.first { $0.0 == code }!.1
        var bban = ""
        var count = 0
        for ch in pattern {
            if let dgt = ch.wholeNumberValue { count = count * 10 + dgt; continue }
            for _ in 0..<count {
                switch ch {
                case "n": bban += String(r.int(10))
                case "a": bban += String(Character(Unicode.Scalar(UInt8(65 + r.int(26)))))
                default: bban += r.chance(0.8) ? String(r.int(10)) : String(Character(Unicode.Scalar(UInt8(65 + r.int(26)))))
                }
            }
            count = 0
        }
        if code == "TR" { bban = String(bban.prefix(5)) + "0" + String(bban.dropFirst(6)) }
        let check = 98 - Self.mod97(bban + code + "00")
        let compact = code + (check < 10 ? "0" : "") + String(check) + bban
        return r.chance(0.6) ? Self.group4(compact) : compact
    }

    static func mod97(_ s: String) -> Int {
        var rem = 0
        for ch in s.unicodeScalars {
            let v = ch.value
            if v >= 48 && v <= 57 { rem = (rem * 10 + Int(v - 48)) % 97 } else { rem = (rem * 100 + Int(v - 55)) % 97 }
        }
        return rem
    }

    static func group4(_ s: String) -> String {
        var out = ""
        for (k, ch) in s.enumerated() { if k > 0 && k % 4 == 0 { out += " " }; out.append(ch) }
        return out
    }

    // MARK: payment cards

    mutating func cardDigits() -> [UInt8] {
        let (prefix, length): (String, Int) = r.pick([
            ("4", 16), ("4", 16), ("4", 16), ("4", 13), ("51", 16), ("52", 16), ("53", 16), ("54", 16), ("55", 16),
            ("2221", 16), ("2720", 16), ("2500", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3528", 16),
            ("3589", 16), ("9891", 16), ("9891", 16), ("9792", 16), ("9792", 16), ("62", 16), ("5018", 16), ("6304", 16), ("36", 14),
        ])
        var d = prefix.compactMap { $0.wholeNumberValue.map(UInt8.init) }
        while d.count < length - 1 { d.append(UInt8(r.int(10))) }
        d.append(Self.luhnCheckDigit(d))
        return d
    }

    static func luhnCheckDigit(_ body: [UInt8]) -> UInt8 {
        var sum = 0
        for (k, v) in body.reversed().enumerated() {
            var x = Int(v)
            if k % 2 == 0 { x *= 2; if x > 9 { x -= 9 } }
            sum += x
        }
        return UInt8((10 - sum % 10) % 10)
    }

    mutating func formatCard(_ d: [UInt8]) -> String {
        let s = d.map { String($0) }.joined()
        switch r.int(10) {
        case 0..<5:
            if d.count == 15 { return String(s.prefix(4)) + " " + String(s.dropFirst(4).prefix(6)) + " " + String(s.suffix(5)) }
            if d.count == 14 { return String(s.prefix(4)) + " " + String(s.dropFirst(4).prefix(6)) + " " + String(s.suffix(4)) }
            return Self.group4(s)
        case 5..<7: return d.count == 16 ? Self.group4(s).replacingOccurrences(of: " ", with: "-") : s
        default: return s
        }
    }

    // MARK: national IDs

    mutating func jmbgDigits(_ lang: ReportLanguage) -> [UInt8] {
        while true {
            let year = r.int(1945...2007)
            let month = r.int(1...12), day = r.int(1...28)
            let yyy = year % 1000
            let regions: [Int]
            switch lang {
            case .mk: regions = Array(41...49)
            case .bs: regions = Array(10...19)
            case .sq: regions = Array(91...96)
            default: regions = Array(71...89) + [21, 26, 10, 17]
            }
            let rr = r.pick(regions)
            let bbb = r.int(0...999)
            let body = String(format2: day) + String(format2: month) + String(format3: yyy) + String(format2: rr) + String(format3: bbb)
            let d = body.compactMap { $0.wholeNumberValue.map(UInt8.init) }
            let weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
            let m = zip(weights, d).reduce(0) { $0 + $1.0 * Int($1.1) } % 11
            if m == 1 { continue }
            return d + [UInt8(m == 0 ? 0 : 11 - m)]
        }
    }

    mutating func tcknDigits() -> [UInt8] {
        var d = [UInt8(r.int(1...9))] + r.digits(8)
        let odd = Int(d[0]) + Int(d[2]) + Int(d[4]) + Int(d[6]) + Int(d[8])
        let even = Int(d[1]) + Int(d[3]) + Int(d[5]) + Int(d[7])
        d.append(UInt8(((odd * 7 - even) % 10 + 10) % 10))
        d.append(UInt8(d.reduce(0) { $0 + Int($1) } % 10))
        return d
    }

    mutating func albanianNID() -> String {
        let year = r.int(1950...2006)
        let letter = Character(Unicode.Scalar(UInt8(65 + (year - 1900) / 10)))
        let month = r.int(1...12) + (r.chance(0.5) ? 50 : 0)
        return String(letter) + String(year % 10) + String(format2: month) + String(format2: r.int(1...28)) + String(format3: r.int(0...999))
            + String(Character(Unicode.Scalar(UInt8(65 + r.int(26)))))
    }

    // MARK: wallets

    mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(r.int(256)) } }

    mutating func wallet() -> String {
        switch r.int(10) {
        case 0, 1: return Gen.base58Check(version: 0x00, payload: bytes(20))
        case 2: return Gen.base58Check(version: 0x05, payload: bytes(20))
        case 3: return Gen.segwitAddress(hrp: "bc", version: 0, program: bytes(20))
        case 4: return Gen.segwitAddress(hrp: "bc", version: r.chance(0.5) ? 0 : 1, program: bytes(32))
        case 5: return Gen.base58Check(version: r.chance(0.5) ? 0x30 : 0x32, payload: bytes(20))
        case 6: return Gen.base58Check(version: 0x41, payload: bytes(20))
        default:
            let eth = Gen.eip55(bytes(20))
            return r.chance(0.1) ? eth.lowercased() : eth
        }
    }

    // MARK: mutations (checksum failures, never labelled)

    /// Changes one digit (never the first character) so the checksum fails.
    mutating func mutateDigit(_ s: String, skipLeading: Int = 1) -> String {
        var chars = Array(s)
        let positions = chars.indices.filter { $0 >= skipLeading && chars[$0].isNumber }
        let k = r.pick(positions)
        let old = chars[k].wholeNumberValue!
        chars[k] = Character(String((old + r.int(1...9)) % 10))
        return String(chars)
    }

    /// Replaces one character of a wallet with another from its alphabet (breaks the checksum).
    mutating func mutateWallet(_ s: String) -> String {
        var chars = Array(s)
        if s.hasPrefix("0x") {
            let letters = chars.indices.filter { $0 >= 2 && chars[$0].isLetter }
            if let k = letters.first, s.contains(where: \.isUppercase), s.contains(where: { $0.isLowercase && $0 != "x" }) {
                chars[k] = Character(chars[k].isUppercase ? chars[k].lowercased() : chars[k].uppercased())
                return String(chars)
            }
            return "" // all one case: no checksum to break
        }
        let alphabet = s.lowercased().hasPrefix("bc1") ? Gen.bech32Charset : Gen.base58Alphabet
        let k = r.int(6..<chars.count)
        var c = chars[k]
        while c == chars[k] { c = r.pick(alphabet) }
        chars[k] = c
        return String(chars)
    }
}

extension SeededRandom {
    mutating func int(_ r: Range<Int>) -> Int { r.lowerBound + int(r.count) }
}

extension String {
    init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    init(format3 v: Int) { self = v < 10 ? "00\(v)" : v < 100 ? "0\(v)" : "\(v)" }
}

extension String {
    /// Literal replacement without Foundation.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target)
        var i = startIndex
        while i < endIndex {
            var j = i, k = 0
            while k < t.count, j < endIndex, self[j] == t[k] { j = index(after: j); k += 1 }
            if k == t.count { return i..<j }
            i = index(after: i)
        }
        return nil
    }
}
