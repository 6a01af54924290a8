/// URL and domain observables: the value is one URL or one host name, and most hold nothing
/// personal. The full scan runs every detector over them (names against the gazetteer, phone
/// numbers, tokens…) only to have the URL or domain, which spans the whole value, win over
/// whatever those found inside it. A short screen of the bytes proves that outcome beforehand
/// in the common case; whatever the screen cannot prove goes to the full scan, so the answer is
/// always the full scan's.
extension PersonalDataScanner {
    /// What ``scan(_:)`` finds in a URL or domain observable's `value` (`kind` `.url` or
    /// `.domain`) that `isPersonal` counts.
    public func personalSpans(
        inObservable value: String, kind: PersonalDataKind, isPersonal: (PersonalDataKind) -> Bool
    ) -> [DetectedSpan] {
        if holdsNothingPersonal(observable: value, kind: kind, isPersonal: isPersonal) { return [] }
        return scan(value).filter { isPersonal($0.kind) }
    }

    /// True only when the full scan of `value` provably reports one span over the whole value,
    /// the URL or domain itself (which `isPersonal` does not count); false when that cannot be
    /// told cheaply. Why each check suffices:
    /// - the whole value is one URL (or domain) candidate, so in the scan's resolution it is the
    ///   longest candidate and takes every byte, and ties go to it (a URL is more specific than
    ///   everything below that does not carve it, a domain than a person's name);
    /// - no candidate can carve a URL or tie with a domain: no '@' (e-mails, a user part), fewer
    ///   than 13 digits (payment cards), no alphanumeric run shaped like a national id, a wallet
    ///   or the start of an IBAN (the token detectors' own preconditions);
    /// - a domain: no phone trigger ('+', '(', a '0' not after a digit), no ':' (IPv6, URLs), and
    ///   no address spelled in the name when an address kind is personal here;
    /// - ASCII only and nothing to refang, so the detectors see the bytes as written.
    func holdsNothingPersonal(observable value: String, kind: PersonalDataKind, isPersonal: (PersonalDataKind) -> Bool) -> Bool {
        guard kind == .url || kind == .domain, kinds.contains(kind), !isPersonal(kind) else { return false }
        return value.utf8.withContiguousStorageIfAvailable { screen($0, kind: kind, isPersonal: isPersonal) } ?? false
    }

    private func screen(_ p: Bytes, kind: PersonalDataKind, isPersonal: (PersonalDataKind) -> Bool) -> Bool {
        let n = p.count
        guard n > 0 else { return false }
        var digits = 0
        for k in 0..<n {
            let b = p[k]
            guard b < 0x80, b != 0x40 else { return false }
            if isDigit(b) { digits += 1 }
            if kind == .domain, b == 0x3A || b == 0x2B || b == 0x28 || b == 0x30 && !isDigit(p.at(k - 1)) { return false }
        }
        guard digits < 13, !Self.holdsIdentifierShapedToken(p), !Refanged(p).changed else { return false }
        var found: [Candidate] = []
        if kind == .url {
            NetworkProposers.urls(p, into: &found)
            return found.first.map { $0.start == 0 && $0.end == n } ?? false
        }
        NetworkProposers.domainsAndIPv4(p, domains: true, ipv4: false, into: &found)
        guard let whole = found.first(where: { $0.kind == .domain && $0.start == 0 && $0.end == n }) else { return false }
        let addressIsPersonal = kinds.contains(.ipv4) && isPersonal(.ipv4) || kinds.contains(.ipv6) && isPersonal(.ipv6)
        return !addressIsPersonal || HostnameAddresses.address(in: whole.normalised) == nil
    }

    /// An ASCII alphanumeric run that the token detectors would look at: digits only and 10 or
    /// more long (national ids), 14 or more with a letter (wallets), 10 long from a capital
    /// (Albanian ids), or two capitals and two digits at its start (an IBAN).
    private static func holdsIdentifierShapedToken(_ p: Bytes) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            guard isAlnum(p[i]) else { i += 1; continue }
            let s = i
            var digitsOnly = true
            while i < n && isAlnum(p[i]) { if !isDigit(p[i]) { digitsOnly = false }; i += 1 }
            let length = i - s
            if digitsOnly ? length >= 10 : length >= 14 || length == 10 && isUpperASCII(p[s]) { return true }
            if length >= 4 && isUpperASCII(p[s]) && isUpperASCII(p[s + 1]) && isDigit(p[s + 2]) && isDigit(p[s + 3]) { return true }
        }
        return false
    }
}
