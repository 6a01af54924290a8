/// Words before a person's name in the region's seven languages: role labels ("Victim:",
/// "Ime i prezime:", "Adı Soyadı:", "Emri dhe mbiemri:", "Осумњичени"), kin and naming words
/// ("sina", "my mum", "motra", "kızı", "named"), matched ASCII
/// case-insensitively, and titles ("g-din", "Znj.", "Bay", "Mr"), matched as written. A cue must
/// start a word; a role followed by a title ("Şikayetçi Bay") is one cue; a title may end its line.
enum PersonCues {
    /// What a cue says of the word after it. After a kin word one capitalised word the gazetteer
    /// lacks is a name ("her niece Nazia", "kızı Nafset"); after a role or naming word it is not
    /// ("called Revolut", "Victim Support"), nor a place, day or institution after a kin word ("oğlu Almanya'ya").
    /// A title in capitals ("MS ", "SAYIN ") is followed by a product or a greeting as often as by a name
    /// ("MS Teams", "SAYIN MÜŞTERİMİZ"), so the name after it needs the gazetteer's evidence (`NameReader.afterCue`).
    enum Kind {
        case role, kin, title, titleInCapitals
        var isTitle: Bool { self == .title || self == .titleInCapitals }
    }

    private static let labels = [
        "victim:", "victim name:", "name:", "full name:", "name and surname:", "suspect name:", "name of the victim:",
        "ime i prezime:", "ime i prezime osumnjičenog:", "prezime i ime:", "ime:", "žrtva:", "oštećeni:",
        "adı soyadı:", "adi soyadi:", "ad soyad:", "mağdur:", "emri dhe mbiemri:", "emri:", "mbiemri dhe emri:",
        "име и презиме:", "име:", "презиме и име:", "име и презиме на оштетениот:",
    ]
    /// Role words; each is tried bare, with ':' and with ','.
    private static let roles = [
        "victim", "suspect", "complainant", "reported by", "witness", "account holder", "contact person",
        "podnosilac prijave", "podnositelj prijave", "podnosioc prijave", "prijavu je podneo", "prijavu je podnio",
        "prijavu je podnijela", "prijavu je podnela", "osumnjičeni", "osumnjičena", "osumnjiceni", "oštećeni", "oštećena",
        "ostećeni", "ostecena", "osteceni", "žrtva", "prijavilac", "svjedok", "svedok", "svjedokinja", "svedokinja",
        "vlasnik računa", "kontakt osoba", "imenovani", "imenovana",
        "ankuesi", "ankuesja", "i dyshuari", "e dyshuara", "viktima", "i dëmtuari", "e dëmtuara", "dëshmitari",
        "dëshmitarja", "personi", "pronari i llogarisë",
        "başvuru sahibi", "başvuran", "şüpheli", "şikayetçi", "müşteki", "mağdur", "sanık", "tanık", "hesap sahibi",
        "подносилац пријаве", "осумњичени", "осумњичена", "оштећени", "оштећена", "жртва", "сведок", "сведокот",
        "подносител на пријавата", "подносителот на пријавата", "осомничениот", "осомничената", "оштетениот",
        "оштетената", "лицето", "оштетен", "оштетена", "пријавувач", "пријавувачот", "пријавувачка",
        "prijavitelj", "prijaviteljica", "prijaviteljka", "podnosilac", "podnositeljka", "podnositelj", "oštećen",
        "i ankuari", "ankuesi është", "şikâyetçi",
        // twenty-fourth round: owners and sellers named beside their role ("The owner, Dev Ramsaran,", "ilan
        // sahibi Tural Hasanov"), where the first two letters open few other words
        "owner", "classmate", "prodavac", "prodavca", "продавац",
        "сопственикот", "сопственичката", "продавачот", "pronari", "pronarja", "sahibi", "satıcı",
        // twenty-fifth round: pupils and students in school reports ("Učenica Emina Mujić rekla je")
        "učenica", "učenik", "ученик", "ученичка", "ученикот", "ученичката", "nxënësi", "nxënësja", "öğrenci",
        // naming words: after them one word the gazetteer lacks is as often a firm or an app ("called Revolut")
        "named", "called", "по имену", "се зове", "се звао", "се звала", "по име", "се вика", "се викаше",
        // flatmates, neighbours and helpers, and a name someone gave themselves ("se predstavio kao Mića",
        // "quhej Mei Ling"): the name after them is often one the gazetteer lacks (twentieth round). Not
        // cues whose first two letters open a frequent short word ("susjed": "su", "neighbour": "ne",
        // "posing as": "po"): each costs a lookup at every such word of every text.
        "flatmate", "roommate", "cimer", "cimerka", "cimerku", "komšija", "komšiju", "komšiji", "komšinica",
        "komšinicu", "komšinici", "zemljak", "zemljaka", "prevodilac", "prevoditelj", "цимер", "цимерка", "комшија",
        "комшиница", "комшијата", "fqinji", "fqinja", "komşusu",
        "predstavio kao", "predstavila kao", "predstavljao kao", "predstavljala kao", "predstavio se kao",
        "predstavila se kao", "представио као", "представила као", "представљао као", "представљала као",
        "претстави како", "претставил како", "претставила како", "претставуваше како", "quhej", "prezantua si",
        "prezantohej si",
    ]
    /// Kin words ("za sina Vuka", "my mum ljubica", "Nëna, Hana Rexhaj"); each is tried bare, with
    /// ':' and with ','. Not phrases that open with a frequent short word ("his son"): they slow the
    /// scan of every "his" more than they find.
    private static let kin = [
        "daughter", "wife", "husband", "brother", "sister", "mother",
        "father", "mum", "mom", "dad", "grandson", "granddaughter", "grandmother", "grandfather",
        "sina", "sinu", "sinom", "kćerka", "kćerki", "kćer", "ćerka", "ćerki", "ćerku", "brat", "brata", "bratu", "sestra",
        "sestre", "sestri", "sestru", "majka", "majke", "majci", "majku", "mama", "mami", "mamu", "otac", "oca", "ocu",
        "tata", "supruga", "supruge", "suprugi", "suprugu", "suprug", "muž", "muža", "mužu", "unuk", "unuka", "unuku",
        "baka", "baki", "deda", "djed", "djeda",
        // twenty-sixth round: vocatives opening a transcribed voice message ("vesna sine", "панче синко")
        "sine", "sinko", "сине", "синко",
        "сина", "сину", "ћерка", "ћерки", "брат", "брата", "брату", "сестра", "сестре", "сестри", "сестру", "мајка",
        "мајке", "мајци", "мама", "мами", "отац", "оца", "оцу", "тата", "супруга", "супруге", "супругу", "супруг", "муж",
        "мужа", "унук", "унука", "бака", "деда",
        "синот", "ќерка", "ќерката", "братот", "сестрата", "мајката", "татко", "таткото", "сопруга", "сопругата", "сопруг",
        "сопругот", "внук", "внука", "внукот", "баба", "дедо",
        "motra", "motrës", "vëllai", "vëllait", "djali", "djalit", "vajza", "vajzës", "nëna", "nënës", "babai", "babait",
        "gruaja", "bashkëshortja", "bashkëshorti", "nipi", "mbesa", "gjyshja", "gjyshi",
        "oğlu", "kızı", "annesi", "babası", "eşi", "kardeşi", "ablası", "ağabeyi", "torunu", "oğlum", "kızım", "annem",
        "babam", "eşim", "kardeşim",
        // twenty-fourth round: more kin, whose name is often one the gazetteer lacks ("her niece Nazia"); not
        // those that cost a lookup at too many other words ("nephew", "tetka", "kuzeni": measured, +0.6 %
        // instructions), nor "son", the Turkish "last" ("Son Dakika")
        "niece", "aunt", "uncle", "ujak", "ujaka", "ујак", "ујака", "тетка", "вујко", "братучед", "братучедот",
        "xhaxhai", "amcası", "amcaları", "dayısı", "внуката",
        // twenty-eighth round: daughters-in-law ("MOJA SNAJA VESELINKA")
        "snaja", "snaji", "snaju", "snaha", "snahi", "snahu", "снаја", "снаји", "снају", "снаата",
        // thirty-fifth round: a son, daughter or son-in-law in the nominative, which a record in capitals
        // names after ("KREŠIMIR PAVIĆ, SIN MLADENA I ANE", "KĆI DAVORA", "PODNEO ZET OGNJEN RAKAS")
        "sin", "kći", "zet", "син", "кћи", "зет",
    ]
    /// Labels of a form's field that holds one name part: a word after them is a name even when
    /// the gazetteer lacks it ("Prezime: KURPEJOVIĆ", "Soyad: Kocabaş", "IME OCA: RAMIZ").
    private static let fieldLabels = [
        "prezime:", "презиме:", "surname:", "last name:", "first name:", "given name:", "soyad:", "soyadı:", "soyadi:",
        "mbiemri:", "ime oca:", "име оца:", "татково име:", "emri i babait:", "baba adı:", "baba adi:", "adı:", "adi:",
    ]
    private static let titles = [
        "Mr ", "Ms ", "Mrs ", "Miss ", "Mr. ", "Ms. ", "Mrs. ", "Dr ", "Dr. ", "Prof. ", "Prof ",
        // thirty-sixth round: chat types them in lower case ("tell mr okafor"); not "ms ", which opens "ms teams"
        "mr ", "mrs ",
        "g-din ", "g-đa ", "g-dja ", "G-din ", "G-đa ", "g. ", "gđa ", "gđa. ", "Gđa ", "Gđa. ", "gđica ",
        "gospodin ", "gospođa ", "Gospodin ", "Gospođa ", "gospodine ", "gospodina ", "gospođe ",
        "г-дин ", "г-ѓа ", "Г-дин ", "Г-ѓа ", "г-ђа ", "Г-ђа ", "г. ", "господин ", "госпођа ", "Господин ", "Госпођа ",
        "госпоѓа ", "Госпоѓа ", "господинот ", "госпоѓата ",
        "Bay ", "Bayan ", "Sayın ", "sayın ", "Av. ", "Z. ", "Znj. ", "z. ", "znj. ", "zoti ", "Zoti ", "zonja ", "Zonja ",
        "zotit ", "zonjës ", "zotëri ", "Zotëri ", "zonjë ", "Zonjë ",
        "kolega ", "Kolega ", "kolegica ", "Kolegica ", "koleginica ", "Koleginica ", "kolegu ", "kolegom ",
        "colleague ", "Colleague ", "Inspector ", "inspector ", "Captain ", "DS ", "DC ", "Komiser ", "komiser ", "Komiser Yardımcısı ",
        "komiser yardımcısı ",
        "prokurori ", "Prokurori ", "öğretmen ", "Öğretmen ", "inspektor ", "Inspektor ", "načelnik ", "Načelnik ",
        "dr ", "dr. ", "Prof. Dr. ", "gospodine ", "Gospodine ", "gospođo ", "Gospođo ", "господине ", "Господине ",
        "госпођо ", "Госпођо ", "госпоѓо ", "Госпоѓо ", "колега ", "Колега ", "колегата ", "Колегата ",
        "doktor ", "Doktor ", "doktora ", "doktori ", "Doktori ", "доктор ", "Доктор ", "доктора ",
        "Dragi ", "Draga ", "Драги ", "Драга ",
        // twenty-fifth round: letters forwarded from the diaspora, a court's judge and an English court list's "R v MWANGI Peter"
        "Frau ", "Herr ", "Judge ", "R v ",
        // twenty-seventh round: British police ranks, also after a role ("The complainant, Detective Sergeant Colin Marsden");
        // not "PC " or "Officer ", which open a product's or a post's name as often
        // (nor "Detective " or "DI " alone: "Detective Fiction", "DI Container")
        "Sergeant ", "Sgt ", "Sgt. ", "Detective Sergeant ", "Detective Constable ", "Detective Inspector ",
        "Detective Chief Inspector ", "Detective Superintendent ", "Detective Chief Superintendent ", "Chief Inspector ",
        "Superintendent ", "Constable ", "Police Constable ", "DCI ", "Det. Sgt ", "Det. Sgt. ", "Det. Con. ", "Det. Insp. ",
    ]
    /// Twenty-eighth round: titles in capitals, as letters' address blocks and forms print them ("MS PRIYA
    /// VENKATESAN", "SAYIN AHMET YILMAZ"), `Kind.titleInCapitals`.
    private static let titlesInCapitals = [
        "MR ", "MRS ", "MS ", "MISS ", "DR ", "MR. ", "MRS. ", "MS. ", "DR. ", "GOSPODIN ", "GOSPOĐA ", "ГОСПОДИН ",
        "ГОСПОЂА ", "ГОСПОЃА ", "G-DIN ", "G-ĐA ", "Г-ДИН ", "Г-ЂА ", "Г-ЃА ", "ZOTI ", "ZONJA ", "ZNJ. ", "BAY ", "BAYAN ",
        "SAYIN ",
    ]

