/// The closed word lists of the rules' grammar that the gazetteer's table flags beside its
/// generated names (`NameGazetteer.table`): organisation and office words, words before a place
/// named after a person, months, days and feasts, honorifics and forms of address after a title,
/// and short company forms; each folded as the table folds, written by hand in the seven languages.
extension NameEvidence {
    /// Folded words of organisations and offices; a word among them rules a person out.
    static let organisationWords = words([
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
        "markets", "shop", "store", "online", "digital", "network", "networks", "software", "cloud", "media", "news", "team",
        "support", "service", "security", "exchange", "capital", "invest", "finance", "finans", "payment", "pay",
        "express", "airlines", "airways", "energy", "energji", "gas", "oil", "trade", "trading", "consulting", "grupa",
        "grupi", "grubu", "holding", "studio", "lab", "labs", "republike", "republika", "republic", "srbije", "shtetit",
        "genel", "nepoznato", "nepoznat", "unknown", "anonymous",
        // twenty-third round: the surname's column header of a list of people ("Emri Mbiemri", "Ime Prezime", "Adı Soyadı")
        "mbiemri", "mbiemer", "prezime", "soyad", "soyadi", "surname",
        // saints and feasts, adjectives of place names, words after a place named after a person
        "sveti", "sveta", "svetog", "svete", "svetoga", "kurban", "velika", "veliki", "veliko", "mala", "mali", "novi",
        "novo", "stari", "stara", "staro", "gornji", "gornja", "donji", "donja", "havalimani", "bulvari", "caddesi",
        "sokak", "sokagi", "mahallesi", "lisesi", "okulu", "ilkokulu", "stadyumu", "parki", "meydani", "camii", "street",
        "avenue", "airport", "school", "square",
        // the polite "you" and "your", capitalised in letters: "prijem Vaše prijave"
        "vas", "vasa", "vase", "vasoj", "vasu", "vasem", "vasim", "vasi", "vasih", "vasom", "vaseg", "vasiot", "vasata",
        "vasite", "ju", "juaj", "tuaj", "siz", "sizin",
        // trades in firm names: "Jovanović Auto", "Hodžić Obuća", "Aras Kargo"
        "auto", "obuca", "gradevina", "doner", "kargo", "trans", "transport", "logistics", "lojistik", "plastika", "pak",
        "promet", "commerce", "tekstil", "insaat", "gida", "turizm", "travel", "tours", "elektro", "komerc", "export",
        "import", "motors", "otomotiv", "partners", "partneri", "sinovi",
        // trades and company words of firm names in the seven languages: "Kodra Ndërtim", "Demir Yapı",
        // "Marković Trgovina", "Kaya Plastik", "Jovanovski Trgovija", "Smith Enterprises"
        "trgovina", "trgovine", "trgovinu", "trgovinska", "trgovija", "trgovsko", "gradnja", "gradjevina", "gradezni",
        "gradeznistvo", "inzenjering", "proizvodnja", "proizvodstvo", "usluge", "uslugi", "stamparija", "ljekarna",
        "mlekara", "mljekara", "metal", "drvo", "namjestaj", "namestaj", "nekretnine", "investicije", "konsalting",
        "racunovodstvo", "putovanja", "prevoz", "spedicija", "beton", "keramika", "energetika", "farmacija", "komunalno",
        "vodovod", "toplana", "sistemi", "sistem", "tehnologije", "tehnologija", "tehnologii", "informatika", "osiguruvanje",
        "ndertim", "ndertimi", "tregti", "tregtare", "tregtia", "sherbime", "sherbimi", "sherbimet", "plast", "plastik",
        "konstruksion", "farmaci", "barnatore", "dyqan", "dyqani", "kompania", "qendra", "sigurime", "teknologji",
        "zhvillim", "transporti", "yapi", "mobilya", "elektrik", "elektronik", "nakliyat", "nakliye", "kimya", "makina",
        "makine", "enerji", "yazilim", "bilisim", "danismanlik", "muhendislik", "tarim", "saglik", "eczane", "kuyumculuk",
        "pazarlama", "hizmet", "yatirim", "emlak", "medya", "yayincilik", "reklam", "ajans", "industries", "industry",
        "enterprises", "international", "global", "associates", "construction", "engineering", "electronics", "pharma",
        "pharmaceuticals", "foods", "textiles", "plastics", "metals", "shipping", "ventures", "brothers", "bros", "realty",
        "estate", "properties", "insurance", "investments", "financial", "mobile", "parts", "host", "web", "soft", "tech",
        "technology", "agro", "prom", "impex", "komercijala", "grup", "butik", "boutique", "sport", "shoes", "fashion",
        // shops and offices named after a person (ninth round): "Zeynep Kuaför", "Cvjećarnica Jasmina", "Bilgi İşlem"
        "kuafor", "kuaforu", "pastane", "pastanesi", "cvjecarnica", "cvecara", "cvjecara", "islem", "kaffeehaus",
        // fifteenth round: a shop after a brand named like a person ("Tommy Hilfiger Outlet")
        "outlet", "store",
        // sixteenth round: a street or quarter named after a person ("Rosa Parks Way", "na Marijin Dvoru")
        "way", "road", "lane", "dvor", "dvoru", "dvora",
        // twenty-fourth round: a law office and a religious school named after a person ("Akalın Hukuk
        // Bürosu", "Gazi Husrev-begova medresa")
        "hukuk", "buro", "burosu", "medresa", "medrese", "medresu", "medresi", "medreseja",
        // twenty-seventh round: "Bradford Royal Infirmary", "Customer Protection", "Ümit Kırtasiye",
        // "Prenga Telefona" (a phone shop)
        "infirmary", "hospice", "protection", "kirtasiye", "kirtasiyesi", "telefona",
        // a federation after a country's adjective ("državljanin Ruske Federacije")
        "federacija", "federacije", "federaciji", "federacijom", "federata", "federates", "federasyonu",
    ])

