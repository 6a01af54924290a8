/// A speaker (eighteenth round of issue 11): a given name alone before a verb of saying is a person,
/// though it is also a common word or opens a sentence, where no other rule takes it alone: "Ivica
/// kaže da…", "Lulja thotë se…", "Ђоле ми је рекао", "Grace said". The verb follows the name on the
/// same line, one space apart, after at most two clitics ("mi je", "ми је", "na"); the name is a
/// capitalised given name of the gazetteer as written, in the nominative (a declined form is no
/// subject), and nothing argues against a person. Not capitalised words in chat typed in lower case,
/// where common words say things as often ("the guy says", "meni rekao", "mama kaže"); there the
/// chat-subject rule below reads a lower-case given name before a verb. The same pass takes a given
/// name, also a common word, before a Turkish form of address ("Ozan abi"; PersonNames+Turkish.swift).
extension PersonNames {
    /// Verbs of saying, asking and reporting in the past and present, folded as the gazetteer folds
    /// (Cyrillic as Serbian Latin, no diacritics): Serbo-Croatian and Macedonian, Albanian, Turkish,
    /// English. Grammar of the rule, not data from a source.
    private static let sayingVerbs = HashedWords("""
        kaze kazala kazao kazu rekao rekla rekli rece pita pitao pitala tvrdi tvrdio tvrdila veli prica pricao
        pricala objasnio objasnila navodi naveo navela izjavio izjavila potvrdio potvrdila
        kaza kazuva prasa izjavi objasni raskaza
        tha thote thoshte pyeti tregoi tregon shkroi deklaroi shpjegoi pohoi
        dedi diyor soyledi anlatti sordu yazdi belirtti
        said says told asked explained claimed claims wrote replied
        """)

    /// Clitics between a subject and its verb, folded: "Ђоле ми је рекао", "Besa na tha".
    static let clitics = HashedWords("mi ti mu joj nam vam im je su se me te ga ju nas vas ih ni vi go ja gi na")

    /// Each capitalised word in `capitalised` (words no rule took) that is a speaker, as a name of one
    /// word; the words taken leave `capitalised`.
    static func speakers(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var taken: [Int] = []
        for i in capitalised {
            // The verb first: it rules out most words by a byte or a folded word, before the gazetteer is asked.
            let e = lettersEnd(p, from: i)
            let addressed = reader.formOfAddressFollows(e)  // "Ozan abi" (PersonNames+Turkish.swift)
            guard addressed || sayingVerbFollows(e, &reader), let w = reader.word(at: i), w.shape == .capitalised,
                  w.range.upperBound == e, addressed ? reader.isAddressable(w) : isSpeaker(w), !reader.capitalisedBefore(i) else { continue }
            found.append(FoundName(words: [w.range], stems: [w.stem], detector: "person-speaker"))
            taken.append(i)
        }
        forget(taken, in: &capitalised)
    }

    /// A chat's speaker (thirty-third round): a given name, though it is also a common word ("SUE",
    /// "Sara", "Will"), opening two lines or more before its message's time or its role in brackets
    /// and ": " ("SUE, 11:05: dad don't…", "Sara (asistente): Përshëndetje…"), with another speaker's
    /// line between two of them, as a chat goes ("fati: …"); not a kin word ("NANA, 10:02: …",
    /// `kinNames`), nor a list's or log's word on lines one after another ("Rose (red): 12 pcs", "Su,
    /// 08:00: kesinti"). Each such line's word is a name of one word, and leaves `capitalised`.
    static func timedSpeakers(_ p: Bytes, _ capitalised: inout [Int], _ reader: inout NameReader, _ found: inout [FoundName]) {
        var speakers: [(start: Int, word: NameReader.Word, key: UInt64)] = []
        var lines: [UInt64: Int] = [:]
        for i in capitalised where i == 0 || p[i - 1] == 0x0A {
            let e = lettersEnd(p, from: i)
            guard timeOrRoleFollows(p, e), PersonCues.end(p, at: i)?.kind != .kin, let w = reader.word(at: i), w.range.upperBound == e, w.shape != .initial,
                  !w.suffixed, case let v = w.evidence, v.given > 0, !v.declined, !v.place, !v.organisation,
                  !v.institution, !v.postTitle, let (folded, _, _) = reader.foldedWord(at: i),
                  !kinNames.contains(folded.hash) else { continue }
            speakers.append((i, w, folded.hash))
            lines[folded.hash, default: 0] += 1
        }
        speakers.removeAll { lines[$0.key, default: 0] < 2 }
        guard !speakers.isEmpty else { return }
        let alternating = speakersBetween(p, Set(speakers.map(\.key)), &reader)
        speakers.removeAll { !alternating.contains($0.key) }
        for s in speakers { found.append(FoundName(words: [s.word.range], stems: [s.word.stem], detector: "person-speaker")) }
        forget(speakers.map(\.start), in: &capitalised)
    }

