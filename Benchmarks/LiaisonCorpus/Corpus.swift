import LiaisonCore

/// One labelled span: Unicode-scalar offsets into `text`, end exclusive.
public struct LabelledSpan: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var type: PersonalDataKind
    public init(start: Int, end: Int, type: PersonalDataKind) { self.start = start; self.end = end; self.type = type }
}

/// A value given alone in a structured field (a form's "Victim name" box), with whether it holds a person.
public struct StructuredField: Hashable, Sendable {
    public var field: String
    public var value: String
    public var isPerson: Bool

    public init(field: String, value: String, isPerson: Bool) { self.field = field; self.value = value; self.isPerson = isPerson }
}

public struct LabelledDocument: Sendable {
    public var id: String
    public var language: ReportLanguage
    public var text: String
    public var spans: [LabelledSpan]
    public var fields: [StructuredField]

    public init(id: String, language: ReportLanguage, text: String, spans: [LabelledSpan], fields: [StructuredField]) {
        self.id = id; self.language = language; self.text = text; self.spans = spans; self.fields = fields
    }
}

/// Seeded generator of labelled incident-report paragraphs. The same (seed, index) always gives
/// the same document; documents are independent of `count`.
public struct CorpusGenerator {
    public let seed: UInt64
    public init(seed: UInt64) { self.seed = seed }

    public func documents(count: Int) -> [LabelledDocument] { (0..<count).map { document($0) } }

    public func document(_ index: Int) -> LabelledDocument {
        var b = DocumentBuilder(r: SeededRandom(seed: seed &* 1_000_003 &+ UInt64(index)))
        let lang = b.v.r.pick(ReportLanguage.allCases)
        let t = Templates.of(lang)
        b.fill(b.v.r.pick(t.openings), lang: lang, incident: b.v.r.pick(t.incidents))
        var body = t.body
        let sentences = b.v.r.int(3...6)
        for _ in 0..<sentences {
            let k = b.v.r.int(body.count)
            b.fill(body.remove(at: k), lang: lang, incident: "")
        }
        if b.v.r.chance(0.15) { // a forwarded phishing e-mail's headers
            b.fill("\n" + Templates.forwardedHeader[lang]! + "\nFrom: \"" + b.v.r.pick(Templates.senders) + "\" <{email}>\nReply-To: {email}\nTo: {gname} <{email}>\n"
                   + "Subject: " + b.v.r.pick(Templates.subjects) + "\nReceived: from {domainPlain} ([{ipv4plain}]) by {mxDomain}\nDate: {ts}\n",
                   lang: lang, incident: "")
        }
        if b.v.r.chance(0.25) { // an indicator list
            var lines = Templates.iocLines
            var block = "\n" + Templates.iocHeader[lang]! + "\n"
            for _ in 0..<b.v.r.int(2...5) { block += lines.remove(at: b.v.r.int(lines.count)) + "\n" }
            b.fill(block, lang: lang, incident: "")
        }
        b.fill(b.v.r.pick(t.closings), lang: lang, incident: "")
        let fields = [b.personField(lang), b.nonPersonField(lang)]
        return LabelledDocument(id: "s\(seed)-\(index)", language: lang, text: b.text, spans: b.spans, fields: fields)
    }
}

struct DocumentBuilder {
    var v: Values
    var text = ""
    var scalars = 0
    var spans: [LabelledSpan] = []

    init(r: SeededRandom) { v = Values(r: r) }

    mutating func append(_ s: String, _ kind: PersonalDataKind? = nil) {
        let n = s.unicodeScalars.count
        if let kind, n > 0 { spans.append(LabelledSpan(start: scalars, end: scalars + n, type: kind)) }
        text += s
        scalars += n
    }

