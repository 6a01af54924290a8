/// Payment card numbers (ISO/IEC 7812): 13–19 digits, the Luhn (mod 10) check digit, and an
/// issuer identification prefix belonging to a real scheme — including the regional schemes
/// DinaCard (Serbia, 9891) and Troy (Turkey, 9792) — so arbitrary Luhn-valid numbers are not flagged.
enum PaymentCards {
    static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        var double = false
        for d in digits.reversed() {
            var v = Int(d)
            if double { v *= 2; if v > 9 { v -= 9 } }
            sum += v
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// Digits are values 0…9 (not ASCII).
    static func hasIssuerPrefix(_ d: [UInt8]) -> Bool {
        func prefix(_ n: Int) -> Int { d.prefix(n).reduce(0) { $0 * 10 + Int($1) } }
        let len = d.count
        let p1 = prefix(1), p2 = prefix(2), p3 = prefix(3), p4 = prefix(4)
        if p1 == 4 { return len == 13 || len == 16 || len == 19 }                       // Visa
        if (51...55).contains(p2) || (2221...2720).contains(p4) { return len == 16 }     // Mastercard
        if p2 == 34 || p2 == 37 { return len == 15 }                                     // Amex
        if p4 == 6011 || p2 == 65 || (644...649).contains(p3) { return len >= 16 }       // Discover
        if (3528...3589).contains(p4) { return len >= 16 }                               // JCB
        if p2 == 36 || p2 == 38 || (300...305).contains(p3) { return len >= 14 }         // Diners
        if p2 == 62 { return len >= 16 }                                                 // UnionPay
        if p4 == 9891 || p4 == 9792 { return len == 16 }                                 // DinaCard, Troy
        if p2 == 50 || (56...69).contains(p2) { return len >= 13 }                       // Maestro
        return false
    }

    static func isValid(_ d: [UInt8]) -> Bool {
        d.count >= 13 && d.count <= 19 && hasIssuerPrefix(d) && luhn(d)
    }

    /// Proposes card numbers inside a chain of digit groups separated by single spaces or dashes.
    /// `groups` are byte ranges of the digit runs; `sep` the separator byte used. A multi-group
    /// card must start with a 4-digit group and use one separator kind; each start group is tried
    /// at most once against at most 19 digits, so the work is linear in the chain.
    static func propose(_ p: Bytes, groups: [Range<Int>], into out: inout [Candidate]) {
        var digits: [UInt8] = []  // one buffer for every start: at most 19 digits
        digits.reserveCapacity(19)
        var i = 0
        while i < groups.count {
            digits.removeAll(keepingCapacity: true)
            var best: (j: Int, digits: Int)? = nil
            var j = i
            var sepKind: UInt8 = 0
            while j < groups.count {
                if j > i {
                    let s = p[groups[j].lowerBound - 1]
                    if sepKind == 0 { sepKind = s } else if s != sepKind { break }
                    if groups[i].count != 4 || groups[j].count > 6 { break }
                }
                if digits.count + groups[j].count > 19 { break }
                for k in groups[j] { digits.append(p[k] - 0x30) }
                if digits.count >= 13 && isValid(digits) { best = (j, digits.count) }
                j += 1
            }
            if let best {
                let start = groups[i].lowerBound, end = groups[best.j].upperBound
                let normalised = String(unsafeUninitializedCapacity: best.digits) { text in
                    for k in 0..<best.digits { text[k] = digits[k] + 0x30 }
                    return best.digits
                }
                out.append(Candidate(kind: .paymentCard, start: start, end: end, detector: "card-luhn-iin", normalised: normalised))
                i = best.j + 1
            } else {
                i += 1
            }
        }
    }
}
