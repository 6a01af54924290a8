import LiaisonCore

public struct KindScore: Sendable {
    public var tp = 0, fp = 0, fn = 0
    public init() {}
    public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
    public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

public struct ScoreReport: Sendable {
    public var perKind: [PersonalDataKind: KindScore] = [:]
    /// Person values given alone as a structured field, checked with `PersonalDataValidator.isValid(_, as: .person)`.
    public var structuredPerson = KindScore()
    public var falsePositives: [PersonalDataKind: [String]] = [:]
    public var falseNegatives: [PersonalDataKind: [String]] = [:]
    public var structuredErrors: [String] = []
    public var documents = 0
    public var scalars = 0
    public var seconds = 0.0
}

/// Exact-span scorer: a prediction counts only when (start, end, type) all match a label.
public enum Scorer {
    public static func score(_ docs: [LabelledDocument], scanner: PersonalDataScanner = PersonalDataScanner(),
                             examples: Int = 8, clock: () -> Double = { 0 }) -> ScoreReport {
        var report = ScoreReport()
        for kind in PersonalDataKind.allCases { report.perKind[kind] = KindScore() }
        for doc in docs {
            report.documents += 1
            let t0 = clock()
            let found = scanner.scan(doc.text)
            report.seconds += clock() - t0
            let ranges = ScalarOffsets.scalarRanges(of: found, in: doc.text)
            let predicted = Set(zip(found, ranges).map { LabelledSpan(start: $1.lowerBound, end: $1.upperBound, type: $0.kind) })
            let gold = Set(doc.spans)
            var scalarsCache: [Unicode.Scalar]? = nil
            func context(_ s: LabelledSpan) -> String {
                if scalarsCache == nil { scalarsCache = Array(doc.text.unicodeScalars) }
                let u = scalarsCache!
                let a = max(0, s.start - 40), b = min(u.count, s.end + 40)
                func str(_ r: Range<Int>) -> String { var x = ""; x.unicodeScalars.append(contentsOf: u[r]); return x }
                return "\(doc.id): …" + str(a..<s.start) + "⟦" + str(s.start..<s.end) + "⟧" + str(s.end..<b) + "…"
            }
            for p in predicted {
                if gold.contains(p) { report.perKind[p.type]!.tp += 1; continue }
                report.perKind[p.type]!.fp += 1
                if report.falsePositives[p.type, default: []].count < examples {
                    // Name the overlapping gold label, if any, to tell boundary errors from spurious finds.
                    let overlap = gold.first { $0.start < p.end && p.start < $0.end }.map { " [gold: \($0.type.rawValue) \($0.start)..<\($0.end)]" } ?? ""
                    report.falsePositives[p.type, default: []].append(context(p) + overlap)
                }
            }
            for g in gold where !predicted.contains(g) {
                report.perKind[g.type]!.fn += 1
                if report.falseNegatives[g.type, default: []].count < examples {
                    report.falseNegatives[g.type, default: []].append(context(g))
                }
            }
            report.scalars += doc.text.unicodeScalars.count
            for f in doc.fields {
                let accepted = PersonalDataValidator.isValid(f.value, as: .person)
                switch (f.isPerson, accepted) {
                case (true, true): report.structuredPerson.tp += 1
                case (true, false): report.structuredPerson.fn += 1
                case (false, true): report.structuredPerson.fp += 1
                case (false, false): break
                }
                if f.isPerson != accepted && report.structuredErrors.count < examples {
                    report.structuredErrors.append((accepted ? "FP " : "FN ") + "«\(f.value)»")
                }
            }
        }
        return report
    }

    public static func table(_ r: ScoreReport) -> String {
        func f(_ x: Double) -> String {
            let v = Int((x * 10000).rounded())
            let frac = String(v % 10000)
            return "\(v / 10000)." + String(repeating: "0", count: 4 - frac.count) + frac
        }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        var out = pad("kind", 20) + lpad("TP", 7) + lpad("FP", 7) + lpad("FN", 7) + lpad("P", 9) + lpad("R", 9) + lpad("F1", 9) + "\n"
        var total = KindScore()
        for kind in PersonalDataKind.allCases {
            let k = r.perKind[kind] ?? KindScore()
            // Kinds never found in text (account names) have nothing to score.
            guard k.tp + k.fp + k.fn > 0 else { continue }
            total.tp += k.tp; total.fp += k.fp; total.fn += k.fn
            out += pad(kind.rawValue, 20) + lpad("\(k.tp)", 7) + lpad("\(k.fp)", 7) + lpad("\(k.fn)", 7)
                + lpad(f(k.precision), 9) + lpad(f(k.recall), 9) + lpad(f(k.f1), 9) + "\n"
        }
        out += pad("all (micro)", 20) + lpad("\(total.tp)", 7) + lpad("\(total.fp)", 7) + lpad("\(total.fn)", 7)
            + lpad(f(total.precision), 9) + lpad(f(total.recall), 9) + lpad(f(total.f1), 9) + "\n"
        let s = r.structuredPerson
        out += pad("person (fields)", 20) + lpad("\(s.tp)", 7) + lpad("\(s.fp)", 7) + lpad("\(s.fn)", 7)
            + lpad(f(s.precision), 9) + lpad(f(s.recall), 9) + lpad(f(s.f1), 9) + "\n"
        return out
    }
}
