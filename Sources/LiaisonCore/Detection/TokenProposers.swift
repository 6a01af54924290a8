/// Proposers keyed on ASCII alphanumeric tokens (national IDs, wallets, IBANs) and on digit
/// groups (payment cards, phone numbers). Tokens are visited once each; every validator
/// looks at a bounded window, so the pass is linear.
enum TokenProposers {
    /// A bare number must stand alone: not glued to "#", "-", ".", "/", ":" or "_" neighbours that
    /// make it part of a ticket id, timestamp, version or path.
    static func isIsolatedNumber(_ p: Bytes, _ r: Range<Int>) -> Bool {
        let prev = p.at(r.lowerBound - 1)
        if prev == 0x23 || prev == 0x2D || prev == 0x2E || prev == 0x2F || prev == 0x3A || prev == 0x5F || prev == 0x2B { return false }
        let next = p.at(r.upperBound)
        if next == 0x5F { return false }
        if (next == 0x2E || next == 0x2D || next == 0x2F || next == 0x3A) && isAlnum(p.at(r.upperBound + 1)) { return false }
        return true
    }

    /// True when a non-ASCII letter touches the token ("ЈМБГ0101…"); no-break spaces and dashes do not count.
    static func gluedToLetter(_ p: Bytes, _ r: Range<Int>) -> Bool {
        if p.at(r.upperBound) >= 0x80 && PersonNames.isLetter(p.scalar(at: r.upperBound).value) { return true }
        guard p.at(r.lowerBound - 1) >= 0x80 else { return false }
        var k = r.lowerBound - 1
        while k > 0 && p[k] & 0xC0 == 0x80 { k -= 1 }
        return PersonNames.isLetter(p.scalar(at: k).value)
    }

    /// 1 for an ASCII digit, 2 for an ASCII letter, 0 for any other byte: one load a byte in the
    /// tokens' walk, which visits every byte of the text.
    private static let alnumClasses = ByteTable { isDigit($0) ? 1 : isAlpha($0) ? 2 : 0 }

    static func tokens(_ p: Bytes, kinds: Set<PersonalDataKind>, into out: inout [Candidate]) {
        let wantID = kinds.contains(.nationalID), wantWallet = kinds.contains(.cryptoWallet), wantIBAN = kinds.contains(.iban)
        var i = 0
        let n = p.count
        let classes = alnumClasses
        while i < n {
            guard classes[p[i]] != 0 else { i += 1; continue }
            let s = i
            var seen: UInt8 = 0  // the classes of the token's bytes: 1 a digit, 2 a letter
            while i < n, case let c = classes[p[i]], c != 0 {
                seen |= c
                i = c == 2 ? p.asciiLettersEnd(from: i) : i + 1  // a run of letters eight bytes a step
            }
            let digitsOnly = seen == 1
            let r = s..<i
            let len = r.count
            if p.at(i) >= 0x80 || p.at(s - 1) >= 0x80, gluedToLetter(p, r) { continue }
            if wantIBAN && len >= 4 && isUpperASCII(p[s]) && isUpperASCII(p[s + 1]) && isDigit(p[s + 2]) && isDigit(p[s + 3]),
               let found = IBANValidator.scan(p, at: s) {
                out.append(Candidate(kind: .iban, start: s, end: found.end, detector: "iban-mod97",
                                     normalised: String(decoding: found.compact, as: UTF8.self)))
                continue
            }
            if wantID && digitsOnly && (len == 10 || len == 11 || len == 13) && isIsolatedNumber(p, r) {
                let d = r.map { p[$0] - 0x30 }
                let detector: String?
                switch len {
                case 13: detector = NationalIDs.isValidJMBG(d) ? "jmbg-mod11" : nil
                case 11: detector = NationalIDs.isValidTCKN(d) ? "tckn-checksum" : nil
                default:
                    detector = NationalIDs.isPlausibleKosovoNumber(d) && Cues.precedes(p, s, cues: NationalIDs.kosovoCues)
                        ? "xk-personal-number-cue" : nil
                }
                if let detector {
                    out.append(Candidate(kind: .nationalID, start: s, end: i, detector: detector, normalised: p.string(r)))
                }
                continue
            }
            if wantID && len == 10 && !digitsOnly && isUpperASCII(p[s]) && isUpperASCII(p[i - 1]) && isDigit(p[s + 1]),
               NationalIDs.isValidAlbanianNID(Array(UnsafeBufferPointer(rebasing: p[r]))) {
                out.append(Candidate(kind: .nationalID, start: s, end: i, detector: "al-nid-structure", normalised: p.string(r)))
                continue
            }
            if wantWallet && !digitsOnly && (len >= 14 && len <= 90 || len == 95 || len == 106) {
                let first = p[s]
                let plausible = first == 0x30 || first == 0x31 || first == 0x33 || first == 0x34 || first == 0x38
                    || first == 0x4C || first == 0x4D || first == 0x54 || (first | 0x20) == 0x62 || (first | 0x20) == 0x6C
                if plausible, let detector = CryptoWallets.validate(Bytes(rebasing: p[r])) {
                    out.append(Candidate(kind: .cryptoWallet, start: s, end: i, detector: detector, normalised: p.string(r)))
                }
            }
        }
    }

