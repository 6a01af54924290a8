/// Per-kind validation of a whole structured field (a form's "IBAN" or "phone" box), using the
/// same rules as the scanner: the value must be exactly one instance of the kind, nothing more.
/// A field that holds an e-mail address takes any syntactically valid one, whatever its TLD.
public enum PersonalDataValidator {
    public static func isValid(_ value: String, as kind: PersonalDataKind) -> Bool {
        normalise(value, as: kind) != nil
    }

    /// The normalised real value, or nil when `value` is not a valid `kind`.
    public static func normalise(_ value: String, as kind: PersonalDataKind) -> String? {
        var trimmed = undefang(value).trimmingSpaces()
        if kind == .iban || kind == .paymentCard { trimmed = trimmed.uppercasedASCII() }
        if kind == .iban {
            // Accept any spacing in a structured field.
            let compact = Array(trimmed.utf8.filter { $0 != 0x20 })
            return IBANValidator.isValidCompact(compact) ? String(decoding: compact, as: UTF8.self) : nil
        }
        if kind == .person { return plausiblePersonName(trimmed) }
        // Weak shapes need a cue in free text; a structured field of that kind is its own cue.
        let cue: String
        switch kind {
        case .phone: cue = "tel: "
        case .person: cue = "Name: "
        case .nationalID: cue = "numri personal: "
        default: cue = ""
        }
        let offset = cue.utf8.count
        let spans = PersonalDataScanner(kinds: [kind], emailsUnderAnyTopLevelDomain: true).scan(cue + trimmed)
        guard spans.count == 1, spans[0].kind == kind, spans[0].utf8Range == offset..<(offset + trimmed.utf8.count) else { return nil }
        return spans[0].normalised
    }
}

extension PersonalDataValidator {
    /// True when a structured field that should hold a person ("Victim name", "Adı Soyadı") holds a
    /// person's name, as the learned scorer `PersonFieldModel` weighs it (issue 11, round seven) from
    /// the name candidates' features and the verdict of these rules (`personRule`): 2–4 words of
    /// letters (Latin with diacritics or Cyrillic, one script per word), each capitalised ("Petrović")
    /// or all capitals ("PETROVIĆ"), or an initial ("M. Petrović", "Petrović M."), parts joined by a
    /// hyphen or apostrophe ("Kaya-Demir", "O'Neill"), no word that marks an organisation or a
    /// placeholder ("Bank", "LLC", "a.d.", "nepoznato"), and at least one word that the name gazetteer
    /// knows as a given name or surname as written, or that has a strong surname ending ("Petrović",
    /// "Kemaloğlu"): two unknown capitalised words are more often a company. A word of a firm, a place,
    /// a place named after a person or an acronym rules it out ("Antić Građevina", "Agro Korça",
    /// "Bulevar Mihajla Pupina", "BH Telecom"; see `PersonNames.personEvidence`), and so does an English
    /// word that is no name last ("Albi Mall", `endsInEnglishWord`). One word alone is
    /// a person when it is a given name as written that is not also a common word or a place ("Jelena",
    /// "Ayşe"; not "Vala", "Beograd").
    public static func isPlausiblePerson(_ value: String) -> Bool {
        plausiblePersonName(undefang(value).trimmingSpaces()) != nil
    }

    /// The value with its words joined by single spaces, or nil: the learned scorer
    /// (`PersonFieldModel`), which weighs the rules' verdict (`personRule`) with the name
    /// candidates' features, decides. A value of more than 256 bytes or without a letter is refused.
    static func plausiblePersonName(_ written: String) -> String? {
        // Words joined by single spaces, as a name is weighed in text ("john   smith"), and "M.R." as
        // "M. R." (PersonalDataValidator+Initials.swift).
        let value = spacingInitials(nameWords(written).joined(separator: " "))
        guard value.utf8.count <= 256, value.unicodeScalars.contains(where: { PersonNames.isLetter($0.value) }) else { return nil }
        let (rule, name) = personRule(value)
        // A name after titles or before its office, firm or town is weighed alone
        // (PersonalDataValidator+TitlesAndAffiliations.swift).
        guard !endsInEnglishWord(value) && PersonFieldModel.accepts(value, rule: rule) || isPersonWithin(value) else { return nil }
        return name ?? value
    }

