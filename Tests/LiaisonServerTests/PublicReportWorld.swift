import AsyncHTTPClient
import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import Logging
import NIOCore
import NIOHTTP1

/// A live gateway with the public reporting form enabled for the CERT `cert`, whose agreement
/// shares fraud with `police`, on a free loopback port: what the browser tests drive.
enum PublicReportWorld {
    static let reporterEmail = GatewayFixture.victimEmail
    static let reporterName = "Jovana Petrović"
    static let reporterPhone = GatewayFixture.victimPhone

    static func settings(perAddressPerHour: Int = 10, perMinute: Int = 60) -> PublicReportSettings {
        var settings = PublicReportSettings()
        settings.enabled = true
        settings.producer = "cert"
        settings.certName = "National CERT of Ruritania"
        settings.logoText = "RU-CERT"
        settings.privacyNotice =
            "National CERT of Ruritania keeps your contact details apart from the report, uses them only to contact you about it, "
            + "and deletes them after two years. You may ask to see or delete them at any time."
        settings.privacyURL = "https://cert.example/privacy"
        settings.perAddressPerHour = perAddressPerHour
        settings.perMinute = perMinute
        return settings
    }

    /// Runs `body` with the database and the form's base URL (`http://127.0.0.1:PORT/report/`).
    static func run(
        _ settings: PublicReportSettings = settings(), logger: Logger = TestDatabase.logger,
        _ body: @escaping @Sendable (TestDatabase.Handle, String) async throws -> Void
    ) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [GatewayFixture.agreement(webhookURL: nil)])
            dependencies.publicReport = settings
            try await LiveGateway.run(dependencies, logger: logger) { port in
                try await body(db, "http://127.0.0.1:\(port)/report/")
            }
        }
    }

    /// Counts of the rows an intake writes.
    static func stored(_ db: TestDatabase.Handle) async throws -> (receipts: Int, incidents: Int) {
        let counts = try await TestDatabase.rowCounts(db)
        return (counts["receipts"] ?? -1, counts["incidents"] ?? -1)
    }

    /// A plain HTTP POST of a urlencoded form, as a robot would send it.
    static func post(_ url: String, _ fields: [(String, String)], headers: [(String, String)] = []) async throws -> (Int, HTTPHeaders, String) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers, String(buffer: bytes))
    }

    static func get(_ url: String, headers: [(String, String)] = []) async throws -> (Int, HTTPHeaders, String) {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers, String(buffer: bytes))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A complete, valid report.
    static let validReport: [(String, String)] = [
        ("category", "fake-shop"), ("description", "I paid for a phone on a shop site and nothing arrived; the shop stopped answering."),
        ("website", "https://bargain-phones.example.net/checkout"), ("amount", "250"), ("currency", "EUR"),
    ]
}
