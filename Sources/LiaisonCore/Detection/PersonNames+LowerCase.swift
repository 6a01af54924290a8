/// Rule 9, names in a text typed in lower case (chat, forwarded messages): a lower-case given name
/// is a name on its own, and a common-word one when a past verb or a form of address follows it.
extension PersonNames {
    /// Rule 9: every lower-case word that is a given name as written, not also a common word
    /// ("luka", "sanja") nor, since the thirty-first round, a word of two of the Debian lists
    /// (`NameEvidence.lowerCaseWord`: "malo", "koju", "linka", "dafina"), a place or a declined reading,
    /// and not inside a token ("goran_77", "ana@…", "/ana/"): "my mum ljubica got a call", "ja sam goran".
    /// A declined reading counts once its name was found before ("uroš" … "urošu"), or with a Slavic
    /// ending outside Turkish ("sa mladenom"); a Turkish case suffix written on without an apostrophe
    /// at once, in a text that writes Turkish ("ezginin", "tuğçeye"; both PersonNames+Turkish.swift).
    /// With `collect`, every lower-case word with some evidence is also kept in `starts`, for `candidates`.
    /// Over `ranges` only (in text order): all of a text typed in lower case, or its `passages` (`lowerCasePassage`,
    /// `chatPassages`). With `capitals`, the same over a chat's messages typed in capitals ("NANA, 10:02: SULJO…").
    static func lowerCaseGivenNames(_ p: Bytes, in ranges: [Range<Int>], passages: Bool, capitals: Bool = false,
                                    _ reader: inout NameReader, _ found: inout [FoundName], _ starts: inout [Int], collect: Bool) {
        let shape: NameReader.Shape = capitals ? .allCaps : .lower
        var taken = found.map(\.range)
        taken.sort { $0.lowerBound < $1.lowerBound }
        var stems = Set<UInt64>()
        for name in found { stems.formUnion(name.stems) }
        var t = 0
        for range in ranges {
            var i = range.lowerBound
            while i < range.upperBound {
                let (v, l) = p.scalar(at: i)
                guard isLetter(v) else { i += l; continue }
                let start = i
                i = wordEnd(p, i)
                let before = p.at(start - 1)
                guard isUpper(v) == capitals, before != 0x40, before != 0x5F, before != 0x2F, before != 0x2E, before != 0x2D, before != 0x23,
                      !isDigit(before), let w = reader.word(at: start), w.shape == shape,
                      reader.placePreposition(before: start) != .anyName else { continue }
                i = max(i, w.range.upperBound)
                let e = w.evidence
                if collect, !e.isUnknown, !e.organisation, !e.postTitle { starts.append(start) }
                let named = (e.given == 2 && !e.lowerCaseWord || e.petName && !e.declined || (e.given > 0 && stems.contains(w.stem))) && !e.ambiguous
                    && (!e.declined || stems.contains(w.stem) || reader.endsInSlavicCase(w.range))
                    || (e.given == 2 && !e.declined && isChatSubject(w, &reader))  // "sanja kliknula" (PersonNames+Speakers.swift)
                    || (reader.formOfAddressFollows(w.range.upperBound) && reader.isAddressable(w))  // "serdar abi" (PersonNames+Turkish.swift)
                    || reader.isTurkishEndearment(w.range, named: { stems.contains($0) })  // "elifcim" (PersonNames+Turkish.swift)
                let unread = e.isUnknown || (e.declined && !e.ambiguous)  // "gokhanin" reads as an Albanian case of Gokhan
                guard named || ((e.given < 2 || e.declined) && reader.writesTurkish()  // PersonNames+Turkish.swift
                                && reader.isTurkishCaseOfGivenName(w.range, unknown: unread, named: { stems.contains($0) })),
                      !e.place, !e.organisation, !e.postTitle, !(p.at(i) == 0x2E && isAlpha(p.at(i + 1))),
                      w.range.count > 2 || stems.contains(w.stem),  // two Latin letters: "jo" (Albanian "no"), "al", "li"
                      capitals || !reader.endsInTurkishPastTense(w.range),  // "parayı aldı", not Aldi (PersonNames+Turkish.swift)
                      PersonCues.end(p, at: start) == nil else { continue }  // a kin word: "kenane sine"
                while t < taken.count && taken[t].upperBound <= start { t += 1 }
                if t < taken.count && taken[t].lowerBound < i { continue }
                stems.insert(w.stem)
                var words = [w.range]
                // In a passage, a surname after it on the line, listed or of strong regional shape: "ivana horvat",
                // "inspektor ardian hoxholli", "господином властимиром урошевићем"; in a whole text in lower case,
                // since the thirty-fifth round, a Slavic one in the given name's case only, as listed surnames that
                // are words follow names as often there ("tijane markovic", not "jelena mora", "mehmet böyle").
                if e.given == 2, let s = reader.next(after: w, weighLowerCase: true), !s.afterBreak, s.shape == shape,
                   s.evidence.surname == 2, passages || s.evidence.regionalShape && agreesAsSurname(w, s, reader),
                   !s.evidence.surnameWord, s.evidence.given == 0, !s.evidence.place, !s.evidence.organisation,
                   !s.evidence.postTitle,
                   PersonCues.end(p, at: s.range.lowerBound) == nil {  // "amila sine"
                    words.append(s.range)
                    stems.insert(s.stem)
                    i = max(i, s.range.upperBound)
                }
                found.append(FoundName(words: words, stems: [w.stem], detector: "person-lower-case"))
            }
        }
    }

