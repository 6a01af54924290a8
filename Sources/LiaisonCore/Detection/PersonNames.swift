/// Person names are only reported with evidence, never for arbitrary capitalised words:
/// 1. a cue ("Victim name:", "Ime i prezime:", "Adı Soyadı:", "Mr ", "g-din ", "Bay ", …) followed by
///    two or three capitalised (or all-capital) words, Latin with diacritics or Cyrillic;
/// 2. a gazetteer given name of the region immediately followed by a capitalised surname that is in
///    the surname gazetteer or carries a regional surname suffix (-ić/-ић, -ski/-ски, -oğlu…).
/// Gazetteer words are matched by 64-bit FNV-1a hash, so scanning allocates nothing per word.
enum PersonNames {
    private static let givenList = """
    Marko Milan Nikola Stefan Luka Nemanja Dragan Zoran Goran Dejan Aleksandar Miloš Đorđe Jovana Milica Ana \
    Jelena Marija Ivana Dragana Tamara Snežana Vesna Ivan Petar Emir Amir Adnan Haris Amra Lejla Selma Mirza \
    Jasmin Goce Bojan Blagoja Biljana Elena Katerina Zlatko Trajko Arben Besnik Blerim Driton Agron Ilir \
    Fatmir Gentian Arta Blerina Drita Elira Jeta Vjosa Ermal Erion Albana Valbona Mehmet Mustafa Ahmet Ali \
    Hüseyin Hasan İbrahim Murat Emre Burak Ayşe Fatma Emine Hatice Zeynep Elif Merve Özlem Yusuf Ömer \
    Марко Милан Никола Стефан Лука Немања Драган Зоран Горан Дејан Александар Милош Ђорђе Јована Милица Ана \
    Јелена Марија Ивана Петар Иван Гоце Бојан Благоја Билјана Елена Катерина Трајко Снежана Весна
    """
    private static let surnameList = """
    Petrović Jovanović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović Milošević Popović \
    Kovačević Babić Horvat Hodžić Hadžić Begović Delić Mehmedović Šehić Vukčević Radulović Đukanović \
    Stojanovski Petrovski Nikolovski Trajkovski Dimitrovski Georgievski Ristovski Angelovski \
    Hoxha Krasniqi Berisha Gashi Shala Morina Kelmendi Hasani Dervishi Leka Rama Basha Bytyqi \
    Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Koç \
    Петровић Јовановић Николић Марковић Ђорђевић Стојановић Илић Павловић Стојановски Петровски \
    Николовски Трајковски Димитровски Георгиевски
    """
    /// Diacritic folding so "Petrovic", "Djordjevic" and "Ayse Yilmaz" match too.
    private static let folds: [Character: [String]] = [
        "č": ["c"], "ć": ["c"], "š": ["s"], "ž": ["z"], "đ": ["dj", "d"], "ş": ["s"], "ı": ["i"], "ğ": ["g"],
        "ö": ["o"], "ü": ["u"], "ç": ["c"], "ë": ["e"], "Č": ["C"], "Ć": ["C"], "Š": ["S"], "Ž": ["Z"],
        "Đ": ["Dj", "D"], "Ş": ["S"], "İ": ["I"], "Ö": ["O"], "Ü": ["U"], "Ç": ["C"],
    ]

    static func variants(_ word: String) -> [String] {
        var results = [""]
        for ch in word {
            let options = folds[ch].map { [String(ch)] + $0 } ?? [String(ch)]
            results = results.flatMap { prefix in options.map { prefix + $0 } }
        }
        return results
    }

