/// What one folded word (see `NameGazetteer.fold`) says about a person. `given` and `surname` are
/// 2 for a gazetteer entry as written, a lemma of five letters or more reached by taking off a case
/// ending ("marka" → marko, "petra" → petar, "arbenit" → arben, "hoxhes" → hoxha), or a regional
/// surname ending; 1 for a shorter lemma or a weaker ending (-ic in ASCII, -ski, -ov). The flags
/// say what argues against a person: an organisation word, a place, a common word, an honorific.
struct NameEvidence {
    var given = 0
    var surname = 0
    /// A surname suffix of the region ("-ović", "-ić", "-oğlu", "-ski", "-aj") rather than a list entry.
    var regionalShape = false
    var organisation = false
    /// A given name that is also a common word ("Nada", "Vuk", "Will"), or a declined common noun
    /// read as a declined given name ("Lažne" → Lazo, "Beča" → Bećo): not a person on its own.
    var ambiguous = false
    /// `ambiguous` only because the name as written is a Turkish word ("Haris", greedy; "Adem"): a text
    /// that does not write Turkish reads it as a name (`NameReader.word`). Never set for a declined
    /// reading ("Nazovi" is no case of Naz), which reads its lemma's `ambiguous` alone.
    var turkishWord = false
    /// A surname of the gazetteer that is also an English word and no given name ("Wise", "Hull",
    /// "Black"): never a person alone.
    var surnameWord = false
    /// A country or region of the region ("Kosovës", "Nikšić", "Berat"): not a person on its own.
    var place = false
    /// A given name as written that is not `ambiguous` but a lower-case word or word form of a
    /// Debian list ("malo", "jako", "jeni", "каде"): a name alone only when written with a capital.
    var lowerCaseWord = false
    /// A pet name the gazetteer made from a South Slavic name's opening ("Đole", "Sneki", "Zoki"): a weak
    /// given name (`given` 1) in a text with capitals, a name alone in one typed in lower case.
    var petName = false
    /// The given name was reached by taking off a case ending.
    var declined = false
    /// A Turkish honorific after a name ("Bey", "Hanım"): outside the name, and it ends it; or a
    /// noun mass mail addresses its reader by after a title ("Sayın Müşterimiz"): no name.
    var postTitle = false
    /// An institution's head noun that is also a given name as written ("Vlade", "Vlada", "Zyra"):
    /// part of a name, never a person on its own (NameEvidence+Institutions.swift).
    var institution = false
    /// A possessive adjective of a given name or surname of the gazetteer that is not a name itself
    /// as written: "Dizdarov", "Благојеву", "Кристијановиот" (NameEvidence+Possessives.swift).
    var possessive = false

    var isUnknown: Bool { given == 0 && surname == 0 }

    init() {}

    /// The evidence for folded bytes, read as a word written without "ć", "č" or "ћ".
    init(folded w: [UInt8], table: NameGazetteer.Table = NameGazetteer.table) {
        var word = FoldedWordHash()
        for b in w { word.append(b) }
        self.init(word, table: table)
    }

    /// False when the folded word cannot lead a name found without a cue: no given name or surname
    /// as written, no regional surname ending, no declined reading whose stem passes the
    /// gazetteer's filter of given-name stems (a declined surname counts only as weak evidence,
    /// which no rule lets lead). A cheap, conservative test: true does not mean the word is a name.
    static func mayLead(_ w: FoldedWordHash, table: NameGazetteer.Table) -> Bool {
        let n = w.count
        if !table(w.hash).isDisjoint(with: [.given, .surname]) { return true }
        if surnameShape(w) == 2 { return true }
        guard n >= 3, table.mayDecline(prefix: w.prefix) else { return false }
        if possessiveLemma(w, table: table) != nil { return true }
        let bucket = endingBuckets[Int(w.last8 & 0x7F)]
        for e in bucket.lowerBound..<bucket.upperBound {
            let ending = endings[e]
            if n >= ending.length + 2 && w.last8 & ending.mask == ending.packed
                && table.mayBeGivenNameStem(w.hash(droppingLast: ending.length)) {
                return true
            }
        }
        return false
    }

