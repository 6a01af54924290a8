/// Institutions as evidence against a person (tenth round of issue 11). An institution's head noun
/// opens an organisation phrase: the capitalised words after it, joined by the languages' linking
/// particles, name the institution and not a person ("Ministria e Arsimit", "Drejtoria e Doganës",
/// "Vlade Republike Srbije", "Ministry of Interior"); in Turkish the head noun comes after its words
/// ("İçişleri Bakanlığı") and is read as an organisation word following a name
/// (`NameReader.organisationFollows`). A head noun in any of its case forms is an organisation word
/// itself ("Drejtorinë", "Uprave", "Ministarstva", "Владата"), unless it is also a given name as
/// written ("Vlade", "Vlada", "Zyra", "Carina"): such a word is then still read as a name, but not as
/// a person on its own.
///
/// The list is a small closed grammatical list written by hand: no maintained source at hand marks
/// which nouns name institutions. The case forms are the regular paradigms of the nouns (Serbo-
/// Croatian nominative, genitive, dative/locative, accusative, instrumental; Macedonian with its
/// definite article; Albanian indefinite and definite nominative, genitive/dative and accusative;
/// Turkish possessive with the dative, ablative and genitive), folded as `NameGazetteer.fold` folds.
extension NameEvidence {
    static let institutionWords = words([
        // Serbian, Croatian, Bosnian, Montenegrin (Latin and Cyrillic fold alike): ministry, government,
        // administration, directorate, agency, police, court, prosecutor's office, municipality,
        // university, faculty, institute, office, customs, inspectorate, secretariat, assembly,
        // chamber, fund, bank, company
        "ministarstvo", "ministarstva", "ministarstvu", "ministarstvom", "ministarstvima", "vlada", "vlade", "vladi",
        "vladu", "vladom", "vladama", "uprava", "uprave", "upravi", "upravu", "upravom", "direkcija", "direkcije",
        "direkciji", "direkciju", "direkcijom", "agencija", "agencije", "agenciji", "agenciju", "agencijom", "policija",
        "policije", "policiji", "policiju", "policijom", "sud", "suda", "sudu", "sudom", "tuzilastvo", "tuzilastva",
        "tuzilastvu", "tuzilastvom", "opstina", "opstine", "opstini", "opstinu", "opstinom", "opcina", "opcine",
        "opcini", "opcinu", "univerzitet", "univerziteta", "univerzitetu", "univerzitetom", "sveuciliste",
        "sveucilista", "sveucilistu", "fakultet", "fakulteta", "fakultetu", "zavod", "zavoda", "zavodu", "zavodom",
        "ured", "ureda", "uredu", "kancelarija", "kancelarije", "kancelariji", "carina", "carine", "carini", "carinu",
        "inspektorat", "inspektorata", "sekretarijat", "sekretarijata", "skupstina", "skupstine", "skupstini",
        "komora", "komore", "fond", "fonda", "fondu", "banka", "banke", "banci", "banku", "bankom", "kompanija",
        "kompanije", "kompaniji", "gimnazija", "gimnazije", "gimnaziji", "bolnica", "bolnice", "bolnici",
        // "Dom zdravlja" (a health centre) before the person it is named after: "Dom zdravlja „Dr Draga Ljočić“"
        "zdravlja",
        // twenty-third round: library, clinic, institute, museum ("Gradske biblioteke „Vladislav Petković Dis“")
        "biblioteka", "biblioteke", "biblioteci", "biblioteku", "bibliotekom", "knjiznica", "knjiznice", "knjiznici",
        "knjiznicu", "klinika", "klinike", "klinici", "kliniku", "klinikom", "institut", "instituta", "institutu",
        "institutom", "muzej", "muzeja", "muzeju", "muzejom",
        // Macedonian, with the definite article: "Владата", "Министерството", "Управата за јавни приходи"
        "ministerstvo", "ministerstvoto", "ministerstva", "gimnazijata", "vladata", "vladina", "upravata", "direkcijata",
        "agencijata", "policijata", "sudot", "obvinitelstvo", "obvinitelstvoto", "opstinata", "univerzitetot",
        "carinata", "bankata", "kompanijata", "bibliotekata", "klinikata", "institutot", "muzejot", "zavodot",
        // Albanian: ministry, directorate, government, police, agency, court, prosecution, municipality,
        // commune, university, bank, customs, office, assembly, authority, institute, inspectorate
        // (not "ministri", "drejtori": the minister, the director)
        "ministria", "ministrise", "ministrine", "drejtoria", "drejtorise", "drejtorine", "qeveria", "qeverise",
        "qeverine", "policia", "policise", "policine", "agjencia", "agjencise", "agjencine", "gjykata", "gjykates",
        "gjykaten", "prokuroria", "prokurorise", "prokurorine", "bashkia", "bashkise", "bashkine", "komuna",
        "komunes", "komunen", "universiteti", "universitetit", "universitetin", "bankes", "banken", "dogana",
        "doganes", "doganen", "doganat", "doganave", "zyra", "zyres", "zyren", "kuvendi", "kuvendit", "autoriteti",
        "autoritetit", "instituti", "institutit", "inspektorati", "inspektoratit", "gjimnazi", "gjimnazit", "spitali",
        "spitalit", "spitalin", "bibliotekes", "biblioteken", "klinikes", "kliniken", "muzeu", "muzeut", "muzeun",
        // Turkish, after the words they head: "İçişleri Bakanlığı", "Emniyet Müdürlüğü'ne"
        "bakanlik", "bakanligi", "bakanligina", "bakanligindan", "bakanliginin", "mudurluk", "mudurlugu",
        "mudurlugune", "mudurlugunden", "mudurlugunun", "baskanligi", "baskanligina", "baskanligindan", "emniyeti",
        "emniyetine", "belediyesi", "belediyesine", "belediyesinden", "mahkemesi", "mahkemesine", "savciligi",
        "savciligina", "universitesi", "universitesine", "kurumu", "kurumuna", "gumrugu", "valiligi", "kaymakamligi",
        "bankasi", "bankasina", "subesi", "subesine", "subesinden",
        // twenty-fifth round: stadiums, sports and culture centres, schools, mosques named after people,
        // heading them ("Stadiumi „Fadil Vokrri“", "Спортскиот центар „Борис Трајковски“", "xhamisë
        // „Sinan Pasha“") or, in Turkish, after them ("Ahmet Hamdi Tanpınar Anadolu Lisesi", "Barış Manço
        // Kültür Merkezi")
        "stadion", "stadiona", "stadionu", "stadiumi", "stadiumit", "centar", "centra", "centru", "centarot",
        "centarski", "sportskiot", "qendra", "qendres", "qendren", "xhamia", "xhamise", "xhamine", "dzamija",
        "dzamije", "dzamiji", "shkolla", "shkolles", "shkollen", "lisesi", "lisesine", "kompleksi", "kompleksinde",
        "merkezi", "merkezine", "merkezinde", "camii", "camisi", "stadyumu", "stadyumunda", "hastanesi", "spor", "kultur",
        "kulubu",
        "hastanesine", "domovima", "domovi",
        // twenty-sixth round: awards, competitions, ships and ferries, polyclinics, neighbourhoods and football
        // clubs named after people ("nagrade „Meša Selimović“", "trajekt „Petar Hektorović“", "lagjen „Ismail
        // Qemali“", "FK Sinđelić", "Sedat Simavi Ödülleri"); not halls: "Hala", "Hale" are names too
        "nagrada", "nagrade", "nagradi", "nagradu", "nagradom", "nagradata", "nagradite", "cmimi", "cmimit", "odulu",
        "odulleri", "odullerine", "konkurs", "konkursa", "konkursu", "konkursot", "trajekt", "trajekta", "trajektu",
        "brod", "broda", "brodu", "gemisi", "poliklinika", "poliklinike", "poliklinici",
        "poliklinikata", "ordinacija", "ordinacije", "ordinaciji", "lagja", "lagjja", "lagjen", "lagjes",
        "fk", "kf", "nk",
        // English: "Ministry of Interior", "Bank of Albania"
        "ministry", "government", "directorate", "administration", "agency", "customs", "police", "court",
        "municipality", "university", "bank", "library", "clinic", "institute", "museum",
    ])

    /// Particles that join an institution's head noun to its words: Albanian "e", "i", "të", "së";
    /// Serbo-Croatian and Macedonian "i", "za", "na" ("Министерство за внатрешни работи"); English
    /// "of", "for", "the". Folded.
    static func isLinkingParticle(_ w: [UInt8]) -> Bool {
        switch w.count {
        case 1: return w[0] == 0x65 || w[0] == 0x69                                          // e, i
        case 2: return (w[1] == 0x65 && (w[0] == 0x74 || w[0] == 0x73))                       // te, se
            || (w[1] == 0x61 && (w[0] == 0x7A || w[0] == 0x6E)) || (w[0] == 0x6F && w[1] == 0x66)  // za, na, of
        case 3: return (w[0] == 0x66 && w[1] == 0x6F && w[2] == 0x72) || (w[0] == 0x74 && w[1] == 0x68 && w[2] == 0x65)  // for, the
        default: return false
        }
    }
}
