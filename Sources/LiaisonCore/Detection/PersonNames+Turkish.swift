/// Turkish names as chat and letters write them: a case suffix written on without the apostrophe
/// ("ezginin", "gokhanin"), in a text that writes Turkish with or without its letters, and an
/// honorific after a name the gazetteer lacks ("Setenay Hanım").
extension NameReader {
    /// Turkish case suffixes as chat writes them, straight after a given name without the apostrophe,
    /// folded: genitive ("ayşenin", "gokhanin"), dative ("tuğçeye"), with ("selinle"), locative and
    /// ablative ("mertte" is not read: only "de", "da", "den", "dan"), accusative after a vowel ("ayşeyi").
    private static let turkishCaseSuffixes: [[UInt8]] = ["nin", "nun", "in", "un", "ye", "ya", "yle", "yla", "le", "la",
                                                         "de", "da", "den", "dan", "yi", "yu"].map { Array($0.utf8) }

    /// True when the lower-case word in `r` is a given name of four letters or more with a Turkish case
    /// suffix written on without an apostrophe (rule 9 only: a text typed in lower case): "ayşenin
    /// hesabından", "tuğçeye söyle". Either the word is `unknown` (no name as written, at most a
    /// declined reading of one: "gokhanin" reads as an Albanian case of Gokhan) and the name no common
    /// word, or the text named the name before (`named` holds its stem), common word or not: "ezgi
    /// tıklamış … ezginin hesabından".
    /// Since the thirty-fifth round also a name that is a common word, before a word that only a person's
    /// case takes (`personFollows`): "merte söyledim", "mertin instagramı".
    mutating func isTurkishCaseOfGivenName(_ r: Range<Int>, unknown: Bool, named: (UInt64) -> Bool) -> Bool {
        folded.removeAll(keepingCapacity: true)
        guard r.count <= 40, NameGazetteer.fold(p, r, into: &folded) else { return false }
        for (suffix, bare) in Self.caseReadings where folded.count >= suffix.count + 4 && folded.suffix(suffix.count).elementsEqual(suffix) {
            let base = folded.count - suffix.count
            let flags = table(folded.fnv1a(prefix: base))
            guard flags.contains(.given), flags.isDisjoint(with: [.place, .organisation]) else { continue }
            if !bare && ((unknown && flags.isDisjoint(with: [.ambiguous, .declinedNoun])) || named(NameEvidence.stem(folded, count: base))) { return true }
            if let grammaticalCase = Self.cases[suffix], personFollows(r.upperBound, after: grammaticalCase) { return true }
        }
        return false
    }

    /// `turkishCaseSuffixes`, and the dative after a consonant ("merte", "onura"), read only by `personFollows`.
    private static let caseReadings: [([UInt8], Bool)] = turkishCaseSuffixes.map { ($0, false) } + [([0x65], true), ([0x61], true)]

    /// True when the word one space after `e` is one that only a person in the case `suffix` ends takes:
    /// after a dative a verb of telling ("merte söyledim", "yağmura söyleyin", "emreye yazdım"), after a
    /// genitive a person's Instagram, profile, number or card ("mertin instagramı", "ecenin kartından").
    /// Not "de"/"da" or "with", which any noun takes ("denize de girdik", "yağmurla birlikte"), nor an
    /// account or phone, which idioms give a common word ("kaderin hesabı olmaz", "yağmurun telefonu").
    private func personFollows(_ e: Int, after grammaticalCase: TurkishCase) -> Bool {
        guard p.at(e) == 0x20, e + 1 < p.count else { return false }
        var next: [UInt8] = []
        guard NameGazetteer.fold(p, (e + 1)..<PersonNames.lettersEnd(p, from: e + 1), into: &next), !next.isEmpty else { return false }
        switch grammaticalCase {
        case .dative: return next.starts(with: "soyle".utf8) || Self.toldVerbs.contains(next)
        case .genitive: return Self.ownedByPeople.contains { next.starts(with: $0.utf8) }
        }
    }

    enum TurkishCase { case dative, genitive }

    /// The suffixes `personFollows` reads, by the case they end.
    private static let cases: [[UInt8]: TurkishCase] = Dictionary(uniqueKeysWithValues:
        ["ye", "ya", "e", "a"].map { (Array($0.utf8), TurkishCase.dative) } + ["nin", "nun", "in", "un"].map { (Array($0.utf8), TurkishCase.genitive) })

