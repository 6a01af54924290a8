/// People's names in free text, in the region's seven languages, found by evidence rather than by
/// capitalisation alone. `NameReader` reads each capitalised (or all-capital) word with its
/// suffixes and `NameEvidence` weighs it: a given name, surname or place of the gazetteer, as
/// written or once a case ending is taken off ("Marka" → Marko, "Petrovića", "Arbenit" → Arben),
/// a surname ending (-ović, -ić, -oğlu, -ovski), an organisation word. A person is then
///   1. a given name with one or two more name words ("Marko Petrović", "Mehmet Ali Kaya"),
///   2. a surname first and given names after it ("PETROVIĆ Marko", "DEMAJ ARLINDA"),
///   3. an unknown capitalised word before a surname of regional shape ("Dragoslav Petrović", "Klajdi
///      Hasanaj"), unless the unknown word follows a full stop,
///   4. an initial with a known name ("M. Petrović", "Zoran Đ. Pavlov", "Lazić B.", "M. Cemil Arslan"),
///      two initials with any capitalised word ("A. J. Penhaligon"),
///   5. one to three words after a role label, kin word or title in the seven languages, one word
///      after a form's field of one name part ("Prezime:", "Soyad:") or a kin word ("her niece Nazia");
///      after a title in capitals only a known given name or a regional surname ("MS PRIYA VENKATESAN"),
///   6. one word alone: a given name that is not also a common word opening a sentence or a form's
///      phrase, or a surname of regional shape, with no capitalised word after it; a capitalised word the gazetteer
///      lacks before "Hanım", "Bey" or "Efendi", not an office or a greeting ("Setenay Hanım"),
///   7. a lower-case given name and regional surname ("milica pejovic"),
///   8. once a person is named, a later word with the same stem ("Kurtović" … "Kurtoviću"),
///   9. in a text typed in lower case, a lower-case given name that is not also a common word
///      ("my mum ljubica got a call"), with a Turkish case suffix written on when the text writes
///      Turkish ("tuğçenin kartından"; PersonNames+Turkish.swift); so too in a passage typed in lower
///      case after a quotation mark, a transcribed voice message ("„ivana horvat iz banke…“"),
///      with a known surname after the given name (PersonNames+LowerCase.swift),
///  10. a possessive adjective of a name before its noun ("Dizdarov brat", "Кристијановиот профил";
///      NameEvidence+Possessives.swift); and a name word found alone takes the unknown capitalised
///      word before it, inside a sentence, as its first word ("Ivy Marsh", "Rojda Tekin").
///  11. two capitalised words the text names again by one of them alone, before a lower-case word
///      ("Tigist Haile … Tigist is", "Даглас Фримонт. Фримонт бараше"; PersonNames+Repeated.swift).
///  12. words the gazetteer lacks where the text shows a name: a surname after an initial ("N. Šoć"),
///      a third word ending a known name ("Marina Ivković Bulat"; NameReader+UnknownWords.swift), a
///      name signed under a closing formula ("Kind regards,⏎Iolo Gruffydd"), "KOWALSKI, Tomasz"
///      (PersonNames+Signatures.swift), and two words before " (" in a list whose other items are
///      names found ("Sami Pardo (BDDK), Rojhat Demirkaya (…)"; PersonNames+Affiliations.swift).
///  13. speakers, addressees and people told in chat and letters ("jordan: morning", "Hi Fen,", "reci dženi"),
///      and a speaker's name again in another case ("laki: …" … "i lakiju isto"),
///      and Chinese names in pinyin ("Liang Xiaoyu"; PersonNames+Addressed.swift, PersonNames+Pinyin.swift).
///  14. a given name alone before a verb of saying, though also a common word ("Ivica kaže", "Besa
///      na tha", "Grace said"; PersonNames+Speakers.swift).
///  15. two capitalised words no rule took after a preposition of origin and a place ("iz Nigerije
///      Ebere Nwosu", "from Ghana Kwabena Owusu"; PersonNames+Origin.swift).
///  16. two or three initials alone after an age or a word for initials, or beside a name found across
///      "and" ("27-godišnji I. B.", "me inicialet D.K."; PersonNames+BareInitials.swift).
///  17. in a text typed in lower case, a given name that is also a common word before a past verb or a
///      verb of saying ("nada je kliknula", "umut tıklamış"; PersonNames+Speakers.swift); a name found
///      again as its surname's possessive or wife's name ("Lukačeva", "Vujoševićka"), and a name's
///      span grown by its initials, a given name or a surname in capitals before it
///      (PersonNames+Spans.swift).
///  18. a given name, also a common word, before a Turkish form of address ("Ozan abi", "serdar abi";
///      PersonNames+Turkish.swift); an unknown word before a name word inside a sentence ("fark etti,
///      Acun Ilıcalı"; PersonNames+UnknownPairs.swift); "SURNAME, Given" ending a form's field after
///      its label ("Sanık: KOCAMAN, Tolga"; PersonNames+Signatures.swift).
///  19. each cell of a table's column of names, under a header that says so ("Име и презиме",
///      "Emri Mbiemri", "prezime;ime", "ref,surname,forename", aligned columns; PersonNames+Tables.swift).
///  20. a SWIFT MT103's ordering customer and beneficiary, the line after the account in fields 50K
///      and 59 (PersonNames+Payments.swift).
///  21. two or three words in capitals before a year of birth in brackets, a given name beside a
///      surname ("ANKESË NGA FLAMUR LAJÇI (1957)", "ÖZTÜRK AYŞE (1975)"; PersonNames+BirthYears.swift).
/// All-capital words need gazetteer evidence each ("MARKO PETROVIĆ", not "URGENT ALERT"). Not a
/// person: a name followed by a company form or organisation word ("Marko Trade d.o.o."), a street,
/// school, shop or firm named after a person ("Bulevar Zorana Đinđića", "Butik Emina"), a place
/// (also one opening with a place word: "Novom Sadu"), a month, day or feast alone, the words of an
/// institution after its head noun ("Ministria e Arsimit", "Gimnazije „Slobodan Škerović“";
/// NameEvidence+Institutions.swift), a name after a preposition of place ("u Beču", "in Kent";
/// NameReader+Places.swift), a name beside things in a list or beside "&" ("Barclays, Lloyds and
/// Starling", "Marks & Spencer"; PersonNames+Lists.swift), a malware family, botnet, tool or threat
/// actor ("Akira ransomware", "Black Basta"; PersonNames+SecurityNames.swift), a brand named after a
/// person that no title or role word names ("Massimo Dutti", "Jimmy Choo"; PersonNames+Brands.swift), a
/// surname that is an English word alone ("a Wise account"), a shop „Kod Ljubiše“, a Turkish locative
/// ("Bornova'da") or a street before a house number and postcode (NameReader+Places.swift), Ramadan or
/// Bajram after a preposition of time, "dear" before "my" and "good" before a time of day ("gjatë
/// Ramazanit", "draga moja", "Dobro veče"; PersonNames+Salutations.swift).
///
/// Span rule (that of `Benchmarks/Evaluation/names/README.md`): the name's words as written, case endings and
/// suffixes included ("Marka Petrovića", "Yılmaz'ın", "Krasniqi-t"), the spaces or one line break between them
/// included (not into a form's next label, the same word again, a signature's next line: `NameReader.joinsAcrossBreak`,
/// nor across a table's columns), titles, role words and honorifics ("Ahmet Bey", "Komiser Yardımcısı") excluded.
enum PersonNames {
    static func propose(_ p: Bytes, into out: inout [Candidate]) {
        var reader = NameReader(p)
        for name in rules(p, &reader, collect: false).found { out.append(name.candidate(p)) }
    }