    /// Whether `surname`, of strong regional shape, after the given name `given` in a text typed in
    /// lower case, reads as its surname: "-ski"/"-ska", or "-ić" undeclined ("tijane markovic") or in
    /// the given name's case, the same last letter ("ivanu nikoliću", "markom petrovićem"), a genitive
    /// "-a" only after a man's name in the genitive ("ivana petrovića", not "jelena zečića"). Not a
    /// verb's infinitive or a plural in "-ići" ("jelena stići"), a noun in "-ić" in another case
    /// ("ivani mačića"), nor "-oğlu", also a word ("beyoğlu", "kardeşoğlu").
    static func agreesAsSurname(_ given: NameReader.Word, _ surname: NameReader.Word, _ reader: NameReader) -> Bool {
        guard let (g, _, _) = reader.foldedWord(at: given.range.lowerBound),
              let (s, _, _) = reader.foldedWord(at: surname.range.lowerBound) else { return false }
        if s.byte(fromEnd: 2) == 0x6B { return s.byte(fromEnd: 3) == 0x73 }  // "-ski", "-ska"
        for ending in 0...2 where s.byte(fromEnd: ending + 1) == 0x63 && s.byte(fromEnd: ending + 2) == 0x69 {
            let last = s.byte(fromEnd: 1)
            switch ending {
            case 0: return true
            case 1 where last == 0x61: return g.byte(fromEnd: 1) == last && reader.table(g.hash(droppingLast: 1)).contains(.given)
            case 1: return last == 0x75 && g.byte(fromEnd: 1) == last
            default: return last == 0x6D && g.byte(fromEnd: 1) == last
            }
        }
        return false
    }

    /// A passage typed in lower case inside a text that is not, opening at `i` after a quotation
    /// mark: a voice message or call transcribed word for word into a report ("„kenane sine zvao
    /// me neki iz policije…“", "\"kerem oğlum beni hemen ara…\""). It runs to the next quotation mark, a
    /// blank line or 2,000 bytes, holds six spaces or more and no capital letter; nil otherwise.
    static func lowerCasePassage(_ p: Bytes, at i: Int) -> Range<Int>? {
        let (v0, _) = p.scalar(at: i)
        guard isLetter(v0), !isUpper(v0) else { return nil }
        var k = i, spaces = 0
        while k < p.count, k - i < 2000 {
            let b = p[k]
            // any quotation mark ends it, an opening one too, so that no byte is read for two passages
            if b == 0x22 || (b == 0xE2 && p.at(k + 1) == 0x80 && p.at(k + 2) &- 0x9C < 3) { break }
            if b == 0x0A && (p.at(k + 1) == 0x0A || p.at(k + 1) == 0x0D && p.at(k + 2) == 0x0A) { break }  // a blank line
            if b == 0x20 { spaces += 1 }
            if b < 0x80 {
                if isUpperASCII(b) { return nil }
                k += 1
                continue
            }
            let (v, l) = p.scalar(at: k)
            if isUpper(v) { return nil }
            k += l
        }
        return spaces >= 6 ? i..<k : nil
    }

    /// The messages of a chat inside a text: the rest of each line after a speaker who is a person
    /// (`isPersonSpeaker`), or any speaker after an exported chat's date and time ("goran: neka sanja
    /// zove banku", "[09/05, 08:03] dec: kayleigh paid as well", "Brenda Catterall, 10:03: who is
    /// this?", "NANA, 10:02: SULJO…"), that holds two spaces or more and is typed in one case, by
    /// case, once the text has two lines or more so written. A label is no speaker ("Status: pending
    /// review", "ValueError: …", "rule 12: allow …", "08:20 napomena: …"). In text order.
    static func chatPassages(_ p: Bytes, _ reader: inout NameReader) -> (lower: [Range<Int>], capitals: [Range<Int>]) {
        // Each line with a speaker, read by its message's case first: only a message in lower case
        // makes the speakers worth weighing (the gazetteer's lookups), and most texts have none.
        var lines: [(speaker: Range<Int>, body: Range<Int>, exported: Bool, typed: Case?)] = []
        var lineStart = 0
        while lineStart < p.count {
            let lineEnd = p.firstIndex(of: 0x0A, from: lineStart)
            let start = exportedChatTime(p, at: lineStart)  // an exported chat's "[09/05, 07:55] " names its speakers
            if let body = chatBody(p, start..<lineEnd) {
                lines.append((start..<(body.lowerBound - 2), body, start > lineStart, oneCase(p, body)))
            }
            lineStart = lineEnd + 1
        }
        guard lines.contains(where: { $0.typed == .lower }) else { return ([], []) }
        var lower: [Range<Int>] = [], capitals: [Range<Int>] = []
        var speakers = 0
        for line in lines where line.exported || isPersonSpeaker(p, line.speaker, &reader) {
            speakers += 1
            switch line.typed {
            case .lower?: lower.append(line.body)
            case .capitals?: capitals.append(line.body)
            case nil: break
            }
        }
        guard speakers >= 2 else { return ([], []) }
        // Messages in capitals count beside others in lower case, one speaker typing so in a chat.
        return (lower, lower.isEmpty ? [] : capitals)
    }

