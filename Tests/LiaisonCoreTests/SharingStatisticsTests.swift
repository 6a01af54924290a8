import Foundation
import LiaisonCore
import Testing

@Suite struct SharingStatisticsTests {
    @Test("Buckets sum their classes, count each offence a class points to, and come in time order")
    func buckets() throws {
        let firstDay = Date(timeIntervalSince1970: 1_796_774_400)
        let secondDay = firstDay.addingTimeInterval(86_400)
        let phishing = try #require(Classification(taxonomy: "fraud", type: "phishing"))
        let scanner = try #require(Classification(taxonomy: "information-gathering", type: "scanner"))
        let statistics = SharingStatistics(
            organisation: "cert", side: .shared, interval: .day, since: firstDay,
            rows: [
                .init(bucket: secondDay, classification: scanner, count: 4),
                .init(bucket: firstDay, classification: phishing, count: 2),
                .init(bucket: secondDay, classification: phishing, count: 1),
            ], medianSecondsToAcknowledge: nil, acknowledgedIncidents: 0, openInformationRequests: 0)
        #expect(statistics.buckets.map(\.start) == [firstDay, secondDay])
        #expect(statistics.buckets.map(\.incidents) == [2, 5])
        #expect(statistics.buckets[1].byClass == ["information-gathering/scanner": 4, "fraud/phishing": 1])
        // A scan points to no offence; phishing to forgery and fraud, each counted.
        #expect(statistics.buckets[1].byOffence == ["art-7-computer-related-forgery": 1, "art-8-computer-related-fraud": 1])
    }

    @Test("Feedback text is protected like an incident's description: values become tokens for the vault")
    func protectsText() {
        let protected = IncidentProtector().protect(text: "Call marko.ilic@example.rs today, or marko.ilic@example.rs later.", field: "/text")
        #expect(!protected.text.contains("marko.ilic"))
        #expect(protected.vault.count == 1 && protected.vault.first?.plaintext == "marko.ilic@example.rs")
        #expect(Token.occurrences(in: protected.text).count == 2)
        #expect(protected.redactions.allSatisfy { $0.field == "/text" && $0.kind == .email })
    }
}
