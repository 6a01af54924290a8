/// What one folded word (see `NameGazetteer.fold`) says about a person: 2 for a gazetteer entry
/// as written or a surname of regional shape, 1 for an entry reached by taking off a case ending
/// ("marka" → marko, "ajse" → ajsa, "petra" → petar, "arbenit" → arben, "hoxhes" → hoxha) or a
/// weaker surname shape (-ic in ASCII, -ski, -ov); and whether it is an organisation word.
struct NameEvidence {
    var given = 0
    var surname = 0
    /// A surname suffix of the region ("-ović", "-ić", "-oğlu", "-ski", "-aj") rather than a list entry.
    var regionalShape = false
    var organisation = false
    /// A given name that is also a common word ("Nada", "Vuk", "Will"): not a person on its own.
    var ambiguous = false
    /// A country or region of the region ("Kosovës", "Nikšić", "Berat"): not a person on its own.
    var place = false
    /// The given name was reached by taking off a case ending.
    var declined = false
    /// A Turkish honorific after a name ("Bey", "Hanım"): outside the name, and it ends it.
    var postTitle = false

    var isUnknown: Bool { given == 0 && surname == 0 }

    init() {}

    /// `accented` says the word's "c" before a case ending was written "ć", "č" or "ћ": "Petrovića"
    /// is a surname, "Mitrovica" a town.
    init(folded w: [UInt8], accented: Bool) {
        let h = w.fnv1a(prefix: w.count)
        if Self.organisationWords.contains(h) {
            organisation = true
            return
        }
        if Self.postTitles.contains(h) {
            postTitle = true
            return
        }
        place = NameGazetteer.places.contains(h)
        if NameGazetteer.givenNames.contains(h) {
            given = 2
            ambiguous = NameGazetteer.ambiguousGivenNames.contains(h)
        }
        if NameGazetteer.surnames.contains(h) { surname = 2 }
        let shape = Self.surnameShape(w, accented: accented)
        regionalShape = shape == 2
        surname = max(surname, shape)
        guard given < 2 || surname == 0 || !place else { return }
        // Declined forms: take off an ending, then try the stem as it is, with a nominative vowel
        // back, and with the fleeting 'a' of "Petar"/"Petra", "Aleksandar"/"Aleksandrom".
        for ending in Self.endings where w.count >= ending.count + 2 && w.hasSuffix(ending) {
            let stem = w.count - ending.count
            // A lemma of five letters or more is as good as the entry itself ("Marka" → Marko);
            // a shorter one ("Novi" → Nova) needs a second word's evidence.
            for tail in Self.nominatives {
                let h = w.fnv1a(prefix: stem, then: tail)
                let strength = stem + tail.utf8CodeUnitCount >= 5 ? 2 : 1
                if given < strength && NameGazetteer.givenNames.contains(h) {
                    given = strength
                    declined = true
                    ambiguous = NameGazetteer.ambiguousGivenNames.contains(h)
                }
                if surname == 0 && NameGazetteer.surnames.contains(h) { surname = 1 }
                if !place && stem >= 4 && NameGazetteer.places.contains(h) { place = true }
            }
            if given < 2, stem >= 3, !Self.isVowel(w[stem - 1]), !Self.isVowel(w[stem - 2]) {
                var fleeting = Array(w[0..<(stem - 1)])
                fleeting.append(0x61)
                fleeting.append(w[stem - 1])
                if NameGazetteer.givenNames.contains(fleeting.fnv1a(prefix: fleeting.count)) {
                    given = 2
                    declined = true
                }
            }
            if given == 2 && surname > 0 && place { break }
        }
    }

    /// The word without its case ending and final vowels, at least four letters kept, hashed:
    /// "Kurtović", "Kurtoviću" and "Kurtovićem" share it, and so do "Gjeka" and "Gjekës".
    static func stem(_ w: [UInt8]) -> UInt64 {
        var n = w.count
        while n > 4, "aeiouomtnsj".utf8.contains(w[n - 1]) { n -= 1 }
        return w.fnv1a(prefix: n)
    }

