/// A compact list of top-level domains (IANA root zone): every ISO 3166 country-code TLD in use
/// (plus .eu, .uk, .ac, .su), the legacy generic TLDs, widely used new gTLDs, and the Cyrillic IDN
/// ccTLDs of the region. Host names must end in one of these, which is what separates a domain
/// from a file name ("report.pdf"), a version number or a sentence without a space.
enum TopLevelDomains {
    private static let countryCodes = """
    ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bw by bz \
    ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm \
    fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is \
    it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm \
    mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr \
    ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th \
    tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
    """
    private static let generic = """
    com net org edu gov mil int info biz name pro aero asia cat coop jobs mobi museum tel travel xxx post arpa \
    app dev online site xyz top club shop store tech website space live life world today news blog cloud \
    digital email link click help support services solutions agency company network group media global center \
    host press fun icu vip win bid loan work men date download review stream trade racing party science faith \
    cricket accountant gdn buzz ltd llc inc zip mov bank insure finance money pay wiki page art design one new \
    google amazon microsoft apple lol pw cyou rest bar sbs cfd monster best beauty hair skin quest autos boats \
    homes motorcycles yachts bond lat surf rocks social team tools zone city tickets casino bet poker games \
    game chat live studio academy institute university school systems software computer technology solutions \
    consulting partners security protection foundation charity health clinic care law legal tax capital \
    investments fund cash credit loans exchange market markets trading finance financial gold
    xn--90a3ac xn--d1alf xn--p1ai xn--90ae xn--j1amh xn--90ais xn--e1a4c xn--qxam
    срб мкд рф бг укр бел ею ελ
    """
    static let all: Set<String> = {
        var s = Set<String>()
        for word in (countryCodes + " " + generic).split(whereSeparator: { $0 == " " || $0 == "\n" }) { s.insert(String(word)) }
        return s
    }()
    /// ASCII TLDs packed into integers for allocation-free lookup (up to 8 lower-case bytes).
    private static let packedASCII: Set<UInt64> = {
        var s = Set<UInt64>()
        for t in all where t.utf8.count <= 8 && t.utf8.allSatisfy({ $0 < 0x80 }) { s.insert(pack(Array(t.utf8)[...])) }
        return s
    }()
    /// TLDs that are also common file extensions; such a "domain" needs a following '/' or a
    /// multi-label name to be reported ("invoice.zip" is a file, "evil.zip/login" a host).
    /// .rs, .pl and .cc are deliberately absent: Serbian and Polish domains matter more here than
    /// Rust, Perl or C++ file names, which will therefore be reported as domains.
    static let fileExtensionLike: Set<UInt64> = Set(["zip", "mov", "py", "sh", "md", "so", "ps"].map { pack(Array($0.utf8)[...]) })

    static func pack(_ b: ArraySlice<UInt8>) -> UInt64 {
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
            return packedASCII.contains(packRange(p, label))
        }
        return all.contains(p.string(label).lowercased())
    }

    static func packRange(_ p: Bytes, _ r: Range<Int>) -> UInt64 {
        var v: UInt64 = 0
        for i in r { v = v << 8 | UInt64(lowerASCII(p[i])) }
        return v
    }
}