    init(_ w: FoldedWordHash, table: NameGazetteer.Table) {
        let n = w.count
        let flags = table(w.hash)
        // An institution's head noun is an organisation word unless it is also a name as written.
        if flags.contains(.organisation) || (flags.contains(.institution) && flags.isDisjoint(with: [.given, .surname])) {
            organisation = true
            return
        }
        institution = flags.contains(.institution)
        if flags.contains(.postTitle) {
            postTitle = true
            return
        }
        place = flags.contains(.place)
        if flags.contains(.given) {
            petName = flags.contains(.petName)
            given = petName ? 1 : 2
            (ambiguous, turkishWord) = (flags.contains(.ambiguous), flags.contains(.turkishWord))
            lowerCaseWord = flags.contains(.lowerCaseWord)
        }
        if flags.contains(.surname) { (surname, surnameWord) = (2, flags.contains(.englishWord)) }
        let last8 = w.last8
        let shape = Self.surnameShape(w)
        regionalShape = shape == 2
        surname = max(surname, shape)
        guard given < 2 || surname == 0 || !place else { return }
        // A declined common noun of the Serbo-Croatian or Albanian word lists ("Lažne", "Beča") may
        // still be read as a declined given name, but only as one that is also a common word.
        defer { if declined && flags.contains(.declinedNoun) { ambiguous = true } }
        // Declined forms: take off an ending, then try the stem as it is, with a nominative vowel
        // back, and with the fleeting 'a' of "Petar"/"Petra", "Aleksandar"/"Aleksandrom". Only the
        // endings with the word's last letter are tried, and only stems that some entry starts with.
        guard n >= 3, table.mayDecline(prefix: w.prefix) else { return }
        let bucket = Self.endingBuckets[Int(last8 & 0x7F)]
        for e in bucket.lowerBound..<bucket.upperBound {
            let ending = Self.endings[e]
            guard n >= ending.length + 2 && last8 & ending.mask == ending.packed else { continue }
            // Albanian's one-consonant endings (-s, -t, -n) follow a vowel, "y" or "j" ("i Bledis",
            // "Krasniqit", "Harryt", "Ukajt"): after another consonant "-s" is English ("Lloyds"),
            // and "-t", "-n" end the name itself.
            if ending.length == 1, !Self.isVowel(w.byte(fromEnd: 1)), case let b = w.byte(fromEnd: 2),
               !Self.isVowel(b), b != 0x79, b != 0x6A { continue }
            let stem = n - ending.length
            let h = w.hash(droppingLast: ending.length)
            guard table.mayBeStem(h) else { continue }
            // A lemma of five letters or more is as good as the entry itself ("Marka" → Marko);
            // a shorter one ("Novi" → Nova) needs a second word's evidence.
            for tail in Self.nominatives {
                let lemma = table(tail == 0 ? h : (h ^ UInt64(tail)) &* 0x0000_0100_0000_01B3)
                // A pet name declines by an ending after it whole ("Đole-ta", "Zoki-ja", Macedonian "Зоки-то"), and only
                // from a word that is no name as written: not "Džeko" as a case of Džeki.
                let pet = lemma.contains(.petName)
                let strength = stem + (tail == 0 ? 0 : 1) >= 5 && !pet ? 2 : 1
                if given < strength && lemma.contains(.given) && (!pet || tail == 0 && flags.isDisjoint(with: [.given, .surname])) {
                    given = strength
                    declined = true
                    ambiguous = lemma.contains(.ambiguous)
                    petName = pet
                }
                if surname == 0 && lemma.contains(.surname) { surname = 1 }
                if !place && stem >= 4 && lemma.contains(.place) { place = true }
            }
            let c1 = w.byte(fromEnd: ending.length + 1), c2 = w.byte(fromEnd: ending.length + 2)
            if given < 2, stem >= 3, !Self.isVowel(c1), !Self.isVowel(c2) {
                let fleeting = (((w.hash(droppingLast: ending.length + 1) ^ 0x61) &* 0x0000_0100_0000_01B3) ^ UInt64(c1)) &* 0x0000_0100_0000_01B3
                if table(fleeting).contains(.given) {
                    given = 2
                    declined = true
                }
            }
            if given == 2 && surname > 0 && place { break }
        }
        if flags.isDisjoint(with: [.given, .surname]), let lemma = Self.possessiveLemma(w, table: table) {
            possessive = true
            if lemma.contains(.given) && given < 2 { (given, declined, ambiguous) = (2, true, lemma.contains(.ambiguous)) }
            if lemma.contains(.surname) { surname = max(surname, 1) }
        }
    }

