/// National identification numbers of the region. Each validator checks everything the issuing
/// scheme defines (date of birth, region, check digits) so look-alike 10–13 digit numbers are rejected.
enum NationalIDs {
    static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// JMBG / EMBG (Unique Master Citizen Number of the former Yugoslavia, still used in RS, ME, MK,
    /// BA): DDMMYYYRRBBBK. YYY ≥ 800 means 1YYY, YYY < 100 means 2YYY. RR is the political region
    /// (00–09 foreigners, 10–19 BA, 20–29 ME, 30–39 HR, 40–49 MK, 50–59 SI, 70–79 central Serbia,
    /// 80–89 Vojvodina, 90–99 Kosovo); 60–69 has no assigned region and is rejected.
    /// K = 11 − (Σ wᵢ·dᵢ mod 11) with weights 7,6,5,4,3,2,7,6,5,4,3,2; a result of 11 gives 0 and a
    /// result of 10 means the number cannot be issued.
    static func isValidJMBG(_ d: [UInt8]) -> Bool {
        guard d.count == 13 else { return false }
        let day = Int(d[0]) * 10 + Int(d[1]), month = Int(d[2]) * 10 + Int(d[3])
        let yyy = Int(d[4]) * 100 + Int(d[5]) * 10 + Int(d[6])
        let year: Int
        if yyy >= 800 { year = 1000 + yyy } else if yyy < 100 { year = 2000 + yyy } else { return false }
        guard isValidDate(year: year, month: month, day: day) else { return false }
        let region = Int(d[7]) * 10 + Int(d[8])
        guard !(60...69).contains(region) else { return false }
        let weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        var sum = 0
        for k in 0..<12 { sum += weights[k] * Int(d[k]) }
        let m = sum % 11
        let k: Int
        switch m {
        case 0: k = 0        // 11 − 0 = 11 → 0
        case 1: return false // 11 − 1 = 10 → never issued
        default: k = 11 - m
        }
        return Int(d[12]) == k
    }

    /// Turkish T.C. Kimlik No: 11 digits, first non-zero,
    /// d10 = ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10, d11 = (d1+…+d10) mod 10.
    static func isValidTCKN(_ d: [UInt8]) -> Bool {
        guard d.count == 11, d[0] != 0 else { return false }
        let odd = Int(d[0]) + Int(d[2]) + Int(d[4]) + Int(d[6]) + Int(d[8])
        let even = Int(d[1]) + Int(d[3]) + Int(d[5]) + Int(d[7])
        let d10 = ((odd * 7 - even) % 10 + 10) % 10
        guard Int(d[9]) == d10 else { return false }
        let total = d[0..<10].reduce(0) { $0 + Int($1) }
        return Int(d[10]) == total % 10
    }

    /// Albanian NID (Numri i Identitetit): letter, 8 digits, letter — `L Y MM DD SSS C`.
    /// The first letter encodes the decade (A = 1900s … J = 1990s, K = 2000s … T = 2090s), Y the year in
    /// that decade, MM the month (+50 for women), DD the day, SSS a serial, C a check letter.
    /// The check-letter algorithm is not officially published and public sources disagree, so this
    /// validates structure and date only (any upper-case check letter is accepted).
    static func isValidAlbanianNID(_ s: [UInt8]) -> Bool {
        guard s.count == 10, isUpperASCII(s[0]), isUpperASCII(s[9]), s[1..<9].allSatisfy(isDigit) else { return false }
        guard s[0] >= 0x41, s[0] <= 0x54 else { return false } // A…T
        let year = 1900 + Int(s[0] - 0x41) * 10 + Int(s[1] - 0x30)
        var month = Int(s[2] - 0x30) * 10 + Int(s[3] - 0x30)
        if month > 50 { month -= 50 }
        let day = Int(s[4] - 0x30) * 10 + Int(s[5] - 0x30)
        return isValidDate(year: year, month: month, day: day)
    }

    /// Kosovo personal number (Numri personal): 10 digits. Its check-digit rule is not publicly
    /// documented, so a bare 10-digit run is far too ambiguous: it is only reported right after a
    /// cue ("numri personal", "nr. personal", "personal number", "lični broj", …) and must not start with 0.
    static func isPlausibleKosovoNumber(_ d: [UInt8]) -> Bool { d.count == 10 && d[0] != 0 }

    static let kosovoCues: [[UInt8]] = ["numri personal", "nr. personal", "nr personal", "personal number",
                                        "personal no", "lični broj", "licni broj", "лични број", "Лични број"].map { Array($0.utf8) }
}