    /// Every candidate span of `p` with its features (`NameCandidates`), for `NameCandidateRows`.
    static func candidates(_ p: Bytes, _ visit: (NameCandidates.Span, UnsafeMutableBufferPointer<Double>) -> Void) {
        var reader = NameReader(p)
        let scan = rules(p, &reader, collect: true)
        var candidates = NameCandidates(p, found: scan.found, cues: scan.cues, lowerCaseText: scan.lowerCaseText)
        candidates.each(found: scan.found, starts: scan.starts, reader: &reader, visit)
    }

    /// Takes the words at `starts` out of `capitalised`, the capitalised words no rule has taken yet, which
    /// the later passes read (through a set: linear however many names a pass found).
    static func forget<S: Sequence<Int>>(_ starts: S, in capitalised: inout [Int]) {
        let gone = Set(starts)
        if !gone.isEmpty { capitalised.removeAll { gone.contains($0) } }
    }

    /// `forget` for every word of `names`.
    static func forget<S: Sequence<FoundName>>(wordsOf names: S, in capitalised: inout [Int]) {
        forget(names.lazy.flatMap { $0.words.lazy.map(\.lowerBound) }, in: &capitalised)
    }

    /// What the rules read in `p`: the names they found and, when collected for `candidates`, the
    /// words that may lead a name, where cues end, and whether the text is typed in lower case.
    struct RuleScan {
        var found: [FoundName] = []
        var starts: [Int] = []
        var cues: [(index: Int, kind: PersonCues.Kind)] = []
        var lowerCaseText = false
    }

