/// Candidate proposers for network identifiers: e-mail (keyed on '@'), URL (keyed on "://"),
/// domain and IPv4 (runs of host characters containing '.'), IPv6 (runs of hex digits and ':').
/// Each proposer resumes after what it consumed, and every look-around is bounded, so each is
/// linear in the input.
enum NetworkProposers {
    @inline(__always) static func isLocalChar(_ b: UInt8) -> Bool {
        isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    /// Scans a host name (labels of host characters separated by single dots) from `i`; trailing
    /// dots and hyphens are not part of it.
    static func hostEnd(_ p: Bytes, from i: Int, limit: Int = 255) -> Int {
        var e = i
        while e < p.count && e - i <= limit {
            let l = p.hostCharLength(at: e)
            if l > 0 { e += l } else if p[e] == 0x2E && e > i && p.at(e + 1) != 0x2E && p[e - 1] != 0x2E { e += 1 } else { break }
        }
        while e > i && (p[e - 1] == 0x2E || p[e - 1] == 0x2D) { e -= 1 }
        return e
    }

    /// RFC 5322 dot-atom addresses in common practice: local part of letters (RFC 6531 allows
    /// non-ASCII ones), digits and ". _ % + -" (≤ 64 bytes, no leading/trailing/double dot) and a
    /// valid host name under a known TLD (or, with `anyTopLevelDomain`, under any label shaped like
    /// one). Quoted local parts and address literals ("user@[10.0.0.1]") are not matched.
    static func emails(_ p: Bytes, anyTopLevelDomain: Bool = false, into out: inout [Candidate]) {
        var i = 0
        var resume = 0
        while i < p.count {
            i = p.firstIndex(of: 0x40, 0x40, 0x40, from: max(i, resume))
            guard i < p.count else { break }
            var s = i
            while s > 0 && i - s < 64 {
                let b = p[s - 1]
                if b < 0x80 {
                    guard isLocalChar(b) && !(b == 0x2E && p[s] == 0x2E) else { break }
                    s -= 1
                } else {
                    // RFC 6531 internationalised local part: whole non-ASCII letters only.
                    var k = s - 1
                    while k > 0 && p[k] & 0xC0 == 0x80 { k -= 1 }
                    guard p.hostCharLength(at: k) == s - k else { break }
                    s = k
                }
            }
            if s > 0 && i - s >= 64 && (isLocalChar(p[s - 1]) || p[s - 1] >= 0x80) { i += 1; continue }
            while s < i && (p[s] == 0x2E || p[s] == 0x2D) { s += 1 }
            guard s < i, p[i - 1] != 0x2E else { i += 1; continue }
            let e = hostEnd(p, from: i + 1)
            if Hostnames.isValidDomain(p, (i + 1)..<e, anyTopLevelDomain: anyTopLevelDomain) {
                out.append(Candidate(kind: .email, start: s, end: e, detector: "email-rfc5322",
                                     normalised: p.string(s..<i) + "@" + Hostnames.lowercased(p, (i + 1)..<e)))
                resume = e
                i = e
            } else {
                i += 1
            }
        }
    }

    @inline(__always) static func isURLChar(_ b: UInt8) -> Bool {
        b > 0x20 && b < 0x7F && b != 0x3C && b != 0x3E && b != 0x22 && b != 0x60 && b != 0x7B && b != 0x7D
            && b != 0x7C && b != 0x5C && b != 0x5E && b != 0x5B && b != 0x5D
    }

    /// The schemes a URL may have, longest first ("https" before "http").
    private static let schemes = [Array(ascii: "https"), Array(ascii: "http"), Array(ascii: "ftp")]

    /// http, https and ftp URLs (RFC 3986) whose host is a valid domain, IPv4 or bracketed IPv6.
    static func urls(_ p: Bytes, into out: inout [Candidate]) {
        var i = 0
        while i + 2 < p.count {
            i = p.firstIndex(of: 0x3A, 0x3A, 0x3A, from: i)
            guard i + 2 < p.count else { break }
            guard p[i + 1] == 0x2F, p[i + 2] == 0x2F else { i += 1; continue }
            var schemeStart = -1
            for scheme in schemes {
                let s = i - scheme.count
                if p.matchesLower(scheme, at: s) && !isAlnum(p.at(s - 1)) { schemeStart = s; break }
            }
            guard schemeStart >= 0, let candidate = url(p, schemeStart: schemeStart, colon: i) else { i += 3; continue }
            out.append(candidate)
            i = max(candidate.end, i + 3)
        }
    }

    static func url(_ p: Bytes, schemeStart: Int, colon: Int) -> Candidate? {
        var h = colon + 3
        // userinfo@ — only when an '@' appears before the first '/', '?', '#' or space.
        var k = h
        while k < p.count && k - h < 256 && isURLChar(p[k]) && p[k] != 0x2F && p[k] != 0x3F && p[k] != 0x23 {
            if p[k] == 0x40 { h = k + 1 }
            k += 1
        }
        var hostRange: Range<Int>
        var e: Int
        if p.at(h) == 0x5B {
            var close = h + 1
            while close < p.count && close - h < 48 && p[close] != 0x5D { close += 1 }
            guard p.at(close) == 0x5D, Hostnames.parseIPv6(p, (h + 1)..<close) != nil else { return nil }
            hostRange = h..<(close + 1)
            e = close + 1
        } else {
            e = hostEnd(p, from: h)
            hostRange = h..<e
            guard Hostnames.isValidDomain(p, hostRange) || Hostnames.isValidIPv4(p, hostRange) else { return nil }
        }
        if p.at(e) == 0x3A && isDigit(p.at(e + 1)) {
            e += 1
            while isDigit(p.at(e)) && e < hostRange.upperBound + 7 { e += 1 }
        }
        let next = p.at(e)
        if next == 0x2F || next == 0x3F || next == 0x23 {
            while e < p.count && e - schemeStart < 8192 && isURLChar(p[e]) { e += 1 }
        }
        // Trailing sentence punctuation and an unbalanced closing parenthesis are not part of the URL.
        var opens = 0, closes = 0
        for j in hostRange.upperBound..<e { if p[j] == 0x28 { opens += 1 } else if p[j] == 0x29 { closes += 1 } }
        while e > hostRange.upperBound {
            let c = p[e - 1]
            if c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x27 || c == 0x2A {
                e -= 1
            } else if c == 0x29 && closes > opens {
                closes -= 1; e -= 1
            } else {
                break
            }
        }
        return Candidate(kind: .url, start: schemeStart, end: e, detector: "url-rfc3986",
                         normalised: normaliseURL(p, schemeStart, hostRange, e))
    }

    static func normaliseURL(_ p: Bytes, _ start: Int, _ host: Range<Int>, _ end: Int) -> String {
        var out = Hostnames.lowercased(p, start..<host.lowerBound) // scheme, "://", userinfo
        if p[host.lowerBound] == 0x5B, let v6 = Hostnames.parseIPv6(p, (host.lowerBound + 1)..<(host.upperBound - 1)) {
            out += "[" + Hostnames.formatIPv6(v6.groups, dotted: v6.dotted) + "]"
        } else {
            out += Hostnames.lowercased(p, host)
        }
        if host.upperBound < end { out += p.string(host.upperBound..<end) }
        return out
    }

    /// Start of the host-character run that ends just before `i`, not going below `floor`.
    private static func hostRunStart(_ p: Bytes, before i: Int, floor: Int) -> Int {
        var s = i
        while s > floor {
            let b = p[s - 1]
            if b < 0x80 {
                if isAlnum(b) || b == 0x2D || b == 0x2E { s -= 1 } else { break }
            } else {
                var k = s - 1
                while k > floor && p[k] & 0xC0 == 0x80 { k -= 1 }
                if p.hostCharLength(at: k) == s - k { s = k } else { break }
            }
        }
        return s
    }

    /// Runs of host characters and dots: domains (known TLD) and IPv4 dotted quads. Keyed on '.':
    /// the run around each dot is expanded once, so every byte is visited at most twice.
    /// A domain that spells out an address (``HostnameAddresses``) is also proposed, over the
    /// same bytes, as that address (`addresses`: the IP kinds wanted), which then wins.
    static func domainsAndIPv4(
        _ p: Bytes, domains: Bool, ipv4: Bool, addresses: Set<PersonalDataKind> = [], into out: inout [Candidate]
    ) {
        var i = 0
        var floor = 0
        let n = p.count
        while i < n {
            i = p.firstIndex(of: 0x2E, 0x2E, 0x2E, from: i)  // eight bytes a step
            guard i < n else { break }
            let runStart = hostRunStart(p, before: i, floor: floor)
            var nonNumeric = false
            for k in runStart..<i where !isDigit(p[k]) && p[k] != 0x2E { nonNumeric = true; break }
            while i < n {
                let l = p.hostCharLength(at: i)
                if l > 0 { if !isDigit(p[i]) { nonNumeric = true }; i += l } else if p[i] == 0x2E { i += 1 } else { break }
            }
            floor = i
            if !nonNumeric {
                if ipv4 { proposeIPv4(p, runStart..<i, into: &out) }
            } else if domains {
                proposeDomains(p, runStart..<i, addresses: addresses, into: &out)
            }
        }
    }

    /// A dotted quad right after one of these words is a version or an OID, not an address.
    static let versionCues: [[UInt8]] = ["version", "ver", "v", "build", "release", "rev", "revision", "firmware",
                                         "oid", "verzija", "sürüm", "версија", "верзија", "версия"].map { Array($0.utf8) }

    /// Words that name a version when they follow the number ("10.4.21.29 sürümü", "7.3.2.8 verzija").
    static let versionSuffixes: [[UInt8]] = ["sürüm", "surum", "versiyon", "version", "verzij", "верзиј", "версиј", "build", "release"]
        .map { Array($0.utf8) }

    static func followedByVersionWord(_ p: Bytes, _ e: Int) -> Bool {
        guard p.at(e) == 0x20 else { return false }
        return versionSuffixes.contains { p.matchesLower($0, at: e + 1) }
    }

    private static func proposeIPv4(_ p: Bytes, _ run: Range<Int>, into out: inout [Candidate]) {
        let s = run.lowerBound
        var e = run.upperBound
        if p.at(s - 1) == 0x2D || p.at(s - 1) == 0x5F || p.at(s - 1) >= 0x80 { return }
        while e > s && p[e - 1] == 0x2E { e -= 1 }
        guard s < e, p[s] != 0x2E, !isAlnum(p.at(run.upperBound)), p.at(run.upperBound) != 0x5F else { return }
        if p.at(s - 1) == 0x2E { return }
        if Hostnames.isValidIPv4(p, s..<e) && !Cues.precedes(p, s, cues: versionCues) && !followedByVersionWord(p, e) {
            out.append(Candidate(kind: .ipv4, start: s, end: e, detector: "ipv4-dotted-quad", normalised: p.string(s..<e)))
        }
    }

    private static func proposeDomains(_ p: Bytes, _ run: Range<Int>, addresses: Set<PersonalDataKind>, into out: inout [Candidate]) {
        // A run containing ".." is several names (or prose); examine each piece.
        var pieceStart = run.lowerBound
        var k = run.lowerBound
        while k <= run.upperBound {
            if k == run.upperBound || (p[k] == 0x2E && p.at(k + 1) == 0x2E) {
                var s = pieceStart, e = k
                while s < e && (p[s] == 0x2E || p[s] == 0x2D) { s += 1 }
                while e > s && (p[e - 1] == 0x2E || p[e - 1] == 0x2D) { e -= 1 }
                if e - s >= 4 && e - s <= 253 {
                    let followedBySlash = p.at(e) == 0x2F
                    if Hostnames.isValidDomain(p, s..<e, requireFileSafe: !followedBySlash, freeText: true) {
                        let name = Hostnames.lowercased(p, s..<e)
                        out.append(Candidate(kind: .domain, start: s, end: e, detector: "domain-tld", normalised: name))
                        if !addresses.isEmpty, let (kind, address) = HostnameAddresses.address(in: name), addresses.contains(kind) {
                            out.append(Candidate(kind: kind, start: s, end: e, detector: "address-in-hostname", normalised: address))
                        }
                    }
                }
                while k < run.upperBound && p[k] == 0x2E { k += 1 }
                pieceStart = k
                if k == run.upperBound { break }
            }
            k += 1
        }
    }

    @inline(__always) static func isIPv6Char(_ b: UInt8) -> Bool { isHex(b) || b == 0x3A || b == 0x2E }

    /// Runs of hex digits, ':' and '.' with at least two colons, bounded by non-alphanumerics.
    /// Keyed on ':'; each run is expanded once.
    static func ipv6(_ p: Bytes, into out: inout [Candidate]) {
        var i = 0
        var floor = 0
        let n = p.count
        while i < n {
            i = p.firstIndex(of: 0x3A, 0x3A, 0x3A, from: i)  // eight bytes a step
            guard i < n else { break }
            var runStart = i
            while runStart > floor && isIPv6Char(p[runStart - 1]) { runStart -= 1 }
            var colons = 0
            while i < n && isIPv6Char(p[i]) { if p[i] == 0x3A { colons += 1 }; i += 1 }
            floor = i
            guard colons >= 2, !isAlnum(p.at(runStart - 1)), p.at(runStart - 1) != 0x5F,
                  !isAlnum(p.at(i)), p.at(i) != 0x5F else { continue }
            var s = runStart, e = i
            while e > s && p[e - 1] == 0x2E { e -= 1 }
            if e - s >= 2 && p[e - 1] == 0x3A && p[e - 2] != 0x3A { e -= 1 }
            if e - s >= 2 && p[s] == 0x3A && p[s + 1] != 0x3A { s += 1 }
            guard e - s > 2, let parsed = Hostnames.parseIPv6(p, s..<e) else { continue }
            out.append(Candidate(kind: .ipv6, start: s, end: e, detector: "ipv6-rfc4291",
                                 normalised: Hostnames.formatIPv6(parsed.groups, dotted: parsed.dotted)))
        }
    }
}