    private static let cues: [(bytes: [UInt8], kind: Kind)] = {
        func endings(_ word: String) -> [String] { [word + ":", word + ",", word + " "] }
        // Cues starting with a non-ASCII letter ("şüpheli", "оштећени", "žrtva") also with a capital
        // first letter, as they open a sentence, and with the letters beyond ASCII in capitals, as
        // forms and headlines print them ("ИМЕ:", "ŽRTVA:", "ŞÜPHELİ", Turkish with a dotted "İ"):
        // only ASCII is case-folded when matching.
        func spellings(_ list: [String]) -> [String] {
            func capitalsBeyondASCII(_ l: String) -> String { l.map { $0.isASCII ? String($0) : $0.uppercased() }.joined() }
            var out = list
            for l in list where l.unicodeScalars.first.map({ $0.value >= 0x80 }) ?? false {
                out.append(l.prefix(1).uppercased() + l.dropFirst())
            }
            for l in list where l.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
                out.append(capitalsBeyondASCII(l))
                if l.contains(where: { "şğıöüç".contains($0) }) && l.contains("i") {
                    out.append(capitalsBeyondASCII(l.replacingOccurrences(of: "i", with: "İ")))
                }
            }
            return out
        }
        // Field labels are matched as written, so in lower case, capitalised and in capitals.
        let fields = fieldLabels.flatMap { [$0, $0.prefix(1).uppercased() + $0.dropFirst(), $0.uppercased()] }
        return spellings(labels + roles.flatMap(endings)).map { (Array($0.utf8), Kind.role) }
            + spellings(kin.flatMap(endings)).map { (Array($0.utf8), Kind.kin) }
            + (titles + fields).map { (Array($0.utf8), Kind.title) }
            + titlesInCapitals.map { (Array($0.utf8), Kind.titleInCapitals) }
    }()

    /// The bytes after a cue's first two that key it: the third, and the fourth when the first
    /// letter takes two bytes ("пр|и", "şü|p"), so that the many Cyrillic cues do not share a few
    /// keys. `lower` lower-cases ASCII, as labels are matched; titles are keyed as written.
    @inline(__always) private static func tail(_ third: UInt8, _ fourth: UInt8, wide: Bool, lower: Bool) -> Int {
        let t = lower ? lowerASCII(third) : third
        guard wide else { return Int(t) }
        return Int(t) | Int(lower ? lowerASCII(fourth) : fourth) << 8
    }

    /// Where to look for the cues that may start at a word, small enough to stay in the cache:
    /// the first two bytes that can start a cue (`startsCuePair`, checked for every word), a filter
    /// of the keys (`key`: the first two bytes and the `tail`; a word that starts like a cue is most
    /// often ruled out by one load), and the cues grouped by 12 bits of their key, flat: bucket `x`
    /// holds `bucketEntries[bucketStarts[x]..<bucketStarts[x + 1]]`. A label is filed under every ASCII
    /// case of its first two bytes. Separate constants, so that a lookup retains no shared storage.
    static var startsCuePair: Bits16 { cuePairs }
    private static let (cuePairs, cueKeys, bucketEntries, bucketStarts) = index()

    /// A cue as its bucket holds it: its `tail`, and its bytes after the first two, up to eight
    /// (`probe`, compared with the text's bytes lower-cased for a label, as written for a title;
    /// `mask` covers its length), so that the cues
    /// sharing a key ("victim:", "victim,", "victim name:") are mostly told apart by one compare
    /// before the whole cue is.
    private struct Entry {
        var tail: Int32
        var title: Bool
        var cue: Int32
        var probe: UInt64
        var mask: UInt64
    }

    private static func index() -> (pairs: Bits16, keys: Bits16, entries: [Entry], starts: [Int32]) {
        var pairs = Bits16(), keys = Bits16()
        var buckets = [[Entry]](repeating: [], count: 1 << 12)
        for (k, cue) in cues.enumerated() where cue.bytes.count >= 2 {
            let a = cue.bytes[0], b = cue.bytes[1]
            let t = tail(cue.bytes.count > 2 ? cue.bytes[2] : 0, cue.bytes.count > 3 ? cue.bytes[3] : 0, wide: a >= 0x80, lower: !cue.kind.isTitle)
            let firsts: [UInt8] = cue.kind.isTitle || !isAlpha(a) ? [a] : [lowerASCII(a), upperASCII(a)]
            let seconds: [UInt8] = cue.kind.isTitle || !isAlpha(b) ? [b] : [lowerASCII(b), upperASCII(b)]
            let rest = cue.bytes.dropFirst(2).prefix(8)
            var probe: UInt64 = 0, mask: UInt64 = 0
            for (shift, byte) in rest.enumerated() {
                probe |= UInt64(byte) << (8 * UInt64(shift))
                mask |= 0xFF << (8 * UInt64(shift))
            }
            let entry = Entry(tail: Int32(t), title: cue.kind.isTitle, cue: Int32(k), probe: probe, mask: mask)
            for x in firsts {
                for y in seconds {
                    let hashed = key(Int(x) << 8 | Int(y), t)
                    pairs.insert(Int(x) << 8 | Int(y))
                    keys.insert(hashed)
                    buckets[hashed & 0xFFF].append(entry)
                }
            }
        }
        var starts: [Int32] = [0]
        for bucket in buckets { starts.append(starts[starts.count - 1] + Int32(bucket.count)) }
        return (pairs, keys, buckets.flatMap { $0 }, starts)
    }

    /// The eight bytes after `p`'s first two at `i`, packed as `Entry.probe` is: as written, a line
    /// break read as a space (a title ends a line: "Detective Sergeant⏎Colin Marsden"), and with ASCII lower-cased.
    @inline(__always) private static func probes(_ p: Bytes, _ i: Int) -> (exact: UInt64, lower: UInt64) {
        let w = p.eightBytes(at: i + 2)
        return (lineBreaksAsSpaces8(w), lowerASCII8(w))
    }

    /// 16 bits of hash of a cue's first two bytes and its `tail`.
    @inline(__always) private static func key(_ pair: Int, _ tail: Int) -> Int {
        Int(truncatingIfNeeded: ((UInt64(pair) << 16 | UInt64(tail)) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// Where the name after a cue at `i` starts (spaces skipped), and the cue's kind.
    static func end(_ p: Bytes, at i: Int) -> (index: Int, kind: Kind)? {
        guard let first = single(p, i) else { return nil }
        var (j, kind) = first
        // A kin word capitalised inside a sentence is part of a title, read as a role ("од Деда Мраза").
        if kind == .kin, PersonNames.isUpper(p.scalar(at: i).value), !PersonNames.opensSentence(p, i) { kind = .role }
        while p.at(j) == 0x20 || p.at(j) == 0x09 { j += 1 }
        // A role followed by a title: "Şikayetçi Bay Ahmet Kurt", "Podnosilac prijave: g-din …".
        if startsCuePair.contains(Int(p.at(j)) << 8 | Int(p.at(j + 1))), let second = single(p, j) {
            j = second.0
            if second.1.isTitle { kind = second.1 }
            while p.at(j) == 0x20 || p.at(j) == 0x09 { j += 1 }
        }
        return (j, kind)
    }

    private static func single(_ p: Bytes, _ i: Int) -> (Int, Kind)? {
        // A cue starts a word: "776Z. The" is a timestamp, not the Albanian honorific "Z.".
        if i > 0 {
            let prev = p[i - 1]
            if isAlnum(prev) || prev == 0x2D || prev == 0x5F || prev == 0x2E { return nil } // "e.g. Microsoft Windows"
            if prev >= 0x80 {
                var k = i - 1
                while k > 0 && p[k] & 0xC0 == 0x80 { k -= 1 }
                if PersonNames.isLetter(p.scalar(at: k).value) { return nil }
            }
        }
        var best: (Int, Kind)? = nil // the longest cue wins: "victim name:" over "victim "
        let pair = Int(p[i]) << 8 | Int(p.at(i + 1))
        // A title's tail as written, a label's lower-cased: look in both buckets.
        let wide = p[i] >= 0x80, third = p.at(i + 2), fourth = p.at(i + 3)
        let exact = tail(third, fourth, wide: wide, lower: false), lowered = tail(third, fourth, wide: wide, lower: true)
        var wanted = exact
        var read: (exact: UInt64, lower: UInt64)? = nil
        while true {
            let t = key(pair, wanted)
            if cueKeys.contains(t) {
                let bytes = read ?? probes(p, i)
                read = bytes
                for j in Int(bucketStarts[t & 0xFFF])..<Int(bucketStarts[(t & 0xFFF) + 1]) {
                    let entry = bucketEntries[j]
                    guard Int(entry.tail) == wanted, (entry.title ? bytes.exact : bytes.lower) & entry.mask == entry.probe else { continue }
                    let cue = cues[Int(entry.cue)]
                    // a title of six bytes or more may end its line ("Inspektor⏎Marko"), not "DC⏎April"
                    let hit = entry.title ? p.matches(cue.bytes, at: i, lineBreakAsSpace: cue.bytes.count >= 6) : p.matchesLower(cue.bytes, at: i)
                    if hit, i + cue.bytes.count > (best?.0 ?? 0) { best = (i + cue.bytes.count, cue.kind) }
                }
            }
            guard wanted != lowered else { return best }
            wanted = lowered
        }
    }
}