    /// The rules listed above, over all of `p`; `collect` keeps what `candidates` needs besides the names.
    static func rules(_ p: Bytes, _ reader: inout NameReader, collect: Bool) -> RuleScan {
        var found: [FoundName] = []
        var starts: [Int] = []
        var cues: [(index: Int, kind: PersonCues.Kind)] = []
        var capitalised: [Int] = []  // capitalised words that were not (part of) a name, for the second pass
        var thingWords = Set<Int>()  // the words of names a preposition of place ruled out, and of brands
        var openings = (lower: 0, upper: 0)  // sentences and lines opening in lower case, in capitals
        var passages: [Range<Int>] = []  // typed in lower case after a quotation mark (PersonNames+LowerCase.swift)
        var separators: [Int] = []  // semicolons and commas between lower-case words: a header of CSV ("prezime;ime;mesto")
        var namingEnds: [Int] = []  // ends of words and names a Turkish naming word may follow (PersonNames+NamedAfter.swift)
        var i = 0
        let n = p.count
        let startsCuePair = PersonCues.startsCuePair
        while i < n {
            let b = p[i]
            if b < 0x80 && !isAlpha(b) { i += 1; continue }
            let before = p.at(i - 1)
            if i == 0 || before == 0x0A || before == 0x20 {
                if opensSentence(p, i) {
                    if b < 0x80 ? isUpperASCII(b) : isUpper(p.scalar(at: i).value) { openings.upper += 1 } else { openings.lower += 1 }
                }
            } else if before == 0x22 || before >= 0x9C && before <= 0x9E || before == 0xAB, reader.openingQuote(before: i) > 0,
                      i >= passages.last?.upperBound ?? 0, let passage = lowerCasePassage(p, at: i) {
                passages.append(passage)  // after a quotation mark: a transcript typed in lower case (PersonNames+LowerCase.swift)
            }
            let pair = Int(b) << 8 | Int(p.at(i + 1))
            if startsCuePair.contains(pair), let end = PersonCues.end(p, at: i) {
                if collect { cues.append(end) }
                if let name = reader.afterCue(end.index, kind: end.kind) {
                    // "Дом здравља „Др Милорад Влајковић“": a title inside an institution's name
                    if !reader.insideInstitution(name) { found.append(name) }
                    i = name.end
                    if namingWordMayFollow(p, i) { namingEnds.append(i) }
                } else {
                    i = wordEnd(p, i)  // a cue's first word is not a name itself
                }
                continue
            }
            // Fast path: a lower-case ASCII word is skipped, eight bytes a step.
            if isLowerASCII(b) {
                let start = i
                i = p.asciiLettersEnd(from: i)
                if i < n && p[i] >= 0x80 { i = start } else {
                    if mayEndSurname(p, i), let name = reader.lowerCaseName(surnameAt: start) { found.append(name) }
                    if case let c = p.at(i), c == 0x3B || c == 0x2C, isAlpha(p.at(i + 1)) { separators.append(i) }
                    continue
                }
            }
            if isNameStart(p, i) {
                let mayStart = reader.mayStartName(at: i)
                if mayStart && collect { starts.append(i) }
                if mayStart, let name = reader.name(at: i) {
                    // A street, school or firm named after a person is skipped whole: "Bulevar Zorana Đinđića";
                    // so is a place whose first word is a place word: "Novom Sadu", "Crne Gore".
                    // So is a name inside an institution's: "Ministria e Arsimit", "Drejtoria e Doganës".
                    if let end = reader.properNounEnd(i) ?? (reader.isPlaceWord(name.words[0]) || reader.insideInstitution(name) ? name.end : nil) {
                        i = end
                        continue
                    }
                    // After a preposition of place, a place: "u Beču", "in Kent" (NameReader+Places.swift).
                    if reader.placePreposition(before: i) != nil, let first = reader.word(at: i), reader.afterPlacePreposition(first, count: name.words.count) {
                        for word in name.words { thingWords.insert(word.lowerBound) }
                        i = name.end
                        continue
                    }
                    found.append(name)
                    i = name.end
                    if namingWordMayFollow(p, i) { namingEnds.append(i) }
                    continue
                }
                capitalised.append(i)
            }
            let start = i
            i = wordEnd(p, i)
            if namingWordMayFollow(p, i) { namingEnds.append(i) }
            if i > start + 3, mayEndSurname(p, i), let name = reader.lowerCaseName(surnameAt: start) { found.append(name) }
        }
        dropInitialsBeforeWords(p, &reader, &found)  // "A. The" (NameReader+UnknownWords.swift)
        displayNames(p, &reader, &found, &capitalised)  // "From: Giorgos Karalis <g.karalis@…>" (PersonNames+DisplayNames.swift)
        // 9. In a text typed in lower case (chat, forwarded messages: more sentences and lines open
        // in lower case than in capitals), a lower-case given name is a name on its own.
        let lowerCaseText = openings.lower > openings.upper
        let chat = chatPassages(p, &reader)  // a chat's messages typed in one case (PersonNames+LowerCase.swift)
        if !lowerCaseText { passages = merged(passages, chat.lower) }
        if lowerCaseText || !passages.isEmpty {
            lowerCaseGivenNames(p, in: lowerCaseText ? [0..<n] : passages, passages: !lowerCaseText, &reader, &found, &starts, collect: collect)
        }
        if !chat.capitals.isEmpty {
            let before = found.count
            lowerCaseGivenNames(p, in: chat.capitals, passages: true, capitals: true, &reader, &found, &starts, collect: false)
            forget(wordsOf: found[before...], in: &capitalised)
        }
        namesOfChatAndPinyin(p, &reader, &found, &capitalised, lowerCaseText: lowerCaseText)  // PersonNames+Addressed.swift, +Pinyin.swift
        speakers(p, &capitalised, &reader, &found)  // "Ivica kaže", "Grace said" (PersonNames+Speakers.swift)
        timedSpeakers(p, &capitalised, &reader, &found)  // "SUE, 11:05: …", "Sara (asistente): …" (the same file)
        loggedSpeakers(p, &capitalised, &reader, &found)  // "[08:04] Hollie Brennan: …" (PersonNames+LoggedSpeakers.swift)
        quotedPersonas(p, &capitalised, &reader, &found)  // "\"Frank from Sky technical support\"" (PersonNames+Personas.swift)
        namesAfterOrigin(p, &capitalised, &reader, &found)  // "iz Nigerije Ebere Nwosu" (PersonNames+Origin.swift)
        unknownPairs(p, &capitalised, &reader, &found)  // "The assistant, Keeley Brannigan," (PersonNames+UnknownPairs.swift)
        labelledSurnamesFirst(p, &capitalised, &reader, &found)  // "Sanık: KOCAMAN, Tolga" (PersonNames+Signatures.swift)
        bareInitials(p, &capitalised, &found)  // "27-godišnji I. B.", "me inicialet D.K." (PersonNames+BareInitials.swift)
        // 11. Two capitalised words the text names again by one of them alone (PersonNames+Repeated.swift).
        let repeated = repeatedPairs(p, capitalised, &reader)
        if !repeated.isEmpty {
            found.append(contentsOf: repeated)
            forget(wordsOf: repeated, in: &capitalised)
        }
        // Names signed under a closing formula; "SURNAME, Given" (PersonNames+Signatures.swift).
        let signed = signedNames(p, &reader, found)
        if !signed.isEmpty {
            let inside = RangeIndex(signed.map { ($0.start + 1)..<$0.end })  // past each signature's first byte
            found.removeAll { inside.overlaps($0.start..<($0.start + 1)) }  // "Pepa⏎Sekretaria" under "Mrika Pepa"
            found.append(contentsOf: signed)
            forget(wordsOf: signed, in: &capitalised)
        }
        paymentParties(p, capitalised, &reader, &found)  // ":59:/…⏎IKECHUKWU DANIEL OBI-NWOSU" (PersonNames+Payments.swift)
        surnamesBeforeComma(p, &reader, &found)
        affiliatedNames(p, capitalised, &reader, &found)  // PersonNames+Affiliations.swift
        namesBeforeBirthYears(p, &reader, &found)  // "ANKESË NGA FLAMUR LAJÇI (1957)" (PersonNames+BirthYears.swift)
        namesBeforeNamingWords(p, namingEnds, &capitalised, &reader, &found)  // "Kadir Erkuş adlı şahsa" (PersonNames+NamedAfter.swift)
        coordinatedNames(p, &reader, &found)  // "R v MWANGI Peter and RUTHERFORD Leanne" (PersonNames+Coordinated.swift)
        // Brands named after a person are things (PersonNames+Brands.swift), and so are the names
        // beside things in a list, or beside "&" (PersonNames+Lists.swift).
        dropBrandNames(p, &found, into: &thingWords)
        dropNamesAmongThings(p, &found, thingWords: thingWords, &reader)
        dropSalutationsAndFeasts(p, reader, &found)  // "draga moja", "Dobro veče", "gjatë Ramazanit" (PersonNames+Salutations.swift)
        tableColumns(p, headerSeparators(p, capitalised, separators), &reader, &found)  // "Име и презиме" (PersonNames+Tables.swift)
        guard !found.isEmpty else { return RuleScan(starts: starts, cues: cues, lowerCaseText: lowerCaseText) }
        // Once a person is named, a later word with the same stem is that person again:
        // "Aleksandra Nikolić … Nikolić paid", "Bekim Aliu … Aliu deklaron", "Sead Kurtović … Kurtoviću".
        var stems = Set<UInt64>(minimumCapacity: found.count * 2)
        for name in found { stems.formUnion(name.stems) }
        var initials = [Bool](repeating: false, count: 256)  // first bytes of the names' words, to skip the rest cheaply
        for name in found { for word in name.words { initials[Int(p[word.lowerBound])] = true } }
        for start in capitalised where initials[Int(p[start])] {
            // The same stem, or a possessive or wife's name of a name found: "Lukač" … "Lukačeva", "Vujošević" … "Vujoševićka".
            guard let (stem, end, folded) = reader.stemAndHash(at: start) else { continue }
            let same = stems.contains(stem)
            guard same || NameEvidence.possessiveOfNamed(folded, { stems.contains($0) }) else { continue }
            if let word = reader.word(at: start), same ? word.stem == stem : !word.suffixed && word.range.upperBound == end,
               word.shape != .initial, !word.evidence.organisation, !word.evidence.postTitle,
               !word.evidence.institution, !reader.placeBefore(start), reader.institutionBefore(start) == nil, !reader.nameWordMayFollow(word),
               !reader.afterPlacePreposition(word, count: 1), !reader.organisationAfter(word) {
                // Initials before it are part of the name: "D. P. Oyelaran" after "DESMOND P. OYELARAN";
                // so is the first part of a double surname: "Поп-Јорданова" after "Даниела Поп-Јорданова".
                found.append(FoundName(words: initialsBefore(p, start) + [hyphenatedBefore(p, word.range)], stems: [], detector: "person-again"))
            }
        }
        // 10. A name word found alone takes the unknown capitalised word right before it as its
        // first word: a given name the gazetteer lacks ("Ivy Marsh", "Rojda Tekin").
        // A name word after a capitalised word of a place's name is that place's last word: "u Banjoj Luci",
        // "stadion Pod Goricom", "iz tvrtke Cantieri Lorenzi" (NameReader+Places.swift).
        var inPlaces: [Int] = []
        for k in found.indices where found[k].words.count == 1 && (found[k].detector == "person-word" || found[k].detector == "person-again") {
            if let r = reader.unknownWordBefore(found[k].start) { found[k].words.insert(r, at: 0) } else if reader.endsPlaceName(found[k].start) { inPlaces.append(k) }
        }
        for k in inPlaces.reversed() { found.remove(at: k) }
        extendSpans(p, &reader, &found)  // a particle and surname, a line's first word, two pieces of one name (PersonNames+Spans.swift)
        dropSecurityNames(p, &found, &reader)  // "Akira ransomware", "Black Basta" (PersonNames+SecurityNames.swift)
        return RuleScan(found: found, starts: starts, cues: cues, lowerCaseText: lowerCaseText)
    }

