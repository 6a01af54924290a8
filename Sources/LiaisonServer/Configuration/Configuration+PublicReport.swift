import Foundation
import LiaisonCore
import Yams

/// `public_report.*`: the public fraud-reporting form at `/report/`, hosted on behalf of one
/// producer CERT. Off unless `enabled: true`; then `producer`, `cert_name` and
/// `privacy_notice` are required.
public struct PublicReportSettings: Sendable, Hashable {
    /// `public_report.enabled`: whether `/report/` answers at all. Default false (404).
    public var enabled = false
    /// `public_report.producer`: the organisation id the reports are filed under, as if that
    /// CERT had pushed them (its agreements decide what the police see).
    public var producer = ""
    /// `public_report.cert_name`: the CERT's name as the page shows it, e.g. "CERT of Ruritania".
    public var certName = ""
    /// `public_report.logo_text`: a short mark shown as the page's logo (text, no image). Default: none.
    public var logoText: String?
    /// `public_report.privacy_notice`: the CERT's privacy notice, shown beside the optional
    /// contact details (plain text, one paragraph).
    public var privacyNotice = ""
    /// `public_report.privacy_url`: an http(s) link to the CERT's full privacy notice. Default: none.
    public var privacyURL: String?
    /// `public_report.per_address_per_hour`: submissions one client address may make in an hour
    /// (1–1,000, default 10); more are refused with 429.
    public var perAddressPerHour = 10
    /// `public_report.per_minute`: submissions the whole form takes in a minute, whoever sends
    /// them (1–10,000, default 60): the bound that keeps a distributed flood out of the database.
    public var perMinute = 60
    /// `public_report.max_description_chars`: the longest account of what happened (100–20,000,
    /// default 5,000 characters). Every other field has a fixed bound (``ReportForm``).
    public var maxDescriptionChars = 5000

    public init() {}
}

extension Configuration {
    mutating func readPublicReport(_ node: Yams.Node.Mapping?, reader: inout YAMLReader) {
        guard let node else { return }
        let path = "public_report"
        reader.rejectUnknownKeys(
            in: node,
            known: [
                "enabled", "producer", "cert_name", "logo_text", "privacy_notice", "privacy_url", "per_address_per_hour", "per_minute",
                "max_description_chars",
            ], path: path)
        var settings = PublicReportSettings()
        settings.enabled = reader.bool(node, "enabled", path: path) ?? false
        let required = settings.enabled
        if let producer = reader.string(node, "producer", path: path, required: required) {
            if Identifier.isValid(producer) {
                settings.producer = producer
            } else {
                reader.fail(reader.value(node, "producer"), key: "\(path).producer", "names no valid organisation id")
            }
        }
        settings.certName = Self.boundedText(reader.string(node, "cert_name", path: path, required: required), 200, node, "cert_name", &reader) ?? ""
        settings.logoText = Self.boundedText(reader.string(node, "logo_text", path: path), 40, node, "logo_text", &reader)
        settings.privacyNotice = Self.boundedText(
            reader.string(node, "privacy_notice", path: path, required: required), 4000, node, "privacy_notice", &reader) ?? ""
        settings.privacyURL = reader.httpURL(node, "privacy_url", path: path)
        if let value = reader.int(node, "per_address_per_hour", path: path, range: 1...1000) { settings.perAddressPerHour = value }
        if let value = reader.int(node, "per_minute", path: path, range: 1...10_000) { settings.perMinute = value }
        if let value = reader.int(node, "max_description_chars", path: path, range: 100...20_000) { settings.maxDescriptionChars = value }
        publicReport = settings
    }

    /// `text` if it is at most `limit` characters; otherwise nil, and a problem at `key`.
    private static func boundedText(
        _ text: String?, _ limit: Int, _ node: Yams.Node.Mapping, _ key: String, _ reader: inout YAMLReader
    ) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard text.count <= limit else {
            reader.fail(reader.value(node, key), key: "public_report.\(key)", "must be at most \(limit) characters")
            return nil
        }
        return text
    }
}