    /// Those of `keys` (folded words) that open two of a text's speaker lines ("Word: ", "Word, 11:05:
    /// ", "Word (role): ") with a line of another speaker between them.
    private static func speakersBetween(_ p: Bytes, _ keys: Set<UInt64>, _ reader: inout NameReader) -> Set<UInt64> {
        var alternating = Set<UInt64>()
        var last: [UInt64: Int] = [:]  // each key's last speaker line, counted among speaker lines
        var count = 0
        var lineStart = 0
        while lineStart < p.count {
            let e = lettersEnd(p, from: lineStart)
            if e > lineStart, p.at(e) == 0x3A && p.at(e + 1) == 0x20 || timeOrRoleFollows(p, e) {
                let key = reader.foldedWord(at: lineStart)?.0.hash ?? 0
                // The speaker lines since the key's last one are all another speaker's.
                if keys.contains(key) {
                    if let k = last[key], count - k > 1 { alternating.insert(key) }
                    last[key] = count
                }
                count += 1
            }
            lineStart = p.firstIndex(of: 0x0A, from: lineStart) + 1
        }
        return alternating
    }

    /// Kin words a chat's contacts are saved as that are given names too, or not read as kin by
    /// `PersonCues` (each there would cost its lookups everywhere): "NANA, 10:02: …", "Anne, 20:00:
    /// neredesin", "Braco (Viber): …".
    private static let kinNames = HashedWords("""
        nana nena nane baba deda dedo teta tetka ujna strina hala seka braco bata batica buraz sestrica keva cale
        kuma kume anne dede anneanne babaanne nine abla teyze dayi amca yenge kanka
        """)

    /// ", 11:05: " (a time of one or two digits, a colon, two digits) or " (role): " (a bracket of
    /// no digit closed within 32 bytes on the line: not "(1971)", "(Q1)") after `e`.
    private static func timeOrRoleFollows(_ p: Bytes, _ e: Int) -> Bool {
        if p.at(e) == 0x2C, p.at(e + 1) == 0x20 {
            var k = e + 2
            if isDigit(p.at(k)) { k += 1 }
            guard isDigit(p.at(k)), p.at(k + 1) == 0x3A, isDigit(p.at(k + 2)), isDigit(p.at(k + 3)) else { return false }
            return p.at(k + 4) == 0x3A && p.at(k + 5) == 0x20
        }
        guard p.at(e) == 0x20, p.at(e + 1) == 0x28 else { return false }
        var k = e + 2
        while k < min(p.count, e + 34), p[k] != 0x29, p[k] != 0x0A {
            if isDigit(p[k]) { return false }
            k += 1
        }
        return p.at(k) == 0x29 && k > e + 2 && p.at(k + 1) == 0x3A && p.at(k + 2) == 0x20
    }

    /// `w` is a given name as written, in the nominative, no place, organisation or institution word.
    private static func isSpeaker(_ w: NameReader.Word) -> Bool {
        let e = w.evidence
        return !w.suffixed && e.given == 2 && !e.declined && !e.place && !e.organisation && !e.institution && !e.postTitle
    }