    /// The word at `i` opens a sentence or a line: the text's start, a line break, or '.', '!' or
    /// '?' and one space before it.
    @inline(__always) static func opensSentence(_ p: Bytes, _ i: Int) -> Bool {
        guard i > 0, p[i - 1] != 0x0A else { return true }
        let b = p.at(i - 2)
        return p[i - 1] == 0x20 && (b == 0x2E || b == 0x21 || b == 0x3F || b == 0x0A)
    }

    /// A lower-case word ending at `e` may be a surname ("-vic", "-ić", "-ski", "-ska", "-ћ", "-ки",
    /// "-ка"); `NameReader.lowerCaseName` then checks its ending properly.
    @inline(__always) private static func mayEndSurname(_ p: Bytes, _ e: Int) -> Bool {
        guard e >= 4 else { return false }
        let a = p[e - 3], b = p[e - 2], c = p[e - 1]
        if a == 0x76 && b == 0x69 && c == 0x63 { return true }                          // vic
        if a == 0x73 && b == 0x6B && (c == 0x69 || c == 0x61) { return true }          // ski, ska
        if a == 0x69 && b == 0xC4 && c == 0x87 { return true }                          // ić
        if b == 0xD1 && c == 0x9B { return true }                                       // ћ
        return a == 0xBA && b == 0xD0 && (c == 0xB8 || c == 0xB0) && p[e - 4] == 0xD0  // -ки, -ка
    }