    /// "I wrote", "she wrote", "I asked", "she asked", folded.
    private static let toldVerbs: Set<[UInt8]> = Set(["yazdim", "yazdi", "yazmis", "sordum", "sordu", "sormus"].map { Array($0.utf8) })
    /// What only a person has, as word openings, folded (not "kartpostal": "karti", "kartin…").
    private static let ownedByPeople = ["instagram", "profil", "numara", "karti", "kartin"]

    /// Turkish endearments written on a name, folded: "-cık" with "my" ("-cığım", "-ciğim", "-cuğum",
    /// "-cüğüm") or "-cım", "-cim", "-cum", "-cüm", with "ç" after a voiceless consonant.
    private static let endearments: [[UInt8]] = ["cigim", "cugum", "cim", "cum"].map { Array($0.utf8) }

    /// Given names that are kin words or endearments of anyone: "annecim", "dedecim", "hanımcım",
    /// "cancım" (my soul), "hacıcım", "tosuncum", "aslancım".
    private static let addressNames = PersonNames.foldedKeys(["anne", "dede", "hanım", "can", "hacı", "tosun", "aslan"])

    /// True when the lower-case word in `r` is a given name with a Turkish endearment written on, in a
    /// text that writes Turkish (thirty-fifth round): "ahmetçiğim", "elifcim", "denizcim". A name that is
    /// also a common word and ends in "n" counts once the text named it (`named` holds its stem), as a
    /// noun in "-nç" reads as one: "inancım tam" (my faith, inanç), "erincim" (erinç).
    mutating func isTurkishEndearment(_ r: Range<Int>, named: (UInt64) -> Bool) -> Bool {
        guard r.count >= 6, r.count <= 40, p[r.upperBound - 1] == 0x6D else { return false }  // "…m"
        folded.removeAll(keepingCapacity: true)
        guard NameGazetteer.fold(p, r, into: &folded) else { return false }
        for suffix in Self.endearments where folded.count >= suffix.count + 3 && folded.suffix(suffix.count).elementsEqual(suffix) {
            let base = folded.count - suffix.count
            let name = folded.fnv1a(prefix: base)
            let flags = table(name)
            guard flags.contains(.given), flags.isDisjoint(with: [.place, .organisation]), !Self.addressNames.contains(name),
                  flags.isDisjoint(with: [.ambiguous, .lowerCaseWord]) || folded[base - 1] != 0x6E
                    || named(NameEvidence.stem(folded, count: base)) else { return false }
            return writesTurkish()
        }
        return false
    }

    /// True when the Latin word in `r`, which reads as a Slavic possessive in "-in" ("Selinin telefon": Selina's),
    /// is a Turkish genitive in a text that writes Turkish, of no name but a word: the word before "-in" or
    /// "-nin" is no given name, or one that is a common word ("Velinin notu": the note of the parent, veli).
    /// "Selinin telefonu" stays Selin's; "-ov", "-ev" are no Turkish endings ("Aliyev").
    mutating func isTurkishGenitiveOfWord(_ r: Range<Int>) -> Bool {
        guard r.count >= 5, r.count <= 40, p[r.upperBound - 1] == 0x6E, writesTurkish() else { return false }  // "…n"
        folded.removeAll(keepingCapacity: true)
        guard NameGazetteer.fold(p, r, into: &folded), folded.count >= 5, folded[folded.count - 2] == 0x69 else { return false }
        for ending in [3, 2] where ending == 2 || folded[folded.count - 3] == 0x6E {  // "-nin" after a vowel, "-in"
            let flags = table(folded.fnv1a(prefix: folded.count - ending))
            if flags.contains(.given) && flags.isDisjoint(with: [.ambiguous, .lowerCaseWord, .place]) { return false }
        }
        return true
    }

    /// True when the lower-case word in `r`, a declined reading of a given name no common word, ends as
    /// a Serbo-Croatian or Macedonian case may, in a text that does not write Turkish (rule 9, twenty-third
    /// round): "sa mladenom", "od „ненада“", "amini su skinuli". Not a Latin consonant ending of Albanian
    /// ("linkun", "-it", "-es"), nor a Turkish word that a Slavic ending reads as a name ("linke"), nor
    /// the plural "-ovima", "-evima", "-овима", which no one person is declined to ("s linkovima"), nor a
    /// Macedonian noun's article "-от" ("од линкот"; a name's possessive is "-иот": "марининиот", and a
    /// name written with the article stays one: "горанот").
    mutating func endsInSlavicCase(_ r: Range<Int>) -> Bool {
        let last = p[r.upperBound - 1]
        return last != 0x6E && last != 0x73 && last != 0x74 && !endsInNounsCase(r) && !writesTurkish()  // n s t
    }

