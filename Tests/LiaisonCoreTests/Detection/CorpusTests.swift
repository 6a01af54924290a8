import Foundation
import Testing
@testable import LiaisonCore
import LiaisonCorpus

@Suite("Labelled corpus, scorer and scalar offsets")
struct CorpusTests {
    static func slice(_ text: String, _ s: LabelledSpan) -> String {
        let u = Array(text.unicodeScalars)
        var out = ""
        out.unicodeScalars.append(contentsOf: u[s.start..<s.end])
        return out
    }

    @Test("Scalar offsets: one pass, multi-byte text, unsorted input and spans at the very end")
    func scalarOffsets() {
        let text = "Ж😀 ab ћ"
        // bytes: Ж=2, 😀=4, ' '=1, a, b, ' ', ћ=2 → a at byte 7, ћ at byte 10..12
        #expect(ScalarOffsets.scalarRanges(of: [7..<9, 10..<12, 0..<6], in: text) == [3..<5, 6..<7, 0..<2])
        #expect(ScalarOffsets.scalarRanges(of: [12..<12], in: text) == [7..<7])
        #expect(ScalarOffsets.scalarRanges(of: [-3..<2, 2..<40], in: text) == [0..<1, 1..<7])  // a caller's bad offsets: no trap
        // Long runs between boundaries are counted eight bytes a step: every byte offset that starts a
        // scalar of a long mixed text (one, two, three and four bytes) gives that scalar's index.
        let long = String(repeating: "Petrović Ђорђе 😀 ab ç € ", count: 9) + "x"
        let starts = long.unicodeScalars.indices.map { long.utf8.distance(from: long.utf8.startIndex, to: $0) }
        let pieces = zip(starts, starts.dropFirst()).map { $0..<$1 } + [starts.last!..<(long.utf8.count + 5)]
        #expect(ScalarOffsets.scalarRanges(of: pieces, in: long) == (0..<starts.count).map { $0..<($0 + 1) })
        let sample = "Име и презиме: Марко Петровић, tel +381 64 123 4567"
        let spans = PersonalDataScanner().scan(sample)
        let ranges = ScalarOffsets.scalarRanges(of: spans, in: sample)
        let scalars = Array(sample.unicodeScalars)
        for (span, r) in zip(spans, ranges) {
            var s = ""; s.unicodeScalars.append(contentsOf: scalars[r])
            #expect(s == covered(sample, span))
        }
    }

    @Test("The generator is deterministic per seed and index, and different across seeds")
    func deterministic() {
        let a = CorpusGenerator(seed: 42).documents(count: 20).map(JSONLines.line)
        let b = CorpusGenerator(seed: 42).documents(count: 20).map(JSONLines.line)
        let c = CorpusGenerator(seed: 43).documents(count: 20).map(JSONLines.line)
        #expect(a == b)
        #expect(a != c)
        #expect(CorpusGenerator(seed: 42).document(7).text == CorpusGenerator(seed: 42).documents(count: 8)[7].text)
    }

    @Test("Labels are in bounds, disjoint, sorted, and every checksummed value is valid on its own")
    func labelsAreSound() {
        let docs = CorpusGenerator(seed: 5).documents(count: 400)
        var languages = Set<String>(), kinds = Set<PersonalDataKind>()
        for d in docs {
            languages.insert(d.language.rawValue)
            let n = d.text.unicodeScalars.count
            var last = 0
            for s in d.spans {
                kinds.insert(s.type)
                #expect(s.start >= last && s.start < s.end && s.end <= n)
                last = s.end
                let value = Self.slice(d.text, s)
                switch s.type {
                case .iban, .paymentCard, .cryptoWallet, .email, .ipv4, .ipv6, .url, .domain:
                    #expect(PersonalDataValidator.isValid(value, as: s.type), "\(s.type): \(value)")
                case .nationalID where !value.contains(where: \.isLetter) && value.count != 10:
                    #expect(PersonalDataValidator.isValid(value, as: .nationalID), "\(value)")
                default: break
                }
            }
        }
        #expect(languages.count == ReportLanguage.allCases.count)
        // Every kind the detectors find in text; account names and Message-IDs come only from structured fields.
        #expect(kinds == Set(PersonalDataKind.allCases).subtracting([.userAccount, .messageID]))
    }

    @Test("JSON Lines output parses, with the documented keys")
    func jsonLines() throws {
        for d in CorpusGenerator(seed: 9).documents(count: 50) {
            let line = JSONLines.line(d)
            #expect(!line.contains("\n"))
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(obj["text"] as? String == d.text)
            let spans = try #require(obj["spans"] as? [[String: Any]])
            #expect(spans.count == d.spans.count)
            for (j, s) in zip(spans, d.spans) {
                #expect(j["start"] as? Int == s.start && j["end"] as? Int == s.end && j["type"] as? String == s.type.rawValue)
            }
        }
    }

    @Test("Scorer: exact (start, end, type) matching counts TP/FP/FN")
    func scorerCounts() {
        let text = "Victim name: Marko Petrović, tel +381 64 123 4567"
        let doc = LabelledDocument(id: "t", language: .en, text: text,
                                   spans: [LabelledSpan(start: 13, end: 27, type: .person), LabelledSpan(start: 33, end: 48, type: .phone)],
                                   fields: [])
        let r = Scorer.score([doc])
        #expect(r.perKind[.person]!.tp == 1)
        #expect(r.perKind[.phone]!.tp == 0 && r.perKind[.phone]!.fp == 1 && r.perKind[.phone]!.fn == 1) // end off by one
    }

    @Test("Detectors meet the targets on a fresh seed")
    func targets() {
        let r = Scorer.score(CorpusGenerator(seed: 2026).documents(count: 600))
        for kind: PersonalDataKind in [.iban, .paymentCard, .nationalID, .cryptoWallet] {
            #expect(r.perKind[kind]!.precision >= 0.99 && r.perKind[kind]!.recall >= 0.99, "\(kind)")
        }
        for kind: PersonalDataKind in [.email, .ipv4, .ipv6, .phone] {
            #expect(r.perKind[kind]!.precision >= 0.98 && r.perKind[kind]!.recall >= 0.98, "\(kind)")
        }
        #expect(r.perKind[.person]!.precision >= 0.95 && r.perKind[.person]!.recall >= 0.90)
        #expect(r.structuredPerson.precision >= 0.98 && r.structuredPerson.recall >= 0.98)
    }
}