    mutating func add(_ other: NameEvidence) {
        given = max(given, other.given)
        surname = max(surname, other.surname)
        regionalShape = regionalShape || other.regionalShape
        organisation = organisation || other.organisation
        ambiguous = ambiguous || other.ambiguous
        declined = declined || other.declined
        place = place || other.place
        postTitle = postTitle || other.postTitle
    }

    /// Case endings of the region's languages, folded: Slavic (-a, -e, -u, -om, -em, -oj, -ovi…)
    /// and Albanian definite and case forms (-i, -it, -in, -ës, -ën, -t, -s, -n). Turkish
    /// suffixes come after an apostrophe and are not part of the looked-up stem.
    private static let endings: [[UInt8]] = [
        "ovima", "evima", "ovom", "ovoj", "ovog", "ove", "inoj", "inog", "ina", "ine", "inu", "iniot", "inata", "ovata",
        "ama", "ima", "om", "em", "oj", "ov", "ev", "ovi", "ovu", "ova", "eva", "iot", "ot", "ta", "to", "eto",
        "it", "in", "ut", "un", "es", "en", "ne", "se", "te", "ja", "je", "a", "e", "i", "o", "u", "t", "s", "n",
    ].map { Array($0.utf8) }
    private static let nominatives: [StaticString] = ["", "a", "o", "e", "i"]

    /// 2 for a regional surname ending: "-ović", "-ić" (with a case ending only when written with
    /// its diacritic), "-oğlu", "-ovski"; 1 for weaker shapes ("-ic" in ASCII, "-ski", "-ov", "-aj").
    static func surnameShape(_ w: [UInt8], accented: Bool) -> Int {
        for (suffix, strong, plain) in shapes where w.count >= suffix.count + 2 && w.hasSuffix(suffix) {
            return accented ? strong : plain
        }
        return 0
    }

    private static let shapes: [([UInt8], Int, Int)] = {
        var list: [(String, Int, Int)] = [("vic", 2, 2), ("ic", 2, 1)]
        for ending in ["a", "u", "em", "om", "i", "e"] { list += [("vic" + ending, 2, 1), ("ic" + ending, 2, 0)] }
        list += [("oglu", 2, 2), ("ovski", 2, 2), ("evski", 2, 2), ("ovska", 2, 2), ("evska", 2, 2), ("aj", 1, 1),
                 ("ski", 1, 1), ("ska", 1, 1), ("ov", 1, 1), ("ova", 1, 1), ("ev", 1, 1), ("eva", 1, 1)]
        return list.map { (Array($0.0.utf8), $0.1, $0.2) }
    }()