    /// The lower-case word in `r` ends in "-ovima", "-evima" (either script) or "-от" after no "и" on a
    /// stem that is no given name: a noun's case, read above as a name's.
    private func endsInNounsCase(_ r: Range<Int>) -> Bool {
        let e = r.upperBound
        if r.count >= 8, p[e - 4] == 0xD0 && p[e - 3] == 0xBE && p[e - 2] == 0xD1 && p[e - 1] == 0x82 {  // от
            guard !(p[e - 6] == 0xD0 && p[e - 5] == 0xB8) else { return false }  // not иот
            var stem: [UInt8] = []  // nor a given name with the article, as chat writes it: "горанот", "петарот"
            return !NameGazetteer.fold(p, r.lowerBound..<(e - 4), into: &stem) || NameEvidence(folded: stem).given < 2
        }
        if r.count >= 7, p[e - 4] == 0x76 && p[e - 3] == 0x69 && p[e - 2] == 0x6D && p[e - 1] == 0x61 {  // vima
            return p[e - 5] == 0x6F || p[e - 5] == 0x65  // o, e
        }
        guard r.count >= 12, p[e - 8] == 0xD0 && p[e - 7] == 0xB2 && p[e - 6] == 0xD0 && p[e - 5] == 0xB8,  // ви
              p[e - 4] == 0xD0 && p[e - 3] == 0xBC && p[e - 2] == 0xD0 && p[e - 1] == 0xB0,  // ма
              p[e - 10] == 0xD0 else { return false }
        return p[e - 9] == 0xBE || p[e - 9] == 0xB5  // о, е
    }

    /// True when the lower-case word in `r` ends as a Turkish verb's past tense with the dotless "ı"
    /// (`-dı`, `-tı`: "aldı", "kaldı", "sattı"), which no given name does: in lower-case chat such a word
    /// is the verb, though its folded letters read as a name ("Aldi", "Sandi", "Ardi").
    func endsInTurkishPastTense(_ r: Range<Int>) -> Bool {
        let e = r.upperBound
        return r.count >= 4 && p[e - 2] == 0xC4 && p[e - 1] == 0xB1 && (p[e - 3] == 0x64 || p[e - 3] == 0x74)  // "dı", "tı"
    }

    /// Whether the text writes Turkish (`PersonNames.writesTurkish`), read once when first asked: its
    /// case suffixes are read without an apostrophe, and a name that is a Turkish word only is a word.
    mutating func writesTurkish() -> Bool {
        if let turkish { return turkish }
        turkish = PersonNames.writesTurkish(p)
        return turkish!
    }

    /// Honorifics after a name that say the word before is one: "Setenay Hanım", "Hakan Bey". Not
    /// "Hoca", "Abi", "Abla": vocatives after a greeting as often ("Merhaba Hocam", "Hi Abi").
    static let honorifics = PersonNames.foldedKeys(["hanım", "bey", "efendi", "hanımefendi"])

    /// Words before an honorific that are no name: offices ("Müdür Bey", "Hemşire Hanım"; those that
    /// are cues, "Komiser", "Doktor", never reach here), demonstratives ("Bu Bey") and forms of address.
    private static let notHonoured = PersonNames.foldedKeys([
        "müdür", "müdüre", "başkan", "savcı", "hakim", "hâkim", "avukat", "hemşire", "memur", "vali", "kaymakam",
        "komutan", "öğretmen", "muhtar", "amir", "şef", "bakan", "vekil", "müfettiş", "imam", "hoca", "sekreter",
        "bu", "şu", "o", "sayın", "değerli", "kıymetli", "genç", "yaşlı",
    ])

    /// True when `w`, a capitalised word no place or institution, greeting or office, comes before the
    /// honorific `next`: a name though the gazetteer lacks it ("Setenay Hanım").
    func honoured(_ w: Word, before next: Word) -> Bool {
        guard w.shape == .capitalised, !w.evidence.place, !w.evidence.institution,
              let (word, _, _) = foldedWord(at: w.range.lowerBound), !Self.notHonoured.contains(word.hash),
              !PersonNames.greetings.contains(word.hash) else { return false }
        return isHonorific(at: next.range.lowerBound)
    }

