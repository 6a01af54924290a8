import Foundation
import LiaisonCore

/// STIX 2.1 timestamps (§3.2): RFC 3339 restricted to UTC, `YYYY-MM-DDTHH:mm:ss[.s+]Z`.
/// Parsed by hand because every object carries several and Foundation's ISO 8601 parser
/// dominated the reader's profile.
enum STIXTimestamp {
    static func date(_ text: String) -> Date? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable(parse) { return parsed }
        return Array(text.utf8).withUnsafeBufferPointer(parse)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 20, bytes.count <= 64, bytes[bytes.count - 1] == UInt8(ascii: "Z") else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<start + count {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        func at(_ index: Int, _ character: Unicode.Scalar) -> Bool { bytes[index] == UInt8(ascii: character) }
        guard let year = number(0, 4), at(4, "-"), let month = number(5, 2), at(7, "-"), let day = number(8, 2), at(10, "T"),
            let hour = number(11, 2), at(13, ":"), let minute = number(14, 2), at(16, ":"), let second = number(17, 2)
        else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            guard at(19, "."), bytes.count > 21 else { return nil }
            var scale = 0.1
            for index in 20..<bytes.count - 1 {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                fraction += Double(digit) * scale
                scale /= 10
            }
        }
        guard (1...12).contains(month), day >= 1, day <= RFC3339.daysIn(month: month, year: year), hour <= 23, minute <= 59,
            second <= 60
        else { return nil }
        let seconds = Double(RFC3339.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: seconds + fraction)
    }
}