    private static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }

    /// Folded words of organisations and offices; a word among them rules a person out.
    static let organisationWords: Set<UInt64> = hashes([
        "bank", "banka", "banke", "banku", "bankom", "banki", "bankasi", "bankes", "banca", "llc", "ltd", "inc", "corp",
        "corporation", "company", "gmbh", "doo", "dooel", "shpk", "plc", "srl", "telekom", "telecom", "hosting",
        "solutions", "services", "group", "holding", "limited", "systems", "technologies", "ministry", "ministarstvo",
        "ministria", "ministerstvo", "bakanligi", "mup", "policija", "policije", "polisi", "policia", "policise", "emniyet",
        "mudurlugu", "cert", "csirt", "office", "department", "university", "univerzitet", "universiteti", "universitesi",
        "posta", "kredi", "kredit", "credit", "agjencia", "agencija", "agency", "ajansi", "preduzece", "poduzece",
        "pretprijatie", "hizmetleri", "iletisim", "kombetare", "narodna", "javno", "telecommunications", "elektroprivreda",
        "shoqeria", "sirketi", "ticaret", "sanayi", "drustvo", "kompanija", "fondacija", "foundation", "udruzenje",
        "association", "klinika", "hospital", "bolnica", "spitali", "hastanesi", "opstina", "bashkia", "belediyesi",
        "komuna", "sud", "gjykata", "mahkemesi", "tuzilastvo", "prokuroria", "savcilik", "osiguranje", "sigorta", "market",
        "shop", "store", "online", "digital", "network", "networks", "software", "cloud", "media", "news", "team",
        "support", "service", "security", "exchange", "capital", "invest", "finance", "finans", "payment", "pay",
        "express", "airlines", "airways", "energy", "energji", "gas", "oil", "trade", "trading", "consulting", "grupa",
        "grupi", "grubu", "holding", "studio", "lab", "labs", "republike", "republika", "republic", "srbije", "shtetit",
        "genel", "nepoznato", "nepoznat", "unknown", "anonymous",
        // saints and feasts, adjectives of place names, words after a place named after a person
        "sveti", "sveta", "svetog", "svete", "svetoga", "kurban", "velika", "veliki", "veliko", "mala", "mali", "novi",
        "novo", "stari", "stara", "staro", "gornji", "gornja", "donji", "donja", "havalimani", "bulvari", "caddesi",
        "sokak", "sokagi", "mahallesi", "lisesi", "okulu", "ilkokulu", "stadyumu", "parki", "meydani", "camii", "street",
        "avenue", "airport", "school", "square",
        // trades in firm names: "Jovanović Auto", "Hodžić Obuća", "Aras Kargo"
        "auto", "obuca", "gradevina", "doner", "kargo", "trans", "transport", "logistics", "lojistik", "plastika", "pak",
        "promet", "commerce", "tekstil", "insaat", "gida", "turizm", "travel", "tours", "elektro", "komerc", "export",
        "import", "motors", "otomotiv", "partners", "partneri", "sinovi", "i sinovi",
    ])

    /// Words before a place named after a person: "Bulevar", "OŠ", "Rruga", "ул.", "Aerodrom".
    static let placeWords: Set<UInt64> = hashes([
        "ulica", "ulice", "ulici", "ulicu", "ul", "bulevar", "bulevara", "bulevaru", "trg", "trga", "trgu", "skola",
        "skole", "skoli", "skolu", "os", "ou", "aerodrom", "aerodroma", "aerodromu", "rruga", "rruges", "rrugen",
        "bulevardi", "sheshi", "shkolla", "shkolles", "plostad", "stadion", "stadiona", "stadionu", "opstina", "opstine",
        "kneza", "kralja", "cara", "svetog", "sv", "kej", "naselje", "obala",
        // the first word of a place or feast: "Novog Sada", "Velika Gorica", "Sveti Sava", "Fushë Kosovë"
        "novi", "novog", "novom", "nova", "nove", "novoj", "velika", "velike", "veliki", "velikog", "sveti", "sveta",
        "svetog", "svetom", "kurban", "ramazan", "fushe", "sremska", "sremske", "banja", "gornji", "donji", "stari",
        "starog", "stara", "nju", "san", "saint", "st",
        // a firm named after its owner: "u firmi „Antić Građevina“"
        "firma", "firme", "firmi", "firmu", "firmom", "kompanija", "kompanije", "kompaniji", "preduzece", "preduzeca",
        "radnja", "radnje", "salon", "servis", "sirketi", "firmes", "kompania", "pekara", "mesara", "vinarija", "kafe",
        "kafana", "kafic", "agro", "aeroporti", "aerodromi", "restoran", "hotel", "hoteli", "apoteka", "market",
    ])

    /// Turkish honorifics that follow a name.
    static let postTitles: Set<UInt64> = hashes(["hanim", "bey", "efendi", "hoca", "hocam", "abi", "abla", "usta", "aga"])

    /// Short legal forms that rule a person out when written dotted or in capitals ("a.d.", "AD").
    static let companyForms: Set<UInt64> = hashes([
        "doo", "dooel", "ad", "as", "shpk", "sha", "ltd", "llc", "inc", "gmbh", "plc", "sa", "srl", "ag", "ood", "eood",
        "jsc", "ltdsti", "sti", "spa", "bv", "nv", "ab", "oy", "dd", "jp", "kg",
    ])

    private static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map { fnv1a($0) }) }
}

extension Array where Element == UInt8 {
    func hasSuffix(_ s: [UInt8]) -> Bool {
        guard s.count <= count else { return false }
        let base = count - s.count
        for k in 0..<s.count where self[base + k] != s[k] { return false }
        return true
    }
}
