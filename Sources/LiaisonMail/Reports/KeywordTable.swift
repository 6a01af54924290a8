import LiaisonCore

/// Incident classes that free text can be sorted into by keyword, each with its RSIT class.
public enum KeywordClass: String, Sendable, Hashable, CaseIterable {
    // Declared from most to least specific: on a tie in hit count the earlier case wins.
    case phishing, accountCompromise = "account-compromise", malware, ddos, spam, fraud

    /// The RSIT class a match assigns. Generic "fraud" has no RSIT type of its own; masquerade
    /// ("impersonating another to benefit from it") is the closest and is a deliberate choice.
    public var classification: Classification {
        let row: (String, String)
        switch self {
        case .phishing: row = ("fraud", "phishing")
        case .accountCompromise: row = ("intrusions", "unprivileged-account-compromise")
        case .malware: row = ("malicious-code", "infected-system")
        case .ddos: row = ("availability", "ddos")
        case .spam: row = ("abusive-content", "spam")
        case .fraud: row = ("fraud", "masquerade")
        }
        return Classification(taxonomy: row.0, type: row.1) ?? .undetermined
    }
}

/// The keyword data, per class and language (ISO 639-1; "sr-Cyrl" for Serbian Cyrillic). Each
/// entry is a word or a phrase; a trailing `*` on the last word matches any word that starts with
/// it (for inflection: "prevar*" → prevara, prevare, prevarant). Matching folds case and
/// diacritics on both sides (see `TextFolding`), so entries may be written with or without them.
public struct KeywordTable: Sendable {
    public var entries: [KeywordClass: [String: [String]]]

    public init(entries: [KeywordClass: [String: [String]]]) { self.entries = entries }

    public static let builtIn = KeywordTable(entries: [
        .phishing: [
            "en": ["phishing", "phished", "fake site", "fake website", "fake login page", "spoofed site"],
            "sr": ["pecanje", "lažna stranica", "lažni sajt", "lažna web stranica", "fišing"],
            "sr-Cyrl": ["фишинг", "пецање", "лажна страница", "лажни сајт"],
            "bg": ["фишинг", "фалшив сайт", "фалшива страница"],
            "tr": ["oltalama*", "sahte site", "sahte sayfa", "sahte internet sitesi"],
            "sq": ["faqe e rreme", "faqe false", "fishing"],
            "el": ["ηλεκτρονικό ψάρεμα", "ψεύτικη ιστοσελίδα"],
            "ro": ["site fals", "pagină falsă"],
        ],
        .fraud: [
            "en": ["fraud", "fraudulent", "fraudster", "scam", "scammed", "scammer", "scammers"],
            "sr": ["prevar*", "pronevera"],
            "sr-Cyrl": ["превар*"],
            "bg": ["измам*"],
            "mk": ["измам*"],
            "tr": ["dolandırıcı*", "dolandırıl*"],
            "sq": ["mashtrim*"],
            "el": ["απάτη"],
            "ro": ["fraudă", "înșelătorie", "escrocherie"],
            "sl": ["goljufij*"],
        ],
        .malware: [
            "en": ["malware", "virus", "viruses", "ransomware", "trojan", "spyware", "infected"],
            "sr": ["zlonamern*", "virus", "ransomver", "trojanac"],
            "sr-Cyrl": ["злонамерн*", "зловредн*", "вирус", "рансомвер", "тројанац"],
            "tr": ["kötü amaçlı", "virüs*", "fidye yazılımı"],
            "sq": ["program keqdashës", "virus"],
            "el": ["κακόβουλο λογισμικό", "ιός"],
            "ro": ["program malițios", "virus"],
        ],
        .ddos: [
            "en": ["ddos", "denial of service"],
            "sr": ["uskraćivanje usluge", "uskraćivanja usluge"],
            "sr-Cyrl": ["ускраћивање услуге", "ускраћивања услуге"],
            "tr": ["hizmet engelleme", "hizmet reddi"],
            "sq": ["mohim shërbimi"],
        ],
        .spam: [
            "en": ["spam", "unsolicited email"],
            "sr": ["neželjena pošta", "neželjene poruke"],
            "sr-Cyrl": ["нежељена пошта", "нежељене поруке", "спам"],
            "tr": ["istenmeyen e-posta", "istenmeyen posta"],
            "sq": ["postë e padëshiruar"],
        ],
        .accountCompromise: [
            "en": ["hacked account", "account hacked", "account was hacked", "compromised account", "account compromised"],
            "sr": ["provaljen nalog", "hakovan nalog", "hakiran račun", "ukraden nalog"],
            "sr-Cyrl": ["проваљен налог", "хакован налог", "украден налог"],
            "tr": ["hesabım çalındı", "hesabım hacklendi", "hesabım ele geçirildi"],
            "sq": ["llogaria u hakua", "llogari e hakuar"],
        ],
    ])
}
