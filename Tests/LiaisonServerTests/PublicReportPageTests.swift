import AsyncHTTPClient
import Foundation
import NIOCore
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

/// The public reporting form without a browser: its catalogues, language choice, field checks,
/// limits, headers and refusals, over a real socket where the client's address matters.
@Suite(.timeLimit(.minutes(5))) struct PublicReportPageTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LiaisonServer/Web/templates")

    @Test("Every catalogue has exactly English's keys, none empty, and English has every key the templates and the code use")
    func catalogues() throws {
        let catalogues = ReportCatalogues.shared
        let english = try #require(catalogues.entries[.english])
        #expect(catalogues.entries.count == ReportLanguage.allCases.count)
        for language in ReportLanguage.allCases {
            let entries = try #require(catalogues.entries[language], "\(language) has no catalogue")
            #expect(Set(entries.keys) == Set(english.keys), "\(language.rawValue) differs from en")
            #expect(entries.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(language.rawValue) has an empty text")
        }
        var used: Set<String> = ["optional", "required", "page_title"]
        // The console's templates are English only and use no catalogue.
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.templates.path) where !name.hasPrefix("console-") {
            let text = try String(contentsOf: Self.templates.appendingPathComponent(name), encoding: .utf8)
            let regex = try Regex("t\\.([a-z0-9_]+)")
            for match in text.matches(of: regex) { used.insert(String(text[match.range].dropFirst(2))) }
        }
        used.formUnion(ReportCategory.allCases.map(\.labelKey))
        used.formUnion(ReportForm.Field.allCases.map { "field_\($0.rawValue)" })
        for key in used { #expect(english[key] != nil, "en lacks \(key)") }
        // Every message a check can give is in the catalogue.
        var form = ReportForm()
        for field in ReportForm.Field.allCases { form.values[field] = "\u{1}" }
        for problem in form.problems(maxDescriptionChars: 5000) { #expect(english[problem.messageKey] != nil) }
    }

    @Test("Accept-Language chooses the language: highest q among those spoken, Latin or Cyrillic by tag, English otherwise")
    func negotiation() {
        #expect(ReportLanguage.negotiate("sq-AL,sq;q=0.9,en;q=0.5") == .albanian)
        #expect(ReportLanguage.negotiate("hr-HR") == .bcmsLatin)
        #expect(ReportLanguage.negotiate("bs") == .bcmsLatin)
        #expect(ReportLanguage.negotiate("cnr-ME") == .bcmsLatin)
        #expect(ReportLanguage.negotiate("sr-Latn-RS") == .bcmsLatin)
        #expect(ReportLanguage.negotiate("sr") == .serbianCyrillic)
        #expect(ReportLanguage.negotiate("sr-Cyrl-RS, en;q=0.8") == .serbianCyrillic)
        #expect(ReportLanguage.negotiate("de-DE, tr;q=0.5") == .turkish)
        #expect(ReportLanguage.negotiate("en;q=0, mk;q=0.3") == .macedonian)
        #expect(ReportLanguage.negotiate("fr-FR") == .english)
        #expect(ReportLanguage.negotiate(";;,q=,;q=x") == .english)
        #expect(ReportLanguage.negotiate(nil) == .english)
    }

    @Test("Fields are checked one by one: required, bounded, and of the shape their box asks for")
    func checks() throws {
        let today = try #require(ReportForm.date("2026-12-03"))
        func problems(_ pairs: [(String, String)]) -> [String: String] {
            let body = pairs.map { "\(PublicReportWorld.encode($0.0))=\(PublicReportWorld.encode($0.1))" }.joined(separator: "&")
            let form = ReportForm.read(Array(body.utf8))!
            return Dictionary(form.problems(maxDescriptionChars: 200, today: today).map { ($0.field.rawValue, $0.messageKey) }) { a, _ in a }
        }
        #expect(problems([]) == ["category": "error_required", "description": "error_required"])
        #expect(problems(PublicReportWorld.validReport).isEmpty)
        let bad = problems([
            ("category", "lottery"), ("description", "short"), ("date", "2027-01-01"), ("website", "not a site"), ("phone", "call me"),
            ("account", "RS35<script>"), ("wallet", "0xnothing"), ("amount", "12.345"), ("currency", "XYZ"), ("reporter_email", "a@"),
            ("reporter_phone", "12"), ("reporter_name", String(repeating: "x", count: 201)),
        ])
        #expect(bad == [
            "category": "error_invalid", "description": "error_description_short", "date": "error_date", "website": "error_website",
            "phone": "error_phone", "account": "error_account", "wallet": "error_wallet", "amount": "error_amount",
            "currency": "error_invalid", "reporter_email": "error_email", "reporter_phone": "error_phone", "reporter_name": "error_too_long",
        ])
        #expect(problems([("category", "other"), ("description", String(repeating: "a", count: 201))])["description"] == "error_too_long")
        #expect(problems([("category", "other"), ("description", "line one\u{0}and more text")])["description"] == "error_invalid")
        let good = problems([
            ("category", "phishing"), ("description", "A text message asked for my card number."), ("date", "2026-12-03"),
            ("website", "bank-login.example.net/rs"), ("phone", "+381 60 555 0101"), ("account", "RS35 2600 0560 1001 6113 79"),
            ("wallet", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"), ("amount", "1 299,50"), ("reporter_email", "ana@example.mk"),
        ])
        #expect(good.isEmpty, "\(good)")
        // A body that is not a form is refused whole; the honeypot and the language are read apart.
        #expect(ReportForm.read(Array("category=%FF%FE".utf8)) == nil)
        #expect(ReportForm.read(Array((0..<65).map { "a\($0)=1" }.joined(separator: "&").utf8)) == nil)
        let trapped = try #require(ReportForm.read(Array("homepage=http%3A%2F%2Fspam.example&lang=tr&category=other".utf8)))
        #expect(trapped.honeypotFilled && trapped.language == "tr" && trapped.values[.category] == "other")
    }

    @Test("A checked report becomes a draft with the fraudster's details as the offender's and the reporter's as the victim's")
    func draft() throws {
        var form = ReportForm()
        form.values = [
            .category: "investment", .description: "A trading site took my savings.", .website: "invest-now.example.com",
            .account: "RS35260005601001611379", .wallet: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", .amount: "5000", .currency: "RSD",
            .reporterEmail: "ana@example.mk", .reporterName: "Ana Petrovska", .date: "2026-11-28",
        ]
        let draft = form.draft(language: .macedonian)
        #expect(draft.classification == Classification(taxonomy: "fraud", type: "masquerade"))
        #expect(draft.naturalKey.hasPrefix("web-form:") && draft.tlp == TLP.amber)
        #expect(draft.firstSeen == ReportForm.date("2026-11-28"))
        #expect(draft.description.hasSuffix("Amount lost: 5000 RSD"))
        let observables = Set(draft.observables.map { "\($0.kind.rawValue)/\($0.role.rawValue)" })
        #expect(observables == ["domain/offender", "iban/offender", "crypto-wallet/offender", "email/victim", "person/victim"])
        #expect(draft.custody.contains(CustodyField(name: "form_language", content: .verbatim("mk"))))
        for category in ReportCategory.allCases { _ = category.classification }
    }

    @Test("The limiter allows per address per hour and overall per minute, and says when to come back")
    func limiter() async {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let limiter = SubmissionLimiter(perAddressPerHour: 2, perMinute: 3, maxAddresses: 3)
        #expect(await limiter.admit("a", now: start) == .allowed)
        #expect(await limiter.admit("a", now: start.addingTimeInterval(10)) == .allowed)
        #expect(await limiter.admit("a", now: start.addingTimeInterval(20)) == .refused(retryAfter: 3580))
        #expect(await limiter.admit("b", now: start.addingTimeInterval(30)) == .allowed)
        #expect(await limiter.admit("c", now: start.addingTimeInterval(40)) == .refused(retryAfter: 20))
        #expect(await limiter.admit("c", now: start.addingTimeInterval(61)) == .allowed)
        #expect(await limiter.admit("d", now: start.addingTimeInterval(200)) == .refused(retryAfter: 60))
        #expect(await limiter.admit("a", now: start.addingTimeInterval(3601)) == .allowed)
    }

    @Test("Pages carry a strict CSP, DENY framing and no referrer; the stylesheet is served; a disabled form is a 404 problem")
    func headersAndRoutes() async throws {
        try await PublicReportWorld.run { _, url in
            let (status, headers, html) = try await PublicReportWorld.get(url, headers: [("Accept-Language", "mk")])
            #expect(status == 200 && headers.first(name: "Content-Type") == "text/html; charset=utf-8")
            #expect(headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
            #expect(headers.first(name: "Content-Security-Policy")?.contains("script-src") == false)
            #expect(headers.first(name: "X-Frame-Options") == "DENY" && headers.first(name: "Referrer-Policy") == "no-referrer")
            #expect(html.contains("<html lang=\"mk\">") && !html.contains("<script") && !html.contains("style="))
            let base = String(url.dropLast("/report/".count))
            let (cssStatus, cssHeaders, css) = try await PublicReportWorld.get(base + "/static/liaison.css")
            #expect(cssStatus == 200 && cssHeaders.first(name: "Content-Type") == "text/css; charset=utf-8" && css.contains(".field"))
            #expect(try await PublicReportWorld.get(base + "/static/nothing.js").0 == 404)
            let (jsonStatus, jsonHeaders, _) = try await PublicReportWorld.get(base + "/healthz")
            #expect(jsonStatus == 200 && jsonHeaders.first(name: "X-Frame-Options") == "DENY")
        }
        var disabled = PublicReportWorld.settings()
        disabled.enabled = false
        try await PublicReportWorld.run(disabled) { _, url in
            let (status, headers, body) = try await PublicReportWorld.get(url)
            #expect(status == 404 && headers.first(name: "Content-Type") == "application/problem+json" && body.contains("not-found"))
            #expect(try await PublicReportWorld.post(url, PublicReportWorld.validReport).0 == 404)
        }
    }

    @Test("Bad bodies are refused as problems: not a form (415), not urlencoded UTF-8 (400), too large (413); nothing stored")
    func refusals() async throws {
        try await PublicReportWorld.run { db, url in
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: "{}"))
            #expect(try await HTTPClient.shared.execute(request, timeout: .seconds(30)).status.code == 415)
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: "category=%FF"))
            #expect(try await HTTPClient.shared.execute(request, timeout: .seconds(30)).status.code == 400)
            request.body = .bytes(ByteBuffer(string: "description=" + String(repeating: "a", count: ReportForm.maxBodyBytes)))
            #expect(try await HTTPClient.shared.execute(request, timeout: .seconds(30)).status.code == 413)
            let stored = try await PublicReportWorld.stored(db)
            #expect(stored.receipts == 0 && stored.incidents == 0)
        }
    }

    @Test("A flood of valid reports is cut at the overall per-minute bound: the database takes that many and no more")
    func flood() async throws {
        try await PublicReportWorld.run(PublicReportWorld.settings(perAddressPerHour: 1000, perMinute: 5)) { db, url in
            var statuses: [Int: Int] = [:]
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<60 { group.addTask { try await PublicReportWorld.post(url, PublicReportWorld.validReport).0 } }
                for try await status in group { statuses[status, default: 0] += 1 }
            }
            #expect(statuses == [200: 5, 429: 55])
            let stored = try await PublicReportWorld.stored(db)
            #expect(stored.receipts == 5 && stored.incidents == 5)
        }
    }
}