    /// A chat's speaker that is a person: a word the gazetteer has as a given name that is no common
    /// word, or as a surname that is no English word ("goran", "Brenda Catterall", "NANA"; not "rule",
    /// "note"), and no organisation, title, institution or place word; a kin word
    /// ("OTAC", "МАЈКА"); a handle with '_', '.' or a digit inside its letters ("fr0stbyte_",
    /// "lilyp.xo"); or any speaker with the message's time after it ("Unknown number, 10:05").
    private static func isPersonSpeaker(_ p: Bytes, _ r: Range<Int>, _ reader: inout NameReader) -> Bool {
        var end = r.upperBound
        while end > r.lowerBound, isDigit(p[end - 1]) || p[end - 1] == 0x3A { end -= 1 }  // ", 10:05"
        if end < r.upperBound - 3, p.at(end - 1) == 0x20, p.at(end - 2) == 0x2C { return true }
        var i = r.lowerBound
        while i < end {
            let b = p[i]
            guard b >= 0x80 || isAlpha(b) else { i += 1; continue }
            let e = wordEnd(p, i)
            if PersonCues.end(p, at: i)?.kind == .kin { return true }
            if let w = reader.word(at: i), w.range.upperBound == e, case let v = w.evidence,
               v.given > 0 && !v.ambiguous || v.surname == 2 && !v.surnameWord && v.given == 0,
               !v.organisation, !v.postTitle, !v.institution, !v.place {
                return true
            }
            // a handle: letters with '_', or '.' or a digit between letters ("maria_k", "lilyp.xo", "fr0stbyte_")
            let next = p.at(e)
            if e < r.upperBound, next == 0x5F || (next == 0x2E || isDigit(next)) && isAlpha(p.at(e + 1)) { return true }
            i = max(e, i + 1)
        }
        return false
    }

    /// The message of the line `line` after its speaker (one to three words of letters, digits,
    /// '_', '.', '-', a time or a group in brackets, within 48 bytes, then ": "); nil without one.
    private static func chatBody(_ p: Bytes, _ line: Range<Int>) -> Range<Int>? {
        // ": " within 48 bytes first (a time's colons are followed by digits), then what comes before it
        let head = Bytes(rebasing: p[..<min(line.upperBound, line.lowerBound + 48)])
        var colon = head.firstIndex(of: 0x3A, from: line.lowerBound)
        while colon < head.count, p.at(colon + 1) != 0x20 { colon = head.firstIndex(of: 0x3A, from: colon + 1) }
        guard colon < head.count else { return nil }
        var spaces = 0, letters = 0
        for k in line.lowerBound..<colon {
            let b = p[k]
            if b == 0x20 {
                spaces += 1
                if spaces > 3 { return nil }
            } else if b >= 0x80 || isAlpha(b) {
                letters += 1
            } else if !(isDigit(b) || b == 0x5F || b == 0x2E || b == 0x2D || b == 0x2C || b == 0x3A || b == 0x28 || b == 0x29
                        || b == 0x5B || b == 0x5D) {
                return nil
            }
        }
        return letters >= 2 ? (colon + 2)..<line.upperBound : nil
    }

    private enum Case { case lower, capitals }

    /// The one case `r` is typed in, when it holds two spaces or more and its letters are all lower
    /// case or all capitals; nil otherwise.
    private static func oneCase(_ p: Bytes, _ r: Range<Int>) -> Case? {
        var i = r.lowerBound, spaces = 0, upper = false, lower = false
        while i < r.upperBound {
            let b = p[i]
            if b < 0x80 {
                if isUpperASCII(b) { upper = true } else if isLowerASCII(b) { lower = true } else if b == 0x20 { spaces += 1 }
                i += 1
            } else {
                let (v, l) = p.scalar(at: i)
                if isLetter(v) { if isUpper(v) { upper = true } else { lower = true } }
                i += l
            }
            if upper && lower { return nil }
        }
        guard spaces >= 2 else { return nil }
        return upper ? .capitals : lower ? .lower : nil
    }

    /// Two lists of passages in text order as one, overlapping ones joined.
    static func merged(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        guard !a.isEmpty, !b.isEmpty else { return a.isEmpty ? b : a }
        var all = a + b
        all.sort { $0.lowerBound < $1.lowerBound }
        var out: [Range<Int>] = []
        for r in all {
            if let last = out.last, r.lowerBound < last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}