    /// Expands one template; text between slots is copied, slot values are labelled as written.
    mutating func fill(_ template: String, lang: ReportLanguage, incident: String) {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            append(String(rest[..<open]))
            let slot = String(rest[rest.index(after: open)..<close])
            let (value, kind) = value(for: slot, lang: lang, incident: incident)
            append(value, kind)
            rest = rest[rest.index(after: close)...]
        }
        append(String(rest))
    }

    var r: SeededRandom {
        get { v.r }
        set { v.r = newValue }
    }

    mutating func value(for slot: String, lang: ReportLanguage, incident: String) -> (String, PersonalDataKind?) {
        switch slot {
        case "name": return (v.personName(lang, cueless: false), .person)
        case "nameF": return (v.personName(lang, cueless: false, female: true), .person)
        case "nameM": return (v.personName(lang, cueless: false, female: false), .person)
        case "gname": return (v.personName(lang, cueless: true), .person)
        case "email": return (defangEmail(v.emailAddress(lang)), .email)
        case "phone": return (v.phone(lang, hasCue: false), .phone)
        case "phoneC": return (v.phone(lang, hasCue: true), .phone)
        case "iban":
            let s = v.iban(lang)
            return r.chance(0.06) ? (v.mutateDigit(s, skipLeading: 2), nil) : (s, .iban)
        case "card":
            let s = v.formatCard(v.cardDigits())
            return r.chance(0.06) ? (v.mutateDigit(s), nil) : (s, .paymentCard)
        case "jmbg":
            let s = v.jmbgDigits(lang).map(String.init).joined()
            return r.chance(0.06) ? (v.mutateDigit(s), nil) : (s, .nationalID)
        case "tckn":
            let s = v.tcknDigits().map(String.init).joined()
            return r.chance(0.06) ? (v.mutateDigit(s), nil) : (s, .nationalID)
        case "alnid": return (v.albanianNID(), .nationalID)
        case "xkid": return (String(r.int(1...9)) + r.digitString(9), .nationalID)
        case "wallet":
            let s = v.wallet()
            if r.chance(0.06) { let m = v.mutateWallet(s); if !m.isEmpty { return (m, nil) } }
            return (s, .cryptoWallet)
        case "ipv4": return (defangDots(v.ipv4Plain(), p: 0.2), .ipv4)
        case "ipv6": return (v.ipv6Plain(), .ipv6)
        case "domain": return (defangDots(v.domainName(), p: 0.3), .domain)
        case "url": return (url(), .url)
        case "incident": return (incident, nil)
        case "domainPlain": return (v.domainName(), .domain)
        case "mxDomain": return ("mx." + v.domainName(), .domain)
        case "ipv4plain": return (v.ipv4Plain(), .ipv4)
        case "masked":
            let d = v.cardDigits().map(String.init).joined()
            return (r.pick([String(d.prefix(4)) + " **** **** " + String(d.suffix(4)), String(repeating: "*", count: 12) + String(d.suffix(4)),
                            String(d.prefix(6)) + "******" + String(d.suffix(4)), "XXXX-XXXX-XXXX-" + String(d.suffix(4))]), nil)
        case "exp": return ("\(String(format2: r.int(1...12)))/\(r.int(26...31))", nil)
        case "date":
            let y = r.int(2023...2026), m = r.int(1...12), d = r.int(1...28)
            switch lang {
            case .en, .tr: return (r.chance(0.5) ? "\(y)-\(String(format2: m))-\(String(format2: d))" : "\(String(format2: d)).\(String(format2: m)).\(y)", nil)
            default: return ("\(String(format2: d)).\(String(format2: m)).\(y)" + (lang == .sq ? "" : "."), nil)
            }
        case "ts":
            let base = "\(r.int(2023...2026))-\(String(format2: r.int(1...12)))-\(String(format2: r.int(1...28)))"
            let time = "\(String(format2: r.int(0...23))):\(String(format2: r.int(0...59))):\(String(format2: r.int(0...59)))"
            return (r.pick([base + "T" + time + "Z", base + " " + time, base + "T" + time + "+01:00", base + "T" + time + ".\(r.digitString(3))Z"]), nil)
        case "time": return ("\(String(format2: r.int(0...23))):\(String(format2: r.int(0...59)))", nil)
        case "ticket":
            return (r.pick(["INC-\(r.int(2023...2026))-\(r.digitString(6))", "CERT-RS-\(r.int(2023...2026))-\(r.digitString(4))",
                            "#\(r.digitString(6))", "USOM-\(r.digitString(7))", "KU-\(r.int(1...999))/\(r.int(2023...2026))",
                            "REF \(r.digitString(4))/\(r.digitString(2))", "\(r.digitString(2))-\(r.digitString(r.int(3...5)))/\(r.int(2023...2026))"]), nil)
        case "md5": return (hex(16), nil)
        case "sha1": return (hex(20), nil)
        case "sha256": return (hex(32), nil)
        case "cve": return ("CVE-\(r.int(2017...2026))-\(r.int(1000...49999))", nil)
        case "asn": return ("AS\(r.pick([13335, 15169, 16509, 8400, 5588, 9146, 34594, 44143, 9121, 47331, 5391, 6830, 200000 + r.int(0...99999)]))", nil)
        case "port": return (String(r.pick([22, 23, 53, 80, 123, 443, 445, 1900, 3389, 8080, 8443, 11211, 3306, 5060])), nil)
        case "version":
            return (r.pick(["\(r.int(1...20)).\(r.int(0...9)).\(r.int(0...30))", "v\(r.int(1...9)).\(r.int(0...20))",
                            "\(r.int(7...10)).\(r.int(0...4)).\(r.int(1...30)).\(r.int(1...40))", "9.1.\(r.int(0...99))-\(r.int(1...12))"]), nil)
        case "file":
            let stem = r.pick(["Fatura_2026", "invoice", "Racun-\(r.digitString(5))", "update", "scan_doc", "Faturë", "Пријава", "payment_details", "setup"])
            return (stem + "." + r.pick(["exe", "zip", "pdf.exe", "docm", "xlsm", "js", "iso", "lnk", "hta", "ps1", "7z", "rar", "dll"]), nil)
        case "amount": return (r.pick(["\(r.int(1...99)).\(r.digitString(3)),00", "\(r.int(100...9999))", "\(r.int(1...9)),\(r.digitString(3)).\(r.digitString(2))"]), nil)
        case "n": return (String(r.int(2...400)), nil)
        default: fatalError("unknown slot \(slot)")
        }
    }

    mutating func hex(_ bytes: Int) -> String {
        let s = Gen.hexString(v.bytes(bytes))
        return r.chance(0.15) ? s.uppercased() : s
    }

    mutating func defangDots(_ s: String, p: Double) -> String {
        guard r.chance(p) else { return s }
        let marker = r.pick(["[.]", "[.]", "[.]", "(.)", "[dot]"])
        if r.chance(0.5) { return s.replacingOccurrences(of: ".", with: marker) }
        guard let last = s.lastIndex(of: ".") else { return s }
        return String(s[..<last]) + marker + String(s[s.index(after: last)...])
    }

    mutating func defangEmail(_ s: String) -> String {
        guard r.chance(0.1) else { return s }
        switch r.int(3) {
        case 0: return s.replacingOccurrences(of: "@", with: "[at]").replacingOccurrences(of: ".", with: "[.]")
        case 1: return s.replacingOccurrences(of: "@", with: "[@]")
        default:
            let parts = s.split(separator: "@", maxSplits: 1)
            return String(parts[0]) + "@" + defangDots(String(parts[1]), p: 1)
        }
    }

    mutating func url() -> String {
        let host = r.chance(0.15) ? v.ipv4Plain() : v.domainName()
        let scheme = r.chance(0.8) ? "https" : "http"
        let path = v.urlPath()
        guard r.chance(0.4) else { return scheme + "://" + host + path }
        let fangedScheme = r.pick(["hxxp" + scheme.dropFirst(4) + "://", scheme + "[:]//", "hxxp" + scheme.dropFirst(4) + "[://]"])
        return fangedScheme + host.replacingOccurrences(of: ".", with: "[.]") + path
    }

    // MARK: structured fields

    mutating func personField(_ lang: ReportLanguage) -> StructuredField {
        var name = v.personName(lang, cueless: r.chance(0.3))
        if r.chance(0.05) { name = "  " + name + " " }
        let label = r.pick(["Victim name", "Ime i prezime", "Adı Soyadı", "Emri dhe mbiemri", "Име и презиме", "Suspect"])
        return StructuredField(field: label, value: name, isPerson: true)
    }

    static let nonPersons = [
        "N/A", "n/a", "-", "—", "nepoznato", "unknown", "bilinmiyor", "i panjohur", "непознато", "непознат", "Beograd", "Tiranë",
        "İstanbul", "Skopje", "CERT-RS", "USOM", "Telekom Srbija a.d.", "Türk Telekom A.Ş.", "Raiffeisen Bank Sh.a.", "Komercijalna banka AD",
        "Halkbank AD Skopje", "ProCredit Bank", "Ziraat Bankası", "NLB Banka d.o.o.", "Microsoft Corporation", "Hosting Solutions Ltd",
        "support@banka.rs", "+381 64 123 4567", "2026-03-14", "INC-2026-000123", "Phishing", "Ransomware", "Nije navedeno", "Nuk dihet",
        "Belirtilmemiş", "Не е наведено", "Anonimni prijavilac", "Anonim", "Министерство за внатрешни работи", "Policia e Shtetit",
        "Emniyet Genel Müdürlüğü", "MUP Republike Srbije", "Google LLC", "Cloudflare, Inc.", "DigitalOcean LLC",
    ]

    mutating func nonPersonField(_ lang: ReportLanguage) -> StructuredField {
        StructuredField(field: "Victim name", value: r.pick(Self.nonPersons), isPerson: false)
    }
}

// MARK: JSON Lines

public enum JSONLines {
    /// One document as a single JSON object line: {"id","lang","text","spans":[{"start","end","type"}],"fields":[…]}.
    public static func line(_ d: LabelledDocument) -> String {
        var s = "{\"id\":" + quote(d.id) + ",\"lang\":" + quote(d.language.rawValue) + ",\"text\":" + quote(d.text) + ",\"spans\":["
        s += d.spans.map { "{\"start\":\($0.start),\"end\":\($0.end),\"type\":" + quote($0.type.rawValue) + "}" }.joined(separator: ",")
        s += "],\"fields\":["
        s += d.fields.map { "{\"field\":" + quote($0.field) + ",\"value\":" + quote($0.value) + ",\"person\":\($0.isPerson)}" }.joined(separator: ",")
        return s + "]}"
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
