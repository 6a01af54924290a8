import Foundation
import LiaisonCore
import LiaisonCorpus

/// `liaison-bench score --file PATH` and `--structured PATH`: person names scored on labelled
/// files written apart from the detector (`Benchmarks/Evaluation/names/`). Text lines are
/// `{"id", "language", "text", "spans": [{"start", "end", "type": "person"}]}`, offsets in
/// Unicode scalars, end exclusive; only persons are labelled there, so only persons are scored,
/// by exact span, after the whole scanner has resolved overlaps between kinds. Structured lines
/// are `{"value", "person": true|false}`, checked with `PersonalDataValidator.isValid(_:as: .person)`.
enum FileScore {
    static func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            guard let object = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
                throw CocoaError(.fileReadCorruptFile)
            }
            return object
        }
    }

    static func texts(_ path: String, examples: Int) throws {
        let scanner = PersonalDataScanner()
        var total = KindScore()
        var byLanguage: [String: KindScore] = [:]
        var errors: [String] = []
        for line in try lines(path) {
            let text = line["text"] as? String ?? ""
            let language = line["language"] as? String ?? "?"
            let gold = Set((line["spans"] as? [[String: Any]] ?? []).filter { ($0["type"] as? String) == "person" }.map {
                LabelledSpan(start: $0["start"] as? Int ?? 0, end: $0["end"] as? Int ?? 0, type: .person)
            })
            let found = scanner.scan(text).filter { $0.kind == .person }
            let predicted = Set(ScalarOffsets.scalarRanges(of: found, in: text).map { LabelledSpan(start: $0.lowerBound, end: $0.upperBound, type: .person) })
            var score = KindScore()
            score.tp = gold.intersection(predicted).count
            score.fp = predicted.count - score.tp
            score.fn = gold.count - score.tp
            total.tp += score.tp; total.fp += score.fp; total.fn += score.fn
            byLanguage[language, default: KindScore()].tp += score.tp
            byLanguage[language, default: KindScore()].fp += score.fp
            byLanguage[language, default: KindScore()].fn += score.fn
            let scalars = Array(text.unicodeScalars)
            func shown(_ s: LabelledSpan) -> String {
                func str(_ r: Range<Int>) -> String { var x = ""; x.unicodeScalars.append(contentsOf: scalars[r]); return x }
                let a = max(0, s.start - 40), b = min(scalars.count, s.end + 40)
                return (str(a..<s.start) + "⟦" + str(s.start..<s.end) + "⟧" + str(s.end..<b)).replacingOccurrences(of: "\n", with: "⏎")
            }
            for s in predicted.subtracting(gold).sorted(by: { $0.start < $1.start }) { errors.append("FP \(language) \(line["id"] ?? ""): …\(shown(s))…") }
            for s in gold.subtracting(predicted).sorted(by: { $0.start < $1.start }) { errors.append("FN \(language) \(line["id"] ?? ""): …\(shown(s))…") }
        }
        print("person names in \(path)")
        print(row("all", total))
        for (language, score) in byLanguage.sorted(by: { $0.key < $1.key }) { print(row(language, score)) }
        for e in errors.prefix(examples) { print(e) }
        if errors.count > examples { print("… \(errors.count - examples) more errors (--examples N)") }
    }

    static func structured(_ path: String, examples: Int) throws {
        var score = KindScore()
        var errors: [String] = []
        for line in try lines(path) {
            let value = line["value"] as? String ?? ""
            let person = line["person"] as? Bool ?? false
            let accepted = PersonalDataValidator.isValid(value, as: .person)
            switch (person, accepted) {
            case (true, true): score.tp += 1
            case (true, false): score.fn += 1; errors.append("FN «\(value)»")
            case (false, true): score.fp += 1; errors.append("FP «\(value)»")
            case (false, false): break
            }
        }
        print("structured person fields in \(path)")
        print(row("all", score))
        for e in errors.prefix(examples) { print(e) }
        if errors.count > examples { print("… \(errors.count - examples) more errors (--examples N)") }
    }

    static func row(_ label: String, _ s: KindScore) -> String {
        label.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: " TP %5d  FP %4d  FN %4d   P %.4f  R %.4f  F1 %.4f", s.tp, s.fp, s.fn, s.precision, s.recall, s.f1)
    }
}