    /// A value's words, split at spaces, tabs and no-break spaces.
    static func nameWords(_ value: String) -> [Substring] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" })
    }

    /// The structured-field rules' verdict on a trimmed value, and the name with its words joined
    /// by single spaces when the value is shaped like one (1–4 name words or initials, at most two
    /// initials, at most 256 bytes), whatever the verdict. An organisation word anywhere, or the
    /// first two words of a listed firm or brand, or a title before one word, decides before the
    /// words' shape does ("Betty's Tea Room", "Aksoy Tekstil Ltd. Şti.", "Dr. Oetker" are firms, not
    /// odd shapes).
    static func personRule(_ value: String) -> (rule: PersonFieldRule, name: String?) {
        guard value.utf8.count <= 256 else { return (.wordCount, nil) }
        var words = nameWords(value)
        // "Petrović, Marko": a surname, a comma, the given name.
        if words.count == 2, words[0].last == "," { words[0] = words[0].dropLast() }
        // A value that ends in a possessive names a shop or café, not its owner ("Nonna Lucia's").
        let possessive = words.last.map { ["'s", "’s"].contains(where: $0.lowercased().hasSuffix) } ?? false
        let firm: PersonFieldRule? = words.contains(where: isOrganisationWord) ? .organisationWord
            : PersonBrands.opensBrandName(words.joined(separator: " ")) || PersonBrands.isTitledWord(words) || possessive ? .brand : nil
        guard (1...4).contains(words.count) else { return (firm ?? .wordCount, nil) }
        var initials = 0
        for word in words {
            if isInitial(word) { initials += 1; continue }
            if let problem = nameWordProblem(word) { return (firm ?? problem, nil) }
        }
        guard initials < words.count, initials <= 2 else { return (.initials, nil) }
        let name = words.joined(separator: " ")
        if let firm { return (firm, name) }
        if words.count == 1 { return (PersonNames.isGivenName(name) ? .person : .notGivenName, name) }
        return (PersonNames.personEvidence(name), name)
    }

    /// A word of `organisationWords`, as written, without its full stops and commas ("Ltd.",
    /// "d.o.o.", "A.Ş.") or in a part between hyphens ("CERT-RS"); never an initial ("E.", "I.").
    private static func isOrganisationWord(_ word: Substring) -> Bool {
        guard !isInitial(word) else { return false }
        let lower = word.lowercased()
        let bare = String(lower.filter { $0 != "." && $0 != "," })
        return organisationWords.contains(lower) || organisationWords.contains(bare)
            || bare.split(separator: "-").contains { organisationWords.contains(String($0)) }
    }

    /// True when the last of two to four words is an English word that is no name or place
    /// (`NameGazetteer.englishWords`): "Albi Mall", "Payroll Shared Mailbox", "Jack Wills Clearance"
    /// name a shop, an office or a sale (thirty-third round). It refuses a value beside the scorer,
    /// not as one of its verdicts, so the fitted table stays as it is. Not after a title ("Ms Helen
    /// Pennant"), nor when a comma comes before the last word ("Owen Tilbury, director": weighed by
    /// its parts), nor for a word with a letter beyond ASCII ("Balša" does not fold to "balsa").
    static func endsInEnglishWord(_ value: String) -> Bool {
        let words = nameWords(value)
        guard (2...4).contains(words.count), !PersonBrands.isTitle(words[0]),
              !words.dropLast().contains(where: { $0.hasSuffix(",") }),
              var last = words.last.map(String.init), last.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return last.withUTF8 { p in
            guard let (word, end, _) = NameReader(p).foldedWord(at: 0), end == p.count else { return false }
            return NameGazetteer.englishWords.contains(word.hash)
        }
    }

    /// One capital letter and a full stop: "M.", "Д.".
    private static func isInitial(_ word: Substring) -> Bool {
        let scalars = word.unicodeScalars
        guard scalars.count == 2, let first = scalars.first, scalars.last == "." else { return false }
        return PersonNames.isLetter(first.value) && PersonNames.isUpper(first.value)
    }

    /// Why `word` is not a name word, or nil when it is one.
    private static func nameWordProblem(_ word: Substring) -> PersonFieldRule? {
        var parts: [[Unicode.Scalar]] = [[]]
        for u in word.unicodeScalars {
            if u == "-" || u == "'" || u == "\u{2019}" { parts.append([]); continue }
            parts[parts.count - 1].append(u)
        }
        var cyrillic: Bool? = nil
        for (k, part) in parts.enumerated() {
            // "O'Neill": a one-letter part is allowed before an apostrophe only.
            guard part.count >= 2 || (part.count == 1 && k < parts.count - 1 && part[0].properties.isUppercase),
                  part.allSatisfy({ PersonNames.isLetter($0.value) }) else { return .notLetters }
            guard PersonNames.isUpper(part[0].value) else { return .lowerCase }
            for u in part {
                let c = u.value >= 0x400 && u.value < 0x530
                if cyrillic == nil { cyrillic = c } else if cyrillic != c { return .mixedScript }
            }
            let rest = part.dropFirst()
            let lower = rest.allSatisfy { !PersonNames.isUpper($0.value) }
            let upper = rest.allSatisfy { PersonNames.isUpper($0.value) }
            guard lower || upper else { return .notLetters }
        }
        return nil
    }

    /// Lower-cased words that make a field value an organisation, an office or a placeholder.
    static let organisationWords: Set<String> = [
        "bank", "banka", "banke", "bankë", "bankası", "banca", "банка", "llc", "ltd", "inc", "corp", "corporation", "company",
        "gmbh", "ag", "ad", "doo", "dooel", "shpk", "as", "aş", "plc", "sa", "srl", "ао", "ад", "доо", "дооел",
        "telekom", "telecom", "hosting", "solutions", "services", "group", "holding", "limited", "systems", "technologies",
        "ministry", "ministarstvo", "министарство", "министерство", "mup", "муп", "policija", "polisi", "policia", "полиција",
        "emniyet", "müdürlüğü", "cert", "csirt", "republike", "republika", "srbije", "shtetit", "genel", "office",
        "department", "university", "univerzitet", "unknown", "nepoznato", "nepoznat", "непознато", "непознат", "anonim",
        "anonimni", "anonymous", "n/a", "none", "team", "support", "customer", "service", "admin", "administrator",
        // generic words of company and office names in the region's languages
        "pošta", "posta", "пошта", "kredi", "kredit", "credit", "agjencia", "agencija", "agency", "агенција", "ajansı",
        "preduzeće", "preduzece", "poduzeće", "претпријатие", "предузеће", "hizmetleri", "iletişim", "kombëtare", "narodna",
        "javno", "jp", "telecommunications", "elektroprivreda", "shoqëria", "şirketi", "sirketi", "ticaret", "sanayi",
        "društvo", "drustvo", "компанија", "kompanija", "fondacija", "foundation", "udruženje", "association", "klinika",
        "hospital", "bolnica", "spital", "hastanesi", "opština", "opstina", "општина", "bashkia", "belediyesi", "komuna",
        // places and perpetrator placeholders
        "albania", "shqipëria", "shqiperia", "kosova", "kosovo", "srbija", "србија", "србије", "türkiye", "turkiye", "turkey",
        "makedonija", "македонија", "macedonia", "crna", "gora", "bosna", "hercegovina", "montenegro", "serbia",
        "nepoznati", "nepoznata", "počinilac", "pocinilac", "počinitelj", "izvršilac", "непознати", "сторител", "извршилац",
        "i", "e", "ve", "and", "und", "dhe", "и",
        // shops, eateries and trades named after a person, in the seven languages ("Optika Marić",
        // "Temel Reis Balık Lokantası", "Betty's Tea Room"), and placeholders for an unknown person
        // ("Bilinmeyen Kişi"); not words that are also names or surnames ("Berber", "Kasap", "Oto", "Tea")
        "optika", "optike", "optik", "optiği", "optician", "opticians", "оптика", "apoteka", "apoteke", "аптека",
        "eczane", "eczanesi", "farmacia", "pharmacy", "pekara", "pekare", "пекара", "furra", "фурна", "fırın", "fırını",
        "bakery", "mesara", "mesnica", "месара", "месница", "kasaphane", "butchers", "kafana", "кафана",
        "kafić", "kafic", "kafe", "кафе", "kafesi", "café", "cafe", "caffe", "restoran", "restorani", "ресторан",
        "restorant", "restoranti", "restaurant", "lokanta", "lokantası", "lokantasi", "pizzeria", "picerija",
        "ćevabdžinica", "cevabdzinica", "buregdžinica", "kebapçı", "kebapçısı", "diner", "bistro", "grill", "pub",
        "inn", "room", "kitchen", "bar", "salon", "salonu", "салон", "frizerski", "berberhane", "barbers",
        "nails", "beauty", "kuaför", "kuaförü", "butik", "бутик", "boutique", "outlet", "market", "marketi", "маркет",
        "prodavnica", "продавница", "radnja", "радња", "dyqani", "dyqan", "trgovina", "zlatara", "kuyumcu",
        "jewellers", "jewelers", "cvjećarnica", "cvećara", "florist", "servis", "сервис", "autoservis",
        "perionica", "yıkama", "yikama", "vulkanizer", "garage", "motors", "bisküvi", "biskuvi", "gıda", "gida",
        "tekstil", "inşaat", "insaat", "hotel", "hoteli", "хотел", "otel", "oteli", "motel", "hostel", "pastiçeri",
        "pastane", "pastanesi", "poslastičarnica", "slastičarna", "pekarnica", "fotokopirnica", "knjižara",
        "stamparija", "štamparija", "tours", "travel", "trans", "transport", "advokati", "advokatska", "kancelarija",
        "solicitors", "partners", "associates", "ortaklığı", "ortakligi",
        "house", "home", "kebab", "kebap", "burger", "pizza", "şti", "jsc", "centar", "center", "centre",
        "whiskey", "whisky", "vodka", "beer", "pivo", "pivnica", "ledger", "accounts", "payable", "receivable",
        "billing", "birimi", "birim", "naplate", "naplata", "наплата", "odjel", "odsjek", "одделение", "zyra",
        "služba", "služby", "служба", "shërbimi",
        "kod", "код", "кај", "kbc", "ukc",
        // schools, hospices, stadiums, dormitories and mosques named after people, and a response team
        // (twenty-fifth round: "Marie Curie Hospice", "Студентски дом „Иво Лола Рибар“")
        "academy", "akademija", "akademi", "school", "škola", "skola", "школа", "shkolla", "okul", "okulu",
        "lisesi", "gimnazija", "gimnazije", "гимназија", "gjimnazi", "hospice", "stadium", "stadion", "stadiumi",
        "стадион", "stadyumu", "дом", "xhamia", "camii", "džamija", "џамија", "mosque", "incident", "response", "cyber",
        "bilinmeyen", "bilinmiyor", "meçhul", "kişi", "kisi", "osoba", "лице", "panjohur", "person",
    ]
}

/// The structured-field rules' verdict on a value that should hold a person: a person, or why not
/// (the first reason found): not 1–4 words or over 256 bytes, a word of other than letters or of
/// odd case, a word in lower case, Latin and Cyrillic letters in one word, initials alone or more
/// than two, an organisation word, a place, an acronym, too little evidence of a name, one word
/// that is no given name, the first two words of a listed firm or brand (`PersonBrands`).
enum PersonFieldRule: Int, CaseIterable {
    case person, wordCount, notLetters, lowerCase, mixedScript, initials, organisationWord, place, acronym, noEvidence
    case notGivenName, brand
}

extension String {
    func uppercasedASCII() -> String { String(decoding: utf8.map(upperASCII), as: UTF8.self) }
}