    /// Turkish forms of address after a given name (`NameEvidence.turkishFormsOfAddress`), and the
    /// honorifics as chat types them in lower case: "Ozan abi", "serdar abi", "Kemal amca", "ayşe
    /// teyze", "ahmet bey" (twenty-fifth round).
    private static let addressAfterName = HashedWords(hashes: Array(honorifics.union(PersonNames.foldedKeys(NameEvidence.turkishFormsOfAddress))))

    /// True when `w` may be named by a form of address after it (`formOfAddressFollows`): a given
    /// name, also a common word ("Ozan", "serdar"), in the nominative, no place, organisation,
    /// greeting, office or demonstrative ("selam abi", "şu abi").
    func isAddressable(_ w: Word) -> Bool {
        let e = w.evidence
        guard !w.suffixed, e.given > 0, !e.declined, !e.place, !e.organisation, !e.institution, !e.postTitle,
              let (word, _, _) = foldedWord(at: w.range.lowerBound) else { return false }
        return !Self.notHonoured.contains(word.hash) && !PersonNames.greetings.contains(word.hash)
    }

    /// One space and a form of address of `addressAfterName` after `e`, and no letter after it.
    func formOfAddressFollows(_ e: Int) -> Bool {
        // By the first two bytes first, lower-cased: "ab", "ağ", "am", "te", "da", "ha", "en", "ye", "be", "ef".
        guard p.at(e) == 0x20, e + 2 < p.count else { return false }
        switch (p[e + 1] | 0x20, p[e + 2] | 0x20) {
        case (0x61, 0x62), (0x61, 0xE4), (0x61, 0x6D), (0x74, 0x65), (0x64, 0x61), (0x68, 0x61), (0x65, 0x6E), (0x79, 0x65),
             (0x62, 0x65), (0x65, 0x66): break
        default: return false
        }
        guard let (form, end, _) = foldedWord(at: e + 1) else { return false }
        return Self.addressAfterName.contains(form.hash) && !PersonNames.isLetter(p.scalar(at: end).value)
    }

    /// True when the capitalised word at `i` is an honorific of `honorifics` ("Hanım'ın" too).
    func isHonorific(at i: Int) -> Bool {
        var word = FoldedWordHash()
        guard i < p.count, PersonNames.isUpper(p.scalar(at: i).value),
              NameGazetteer.fold(p, i..<PersonNames.lettersEnd(p, from: i), into: &word) else { return false }
        return Self.honorifics.contains(word.hash)
    }
}

extension PersonNames {
    /// Words of Turkish chat as it is typed without Turkish letters that the region's other languages
    /// do not write, of six letters at most ("diye", "gibi", "lutfen", "zaten"; not "bi", a Serbo-Croatian
    /// conditional, "bir", Albanian "son", "ama", "tamam", "ve", "hadi" or "sifre", all said across the region).
    private static let turkishWords = HashedWords("""
        diye icin gibi degil cok lutfen simdi hemen yok sonra abi abla zaten evet hayir neden nasil bence sagol mesaj
        """)

    /// A letter only Turkish writes, from its two UTF-8 bytes: ı İ ğ Ğ ş Ş.
    @inline(__always) static func isTurkishLetter(_ a: UInt8, _ b: UInt8) -> Bool {
        (a == 0xC4 && (b == 0xB1 || b == 0xB0 || b == 0x9F || b == 0x9E)) || (a == 0xC5 && (b == 0x9F || b == 0x9E))
    }

    /// True when `p` holds a letter only Turkish writes (ı, İ, ğ, Ğ, ş, Ş).
    static func writesTurkishLetter(_ p: Bytes) -> Bool {
        p.indices.dropLast().contains { isTurkishLetter(p[$0], p[$0 + 1]) }
    }

    /// True when `p` writes Turkish: a letter only Turkish writes, or two different words of
    /// `turkishWords`. The other languages' words would read as a name and a suffix ("stigla" as Stig + -la).
    static func writesTurkish(_ p: Bytes) -> Bool {
        if writesTurkishLetter(p) { return true }
        var seen: UInt64 = 0
        var i = 0
        while i < p.count {
            // A word of ASCII letters with no letter of any script before or after it ("-ëve" is no "ve").
            guard isLowerASCII(p[i]), i == 0 || (p[i - 1] < 0x80 && !isAlpha(p[i - 1])) else { i += 1; continue }
            let e = p.asciiLettersEnd(from: i)
            if e - i <= 6, e == p.count || p[e] < 0x80 {
                let h = fnv1a(p, i..<e)
                if turkishWords.contains(h) {
                    if seen != 0 && seen != h { return true }
                    seen = h
                }
            }
            i = e
        }
        return false
    }
}
