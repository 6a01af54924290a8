/// International Bank Account Numbers (ISO 13616). A country code from the SWIFT IBAN registry,
/// the registry's fixed length for that country, and the ISO 7064 MOD 97-10 check
/// (the rearranged number modulo 97 equals 1).
enum IBANValidator {
    /// Registry lengths (SWIFT IBAN Registry, all participating countries).
    static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
        "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
        "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
        "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
        "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
        "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
        "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
        "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
        "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
        "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
    ]
    /// Same table keyed by the two code bytes packed into a UInt16, for allocation-free lookup.
    private static let packedLengths: [UInt16: Int] = {
        var t: [UInt16: Int] = [:]
        for (code, length) in lengths {
            let u = Array(code.utf8)
            t[UInt16(u[0]) << 8 | UInt16(u[1])] = length
        }
        return t
    }()

    static func length(_ a: UInt8, _ b: UInt8) -> Int? { packedLengths[UInt16(a) << 8 | UInt16(b)] }

    /// `compact` must be upper-case alphanumerics with no spaces.
    static func isValidCompact(_ compact: [UInt8]) -> Bool {
        guard compact.count >= 15, compact.count <= 34,
              isUpperASCII(compact[0]), isUpperASCII(compact[1]), isDigit(compact[2]), isDigit(compact[3]),
              length(compact[0], compact[1]) == compact.count else { return false }
        var remainder = 0
        for k in 0..<compact.count {
            let c = compact[(k + 4) % compact.count]
            if isDigit(c) {
                remainder = (remainder * 10 + Int(c - 0x30)) % 97
            } else if isUpperASCII(c) {
                remainder = (remainder * 100 + Int(c - 0x41) + 10) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    /// Proposes an IBAN starting at `i` (which holds two upper-case letters and two digits),
    /// written compactly or in space-separated groups of four. Returns the end offset and compact value.
    static func scan(_ p: Bytes, at i: Int) -> (end: Int, compact: [UInt8])? {
        guard let expected = length(p.at(i), p.at(i + 1)) else { return nil }
        var compact: [UInt8] = []
        compact.reserveCapacity(expected)
        var j = i
        while compact.count < expected {
            let c = p.at(j)
            if isDigit(c) || isUpperASCII(c) {
                compact.append(c); j += 1
            } else if c == 0x20 && compact.count % 4 == 0 && j > i && p.at(j - 1) != 0x20 {
                j += 1
            } else {
                return nil
            }
        }
        guard !isAlnum(p.at(j)) else { return nil }
        return isValidCompact(compact) ? (j, compact) : nil
    }
}
