/// The top-level domains a host name may end in: every TLD delegated in the DNS root zone
/// (IANA's list, compiled in from `tlds-alpha-by-domain.txt` by
/// `deploy/local/refresh-top-level-domains`; IDN TLDs as A-label and U-label) plus the names
/// RFC 2606 and RFC 6761 reserve for tests, documentation and local use (`test`, `example`,
/// `invalid`, `localhost`). Host names must end in one of these, which is what separates a
/// domain from a file name ("report.pdf"), a version number or a sentence without a space.
enum TopLevelDomains {
    /// RFC 2606 section 2 and RFC 6761 section 6: never delegated, used in exercises and examples.
    static let reserved = ["test", "example", "invalid", "localhost"]

    static let all: Set<String> = {
        var s = Set(reserved)
        forEachWord(in: delegated, anyWhiteSpace: true) { s.insert(String(decoding: $0, as: UTF8.self)) }
        return s
    }()
    /// ASCII TLDs packed into integers for allocation-free lookup (up to 8 lower-case bytes).
    private static let packedASCII: Set<UInt64> = {
        var s = Set<UInt64>()
        func add(_ label: some Collection<UInt8>) { if label.count <= 8 && label.allSatisfy({ $0 < 0x80 }) { s.insert(pack(label)) } }
        for label in reserved { add(label.utf8) }
        forEachWord(in: delegated, anyWhiteSpace: true) { add($0) }
        return s
    }()
    /// TLDs that are also common file extensions; such a "domain" needs a following '/' or a
    /// multi-label name to be reported ("invoice.zip" is a file, "evil.zip/login" a host).
    /// .rs, .pl and .cc are deliberately absent: Serbian and Polish domains matter more here than
    /// Rust, Perl or C++ file names, which will therefore be reported as domains.
    static let fileExtensionLike: Set<UInt64> = Set(["zip", "mov", "py", "sh", "md", "so", "ps", "java"].map { pack($0.utf8) })

    /// Up to eight ASCII bytes lower-cased into one integer, the last lowest: a label as `packedASCII` holds it.
    static func pack<C: Collection<UInt8>>(_ b: C) -> UInt64 {
        var v: UInt64 = 0
        for c in b { v = v << 8 | UInt64(lowerASCII(c)) }
        return v
    }

    /// `label` is the last label of a host name as written.
    static func contains(_ p: Bytes, _ label: Range<Int>, strictCase: Bool = false) -> Bool {
        guard label.count >= 2 else { return false }
        var ascii = true
        for i in label where p[i] >= 0x80 { ascii = false; break }
        if ascii {
            guard label.count <= 8 else { return all.contains(p.string(label).lowercased()) }
            // In free text, mixed case ("end.It") is prose, not a TLD.
            var upper = 0
            for i in label where isUpperASCII(p[i]) { upper += 1 }
            if strictCase && upper != 0 && upper != label.count { return false }
            return packedASCII.contains(pack(p[label]))
        }
        return all.contains(p.string(label).lowercased())
    }

    /// Whether `label` could be a TLD at all (RFC 1123 section 2.1, RFC 5890): two or more
    /// letters, or an A-label ("xn--…"), or a U-label (any non-ASCII letters); never all digits.
    static func isShapedLikeOne(_ p: Bytes, _ label: Range<Int>) -> Bool {
        guard label.count >= 2 else { return false }
        if p.matchesLower(Array(ascii: "xn--"), at: label.lowerBound) { return label.count > 4 }
        for i in label where p[i] < 0x80 && !isAlpha(p[i]) { return false }
        return true
    }
}