    private static func hashSet(_ list: String) -> Set<UInt64> {
        var set = Set<UInt64>()
        for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            for v in variants(String(word)) { set.insert(fnv1a(v)) }
        }
        return set
    }
    static let givenNames = hashSet(givenList)
    static let surnames = hashSet(surnameList)
    private static let surnameSuffixes: [[UInt8]] = ["ić", "ић", "vic", "cic", "sic", "zic", "jic", "ski", "ska", "ски", "ска", "oğlu", "oglu", "aj", "ic"].map { Array($0.utf8) }

    /// Cue phrases; `exact` ones are case-sensitive (honorifics), the rest ASCII case-insensitive
    /// (Cyrillic ones are listed in both capitalisations). A cue must start a word. Role labels
    /// ("Osumnjičeni", "The suspect,", "Şüpheli") may be followed by ':' or ',' or nothing: the two
    /// to three capitalised words that must follow are the evidence.
    private static let cues: [(bytes: [UInt8], exact: Bool)] = {
        let labels = ["victim:", "victim name:", "name:", "full name:", "ime i prezime:", "adı soyadı:", "adi soyadi:",
                      "emri dhe mbiemri:", "emri:", "žrtva:", "oštećeni:", "mağdur:", "suspect name:", "name of the victim:",
                      "ime i prezime osumnjičenog:", "prezime i ime:", "ad soyad:",
                      "име и презиме:", "име:", "презиме и име:", "име и презиме на оштетениот:"]
        // Role words of the region's reports; each is tried bare, with ':' and with ','.
        let roles = ["victim", "suspect", "complainant", "reported by",
                     "podnosilac prijave", "podnositelj prijave", "podnosioc prijave", "prijavu je podneo", "prijavu je podnio",
                     "osumnjičeni", "osumnjičena", "osumnjiceni", "oštećeni", "oštećena", "ostećeni", "ostecena", "osteceni",
                     "žrtva", "prijavilac",
                     "ankuesi", "ankuesja", "i dyshuari", "e dyshuara", "viktima", "i dëmtuari", "e dëmtuara",
                     "başvuru sahibi", "başvuran", "şüpheli", "şikayetçi", "müşteki", "mağdur", "sanık",
                     "подносилац пријаве", "осумњичени", "осумњичена", "оштећени", "оштећена", "жртва",
                     "подносител на пријавата", "подносителот на пријавата", "осомничениот", "осомничената", "оштетениот", "оштетената"]
        var labelled = labels
        for role in roles { labelled += [role + ":", role + ",", role + " "] }
        // Labels starting with a non-ASCII letter ("şüpheli", "оштећени", "žrtva") also with a capital
        // first letter, as they open a sentence: only ASCII is case-folded when matching.
        var cyrillicCaps: [String] = []
        for l in labelled where l.unicodeScalars.first.map({ $0.value >= 0x80 }) ?? false {
            cyrillicCaps.append(l.prefix(1).uppercased() + l.dropFirst())
        }
        let honorifics = ["Mr ", "Ms ", "Mrs ", "Mr. ", "Ms. ", "Mrs. ", "g-din ", "g-đa ", "g-dja ", "G-din ", "G-đa ", "g. ", "gđa ", "gđa. ",
                          "gospodin ", "gospođa ", "Gospodin ", "Gospođa ", "gospodine ", "г-дин ", "г-ѓа ", "Г-дин ", "Г-ѓа ", "г-ђа ", "Г-ђа ",
                          "господин ", "госпођа ", "Господин ", "Госпођа ", "госпоѓа ", "Госпоѓа ",
                          "Bay ", "Bayan ", "Sayın ", "sayın ", "Z. ", "Znj. ", "z. ", "znj. ", "zoti ", "Zoti ", "zonja ", "Zonja "]
        return labelled.map { (Array($0.utf8), false) } + (cyrillicCaps + honorifics).map { (Array($0.utf8), true) }
    }()
    /// Cue indices by their first two bytes as written (all ASCII case combinations of case-insensitive cues).
    private static let cuesByPair: [UInt16: [Int]] = {
        var t: [UInt16: [Int]] = [:]
        for (k, cue) in cues.enumerated() where cue.bytes.count >= 2 {
            let a = cue.bytes[0], b = cue.bytes[1]
            let firsts: [UInt8] = cue.exact || !isAlpha(a) ? [a] : [lowerASCII(a), upperASCII(a)]
            let seconds: [UInt8] = cue.exact || !isAlpha(b) ? [b] : [lowerASCII(b), upperASCII(b)]
            for x in firsts { for y in seconds { t[UInt16(x) << 8 | UInt16(y), default: []].append(k) } }
        }
        return t
    }()

    /// First two bytes (as written, every ASCII case combination of case-insensitive cues) that can
    /// start a cue: lets the hot loop skip most lower-case words without trying any cue.
    private static let startsCuePair: [Bool] = {
        var t = [Bool](repeating: false, count: 1 << 16)
        for key in cuesByPair.keys { t[Int(key)] = true }
        return t
    }()

    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return isAlpha(UInt8(v)) }
        if v == 0xD7 || v == 0xF7 { return false }
        if (0xC0...0x24F).contains(v) || (0x400...0x4FF).contains(v) { return true }
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return isUpperASCII(UInt8(v)) }
        if v >= 0x400 && v <= 0x45F { return v < 0x430 }            // Cyrillic
        if v >= 0xC0 && v <= 0xFF { return v <= 0xDE && v != 0xD7 } // Latin-1
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    /// A capitalised word at `i`: upper-case letter, then a lower-case letter, then letters
    /// (a hyphen followed by an upper-case letter continues a double-barrelled surname).
    static func capitalisedWord(_ p: Bytes, _ i: Int, allowAllCaps: Bool = false) -> Int? {
        let (v0, l0) = p.scalar(at: i)
        guard i < p.count, isUpper(v0) else { return nil }
        let (v1, l1) = p.scalar(at: i + l0)
        guard i + l0 < p.count, isLetter(v1), allowAllCaps || !isUpper(v1) else { return nil }
        var e = i + l0 + l1
        while e < p.count {
            let (v, l) = p.scalar(at: e)
            if isLetter(v) { e += l; continue }
            if v == 0x2D, e + 1 < p.count, isUpper(p.scalar(at: e + 1).value) { e += 1; continue }
            break
        }
        return e - i <= 96 ? e : nil // bytes: a long Cyrillic double surname takes 2 bytes a letter
    }

    /// Every letter upper-case ("PETROVIĆ").
    static func isAllCaps(_ p: Bytes, _ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k < r.upperBound {
            let (v, l) = p.scalar(at: k)
            if isLetter(v) && !isUpper(v) { return false }
            k += l
        }
        return true
    }

    private static func isSurname(_ p: Bytes, _ r: Range<Int>) -> Bool {
        if surnames.contains(fnv1a(p, r)) { return true }
        // Double-barrelled: either part may be the known surname ("Kaya-Demir").
        if let dash = r.firstIndex(where: { p[$0] == 0x2D }) {
            return isSurname(p, r.lowerBound..<dash) || isSurname(p, (dash + 1)..<r.upperBound)
        }
        // At least two bytes before the suffix: "Alić", "Ulaj", "Vasic" are surnames; "Aj" is not.
        for s in surnameSuffixes where r.count >= s.count + 2 && p.matches(s, at: r.upperBound - s.count) { return true }
        return false
    }

    private static func cueEnd(_ p: Bytes, _ i: Int) -> Int? {
        // A cue starts a word: "776Z. The" is a timestamp, not the Albanian honorific "Z.".
        if i > 0 {
            let prev = p[i - 1]
            if isAlnum(prev) || prev == 0x2D || prev == 0x5F || prev == 0x2E { return nil } // "e.g. Microsoft Windows"
            if prev >= 0x80 {
                var k = i - 1
                while k > 0 && p[k] & 0xC0 == 0x80 { k -= 1 }
                if isLetter(p.scalar(at: k).value) { return nil }
            }
        }
        var best: Int? = nil // the longest cue wins: "victim name:" over "victim "
        let key: UInt16 = UInt16(p[i]) << 8 | UInt16(p.at(i + 1))
        guard let candidates = cuesByPair[key] else { return nil }
        for k in candidates {
            let cue = cues[k]
            if cue.exact ? p.matches(cue.bytes, at: i) : p.matchesLower(cue.bytes, at: i) { best = max(best ?? 0, i + cue.bytes.count) }
        }
        return best
    }

    static func propose(_ p: Bytes, into out: inout [Candidate]) {
        var i = 0
        let n = p.count
        let startsCuePair = Self.startsCuePair
        while i < n {
            let b = p[i]
            if b < 0x80 && !isAlpha(b) { i += 1; continue }
            // Fast path: a lower-case ASCII word with no cue starting with its first two bytes is skipped byte-wise.
            if isLowerASCII(b) && !startsCuePair[Int(b) << 8 | Int(p.at(i + 1))] {
                while i < n && isAlpha(p[i]) { i += 1 }
                continue
            }
            if startsCuePair[Int(b) << 8 | Int(p.at(i + 1))], var j = cueEnd(p, i) {
                while p.at(j) == 0x20 || p.at(j) == 0x09 { j += 1 }
                // A role followed by an honorific: "Şikayetçi Bay Ahmet Kurt", "Podnosilac prijave: g-din …".
                if startsCuePair[Int(p.at(j)) << 8 | Int(p.at(j + 1))], var h = cueEnd(p, j) {
                    while p.at(h) == 0x20 || p.at(h) == 0x09 { h += 1 }
                    j = h
                }
                var words: [Range<Int>] = []
                var k = j
                while words.count < 3, let e = capitalisedWord(p, k, allowAllCaps: true) {
                    words.append(k..<e)
                    guard p.at(e) == 0x20 else { break }
                    k = e + 1
                }
                // A third capitalised word belongs to the name only when the second is a given name
                // ("Mehmet Ali Kaya", "Arben Ilir Krasniqi") or the third is a surname; otherwise it is
                // the next word of the sentence ("Şüpheli Elif Polat İstanbul'da yakalandı").
                // Police forms write the surname first in capitals ("YILMAZ Mehmet Ali"): then only a
                // second given name can follow.
                if words.count == 3 {
                    let surnameFirst = isAllCaps(p, words[0]) && !isAllCaps(p, words[1])
                    let keep = surnameFirst ? givenNames.contains(fnv1a(p, words[2]))
                        : givenNames.contains(fnv1a(p, words[1])) || isSurname(p, words[2])
                    if !keep { words.removeLast() }
                }
                if words.count >= 2 {
                    let r = words[0].lowerBound..<words[words.count - 1].upperBound
                    out.append(Candidate(kind: .person, start: r.lowerBound, end: r.upperBound, detector: "person-cue",
                                         normalised: words.map { p.string($0) }.joined(separator: " ")))
                    i = r.upperBound
                    continue
                }
            }
            if let e = capitalisedWord(p, i) {
                if givenNames.contains(fnv1a(p, i..<e)), p.at(e) == 0x20, let e2 = capitalisedWord(p, e + 1), isSurname(p, (e + 1)..<e2) {
                    out.append(Candidate(kind: .person, start: i, end: e2, detector: "person-gazetteer",
                                         normalised: p.string(i..<e) + " " + p.string((e + 1)..<e2)))
                    i = e2
                    continue
                }
                i = e
                continue
            }
            // Skip the rest of this word (or this one non-letter scalar).
            var (v, l) = p.scalar(at: i)
            if !isLetter(v) { i += l; continue }
            while i < n && isLetter(v) { i += l; (v, l) = p.scalar(at: i) }
        }
    }
}