    /// Words before a place named after a person: "Bulevar", "OŠ", "Rruga", "ул.", "Aerodrom".
    static let placeWords = words([
        "ulica", "ulice", "ulici", "ulicu", "ul", "bulevar", "bulevara", "bulevaru", "trg", "trga", "trgu", "skola",
        "skole", "skoli", "skolu", "os", "ou", "aerodrom", "aerodroma", "aerodromu", "rruga", "rruges", "rrugen",
        "bulevardi", "sheshi", "shkolla", "shkolles", "plostad", "stadion", "stadiona", "stadionu", "opstina", "opstine",
        "kneza", "kralja", "cara", "svetog", "sv", "kej", "naselje", "obala",
        // twenty-seventh round: "Stadiumin „Fadil Vokrri“", "Sheshin „Zahir Pajaziti“", "булеварот „Гоце Делчев“",
        // "плоштадот „Филип Втори“", "бродом „Краљица Марија“", "продавницама „Бата“"
        "stadiumin", "sheshin", "sheshit", "bulevarot", "plostadot", "ulicata", "brodom", "prodavnicama",
        // and firms, lettings and foundations named after their owner: "Apartmani Vuković", "Столарија Ђокић", "Fondacija Novak Đoković"
        "apartmani", "apartmana", "stolarija", "stolarije", "stolariju", "fondacija", "fondacije", "fondaciji", "fondaciju",
        "zaduzbina", "zaduzbine", "zaduzbini", "zaduzbinu",  // "Задужбина Илије М. Коларца"
        // the first word of a place or feast: "Novog Sada", "Velika Gorica", "Sveti Sava", "Fushë Kosovë"
        "novi", "novog", "novom", "nova", "nove", "novoj", "velika", "velike", "veliki", "velikog", "sveti", "sveta",
        "svetog", "svetom", "kurban", "ramazan", "fushe", "sremska", "sremske", "banja", "gornji", "donji", "stari",
        "starog", "stara", "nju", "san", "saint", "st", "crna", "crne", "crnoj", "crnu", "crnom",
        // a firm named after its owner: "u firmi „Antić Građevina“"
        "firma", "firme", "firmi", "firmu", "firmom", "kompanija", "kompanije", "kompaniji", "preduzece", "preduzeca",
        "radnja", "radnje", "salon", "servis", "sirketi", "firmes", "kompania", "pekara", "mesara", "vinarija", "kafe",
        "kafana", "kafic", "agro", "aeroporti", "aerodromi", "restoran", "hotel", "hoteli", "apoteka", "market",
        // a shop named after a person: "Butik Emina", "prodavnica „Mirko alati“"
        "butik", "butika", "butiku", "butiqe", "prodavnica", "prodavnice", "prodavnici", "prodavnicu", "trgovina",
        "trgovine", "trgovini", "duqan", "dukkani", "magaza", "magazasi", "prodavnicata",
        // fourteenth round: a firm, pharmacy, bookshop, jeweller's or butcher's named after a person
        // ("iz tvrtke Cantieri Lorenzi", "apoteke „Ksenija Farm“", "Златаром Ружа"), "Nova godina"'s accusative
        "tvrtka", "tvrtke", "tvrtki", "tvrtku", "tvrtkom", "apoteke", "apoteci", "apoteku", "knjizara", "knjizare",
        "knjizari", "knjizaru", "zlatara", "zlatare", "zlatari", "zlataru", "zlatarom", "mesarnica", "mesarnicata", "novu",
        // twenty-fourth round: a pastry shop or a meatball restaurant named after a person ("Ëmbëltore Teuta",
        // "Köfteci Yusuf")
        "embeltore", "embeltorja", "embeltores", "kofteci", "kebapci", "pideci",
    ])

