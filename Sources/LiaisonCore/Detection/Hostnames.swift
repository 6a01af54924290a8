/// Host-name and IP-address validation on byte ranges.
/// - Domains follow RFC 1035/1123 label rules (1–63 bytes, no leading/trailing hyphen, ≤ 253 bytes)
///   with internationalised (RFC 5890) labels allowed as UTF-8, and must end in a known TLD
///   (or, with `anyTopLevelDomain`, in any label shaped like one: letters, or an A-label).
/// - IPv4 is the dotted-quad form only, octets 0–255 with no leading zeros (RFC 6943 §3.1.1).
/// - IPv6 accepts every RFC 4291 §2.2 textual form and is normalised to RFC 5952.
enum Hostnames {
    static func isValidDomain(
        _ p: Bytes, _ r: Range<Int>, requireFileSafe: Bool = false, freeText: Bool = false, anyTopLevelDomain: Bool = false
    ) -> Bool {
        guard r.count >= 4, r.count <= 253 else { return false }
        var labels = 0
        var labelStart = r.lowerBound
        var lastLabel = r.lowerBound..<r.lowerBound
        var i = r.lowerBound
        while i <= r.upperBound {
            if i == r.upperBound || p[i] == 0x2E {
                let label = labelStart..<i
                guard label.count >= 1, label.count <= 63, p[label.lowerBound] != 0x2D, p[label.upperBound - 1] != 0x2D else { return false }
                labels += 1
                lastLabel = label
                labelStart = i + 1
            }
            i += 1
        }
        guard labels >= 2 else { return false }
        if anyTopLevelDomain { return TopLevelDomains.isShapedLikeOne(p, lastLabel) }
        guard TopLevelDomains.contains(p, lastLabel, strictCase: freeText) else { return false }
        if requireFileSafe && labels == 2 && lastLabel.count <= 8
            && TopLevelDomains.fileExtensionLike.contains(TopLevelDomains.pack(p[lastLabel])) { return false }
        return true
    }

    static func lowercased(_ p: Bytes, _ r: Range<Int>) -> String {
        var ascii = true
        for i in r where p[i] >= 0x80 { ascii = false; break }
        if ascii {  // written straight into the string's storage: no array between
            return String(unsafeUninitializedCapacity: r.count) { out in
                for k in 0..<r.count { out[k] = lowerASCII(p[r.lowerBound + k]) }
                return r.count
            }
        }
        return p.string(r).lowercased()
    }

    /// Dotted quad with exactly four octets.
    static func isValidIPv4(_ p: Bytes, _ r: Range<Int>) -> Bool {
        var parts = 0, value = 0, digits = 0
        var i = r.lowerBound
        while i <= r.upperBound {
            if i == r.upperBound || p[i] == 0x2E {
                guard digits >= 1, value <= 255 else { return false }
                parts += 1; value = 0; digits = 0
            } else {
                guard isDigit(p[i]), digits < 3 else { return false }
                if digits == 1 && value == 0 { return false } // leading zero
                value = value * 10 + Int(p[i] - 0x30); digits += 1
            }
            i += 1
        }
        return parts == 4
    }

    /// Parses an RFC 4291 textual IPv6 address; returns the eight groups and whether the last
    /// 32 bits were written as an embedded dotted quad.
    static func parseIPv6(_ p: Bytes, _ r: Range<Int>) -> (groups: [UInt16], dotted: Bool)? {
        guard r.count >= 2, r.count <= 45 else { return nil }
        var doubleColon: Int? = nil
        var i = r.lowerBound
        while i + 1 < r.upperBound {
            if p[i] == 0x3A && p[i + 1] == 0x3A {
                if doubleColon != nil { return nil }
                doubleColon = i
                i += 2
            } else {
                i += 1
            }
        }
        func parseSide(_ s: Range<Int>, allowDotted: Bool) -> ([UInt16], Bool)? {
            if s.isEmpty { return ([], false) }
            var groups: [UInt16] = []
            var start = s.lowerBound
            var k = s.lowerBound
            var dotted = false
            while k <= s.upperBound {
                if k == s.upperBound || p[k] == 0x3A {
                    let piece = start..<k
                    guard !piece.isEmpty else { return nil }
                    var hasDot = false
                    for j in piece where p[j] == 0x2E { hasDot = true; break }
                    if hasDot {
                        guard allowDotted, k == s.upperBound, isValidIPv4(p, piece) else { return nil }
                        var octets: [Int] = [0]
                        for j in piece { if p[j] == 0x2E { octets.append(0) } else { octets[octets.count - 1] = octets[octets.count - 1] * 10 + Int(p[j] - 0x30) } }
                        groups.append(UInt16(octets[0] << 8 | octets[1]))
                        groups.append(UInt16(octets[2] << 8 | octets[3]))
                        dotted = true
                    } else {
                        guard piece.count <= 4 else { return nil }
                        var v = 0
                        for j in piece { guard isHex(p[j]) else { return nil }; v = v << 4 | hexValue(p[j]) }
                        groups.append(UInt16(v))
                    }
                    start = k + 1
                }
                k += 1
            }
            return (groups, dotted)
        }
        if let dc = doubleColon {
            guard let head = parseSide(r.lowerBound..<dc, allowDotted: false),
                  let tail = parseSide((dc + 2)..<r.upperBound, allowDotted: true),
                  head.0.count + tail.0.count <= 7 else { return nil }
            let zeros = [UInt16](repeating: 0, count: 8 - head.0.count - tail.0.count)
            return (head.0 + zeros + tail.0, tail.1)
        }
        guard let all = parseSide(r, allowDotted: true), all.0.count == 8 else { return nil }
        return all
    }

    /// RFC 5952 text: lower-case, no leading zeros, the longest run (≥ 2) of zero groups
    /// compressed (the first on a tie); an address written with an embedded IPv4 keeps it.
    static func formatIPv6(_ groups: [UInt16], dotted: Bool) -> String {
        let hexCount = dotted ? 6 : 8
        var bestStart = -1, bestLength = 0, runStart = -1
        for k in 0...hexCount {
            if k < hexCount && groups[k] == 0 {
                if runStart < 0 { runStart = k }
            } else if runStart >= 0 {
                if k - runStart > bestLength && k - runStart >= 2 { bestStart = runStart; bestLength = k - runStart }
                runStart = -1
            }
        }
        var out = ""
        var k = 0
        while k < hexCount {
            if k == bestStart {
                out += "::"; k += bestLength; continue
            }
            if !out.isEmpty && !out.hasSuffix(":") { out += ":" }
            out += String(groups[k], radix: 16)
            k += 1
        }
        if dotted {
            if !out.isEmpty && !out.hasSuffix(":") { out += ":" }
            out += "\(groups[6] >> 8).\(groups[6] & 0xFF).\(groups[7] >> 8).\(groups[7] & 0xFF)"
        }
        return out
    }
}
