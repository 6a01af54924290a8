import Foundation
import LiaisonCore

/// The public reporting form's fields, read from an `application/x-www-form-urlencoded` body
/// (WHATWG URL, section 5) and checked one by one. Every field has a bound; a problem names its
/// field and a catalogue key, never the value, so the page can show it next to the field.
public struct ReportForm: Sendable, Hashable {
    /// The form's field names, in page order.
    public enum Field: String, Sendable, CaseIterable {
        case category, date, description, website, phone, account, wallet, amount, currency
        case reporterName = "reporter_name"
        case reporterEmail = "reporter_email"
        case reporterPhone = "reporter_phone"

        /// The most characters a value may have (``PublicReportSettings/maxDescriptionChars``
        /// bounds `description` instead).
        public var maxCharacters: Int {
            switch self {
            case .category, .currency: 32
            case .date: 10
            case .website: 2048
            case .phone, .reporterPhone: 40
            case .account: 64
            case .wallet: 128
            case .amount: 20
            case .description: 20_000
            case .reporterName: 200
            case .reporterEmail: 254
            }
        }
    }

    /// The honeypot: a field hidden from people (and from assistive technology), which only a
    /// program filling every box fills.
    public static let honeypot = "homepage"
    /// Other names a body may carry: the page's language.
    public static let language = "lang"
    /// The largest body read: every field at its bound, percent-encoded, fits.
    public static let maxBodyBytes = 128 * 1024
    /// The currencies offered; the region's, the euro and the dollar.
    public static let currencies = ["EUR", "ALL", "BAM", "MKD", "RSD", "TRY", "USD"]

    public struct Problem: Sendable, Hashable {
        public var field: Field
        /// The catalogue key of the message shown next to the field.
        public var messageKey: String
    }

    /// The values as typed (trimmed), to show the form again with them after a problem.
    public var values: [Field: String] = [:]
    public var honeypotFilled = false
    public var language: String?

    public init() {}

    /// Reads a urlencoded body; nil when it is not one (a name or value that does not
    /// percent-decode as UTF-8, or more than 64 pairs).
    public static func read(_ body: [UInt8]) -> ReportForm? {
        var form = ReportForm()
        guard let pairs = URLEncodedForm(body, maxPairs: 64)?.pairs else { return nil }
        for (name, value) in pairs {
            if name == honeypot {
                form.honeypotFilled = form.honeypotFilled || !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            } else if name == language {
                form.language = String(value.prefix(16))
            } else if let field = Field(rawValue: name) {
                let trimmed = value.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { form.values[field] = trimmed }
            }
        }
        return form
    }

    /// What is wrong, field by field, in page order: a required field missing, a value past its
    /// bound, or one that is not what its box asks for.
    public func problems(maxDescriptionChars: Int, today: Date = Date()) -> [Problem] {
        var problems: [Problem] = []
        func fail(_ field: Field, _ key: String) { problems.append(Problem(field: field, messageKey: key)) }
        for field in Field.allCases {
            let limit = field == .description ? maxDescriptionChars : field.maxCharacters
            guard let value = values[field] else {
                if field == .category || field == .description { fail(field, "error_required") }
                continue
            }
            if value.count > limit {
                fail(field, "error_too_long")
                continue
            }
            if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) {
                fail(field, "error_invalid")
                continue
            }
            switch field {
            case .category where ReportCategory(rawValue: value) == nil: fail(field, "error_invalid")
            case .currency where !Self.currencies.contains(value): fail(field, "error_invalid")
            case .date where Self.date(value).map({ $0 > today.addingTimeInterval(86_400) || $0 < Date(timeIntervalSince1970: 0) }) ?? true: fail(field, "error_date")
            case .website where Self.website(value) == nil: fail(field, "error_website")
            case .phone, .reporterPhone: if !PersonalDataValidator.isValid(value, as: .phone) { fail(field, "error_phone") }
            case .account where !value.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || " -/.".unicodeScalars.contains($0) }):
                fail(field, "error_account")
            case .wallet where !PersonalDataValidator.isValid(value, as: .cryptoWallet): fail(field, "error_wallet")
            case .amount where Self.amount(value) == nil: fail(field, "error_amount")
            case .description where value.count < 10: fail(field, "error_description_short")
            case .reporterEmail where !PersonalDataValidator.isValid(value, as: .email): fail(field, "error_email")
            default: break
            }
        }
        return problems
    }

    /// A `YYYY-MM-DD` date (what `<input type="date">` sends), at noon UTC.
    public static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: 12)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// A web address as an observable: a URL with a scheme and host, or a bare host name
    /// (`shop.example`), which is taken as `https://` when it has a path.
    public static func website(_ text: String) -> Observable? {
        guard !text.contains(where: \.isWhitespace) else { return nil }
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard let url = URL(string: text), let host = url.host, host.contains(".") else { return nil }
            return Observable(kind: .url, value: text, role: .offender)
        }
        let host = text.split(separator: "/", maxSplits: 1).first.map(String.init) ?? text
        guard host.contains("."), host.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-.".unicodeScalars.contains($0) })
        else { return nil }
        if host == text { return Observable(kind: .domain, value: host.lowercased(), role: .offender) }
        guard URL(string: "https://" + text) != nil else { return nil }
        return Observable(kind: .url, value: "https://" + text, role: .offender)
    }

    /// An amount of money: digits with at most one decimal separator (`.` or `,`) and up to two
    /// decimals, below a trillion.
    public static func amount(_ text: String) -> Decimal? {
        let compact = text.replacingOccurrences(of: " ", with: "")
        let normalised = compact.replacingOccurrences(of: ",", with: ".")
        let parts = normalised.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 12, parts[0].allSatisfy(\.isASCII),
            parts[0].allSatisfy(\.isNumber), parts.count == 1 || (1...2).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return Decimal(string: normalised)
    }
}