    /// The end of the word at `i` (or of the one non-letter scalar there).
    @inline(__always) static func wordEnd(_ p: Bytes, _ start: Int) -> Int {
        var i = start
        var (v, l) = p.scalar(at: i)
        if !isLetter(v) { return i + l }
        while i < p.count && isLetter(v) {
            i = v < 0x80 ? p.asciiLettersEnd(from: i + 1) : i + l
            while isTwoByteLetter(p.at(i), p.at(i + 1)) { i += 2 }
            (v, l) = p.scalar(at: i)
        }
        return i
    }

    /// `.person` when `name` (words separated by single spaces), the whole value of a structured field,
    /// reads as a person, else the first thing that rules one out: some word is a given name or surname
    /// of the gazetteer as written, or a surname of strong regional shape ("-ović", "-ić", "-oğlu",
    /// "-ovski"), or two words with some evidence each; one declined reading or weak ending ("-ov",
    /// "-ska", "-aj") beside unknown words is not enough (`.noEvidence`), as a field holds a name in the
    /// nominative. Each of these rules a person out: an organisation word ("Bank", "Holding",
    /// "Ndërtim", "Yapı"), a place of the gazetteer that is no name ("Agro Korça", "Telekom Srbija"), a
    /// street or firm word before a word ("Bulevar Mihajla Pupina"), an acronym (a word of two or three
    /// capitals, or four with one vowel, that the gazetteer does not know, beside a word in lower case:
    /// "BH Telecom", "Garanti BBVA"; not "HOTA Damir", nor "KOÇ Elif", where a given name follows).
    static func personEvidence(_ name: String) -> PersonFieldRule {
        var copy = name
        return copy.withUTF8 { p in
            var reader = NameReader(p)
            var i = 0
            var strong = false
            var acronymFirst = false
            var known = 0  // words with any evidence: "Сашка Митева", a declined reading and a weak ending
            // An acronym counts only beside a word written in lower case: "Garanti BBVA", not "KUJTIM ÇELA".
            let mixedCase = name.unicodeScalars.contains { isLetter($0.value) && !isUpper($0.value) }
            while i < p.count {
                if p[i] == 0x20 { i += 1; continue }
                guard let word = reader.word(at: i) else { return .noEvidence }
                let e = word.evidence
                guard !e.organisation, !e.postTitle else { return .organisationWord }
                guard i == 0 || !reader.placeBefore(i), !(e.place && e.isUnknown) else { return .place }
                // A surname in capitals before a given name is a form's way ("KOÇ Elif"); an acronym
                // leads a firm's or office's words ("NLB Banka", "HT Eronet").
                if acronymFirst && !(e.given == 2 && !e.declined) { return .acronym }
                acronymFirst = false
                if mixedCase && word.shape == .allCaps && e.isUnknown && isAcronym(p[word.range]) {
                    guard i == 0 else { return .acronym }
                    acronymFirst = true
                }
                strong = strong || (e.given == 2 && !e.declined) || e.surname == 2
                known += e.isUnknown ? 0 : 1
                i = word.range.upperBound
            }
            return strong || known >= 2 ? .person : .noEvidence
        }
    }

    /// Two or three capitals, or four with at most one vowel: "HT", "NLB", "BBVA"; not "HOTA" or "HYSA",
    /// surnames written in capitals before the given name.
    private static func isAcronym(_ word: Slice<Bytes>) -> Bool {
        let letters = word.count(where: { $0 & 0xC0 != 0x80 })
        guard letters == 4 else { return letters <= 3 }
        return word.count(where: { "AEIOUY".utf8.contains($0) }) <= 1
    }

    /// True when `name`, one word, is a given name of the gazetteer as written (not a declined
    /// reading), not also a common word, a place or an organisation word: "Jelena", "AYŞE".
    static func isGivenName(_ name: String) -> Bool {
        var copy = name
        return copy.withUTF8 { p in
            var reader = NameReader(p)
            guard let word = reader.word(at: 0), word.range.upperBound == p.count,
                  word.shape == .capitalised || word.shape == .allCaps else { return false }
            let e = word.evidence
            return e.given == 2 && !e.declined && !e.ambiguous && !e.place && !e.organisation && !e.postTitle
        }
    }
}
