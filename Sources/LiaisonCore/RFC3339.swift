import Foundation

/// RFC 3339 date-times, with or without fractional seconds; a time zone is required.
public enum RFC3339 {
    public static func date(from text: String) -> Date? {
        guard text.utf8.count <= 64 else { return nil }
        if let date = wholeSeconds(text) { return date }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` or with `±HH:MM`, as IntelMQ writes its times, read by hand
    /// (Foundation's parser is several times slower). Anything else, including fractions
    /// of a second, offsets over 18 hours and years before 1600 (Foundation's calendar is
    /// Julian before 1582), is left to Foundation; a test checks the two agree.
    static func wholeSeconds(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<(start + length)] {
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard separators.allSatisfy({ bytes[$0.0] == $0.1 }),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2),
            (1600...9999).contains(year), (1...12).contains(month), hour <= 23, minute <= 59, second <= 59,
            (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                let hours = number(20, 2), let minutes = number(23, 2), minutes <= 59, hours * 60 + minutes <= 18 * 60
            else { return nil }  // Foundation refuses offsets over 18 hours, and so does this reading
            offset = (hours * 3600 + minutes * 60) * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let separators: [(Int, UInt8)] = [
        (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")), (10, UInt8(ascii: "T")), (13, UInt8(ascii: ":")), (16, UInt8(ascii: ":")),
    ]

    /// Days in a month (1–12) of a proleptic Gregorian year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// UTC with milliseconds, rounded (not truncated), so that writing a parsed time gives
    /// back the same text: signed documents stay verifiable after a round trip. Written by
    /// hand for the years the reader above reads by hand (intake writes several times per
    /// event); Foundation's formatter, about ten times slower, writes the others, so that
    /// each year range is read and written by the same calendar.
    public static func string(from date: Date) -> String {
        let millis = (date.timeIntervalSince1970 * 1000).rounded()
        guard abs(millis) < 1e15 else { return foundationString(millis: millis) }
        let total = Int(millis)
        let days = total >= 0 ? total / 86_400_000 : (total - 86_399_999) / 86_400_000
        let (year, month, day) = civil(daysSince1970: days)
        guard (1600...9999).contains(year) else { return foundationString(millis: millis) }
        let time = total - days * 86_400_000
        return String(unsafeUninitializedCapacity: 24) { text in
            var end = 0
            func put(_ value: Int, width: Int, then separator: Unicode.Scalar) {
                var value = value
                for position in stride(from: end + width - 1, through: end, by: -1) {
                    text[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                text[end + width] = UInt8(ascii: separator)
                end += width + 1
            }
            put(year, width: 4, then: "-")
            put(month, width: 2, then: "-")
            put(day, width: 2, then: "T")
            put(time / 3_600_000, width: 2, then: ":")
            put(time / 60_000 % 60, width: 2, then: ":")
            put(time / 1000 % 60, width: 2, then: ".")
            put(time % 1000, width: 3, then: "Z")
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