    /// The word without its case ending and final vowels, at least four letters kept (three after a
    /// vowel or "j" taken off last: `endsShortStem`), hashed:
    /// "Kurtović", "Kurtoviću" and "Kurtovićem" share it, and so do "Gjeka" and "Gjekës".
    static func stem(_ w: [UInt8], count: Int? = nil) -> UInt64 {
        var n = count ?? w.count
        while n > 4 {
            switch w[n - 1] {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x6D, 0x74, 0x6E, 0x73, 0x6A: n -= 1  // a e i o u m t n s j
            // The Turkish plural of a family, before its case ending: "Aydemirlerin" → Aydemir.
            case 0x72 where n >= 7 && w[n - 3] == 0x6C && (w[n - 2] == 0x65 || w[n - 2] == 0x61): n -= 3
            default: return w.fnv1a(prefix: n)
            }
        }
        if n == 4 && endsShortStem(w[3]) { n = 3 }
        return w.fnv1a(prefix: n)
    }

    /// A vowel or "j" after three letters is an ending too, so that a short name and its cases share
    /// a stem of three: "Luka", "Lukom"; "Vera", "Veri"; "Lule", "Lulja" (twentieth round). Not another
    /// consonant: "Sahin" and "Sahte" keep stems of their own.
    @inline(__always) static func endsShortStem(_ b: UInt8) -> Bool {
        b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x6A
    }

    mutating func add(_ other: NameEvidence) {
        given = max(given, other.given)
        surname = max(surname, other.surname)
        regionalShape = regionalShape || other.regionalShape
        organisation = organisation || other.organisation
        // Still a Turkish word alone when each part that is ambiguous is one.
        turkishWord = (turkishWord || !ambiguous) && (other.turkishWord || !other.ambiguous) && (ambiguous || other.ambiguous)
        ambiguous = ambiguous || other.ambiguous
        declined = declined || other.declined
        place = place || other.place
        postTitle = postTitle || other.postTitle
        possessive = possessive || other.possessive
        institution = institution || other.institution
        surnameWord = surnameWord || other.surnameWord
        lowerCaseWord = lowerCaseWord || other.lowerCaseWord
        petName = given == 1 && (petName || other.petName)
    }

    /// Case endings of the region's languages, folded: Slavic (-a, -e, -u, -om, -em, -oj, -ovi…)
    /// and Albanian definite and case forms (-i, -it, -in, -ës, -ën, -t, -s, -n). Turkish
    /// suffixes come after an apostrophe and are not part of the looked-up stem.
    private static let endingList: [Suffix] = [
        "ovima", "evima", "ovom", "ovoj", "ovog", "ove", "inoj", "inog", "ina", "ine", "inu", "iniot", "inata", "ovata",
        "ama", "ima", "om", "em", "oj", "ov", "ev", "ovi", "ovu", "ova", "eva", "iot", "ot", "ta", "to", "eto",
        "it", "in", "ut", "un", "es", "en", "ne", "se", "te", "ja", "je", "a", "e", "i", "o", "u", "t", "s", "n",
    ].map(Suffix.init)
    /// Nominative endings put back on a stem: none, a, o, e, i.
    private static let nominatives: [UInt8] = [0, 0x61, 0x6F, 0x65, 0x69]

    /// The endings sorted by their last letter (in their order of `endings` otherwise), and the
    /// range of each last letter among them: a word is tried only with the endings it can have.
    private static let (endings, endingBuckets): ([Suffix], [Range<Int>]) = bucketed(endingList)

