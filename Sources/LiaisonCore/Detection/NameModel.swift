/// The learned scorer of people's names (issue 11, round six): a logistic regression over the
/// features of each candidate span (`NameCandidates`, `NameFeature`), trained on the training and
/// development sets by `Benchmarks/NameModel/train.py`, which writes the weights into
/// `NameModel+Weights.swift`. A candidate whose score (the log-odds, weights · features) reaches
/// `threshold` is kept; of overlapping kept candidates the best-scoring wins, ties to the earlier
/// and then the longer span.
public enum NameModel {
    /// The names among `found` (the rules' names) and the other candidates, as chosen by the model.
    static func choose(_ p: Bytes, found: [FoundName], starts: [Int], cues: [(index: Int, title: Bool)],
                       lowerCaseText: Bool, reader: inout NameReader, into out: inout [Candidate]) {
        var candidates = NameCandidates(p, found: found, cues: cues, lowerCaseText: lowerCaseText)
        var kept: [(span: NameCandidates.Span, score: Double)] = []
        candidates.each(found: found, starts: starts, reader: &reader) { span, f in
            let s = score(f)
            if s >= threshold { kept.append((span, s)) }
        }
        guard !kept.isEmpty else { return }
        kept.sort { a, b in
            a.score != b.score ? a.score > b.score : a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end
        }
        var taken: [Range<Int>] = []  // sorted by start, never overlapping
        for (span, _) in kept {
            let r = span.start..<span.end
            var lo = 0, hi = taken.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if taken[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            if lo < taken.count && taken[lo].lowerBound < r.upperBound { continue }
            taken.insert(r, at: lo)
            out.append(FoundName(words: span.ranges, stems: [], detector: "person-model").candidate(p))
        }
    }

    @inline(__always) static func score(_ f: UnsafeMutableBufferPointer<Double>) -> Double {
        var s = 0.0
        for k in 0..<f.count where f[k] != 0 { s += weights[k] * f[k] }
        return s
    }

    /// One candidate for `liaison-bench candidates`: its UTF-8 range, features and the rules' verdict.
    public struct Row: Sendable {
        public var utf8Range: Range<Int>
        public var features: [Double]
        public var score: Double
    }

    /// The names of the features, in the order of `Row.features` and of the weights.
    public static var featureNames: [String] { NameFeature.allCases.map { String(describing: $0) } }

    /// Every candidate of `text` with its features, as the scanner weighs them (before other kinds
    /// and the refanging of defanged text are considered).
    public static func rows(_ text: String) -> [Row] {
        var copy = text
        return copy.withUTF8 { p in
            var rows: [Row] = []
            PersonNames.candidates(p) { span, f in rows.append(Row(utf8Range: span.start..<span.end, features: Array(f), score: score(f))) }
            return rows
        }
    }
}
