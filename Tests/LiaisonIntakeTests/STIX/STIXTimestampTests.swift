import Foundation
import LiaisonCore
import Testing

@testable import LiaisonIntake

/// STIX 2.1 §3.2 timestamps, parsed by hand, agree with the RFC 3339 reader.
@Suite struct STIXTimestampTests {
    @Test("Reads UTC timestamps as RFC 3339 does", arguments: [
        "2024-03-01T10:00:00Z", "2024-03-01T10:00:00.000Z", "2016-05-12T08:17:27.5Z", "2000-02-29T23:59:59.999Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2100-12-31T00:00:00.123456Z", "1600-03-01T00:00:00Z",
    ])
    func agreesWithRFC3339(text: String) throws {
        let parsed = try #require(STIXTimestamp.date(text))
        let expected = try #require(RFC3339.date(from: text))
        #expect(abs(parsed.timeIntervalSince1970 - expected.timeIntervalSince1970) < 0.000_5)
    }

    @Test("Refuses what is not YYYY-MM-DDTHH:mm:ss[.s+]Z in UTC", arguments: [
        "2024-03-01T10:00:00+01:00", "2024-03-01T10:00:00", "2024-03-01 10:00:00Z", "2024-02-30T10:00:00Z",
        "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-03-01T24:00:00Z", "2024-03-01T10:00:00.Z", "24-03-01T10:00:00Z",
        "2024-03-01T10:00:0aZ", "",
    ])
    func refuses(text: String) {
        #expect(STIXTimestamp.date(text) == nil)
    }
}