    /// Chains of digit groups joined by single spaces or dashes → payment cards.
    static func cards(_ p: Bytes, into out: inout [Candidate]) {
        var i = 0
        let n = p.count
        var groups: [Range<Int>] = []
        while i < n {
            i = p.firstDigit(from: i)
            guard i < n else { break }
            let prev = p.at(i - 1)
            let chainStart = i
            var total = 0
            while true {
                while i < n && isDigit(p[i]) { i += 1; total += 1 }
                let sep = p.at(i)
                if (sep == 0x20 || sep == 0x2D) && isDigit(p.at(i + 1)) { i += 1 } else { break }
            }
            if total < 13 { continue }
            // Most chains are too short; only a long one is split into its groups.
            groups.removeAll(keepingCapacity: true)
            var k = chainStart
            while k < i {
                let s = k
                while k < i && isDigit(p[k]) { k += 1 }
                groups.append(s..<k)
                k += 1
            }
            // Digits right after an IBAN-shaped prefix ("ME23 3675 6160 …") are an account number,
            // valid or mistyped, never a card.
            if groups[0].count == 2 && chainStart >= 2 && isUpperASCII(p[chainStart - 1]) && isUpperASCII(p[chainStart - 2])
                && !isAlnum(p.at(chainStart - 3)) { continue }
            if isAlpha(prev) || prev == 0x2E || prev == 0x2B || prev == 0x5F || prev == 0x2F || prev == 0x23
                || prev == 0x2D || prev == 0x3A && isDigit(p.at(chainStart - 2)) {
                groups.removeFirst()
            }
            let next = p.at(i)
            if !groups.isEmpty && (isAlpha(next) || next == 0x5F || (next == 0x2E || next == 0x3A || next == 0x2F) && isDigit(p.at(i + 1))) {
                groups.removeLast()
            }
            if groups.count > 0 { PaymentCards.propose(p, groups: groups, into: &out) }
        }
    }

    /// Phone numbers start at '+', '(' or a digit run beginning with 0.
    static func phones(_ p: Bytes, into out: inout [Candidate]) {
        var i = 0
        let n = p.count
        var reading = PhoneNumbers.Reading()
        while i < n {
            i = p.firstIndex(of: 0x2B, 0x30, 0x28, from: i)
            guard i < n else { break }
            let b = p[i]
            let trigger = (b == 0x2B && isDigit(p.at(i + 1))) || (b == 0x30 && !isDigit(p.at(i - 1)))
                || (b == 0x28 && (p.at(i + 1) == 0x30 || p.at(i + 1) == 0x2B))
            if trigger, let c = PhoneNumbers.scan(p, at: i, reading: &reading) {
                out.append(c)
                i = c.end
                continue
            }
            i += 1
        }
    }
}
