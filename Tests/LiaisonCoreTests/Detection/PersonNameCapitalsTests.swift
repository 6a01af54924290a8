import Testing
@testable import LiaisonCore

/// The twenty-eighth round of issue 11, from the ninth training part: titles in capitals, a
/// daughter-in-law as a kin word, a chat speaker's name declined elsewhere in the chat, and two Latin
/// letters in lower case that are no name alone; and (thirty-fourth round) a common word in capitals
/// after a kin or naming word's name, which ends it (`NameReader.continuesSentence`).
@Suite("PersonNameCapitals")
struct PersonNameCapitalsTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        // a title in capitals before a name in capitals, in a letter's address block and a form
        ("Metro Bank – Customer Resolution\nMS PRIYA VENKATESAN\nFLAT 3, 27 CAVENDISH ROAD", ["PRIYA VENKATESAN"]),
        ("REPORTING PERSON: MR GEOFFREY HALLAM\nDATE OF BIRTH: 04/09/1953", ["GEOFFREY HALLAM"]),
        // a daughter-in-law names who follows
        ("МОЈА СНАЈА ВЕСЕЛИНКА, А НЕ ЈА, РАЗГОВАРАЛА ЈЕ СА ЊИМ.", ["ВЕСЕЛИНКА"]),
        // a chat speaker's name declined earlier or later in the chat; "jo" ("no") is no name
        ("dača: brt neko mi ukrao sve skinove, i lakiju isto\nlaki: ušao sam na onaj link\ndača: ajde", ["dača", "lakiju", "laki", "dača"]),
        ("ylberi: jo mu, s'e di\nluli: ja dha telefonin ylberit me ia lexu\nylberi: ok", ["ylberi", "luli", "ylberit", "ylberi"]),
        // thirty-fourth round: a common word after the name ends it, in a statement typed in capitals
        ("DENNIS, 11:02: A MAN FROM BT CALLED KEVIN SAYS MY INTERNET HAS BEEN HACKED", ["KEVIN"]),
        ("MOLIM DA MI SE NOVAC VRATI. MOJA SNAJA VESELINKA JE RAZGOVARALA SA NJIM.", ["VESELINKA"]),
        // thirty-fifth round: a son, daughter or son-in-law in the nominative before a name in capitals
        ("1. KREŠIMIR PAVIĆ, SIN MLADENA, ROĐEN 14. 3. 1996.\n2. MAJA ŠARIĆ, KĆI DAVORA, ROĐENA 2. 9. 2000.",
         ["KREŠIMIR PAVIĆ", "MLADENA", "MAJA ŠARIĆ", "DAVORA"]),
        ("PRIJAVU PODNEO ZET OGNJEN RAKAS", ["OGNJEN RAKAS"]),
        // a cue's verb before the name is no part of it; a declined name named before is found again in
        // capitals though an unknown word follows it, not a nominative before a surname the gazetteer lacks
        ("OŠTEĆENI JE NIKOLA JOVANOVIĆ. OSUMNJIČENA JE ANA PERIĆ IZ NIŠA.", ["NIKOLA JOVANOVIĆ", "ANA PERIĆ"]),
        ("SHTETASI ILIR ZENELI U ARRESTUA NË DURRËS. ZENELIT IU SEKUESTRUAN 3 TELEFONA.", ["ILIR ZENELI", "ZENELIT"]),
        ("OĞLUM TÜRKER ARADI. TÜRKER'İN ARADIĞI NUMARA 0 850 İLE BAŞLIYORDU.", ["TÜRKER", "TÜRKER'İN"]),
        // …but not a firm's English possessive, a place, a Turkish word declined without the apostrophe; a
        // kin word that is also a word needs a name word after it, and a cue's verb one too
        ("JOHN SMITH OWNS THE FIRM. SMITH'S PLUMBING LTD WAS FINED.", ["JOHN SMITH"]),
        ("MURAT AYDIN İFADE VERDİ. AYDIN'DA YAŞADIĞINI SÖYLEDİ.", ["MURAT AYDIN"]),
        ("ALİ DEMİR KAÇTI. DEMİRİ KIRDI.", ["ALİ DEMİR"]),
        ("ZET BUS LINIJA 6 KASNI VEĆ POLA SATA.", []),
        ("УКРАДЕН Е СИН ГОЛФ СО СКОПСКИ ТАБЛИЧКИ.", []),
        ("SIN JE UDARIO OCA.", []),
        ("OSUMNJIČENA JE KĆI DRAGANA ĆOSIĆ, STARA 19 GODINA.", ["DRAGANA ĆOSIĆ"]),
        ("KARDEŞİM AYŞE DE ARADI.", ["AYŞE"]),
        // a surname that is also a short word, a particle before a surname, a form's field: the name stays whole
        ("MOJA SNAJA MILKA ZEC JE ZVALA BANKU.", ["MILKA ZEC"]),
        ("MY AUNT MAUREEN FOOT GAVE HIM THE CARD.", ["MAUREEN FOOT"]),
        ("MY SISTER MARIA DA SILVA SAID IT WAS A SCAM.", ["MARIA DA SILVA"]),
        ("ADI SOYADI: AYŞE ER", ["AYŞE ER"]),
        ("KARDEŞİM MEHMET ALİ GELDİ.", ["MEHMET ALİ"]),
        ("SESTRA MAJA ŠEGA JE ZVALA.", ["MAJA ŠEGA"]),
        // guards: a Turkish surname that is also a word, ranks in capitals before a surname the gazetteer
        // lacks, a field's label in capitals before one
        ("ŞÜPHELİNİN KARDEŞİ YUSUF BOZKURT SERBEST BIRAKILDI.", ["YUSUF BOZKURT"]),
        ("Yours sincerely,\nDC Hamish Carruthers\nCyber Crime Unit", ["Hamish Carruthers"]),
        ("I spoke to DS Tremlett yesterday.", ["Tremlett"]),
        ("EMRI: ARJOLA\nMBIEMRI: DEMIRAJ", ["ARJOLA", "DEMIRAJ"]),
        ("SAYIN AHMET YILMAZ, HESABINIZ ASKIYA ALINDI.", ["AHMET YILMAZ"]),
    ]

    @Test("Names after titles and cues in capitals, and a speaker's declined name", arguments: found)
    func capitalNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [String] = [
        // products, greetings and common words after a title's letters in capitals
        "Phishing links arrived over MS Teams and MS OFFICE prompts.",
        "Alerts were sent to the MS Teams Chat of the DR Site Recovery team.",
        "SAYIN MÜŞTERİMİZ, HESABINIZ ASKIYA ALINDI.",
        "THE BAY WINDOW WAS BROKEN AND I MISS THEN AND NOW",
    ]

    @Test("No person after a title in capitals that no name follows", arguments: notFound)
    func notNames(text: String) {
        #expect(Self.persons(text).isEmpty)
    }

    @Test("A chat speaker's name written on with a plural ending is no case of it")
    func plural() {
        #expect(!Self.persons("bill: hey did u pay\nme: yes i paid all the bills yesterday\nbill: ok").contains("bills"))
    }
}
