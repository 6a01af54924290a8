/// Telephone numbers (ITU-T E.164). Acceptance rule, chosen to keep timestamps, dates, IPs,
/// version numbers, hashes and ticket numbers out:
/// 1. international form: "+", "(+" or "00", a country code, and a national significant number (NSN)
///    whose length fits that country's plan (regional plans and EU/EEA members below); for "+" an
///    unlisted country code is accepted when the whole number has 8–15 digits. Normalised to E.164.
/// 2. national trunk form: a leading 0 and an NSN of 8–10 digits (fits AL, BA, XK, ME, MK, RS or TR),
///    written with separators whose first group (trunk 0 + area/mobile code) has 2–5 digits, or
///    unformatted: a mobile number of the region (`regionalMobiles`) anywhere, any other number
///    only right after a cue word ("tel", "phone", "mob", "telefon", "телефон", "cep", …).
///    The country is ambiguous, so it is normalised to its compact national digits.
/// Separators: space . - / and parentheses; "(0)" after a country code is dropped.
enum PhoneNumbers {
    /// Country code → allowed NSN lengths.
    static let plans: [String: ClosedRange<Int>] = [
        "355": 8...9, "387": 8...9, "383": 8...9, "382": 8...8, "389": 8...8, "381": 8...10, "90": 10...10,
        "43": 7...13, "32": 8...9, "359": 7...9, "385": 8...9, "357": 8...8, "420": 9...9, "45": 8...8,
        "372": 7...8, "358": 6...11, "33": 9...9, "49": 7...12, "30": 10...10, "36": 8...9, "353": 7...9,
        "39": 6...11, "371": 8...8, "370": 8...8, "352": 6...11, "356": 8...8, "31": 9...9, "48": 9...9,
        "351": 9...9, "40": 9...9, "421": 9...9, "386": 8...8, "34": 9...9, "46": 7...10,
        "44": 9...10, "41": 9...9, "47": 8...8, "354": 7...9, "423": 7...9,
    ]
    static let regionalNSN = 8...10
    /// Mobile numbers of the region in national form, written without separators: after the
    /// trunk 0, the mobile code's two digits and the total length, trunk 0 included. Landlines
    /// stay cue-only: their area codes collide with too many other numbers.
    static let regionalMobiles: [(first: UInt8, second: ClosedRange<UInt8>, lengths: ClosedRange<Int>)] = [
        (6, 0...9, 9...10),   // AL 067–069 (10 digits); BA 060–067, ME 06x (9); RS 060–069 (9 or 10)
        (7, 0...9, 9...9),    // MK 070–079
        (4, 3...9, 9...9),    // XK 043–049
        (5, 0...5, 11...11),  // TR 050x–055x
    ]

    static func isRegionalMobile(_ d: ArraySlice<UInt8>) -> Bool {
        d.count >= 3 && d[d.startIndex] == 0
            && regionalMobiles.contains {
                d[d.startIndex + 1] == $0.first && $0.second.contains(d[d.startIndex + 2]) && $0.lengths.contains(d.count)
            }
    }
    static let cues: [[UInt8]] = ["tel", "tel.", "phone", "mob", "mobile", "telefon", "tel/fax", "gsm", "cep",
                                  "телефон", "Телефон", "тел", "Тел", "mob.", "cel", "celular", "numri i telefonit",
                                  "fax", "faks", "tel/faks", "tel/fax", "cel.", "mob", "gsm no", "cep tel",
                                  "моб", "Моб", "мобилен", "Мобилен", "мобилни", "Мобилни", "факс", "Факс", "тел/факс", "Тел/факс"]
        .map { Array($0.utf8) }