    /// `list` grouped by last letter, keeping its order within a letter, and each letter's range.
    static func bucketed<T>(_ list: [T], _ suffix: (T) -> Suffix) -> ([T], [Range<Int>]) {
        var sorted: [T] = []
        var ranges = [Range<Int>](repeating: 0..<0, count: 128)
        for letter in 0..<128 {
            let start = sorted.count
            sorted += list.filter { Int(suffix($0).packed & 0x7F) == letter }
            ranges[letter] = start..<sorted.count
        }
        return (sorted, ranges)
    }

    static func bucketed(_ list: [Suffix]) -> ([Suffix], [Range<Int>]) { bucketed(list) { $0 } }

    /// 2 for a regional surname ending: "-ović", "-ić" (with a case ending only when written with
    /// its diacritic), "-oğlu", "-ovski"; 1 for weaker shapes ("-ic" in ASCII, "-ski", "-ov", "-aj").
    /// The diacritic counts only on the ending's own "c": "Petrovića" is a surname, while
    /// "čokoladicu", "stići" and "Mitrovica" are not.
    static func surnameShape(_ w: FoldedWordHash) -> Int {
        let bucket = shapeBuckets[Int(w.last8 & 0x7F)]
        for k in bucket.lowerBound..<bucket.upperBound {
            let (suffix, strong, plain, afterC) = shapes[k]
            if w.count >= suffix.length + 2 && w.last8 & suffix.mask == suffix.packed {
                return w.accentEnd == w.count - afterC ? strong : plain
            }
        }
        return 0
    }

    private static let (shapes, shapeBuckets) = bucketed(shapeList) { $0.0 }

    /// Each ending, its strength with and without the diacritic on its "c", and how many letters
    /// follow that "c" (the endings without one are as strong either way).
    private static let shapeList: [(Suffix, Int, Int, Int)] = {
        var list: [(String, Int, Int)] = [("vic", 2, 2), ("ic", 2, 1)]
        for ending in ["a", "u", "em", "om", "i", "e"] { list += [("vic" + ending, 2, 1), ("ic" + ending, 2, 0)] }
        // Possessive adjectives of such a surname: "Raičevićev", "Jurkovićeve", "Ranisavljevićevom"
        for ending in ["ev", "eva", "eve", "evi", "evo", "evu", "evom", "evoj", "evog", "evih", "evim"] {
            list += [("vic" + ending, 2, 1), ("ic" + ending, 2, 0)]
        }
        list += [("oglu", 2, 2), ("ovski", 2, 2), ("evski", 2, 2), ("ovska", 2, 2), ("evska", 2, 2), ("aj", 1, 1),
                 ("ski", 1, 1), ("ska", 1, 1), ("ov", 1, 1), ("ova", 1, 1), ("ev", 1, 1), ("eva", 1, 1)]
        return list.map { suffix, strong, plain in
            let afterC = suffix.hasPrefix("ic") || suffix.hasPrefix("vic") ? suffix.count - (suffix.hasPrefix("v") ? 3 : 2) : 0
            return (Suffix(suffix), strong, plain, afterC)
        }
    }()

    /// Five letters or more in "-aj", not "-uaj" (Albanian verbs: "paguaj") nor a common noun of the
    /// region in "-aj" ("slučaj", "izvještaj", "mesaj"): an Albanian surname's ending (`NameReader.albanianSurname`).
    static func albanianEnding(_ w: FoldedWordHash) -> Bool {
        w.count >= 5 && w.last8 & 0xFFFF == 0x616A && w.last8 & 0xFF_FFFF != 0x75_616A && !nounsInAJ.contains(w.hash)
    }

    /// Common nouns in "-aj" of Serbo-Croatian, Macedonian (folded) and Turkish, a closed list written by hand.
    private static let nounsInAJ = Set([
        "slucaj", "izvjestaj", "izvestaj", "pokusaj", "uticaj", "utjecaj", "obicaj", "dogadjaj", "zagrljaj",
        "mesaj", "santaj", "garaj", "bagaj", "masaj", "montaj", "baraj", "viraj", "kolaj", "sabotaj", "tiraj", "pasaj",
        "kamuflaj", "personaj", "reportaj",
    ].map(fnv1a))

