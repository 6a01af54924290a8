import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Testing

/// The public reporting form in a real browser: Debian's headless Chromium driven through
/// chromedriver (``WebDriver``) against a live gateway on loopback and a real PostgreSQL.
/// Serialized: one Chromium at a time is enough for a 2-core machine. With
/// `LIAISON_SCREENSHOTS=DIR` the tests also write the README's screenshots into DIR.
@Suite(.serialized, .timeLimit(.minutes(5))) struct PublicReportBrowserTests {
    let catalogues = ReportCatalogues.shared

    func text(_ language: ReportLanguage, _ key: String) -> String { catalogues.texts(language)[key] ?? "<missing \(key)>" }

    /// Fills the form as a person would: choosing, typing, then pressing the button.
    func fill(_ browser: WebDriver.Session, _ values: [String: String], category: String = "fake-shop") async throws {
        try await browser.element("#category option[value='\(category)']").click()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            let element = try await browser.element("#\(name)")
            try await element.clear()
            try await element.type(value)
        }
    }

    func submit(_ browser: WebDriver.Session) async throws {
        try await follow(browser, "form button[type=submit]")
    }

    /// Clicks what `selector` names and waits for the page it leads to.
    func follow(_ browser: WebDriver.Session, _ selector: String) async throws {
        let page = try await browser.element("html")
        try await browser.element(selector).click()
        try await page.waitUntilReplaced()
    }

    @Test("The form speaks the browser's language (Albanian), switches to Serbian Cyrillic and English, and every control is labelled and reachable by keyboard")
    func languages() async throws {
        try await PublicReportWorld.run { _, url in
            try await WebDriver.withBrowser(acceptLanguage: "sq-AL,sq;q=0.9,en;q=0.5") { browser in
                try await browser.go(url)
                #expect(try await browser.element("html").attribute("lang") == "sq")
                #expect(try await browser.element("h1").text() == text(.albanian, "page_title"))
                #expect(try await browser.element("label[for=website]").text().hasPrefix(text(.albanian, "field_website")))
                let options = try await browser.elements("#category option")
                #expect(options.count == ReportCategory.allCases.count + 1)
                #expect(try await options[1].text() == text(.albanian, "category_phishing"))
                try await browser.screenshotIfAsked("report-form-sq")

                try await follow(browser, "nav.languages a[hreflang='sr-Cyrl']")
                #expect(try await browser.element("html").attribute("lang") == "sr-Cyrl")
                #expect(try await browser.element("h1").text() == text(.serbianCyrillic, "page_title"))
                #expect(try await browser.element("nav.languages [aria-current=page]").text() == "Српски")

                try await follow(browser, "nav.languages a[hreflang='en']")
                #expect(try await browser.element("h1").text() == text(.english, "page_title"))
                #expect(try await browser.element(".privacy").text().contains("keeps your contact details apart"))
                try await browser.screenshotIfAsked("report-form-en")

                // Every visible control has a label that names it.
                for control in try await browser.elements("form input:not([type=hidden]), form select, form textarea") {
                    let id = try #require(try await control.attribute("id"))
                    #expect(try await browser.elements("label[for='\(id)']").count == 1, "\(id) has no label")
                }
                // Tab goes through every control in page order, and never into the honeypot.
                try await browser.element("h1").click()
                var reached: [String] = []
                for _ in 0..<40 {
                    try await browser.press(WebDriver.Key.tab)
                    let focused = try await browser.focused()
                    var name = try await focused.attribute("id")
                    if name == nil { name = try await focused.attribute("type") }
                    // A date input has a stop per part (day, month, year); count the control once.
                    if reached.last != name { reached.append(name ?? "?") }
                    if name == "submit" { break }
                }
                let fields = ReportForm.Field.allCases.map(\.rawValue)
                #expect(reached.filter { fields.contains($0) } == fields)
                #expect(reached.last == "submit")
                #expect(!reached.contains("homepage"))
            }
        }
    }

    @Test("A report sent from the browser arrives as the CERT's incident through the pipeline; the reporter's e-mail is in the vault and nowhere else")
    func submission() async throws {
        let logs = CapturedLogs()
        try await PublicReportWorld.run(logger: logs.logger()) { db, url in
            let reference = try await WebDriver.withBrowser(acceptLanguage: "en-GB,en") { browser in
                try await browser.go(url)
                try await fill(browser, [
                    "description": "An online shop sold me a phone for 250 euros. After I paid by bank transfer the shop stopped answering.",
                    "website": "https://bargain-phones.example.net/checkout", "phone": "+381 60 555 0101",
                    "account": "RS35260005601001611379", "amount": "1299,50",
                    "reporter_name": PublicReportWorld.reporterName, "reporter_email": PublicReportWorld.reporterEmail,
                    "reporter_phone": PublicReportWorld.reporterPhone,
                ])
                try await browser.screenshotIfAsked("report-form-filled")
                try await submit(browser)
                #expect(try await browser.element("h1").text() == text(.english, "thanks_title"))
                let page = try await browser.element("main").text()
                #expect(!page.contains(PublicReportWorld.reporterEmail) && !page.contains("cert") && !page.contains("incident"))
                try await browser.screenshotIfAsked("report-thanks")
                return try await browser.element("#reference").text()
            }
            let receiptID = try #require(UUID(uuidString: reference))
            let receipt = try #require(try await db.store.receipt(id: receiptID, producer: "cert"))
            #expect(receipt.receipt.transport == .webForm)
            #expect(receipt.receipt.incidentIDs.count == 1)
            let rows = try await db.client.query(
                "SELECT classification_taxonomy, classification_type, title FROM incidents", logger: TestDatabase.logger)
            var incidents: [(String, String, String)] = []
            for try await row in rows.decode((String, String, String).self) { incidents.append(row) }
            #expect(incidents.count == 1 && incidents[0].0 == "fraud" && incidents[0].1 == "masquerade")
            // The agreement with the police matched it, as it would a pushed incident.
            #expect(try await TestDatabase.rowCounts(db)["deliveries"] == 1)

            let holdings = try await db.store.vaultHoldings(kind: .email, value: PublicReportWorld.reporterEmail)
            #expect(holdings.count == 1 && holdings.first?.role == .victim)
            let outside = try await TestDatabase.allTextOutsideVault(db).joined(separator: "\n")
            for personal in [PublicReportWorld.reporterEmail, "jovana.petrovic", "Petrović", "123 4567", "641234567"] {
                #expect(!outside.contains(personal), "\(personal) outside the vault")
                #expect(!logs.all.joined(separator: "\n").contains(personal), "\(personal) in a log line")
            }
            #expect(logs.all.contains { $0.contains("intake committed") && $0.contains("web-form") })
        }
    }

    @Test("A robot that fills the hidden honeypot is thanked like a person, and nothing is stored")
    func honeypot() async throws {
        try await PublicReportWorld.run { db, url in
            try await WebDriver.withBrowser { browser in
                try await browser.go(url)
                // A person never sees the trap: it lies outside the window and Tab skips it.
                let right = try await browser.execute("return document.getElementById('homepage').getBoundingClientRect().right;")
                #expect(((right as? NSNumber)?.doubleValue ?? 0) < 0)
                try await fill(browser, ["description": "A shop took my money and never sent the parcel I ordered."])
                _ = try await browser.execute("document.getElementById('homepage').value = 'https://cheap-pills.example.com';")
                try await submit(browser)
                #expect(try await browser.element("h1").text() == text(.english, "thanks_title"))
                #expect(UUID(uuidString: try await browser.element("#reference").text()) != nil)
            }
            let stored = try await PublicReportWorld.stored(db)
            #expect(stored.receipts == 0 && stored.incidents == 0)
        }
    }

    @Test("A bad field is shown next to that field, in the reporter's language (Turkish), with what was typed kept; nothing is stored")
    func badField() async throws {
        try await PublicReportWorld.run { db, url in
            try await WebDriver.withBrowser(acceptLanguage: "tr-TR,tr") { browser in
                try await browser.go(url)
                let description = "Bir mağaza paramı aldı ve ürünü hiç göndermedi."
                try await fill(browser, ["description": description, "website": "not a web address", "reporter_email": "jovana(at)example"])
                try await submit(browser)
                #expect(try await browser.element("h1").text() == text(.turkish, "page_title"))
                #expect(try await browser.element(".summary h2").text() == text(.turkish, "errors_heading"))
                let websiteError = try await browser.execute(
                    "return document.getElementById('website').closest('.field').querySelector('.error').textContent;")
                #expect(websiteError as? String == text(.turkish, "error_website"))
                let emailError = try await browser.execute(
                    "return document.getElementById('reporter_email').closest('.field').querySelector('.error').textContent;")
                #expect(emailError as? String == text(.turkish, "error_email"))
                #expect(try await browser.element("#website").attribute("aria-invalid") == "true")
                #expect(try await browser.element("#website").attribute("aria-describedby")?.contains("website-error") == true)
                #expect(try await browser.elements(".field.has-error").count == 2)
                #expect(try await browser.element("#description").property("value") as? String == description)
                #expect(try await browser.element("#category").property("value") as? String == "fake-shop")
                try await browser.screenshotIfAsked("report-error")
                // The summary's link takes the reader to the field.
                try await browser.element(".summary a[href='#website']").click()
                #expect(try await browser.currentURL().hasSuffix("#website"))
            }
            let stored = try await PublicReportWorld.stored(db)
            #expect(stored.receipts == 0 && stored.incidents == 0)
        }
    }

    @Test("Past the per-address limit the browser gets the friendly 429 page; only the allowed reports are stored")
    func rateLimit() async throws {
        try await PublicReportWorld.run(PublicReportWorld.settings(perAddressPerHour: 2)) { db, url in
            try await WebDriver.withBrowser(acceptLanguage: "mk") { browser in
                for attempt in 1...3 {
                    try await browser.go(url)
                    try await fill(browser, ["description": "Лажна продавница ми ги зеде парите, пријава број \(attempt)."])
                    try await submit(browser)
                }
                #expect(try await browser.element("h1").text() == text(.macedonian, "limited_title"))
                #expect(try await browser.element(".notice").text().contains(text(.macedonian, "limited_text")))
                try await browser.screenshotIfAsked("report-limited")
            }
            let stored = try await PublicReportWorld.stored(db)
            #expect(stored.receipts == 2 && stored.incidents == 2)
            let (status, headers, _) = try await PublicReportWorld.post(url, PublicReportWorld.validReport)
            #expect(status == 429)
            #expect(headers.first(name: "Retry-After").flatMap(Int.init).map { $0 > 0 && $0 <= 3600 } == true)
        }
    }
}