    /// `plans` as a table read without hashing: a country code of n digits is at 10^n + code
    /// (country codes are prefix-free, so "1" + the digits is unique), its NSN lengths packed as
    /// `lowest | highest << 4`; 0 where no plan is listed.
    private static let planLengths: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 2000)
        for (code, lengths) in plans {
            precondition(lengths.upperBound < 16, "an NSN length takes four bits")
            table[Int("1" + code)!] = UInt8(lengths.lowerBound | lengths.upperBound << 4)
        }
        return table
    }()

    /// Validates digit values (0…9); `international` means a leading "+" was written.
    static func normalise(digits: ArraySlice<UInt8>, international: Bool) -> (String, String)? {
        var body = digits
        // "00" is the international prefix written out; unlike "+", nothing but a known
        // country code may follow it.
        let doubleZero = !international && body.count > 2 && body[body.startIndex] == 0 && body[body.startIndex + 1] == 0
        if doubleZero { body = body.dropFirst(2) }
        if international || doubleZero {
            guard body.first != 0 else { return nil }
            var code = 0, key = 1
            for ccLength in 1...3 where body.count > ccLength {
                code = code * 10 + Int(body[body.startIndex + ccLength - 1])
                key *= 10
                let packed = planLengths[key + code]
                guard packed != 0 else { continue }
                var nsn = body.dropFirst(ccLength)
                if nsn.first == 0 && !(ccLength == 2 && code == 39) { nsn = nsn.dropFirst() }  // Italy keeps its 0
                guard Int(packed & 0x0F)...Int(packed >> 4) ~= nsn.count else { return nil }
                return (text(plus: true, body.prefix(ccLength), nsn), "phone-e164")
            }
            return !doubleZero && (8...15).contains(body.count) ? (text(plus: true, body), "phone-e164") : nil
        }
        guard body.first == 0, body.count > 1, body[body.startIndex + 1] != 0,
              regionalNSN.contains(body.count - 1) else { return nil }
        return (text(plus: false, body), "phone-national")
    }

    /// The digits (values 0…9) as text, after a "+" when `plus`: the one allocation of a number found.
    private static func text(plus: Bool, _ head: ArraySlice<UInt8>, _ tail: ArraySlice<UInt8> = []) -> String {
        String(unsafeUninitializedCapacity: head.count + tail.count + 1) { out in
            var k = 0
            if plus { out[0] = 0x2B; k = 1 }
            for d in head { out[k] = d + 0x30; k += 1 }
            for d in tail { out[k] = d + 0x30; k += 1 }
            return k
        }
    }

    private static func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2E || b == 0x2D || b == 0x2F }

    /// What `scan` reads of one number: its digit values, the digits in each group, and where each
    /// group ends (byte offset and digits so far). One per text, cleared for each start, so that
    /// only a text's first start allocates (at most 21 digits are read).
    struct Reading {
        var digits: [UInt8] = [], groupLengths: [Int] = [], groupEnds: [(byte: Int, digits: Int)] = []

        mutating func clear() {
            digits.removeAll(keepingCapacity: true)
            groupLengths.removeAll(keepingCapacity: true)
            groupEnds.removeAll(keepingCapacity: true)
            digits.reserveCapacity(24)
            groupLengths.reserveCapacity(24)
            groupEnds.reserveCapacity(24)
        }
    }

    /// Proposes a phone number starting at `s` ('+', '0' or '('), trying the longest prefix that ends
    /// on a group boundary first. Work is bounded by 20 digits per start.
    static func scan(_ p: Bytes, at s: Int, reading: inout Reading) -> Candidate? {
        let prev = p.at(s - 1)
        if isAlnum(prev) || prev == 0x2E || prev == 0x2D || prev == 0x2F || prev == 0x5F || prev == 0x23
            || prev == 0x2B || prev == 0x3A && isDigit(p.at(s - 2)) { return nil }
        // Not from the middle of a longer chain of digit groups ("RS83 8228 0462 0902 1023 17").
        if prev == 0x20 && isDigit(p.at(s - 2)) && isDigit(p.at(s - 3)) { return nil }
        // Cheap pre-check: at least 7 digits within the next 24 bytes.
        var seen = 0, probe = s
        while probe < p.count && probe - s < 24 && seen < 7 {
            let c = p[probe]
            if isDigit(c) { seen += 1 } else if !(isSeparator(c) || c == 0x28 || c == 0x29 || c == 0x2B) { break }
            probe += 1
        }
        guard seen >= 7 else { return nil }
        var i = s
        var international = p.at(i) == 0x2B
        var parenOpen = false, usedParen = false
        if international { i += 1; guard isDigit(p.at(i)) else { return nil } }
        if p.at(i) == 0x28 && p.at(i + 1) == 0x2B {                           // "(+90) 212 …"
            international = true; parenOpen = true; usedParen = true; i += 2
        }
        reading.clear()
        var separators = SeparatorSet()
        var current = 0
        while reading.digits.count <= 20 {
            let c = p.at(i)
            if isDigit(c) {
                reading.digits.append(c - 0x30); current += 1; i += 1
                continue
            }
            if current > 0 { reading.groupLengths.append(current); reading.groupEnds.append((i, reading.digits.count)); current = 0 }
            if c == 0x28 && !parenOpen && !usedParen {                       // "("
                if international && p.at(i + 1) == 0x30 && p.at(i + 2) == 0x29 { // "(0)"
                    i += 3; if p.at(i) == 0x20 { i += 1 }
                    usedParen = true; continue
                }
                guard isDigit(p.at(i + 1)) else { break }
                parenOpen = true; usedParen = true; i += 1; continue
            }
            if c == 0x29 && parenOpen {                                      // ")"
                parenOpen = false; i += 1
                if p.at(i) == 0x20 || p.at(i) == 0x2D { i += 1 }
                guard isDigit(p.at(i)) else { break }
                continue
            }
            // "/" only follows the area code ("064/123-4567", "+381 11/345-6789"); later it marks a
            // file or case reference ("01-3452/2025").
            if c == 0x2F && reading.groupLengths.count > (international ? 2 : 1) { break }
            if isSeparator(c) && (isDigit(p.at(i + 1)) || p.at(i + 1) == 0x28) && !parenOpen && reading.digits.count > 0 {
                separators.insert(c); i += 1; continue
            }
            break
        }
        guard !parenOpen || reading.groupEnds.count > 0 else { return nil }
        // Try the longest prefix ending on a group boundary that is a valid number.
        var cutoff = reading.groupEnds.count - 1
        while cutoff >= 0 {
            let (end, n) = reading.groupEnds[cutoff]
            defer { cutoff -= 1 }
            let next = p.at(end)
            if isAlnum(next) || next == 0x5F || (next == 0x2E || next == 0x3A || next == 0x2D) && isDigit(p.at(end + 1)) {
                continue
            }
            let used = reading.digits[..<n]
            guard let (value, detector) = normalise(digits: used, international: international) else { continue }
            if !international && !(used.count > 2 && used[0] == 0 && used[1] == 0) {
                let groups = reading.groupLengths.prefix(cutoff + 1)
                let formatted = groups.count >= 2 || usedParen
                if formatted {
                    if looksLikeDateOrAddress(groups, separators: separators) { continue }
                    guard (2...5).contains(groups[groups.startIndex]) || usedParen || Cues.precedes(p, s, cues: cues) else { continue }
                } else if !Self.isRegionalMobile(used) && !Cues.precedes(p, s, cues: cues) {
                    continue
                }
            }
            return Candidate(kind: .phone, start: s, end: end, detector: detector, normalised: value)
        }
        return nil
    }

    /// Dotted quads, dd.mm.yyyy / yyyy-mm-dd-like groupings and mixed punctuation are never phone numbers.
    private static func looksLikeDateOrAddress(_ groups: ArraySlice<Int>, separators: SeparatorSet) -> Bool {
        let g = groups, s = groups.startIndex
        if separators.contains(0x2E) && g.count == 4 && g.allSatisfy({ $0 <= 3 }) { return true }
        if g.count >= 3 && g[s] <= 2 && g[s + 1] <= 2 && g[s + 2] == 4 { return true }
        if g.count == 3 && g.allSatisfy({ $0 == 2 }) && separators.hasNonSpace { return true }
        return separators.count > 2
    }

    /// The separator kinds seen in a number, as a bit set over " .-/".
    struct SeparatorSet {
        private var bits: UInt8 = 0
        private static func bit(_ b: UInt8) -> UInt8 { b == 0x20 ? 1 : b == 0x2E ? 2 : b == 0x2D ? 4 : 8 }
        mutating func insert(_ b: UInt8) { bits |= Self.bit(b) }
        func contains(_ b: UInt8) -> Bool { bits & Self.bit(b) != 0 }
        var hasNonSpace: Bool { bits & 0b1110 != 0 }
        var count: Int { bits.nonzeroBitCount }
    }
}
