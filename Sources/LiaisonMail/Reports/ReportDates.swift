import Foundation
import LiaisonCore

/// Dates written in reports: RFC 5322 section 3.3 date-time (ARF Arrival-Date, X-ARF 0.2 Date)
/// and RFC 3339 (X-ARF v4 Date, IODEF xs:dateTime).
enum ReportDates {
    static func parse(_ text: String?) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text.utf8.count <= 80 else { return nil }
        return RFC5322Date.parse(text) ?? RFC3339.date(from: text)
    }
}

/// `[day-of-week ","] day month year hour ":" minute [":" second] zone` (RFC 5322 section 3.3),
/// with the obsolete zone names of section 4.3; a missing or unknown zone is refused.
enum RFC5322Date {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ]

    static func parse(_ text: String) -> Date? {
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        if let first = tokens.first, first.count == 3, Int(first) == nil { tokens.removeFirst() }
        guard tokens.count >= 5, let day = Int(tokens[0]), (1...31).contains(day),
              let month = months.firstIndex(of: tokens[1].prefix(3).lowercased()), var year = Int(tokens[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        guard year <= 9999 else { return nil }  // and no overflow in the arithmetic below
        let clock = tokens[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, clock.count <= 3, (0...23).contains(clock[0]), (0...59).contains(clock[1]),
              (0...60).contains(clock.count == 3 ? clock[2] : 0) else { return nil }
        let zone = tokens[4]
        let offset: Int
        if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
            offset = (value / 100 * 3600 + value % 100 * 60) * (sign == "-" ? -1 : 1)
        } else if let hours = zones[zone.lowercased()] {
            offset = hours * 3600
        } else {
            return nil
        }
        guard day <= RFC3339.daysIn(month: month + 1, year: year) else { return nil }
        let seconds = RFC3339.days(year: year, month: month + 1, day: day) * 86_400
            + clock[0] * 3600 + clock[1] * 60 + (clock.count == 3 ? clock[2] : 0) - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