    private static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
}

/// A folded word read one byte at a time without storing it: its FNV-1a hash, its last eight
/// bytes, its first three letters and its length. FNV-1a's multiplier is odd, so a hash can be
/// taken back byte by byte: the hash of the word without its last bytes (a stem) is computed from
/// the whole word's hash and `last8`, for stems at most seven bytes shorter.
struct FoldedWordHash {
    private(set) var count = 0
    private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var last8: UInt64 = 0
    /// The first three letters as `NameGazetteer.Table` indexes its prefixes.
    private(set) var prefix = 0
    /// `count` just after the last "ć", "č" or "ћ" was folded into it, 0 for none: the position
    /// of that letter's "c" (see `NameEvidence.surnameShape`).
    var accentEnd = 0

    @inline(__always) mutating func append(_ b: UInt8) {
        hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        last8 = last8 &<< 8 | UInt64(b)
        if count < 3 { prefix = prefix &* 27 &+ (isLowerASCII(b) ? Int(b &- 0x61) : 26) }
        count &+= 1
    }

    /// The byte `k` places from the end (1 is the last), 1 ≤ k ≤ 8.
    @inline(__always) func byte(fromEnd k: Int) -> UInt8 { UInt8(truncatingIfNeeded: last8 &>> UInt64(8 * (k - 1))) }

    /// The hash of the word without its last `k` bytes, 0 ≤ k < 8.
    @inline(__always) func hash(droppingLast k: Int) -> UInt64 {
        var h = hash
        for j in 0..<k { h = (h &* 0xce96_5057_aff6_957b) ^ (last8 &>> UInt64(8 * j) & 0xFF) }
        return h
    }

    /// `NameEvidence.stem` of the word, read from `last8`; nil when the endings taken off reach
    /// further back than the last eight bytes.
    var stem: UInt64? { stem(droppingLast: 0) }

    /// `NameEvidence.stem` of the word without its last `k` bytes ("lukaceva" without "eva": lukac),
    /// read from `last8`; nil when the endings taken off reach further back than the last eight bytes.
    @inline(__always) func stem(droppingLast k: Int) -> UInt64? {
        let count = self.count - k
        var n = count
        while n > 4 {
            let dropped = count - n
            guard k + dropped < 8 else { return nil }
            switch byte(fromEnd: k + dropped + 1) {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x6D, 0x74, 0x6E, 0x73, 0x6A: n -= 1
            case 0x72 where n >= 7:
                guard k + dropped + 3 <= 8 else { return nil }
                let e = byte(fromEnd: k + dropped + 2)
                guard byte(fromEnd: k + dropped + 3) == 0x6C && (e == 0x65 || e == 0x61) else { return hash(droppingLast: k + dropped) }
                n -= 3
            default: return hash(droppingLast: k + dropped)
            }
        }
        if n == 4 {
            // The fourth letter, if an ending, must be within the last eight bytes; else the bytes decide.
            guard k + count - n < 8 else { return nil }
            if NameEvidence.endsShortStem(byte(fromEnd: k + count - n + 1)) { n = 3 }
        }
        return k + count - n < 8 ? hash(droppingLast: k + count - n) : nil
    }
}

/// An ending of up to eight ASCII letters packed into an integer, compared with a word's last
/// eight bytes (`last8`) under a mask, without allocating.
struct Suffix {
    let packed: UInt64
    let mask: UInt64
    let length: Int

    init(_ s: String) {
        var v: UInt64 = 0
        for b in s.utf8 { v = v << 8 | UInt64(b) }
        packed = v
        length = s.utf8.count
        mask = length >= 8 ? ~0 : (1 << (8 * UInt64(length))) - 1
    }
}

extension Array where Element == UInt8 {
    /// The last (up to) eight bytes, the last one lowest.
    var last8: UInt64 {
        var v: UInt64 = 0
        for k in Swift.max(0, count - 8)..<count { v = v << 8 | UInt64(self[k]) }
        return v
    }
}