    /// One space, at most two clitics each after one space, and a verb of saying in lower case after `e`.
    private static func sayingVerbFollows(_ e: Int, _ reader: inout NameReader) -> Bool {
        let p = reader.p
        var k = e
        for _ in 0..<3 {
            guard p.at(k) == 0x20, k + 1 < p.count else { return false }
            // A word of lower-case ASCII letters is hashed as it is read; one with a letter beyond
            // ASCII is folded as the gazetteer folds.
            var hash = FNV1a()
            var end = k + 1
            while end < p.count, isLowerASCII(p[end]) { hash.add(p[end]); end += 1 }
            let value: UInt64
            if end < p.count, p[end] >= 0x80 {
                guard isLowerASCII(p[k + 1]) || (p[k + 1] >= 0xC3 && !PersonNames.isUpper(p.scalar(at: k + 1).value)),
                      let (word, wordEnd, _) = reader.foldedWord(at: k + 1) else { return false }
                (value, end) = (word.hash, wordEnd)
            } else if end == k + 1 || (end < p.count && isAlpha(p[end])) {
                return false  // no word, or one with a capital inside
            } else {
                value = hash.value
            }
            if sayingVerbs.contains(value) { return true }
            guard clitics.contains(value) else { return false }
            k = end
        }
        return false
    }
}

/// A subject in chat (twentieth round of issue 11): in a text typed in lower case, a given name that
/// is also a common word ("nada", "zora", "umut") is a person when a verb in the past follows it,
/// after at most two clitics: "nada je kliknula", "zora rekla", "umut tıklamış", "nada kaže isto".
/// The verb is told by its ending, as chat drops the diacritics its list would need: a
/// Serbo-Croatian participle (-ao, -eo, -io, -uo; -la, -li, -lo in five letters or more, not
/// "mala"), a Turkish evidential past (-mış, -miş, -muş, -müş), an English past in -ed; or a verb
/// of saying. Not -al, -il or -le, which end as many English nouns ("mark email as spam", "bill
/// total", "google"), so a Macedonian participle (-ал, -ил) is not read.
extension PersonNames {
    /// Pronouns that a given name list also holds ("Meni"), folded: Serbo-Croatian and Macedonian
    /// datives and accusatives. Grammar of the rule, not data from a source.
    private static let pronouns = HashedWords("meni tebi sebi mene tebe sebe nama vama njima njemu njoj nemu nejze nego neja")

    /// True when the lower-case word `w` of four letters or more, no pronoun, is a subject: a past
    /// verb or a verb of saying follows it.
    static func isChatSubject(_ w: NameReader.Word, _ reader: inout NameReader) -> Bool {
        guard w.range.count >= 4, let (word, _, _) = reader.foldedWord(at: w.range.lowerBound), word.count >= 4,
              !pronouns.contains(word.hash) else { return false }
        return pastVerbFollows(w.range.upperBound, &reader)
    }

    /// True when a past verb or a verb of saying follows `e`, after at most two clitics (`clitics`).
    private static func pastVerbFollows(_ e: Int, _ reader: inout NameReader) -> Bool {
        let p = reader.p
        var k = e
        for _ in 0..<3 {
            guard p.at(k) == 0x20, k + 1 < p.count, !PersonNames.isUpper(p.scalar(at: k + 1).value),
                  let (word, end, _) = reader.foldedWord(at: k + 1) else { return false }
            if sayingVerbs.contains(word.hash) || isPastVerb(word) { return true }
            guard clitics.contains(word.hash) else { return false }
            k = end
        }
        return false
    }

    /// A folded word of four letters or more with an ending of a past verb (see the extension's doc).
    private static func isPastVerb(_ w: FoldedWordHash) -> Bool {
        guard w.count >= 4 else { return false }
        let a = w.byte(fromEnd: 2), b = w.byte(fromEnd: 1)
        switch (a, b) {
        case (0x61, 0x6F), (0x65, 0x6F), (0x69, 0x6F), (0x75, 0x6F):  // ao eo io uo
            return true
        case (0x6C, 0x61), (0x6C, 0x69), (0x6C, 0x6F), (0x65, 0x64):  // la li lo ed
            return w.count >= 5  // not the adjectives "mala", "cela", "bela"
        case (0x69, 0x73), (0x75, 0x73):  // mis mus
            return w.count >= 5 && w.byte(fromEnd: 3) == 0x6D
        default:
            return false
        }
    }
}
