import Foundation

/// RFC 3339 date-times, with or without fractional seconds; a time zone is required.
public enum RFC3339 {
    public static func date(from text: String) -> Date? {
        guard text.utf8.count <= 64 else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// UTC with milliseconds, rounded (not truncated), so that writing a parsed time gives
    /// back the same text: signed documents stay verifiable after a round trip. Written by
    /// hand for years 0000–9999 (intake writes several per event); Foundation's
    /// formatter, about ten times slower, writes any other.
    public static func string(from date: Date) -> String {
        let millis = (date.timeIntervalSince1970 * 1000).rounded()
        guard abs(millis) < 1e15 else { return foundationString(millis: millis) }
        let total = Int(millis)
        let days = total >= 0 ? total / 86_400_000 : (total - 86_399_999) / 86_400_000
        let (year, month, day) = civil(daysSince1970: days)
        guard (0...9999).contains(year) else { return foundationString(millis: millis) }
        let time = total - days * 86_400_000
        let fields = [
            (year, 4, "-"), (month, 2, "-"), (day, 2, "T"), (time / 3_600_000, 2, ":"), (time / 60_000 % 60, 2, ":"),
            (time / 1000 % 60, 2, "."), (time % 1000, 3, "Z"),
        ]
        return String(unsafeUninitializedCapacity: 24) { text in
            var end = 0
            for (value, width, separator) in fields {
                var value = value
                for position in stride(from: end + width - 1, through: end, by: -1) {
                    text[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                text[end + width] = separator.utf8.first!
                end += width + 1
            }
            return end
        }
    }

    private static func foundationString(millis: Double) -> String {
        let seconds = (millis / 1000).rounded(.down)
        let fraction = Int(millis - seconds * 1000)
        let whole = Date(timeIntervalSince1970: seconds).formatted(.iso8601)
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