    /// Months, days of the week and feasts in the seven languages, folded ("May", "Eylül'de", "Cuma",
    /// "Bayram"): like a place, not a person on its own, though a name with them is ("Kasım Yılmaz",
    /// "April Wong"). Not "Ramazan" or "Bajram", whose Albanian surnames ("Ramadani", "Bajrami") would
    /// read as declined feasts.
    static let calendarWords = words([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "januar", "februar", "mart", "maj", "jun", "juni", "jul", "juli", "avgust", "septembar", "oktobar", "novembar",
        "decembar", "sijecanj", "veljaca", "ozujak", "travanj", "svibanj", "lipanj", "srpanj", "kolovoz", "rujan",
        "listopad", "studeni", "prosinac", "ponedeljak", "ponedjeljak", "utorak", "sreda", "srijeda", "cetvrtak",
        "petak", "subota", "nedelja", "nedjelja",
        "januari", "februari", "septemvri", "oktomvri", "noemvri", "dekemvri", "ponedelnik", "vtornik", "cetvrtok",
        "petok", "sabota", "nedela",
        "janar", "shkurt", "mars", "prill", "qershor", "korrik", "gusht", "shtator", "tetor", "nentor", "dhjetor",
        "hene", "marte", "merkure", "enjte", "premte", "shtune", "diel",
        "ocak", "subat", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim", "kasim", "aralik",
        "pazartesi", "carsamba", "persembe", "cuma", "cumartesi", "pazar",
        "bayram", "christmas", "easter", "uskrs", "vaskrs",
        // fourteenth round: Turkish Tuesday ("Salı ve Perşembe"), Christmas ("za Božić")
        "sali", "bozic",
    ])

    /// Turkish forms of address after a given name, folded: "Ozan abi", "Kemal amca", "Remzi Amca'nın".
    /// Not "hala" (aunt), which is also the adverb "still" ("Umut hala var").
    static let turkishFormsOfAddress = ["abi", "abla", "agabey", "amca", "teyze", "dayi", "eniste", "yenge"]

    /// Turkish honorifics and forms of address that follow a name, and the nouns that mass mail
    /// addresses its readers by after a title ("Sayın Müşterimiz", "Dragi korisniče", "Драги
    /// клиенти"): no name either way.
    static let postTitles = words(turkishFormsOfAddress + [
        "hanim", "bey", "efendi", "hoca", "hocam", "usta", "aga",
        "musteri", "musterimiz", "musterilerimiz", "kullanici", "kullanicimiz", "kullanicilarimiz", "yetkili", "abone",
        "abonemiz", "uye", "uyemiz", "uyelerimiz", "vatandas", "vatandasimiz",
        "korisnice", "korisnici", "korisnik", "korisniku", "klijente", "klijenti", "klijentu", "klient", "klientu",
        "klienti", "kupce", "kupci", "clanovi", "clane", "gradjani", "gradjanine", "pretplatnice", "pretplatnici",
    ])

    /// Short legal forms that rule a person out when written dotted or in capitals ("a.d.", "AD").
    static let companyForms = words([
        "doo", "dooel", "ad", "as", "shpk", "sha", "ltd", "llc", "inc", "gmbh", "plc", "sa", "srl", "ag", "ood", "eood",
        "jsc", "ltdsti", "sti", "spa", "bv", "nv", "ab", "oy", "dd", "jp", "kg",
    ])

    static func words(_ list: [String]) -> String { list.joined(separator: " ") }
}
